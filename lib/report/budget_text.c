#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/budget_text.h"
#include "report/format.h"

/* "1.0000 s" as "1 s", "250.00 ms" as "250 ms": a limit a person wrote reads
 * as it was written, the shared formatter having chosen the unit. */
static void trim_zeros(char *s)
{
    char  *space = strchr(s, ' '), *dot = strchr(s, '.'), *end;
    size_t tail;

    if (space == NULL || dot == NULL || dot > space) {
        return;
    }
    for (end = space; end[-1] == '0'; end--) {
    }
    if (end[-1] == '.') {
        end--;
    }
    tail = strlen(space) + 1;
    memmove(end, space, tail);
}

static void rate(char *buf, size_t size, const cb_result *r, double per_second)
{
    cb_format_throughput(buf, size, per_second, r->throughput);
}

static void statistic(char *buf, size_t size, cb_budget_statistic st)
{
    if (st.kind == CB_BUDGET_LOWER) {
        snprintf(buf, size, "lower bound");
    } else if (st.kind == CB_BUDGET_UPPER) {
        snprintf(buf, size, "upper bound");
    } else {
        cb_budget_statistic_name(buf, size, st);
    }
}

/* The limit's value as a person would write it. */
static void limit_value(char *buf, size_t size, const cb_result *r, const cb_budget_outcome *o)
{
    if (o->limit == CB_BUDGET_MIN_THROUGHPUT) {
        rate(buf, size, r, o->budget);
    } else {
        cb_format_time(buf, size, o->budget);
    }
    trim_zeros(buf);
}

void cb_budget_text_limit(char *buf, size_t size, const cb_result *r, const cb_budget_outcome *o)
{
    char stat[32], value[48];

    statistic(stat, sizeof stat, o->statistic);
    limit_value(value, sizeof value, r, o);
    snprintf(buf, size, "%s%s at %s %s", stat,
             o->limit == CB_BUDGET_MIN_THROUGHPUT ? " throughput" : "",
             o->limit == CB_BUDGET_MAX_TIME ? "most" : "least", value);
}

void cb_budget_text_short(char *buf, size_t size, const cb_result *r, const cb_budget_outcome *o)
{
    char stat[32], value[48];

    cb_budget_statistic_name(stat, sizeof stat, o->statistic);
    limit_value(value, sizeof value, r, o);
    if (o->limit == CB_BUDGET_MIN_THROUGHPUT) {
        snprintf(buf, size, "%s thrpt \xe2\x89\xa5 %s", stat, value);
    } else {
        snprintf(buf, size, "%s %s %s", stat,
                 o->limit == CB_BUDGET_MAX_TIME ? "\xe2\x89\xa4" : "\xe2\x89\xa5", value);
    }
}

void cb_budget_text_measured(char *buf, size_t size, const cb_result *r,
                             const cb_budget_outcome *o)
{
    if (o->limit == CB_BUDGET_MIN_THROUGHPUT) {
        rate(buf, size, r, o->measured);
    } else {
        cb_format_time(buf, size, o->measured);
    }
}

void cb_budget_text_source(char *buf, size_t size, const cb_budget_outcome *o)
{
    char stat[32];

    cb_budget_statistic_name(stat, sizeof stat, o->statistic);
    switch (o->source) {
    case CB_BUDGET_OF_CALLS:
        snprintf(buf, size, "%s of %zu single calls", stat, o->n);
        return;
    case CB_BUDGET_OF_SAMPLES:
        snprintf(buf, size, "%s of %zu samples' per-iteration times", stat, o->n);
        return;
    case CB_BUDGET_OF_ESTIMATE:
        break;
    }
    snprintf(buf, size, "%s", o->statistic.kind == CB_BUDGET_LOWER   ? "the estimate's lower bound"
                              : o->statistic.kind == CB_BUDGET_UPPER ? "the estimate's upper bound"
                                                                     : "the estimate");
}

/* A ratio or a percentage in three significant digits, whole from 100 on
 * (never "1.05e+03"). */
static void number(char *buf, size_t size, double x)
{
    snprintf(buf, size, x >= 100.0 ? "%.0f" : "%.3g", x);
}

void cb_budget_text_margin(char *buf, size_t size, const cb_budget_outcome *o)
{
    /* ten times the limit or more reads as a ratio, "1051x the maximum" */
    double ratio = o->measured / o->budget, pct = fabs(o->margin) * 100.0;
    char   n[32];
    int    as_ratio = o->limit == CB_BUDGET_MAX_TIME ? !o->held && ratio >= 10.0
                                                     : o->held && ratio >= 10.0;

    if (!isfinite(o->margin) || !isfinite(ratio)) {
        snprintf(buf, size, "not measured");
        return;
    }
    number(n, sizeof n, as_ratio ? ratio : pct);
    if (as_ratio) {
        snprintf(buf, size, "%sx the %s", n, o->limit == CB_BUDGET_MAX_TIME ? "maximum" : "minimum");
    } else if (o->held) {
        snprintf(buf, size, "%s%% to spare", n);
    } else {
        snprintf(buf, size, "%s%% %s", n, o->limit == CB_BUDGET_MAX_TIME ? "over" : "short");
    }
}
