#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/budget.h"
#include "stats/stats.h"

int cb_budget_wants_calls(const cb_budget_set *set, const char *name)
{
    size_t i;

    for (i = 0; i < set->n; i++) {
        if (set->items[i].statistic.kind == CB_BUDGET_PERCENTILE &&
            cb_budget_matches(&set->items[i], name)) {
            return 1;
        }
    }
    return 0;
}

int cb_budget_wants_memory(const cb_budget_set *set, const char *name)
{
    size_t i;

    for (i = 0; i < set->n; i++) {
        if (set->items[i].statistic.kind == CB_BUDGET_MEMORY &&
            (name == NULL || cb_budget_matches(&set->items[i], name))) {
            return 1;
        }
    }
    return 0;
}

/* The p-th percentile of x[0..n), numpy's "linear", from a sorted copy. */
static int percentile(const double *x, size_t n, double p, double *out, cb_error *err)
{
    double *sorted = malloc((n > 0 ? n : 1) * sizeof *sorted);

    if (sorted == NULL) {
        return cb_error_set(err, "out of memory for a percentile of %zu values", n);
    }
    memcpy(sorted, x, n * sizeof *sorted);
    cb_stats_sort(sorted, n);
    *out = n > 0 ? cb_stats_percentile_sorted(sorted, n, p) : NAN;
    free(sorted);
    return 0;
}

int cb_budget_statistic_of(const cb_result *r, cb_budget_statistic st, double *value,
                           cb_budget_source *source, size_t *n, cb_error *err)
{
    const cb_estimate *e = cb_result_typical(r);
    double            *x;
    int                rc;

    if (st.kind == CB_BUDGET_MEMORY) {
        /* not counted, or not countable: held by nothing */
        *value = r->memory.status == CB_MEMORY_COUNTED ? r->memory.figures[st.figure] : NAN;
        *source = CB_BUDGET_OF_MEMORY;
        *n = 0;
        return 0;
    }
    if (st.kind != CB_BUDGET_PERCENTILE) {
        *value = st.kind == CB_BUDGET_LOWER ? e->lower
                 : st.kind == CB_BUDGET_UPPER ? e->upper
                                              : e->point;
        *source = CB_BUDGET_OF_ESTIMATE;
        *n = 0;
        return 0;
    }
    if (r->calls.n > 0) {
        *source = CB_BUDGET_OF_CALLS;
        *n = r->calls.n;
        return percentile(r->calls.values, r->calls.n, st.level, value, err);
    }
    *source = CB_BUDGET_OF_SAMPLES;
    *n = r->samples.n;
    if ((x = cb_analysis_per_iteration(&r->samples)) == NULL) {
        return cb_error_set(err, "out of memory for %zu per-iteration values", r->samples.n);
    }
    rc = percentile(x, r->samples.n, st.level, value, err);
    free(x);
    return rc;
}

static size_t count_outcomes(const cb_budget_set *set, const char *name)
{
    size_t i, k, n = 0;

    for (i = 0; i < set->n; i++) {
        for (k = 0; k < CB_BUDGET_NLIMITS && cb_budget_matches(&set->items[i], name); k++) {
            n += set->items[i].has[k] != 0;
        }
    }
    return n;
}

/* The outcome of limit k of budget b on r, whose statistic is `value`. */
static int judge(const cb_budget *b, cb_budget_limit k, const cb_result *r, double value,
                 cb_budget_source source, size_t n, cb_budget_outcome *o)
{
    memset(o, 0, sizeof *o);
    o->match = strdup(b->match);
    o->comment = b->comment != NULL ? strdup(b->comment) : NULL;
    o->written = strdup(b->written[k]);
    if (o->match == NULL || (b->comment != NULL && o->comment == NULL) || o->written == NULL) {
        return -1;
    }
    o->statistic = b->statistic;
    o->limit = k;
    o->budget = b->value[k];
    /* a rate at the statistic's time: the units an iteration handles, per second */
    o->measured = k == CB_BUDGET_MIN_THROUGHPUT ? (double) r->per_iteration * 1e9 / value : value;
    o->source = source;
    o->n = n;
    cb_budget_outcome_judge(o);
    return 0;
}

int cb_budget_check(const cb_budget_set *set, cb_result *r, cb_error *err)
{
    size_t             total = r->failed ? 0 : count_outcomes(set, r->name), i, n = 0, calls;
    cb_budget_outcome *out = calloc(total > 0 ? total : 1, sizeof *out);
    cb_budget_source   source;
    double             value;
    int                k;

    if (out == NULL) {
        return cb_error_set(err, "%s: out of memory for its budgets", r->name);
    }
    for (i = 0; i < set->n && n < total; i++) {
        const cb_budget *b = &set->items[i];

        if (!cb_budget_matches(b, r->name)) {
            continue;
        }
        if (cb_budget_statistic_of(r, b->statistic, &value, &source, &calls, err) != 0) {
            cb_budget_outcomes_free(out, n);
            return -1;
        }
        for (k = 0; k < CB_BUDGET_NLIMITS; k++) {
            if (!b->has[k]) {
                continue;
            }
            if (judge(b, (cb_budget_limit) k, r, value, source, calls, &out[n++]) != 0) {
                cb_budget_outcomes_free(out, n);
                return cb_error_set(err, "%s: out of memory for its budgets", r->name);
            }
        }
    }
    cb_budget_outcomes_free(r->budgets, r->nbudgets);
    r->budgets = out;
    r->nbudgets = n;
    return 0;
}

double cb_budget_limit_ns(const cb_result *r, const cb_budget_outcome *o)
{
    if (o->statistic.kind == CB_BUDGET_MEMORY) {
        return NAN;
    }
    if (o->limit != CB_BUDGET_MIN_THROUGHPUT) {
        return o->budget;
    }
    /* at least this many units a second: at most this long an iteration */
    return (double) r->per_iteration * 1e9 / o->budget;
}

size_t cb_budget_broken(const cb_result *r)
{
    size_t i, n = 0;

    for (i = 0; i < r->nbudgets; i++) {
        n += !r->budgets[i].held;
    }
    return n;
}
