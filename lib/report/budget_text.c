#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/budget_text.h"
#include "report/format.h"
#include "report/memory_text.h"

/* A memory figure in words: "allocations", "peak". */
static const char *memory_words(cb_memory_figure f)
{
    static const char *const words[CB_MEMORY_NFIGURES] = {
        "allocations", "frees", "bytes allocated", "bytes freed", "bytes leaked", "peak",
        "resident peak"
    };

    return words[f];
}

static void statistic(char *buf, size_t size, cb_budget_statistic st)
{
    if (st.kind == CB_BUDGET_MEMORY) {
        snprintf(buf, size, "%s", memory_words(st.figure));
    } else if (st.kind == CB_BUDGET_LOWER) {
        snprintf(buf, size, "lower bound");
    } else if (st.kind == CB_BUDGET_UPPER) {
        snprintf(buf, size, "upper bound");
    } else {
        cb_budget_statistic_name(buf, size, st);
    }
}

void cb_budget_text_limit(char *buf, size_t size, const cb_budget_outcome *o)
{
    char stat[32];

    statistic(stat, sizeof stat, o->statistic);
    /* the limit as the team wrote it: "1 MB/s" stays 1 MB/s */
    snprintf(buf, size, "%s%s at %s %s", stat,
             o->limit == CB_BUDGET_MIN_THROUGHPUT ? " throughput" : "",
             o->limit == CB_BUDGET_MAX_TIME ? "most" : "least", o->written);
}

void cb_budget_text_short(char *buf, size_t size, const cb_budget_outcome *o)
{
    char stat[32];

    if (o->statistic.kind == CB_BUDGET_MEMORY) {
        statistic(stat, sizeof stat, o->statistic);
    } else {
        cb_budget_statistic_name(stat, sizeof stat, o->statistic);
    }
    if (o->limit == CB_BUDGET_MIN_THROUGHPUT) {
        snprintf(buf, size, "%s thrpt \xe2\x89\xa5 %s", stat, o->written);
    } else {
        snprintf(buf, size, "%s %s %s", stat,
                 o->limit == CB_BUDGET_MAX_TIME ? "\xe2\x89\xa4" : "\xe2\x89\xa5", o->written);
    }
}

/* A rate in decimal bytes per second, "710.3 kB/s", for a budget written in
 * them: measured in KiB/s beside a limit in MB/s would not compare at sight. */
static void decimal_rate(char *buf, size_t size, double per_second)
{
    static const char *const units[] = { "B/s", "kB/s", "MB/s", "GB/s", "TB/s" };
    size_t                   i = 0;

    while (per_second >= 1000.0 && i + 1 < sizeof units / sizeof units[0]) {
        per_second /= 1000.0;
        i++;
    }
    snprintf(buf, size, "%.4g %s", per_second, units[i]);
}

static int in_decimal_bytes(const char *written)
{
    static const char *const units[] = { "KB/s", "kB/s", "MB/s", "GB/s", "TB/s" };
    size_t                   i, n = strlen(written);

    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (n >= 4 && strcmp(written + n - 4, units[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

void cb_budget_text_measured(char *buf, size_t size, const cb_result *r,
                             const cb_budget_outcome *o)
{
    if (o->statistic.kind == CB_BUDGET_MEMORY && !isfinite(o->measured)) {
        snprintf(buf, size, "not counted");
    } else if (o->statistic.kind == CB_BUDGET_MEMORY) {
        cb_memory_text_figure(buf, size, o->statistic.figure, o->measured);
    } else if (o->limit == CB_BUDGET_MIN_THROUGHPUT && !isfinite(o->measured)) {
        snprintf(buf, size, "n/a");
    } else if (o->limit == CB_BUDGET_MIN_THROUGHPUT && in_decimal_bytes(o->written)) {
        decimal_rate(buf, size, o->measured);
    } else if (o->limit == CB_BUDGET_MIN_THROUGHPUT) {
        cb_format_throughput(buf, size, o->measured, r->throughput);
    } else {
        cb_format_time(buf, size, o->measured);
    }
}

void cb_budget_text_source(char *buf, size_t size, const cb_budget_outcome *o)
{
    char stat[32];

    cb_budget_statistic_name(stat, sizeof stat, o->statistic);
    switch (o->source) {
    case CB_BUDGET_OF_MEMORY:
        snprintf(buf, size, "%s, counted by --memory",
                 CB_MEMORY_PER_ITERATION(o->statistic.figure) ? "per iteration"
                                                               : "during one iteration");
        return;
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
    /* ten times or a tenth of the limit and beyond read as ratios: "1051x
     * the maximum", "1/1089 of the maximum", not "101918% over", "100% to
     * spare" */
    double      ratio = o->measured / o->budget, pct = fabs(o->margin) * 100.0;
    const char *limit = o->limit == CB_BUDGET_MAX_TIME ? "maximum" : "minimum";
    char        n[32];

    if (o->budget == 0.0) {
        /* "no allocation": nothing to share a margin of */
        snprintf(buf, size, o->held ? "none allowed" : "over a limit of none");
    } else if (!isfinite(o->margin) || !isfinite(ratio) || !(ratio > 0.0)) {
        snprintf(buf, size, "not measured");
    } else if (ratio >= 10.0) {
        number(n, sizeof n, ratio);
        snprintf(buf, size, "%sx the %s", n, limit);
    } else if (ratio <= 0.1) {
        number(n, sizeof n, 1.0 / ratio);
        snprintf(buf, size, "1/%s of the %s", n, limit);
    } else {
        number(n, sizeof n, pct);
        snprintf(buf, size, "%s%% %s", n,
                 o->held ? "to spare" : o->limit == CB_BUDGET_MAX_TIME ? "over" : "short");
    }
}
