#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/budget_check.h"
#include "stats/stats.h"

int cb_budget_wants_calls(const cb_budget_set *set, const char *name)
{
    const size_t *applying;
    size_t        k, n = cb_budget_applying(set, name, &applying);

    for (k = 0; k < n; k++) {
        if (set->items[applying[k]].statistic.kind == CB_BUDGET_PERCENTILE) {
            return 1;
        }
    }
    return 0;
}

int cb_budget_wants_memory(const cb_budget_set *set, const char *name)
{
    const size_t *applying;
    size_t        k, n;

    if (name != NULL) {
        n = cb_budget_applying(set, name, &applying);
        for (k = 0; k < n; k++) {
            if (set->items[applying[k]].statistic.kind == CB_BUDGET_MEMORY) {
                return 1;
            }
        }
        return 0;
    }
    for (k = 0; k < set->n; k++) {
        if (set->items[k].statistic.kind == CB_BUDGET_MEMORY) {
            return 1;
        }
    }
    return 0;
}

/* What a percentile of r is taken from, sorted, in a new array: its single
 * calls when it has them, else its samples per iteration. NULL when out of
 * memory. */
static double *sorted_values(const cb_result *r, cb_budget_source *source, size_t *n)
{
    double *x;

    if (r->calls.n > 0) {
        *source = CB_BUDGET_OF_CALLS;
        *n = r->calls.n;
        x = malloc(r->calls.n * sizeof *x);
        if (x != NULL) {
            memcpy(x, r->calls.values, r->calls.n * sizeof *x);
        }
    } else {
        *source = CB_BUDGET_OF_SAMPLES;
        *n = r->samples.n;
        x = cb_analysis_per_iteration(&r->samples);
    }
    if (x != NULL) {
        cb_stats_sort(x, *n);
    }
    return x;
}

/* The statistic st of r, a percentile taken from sorted[0..n) (numpy's
 * "linear"). */
static double statistic(const cb_result *r, cb_budget_statistic st, const double *sorted,
                        size_t n)
{
    const cb_estimate *e = cb_result_typical(r);

    switch (st.kind) {
    case CB_BUDGET_MEMORY:
        /* not counted, or not countable: held by nothing */
        return r->memory.status == CB_MEMORY_COUNTED ? r->memory.figures[st.figure] : NAN;
    case CB_BUDGET_PERCENTILE:
        return n > 0 ? cb_stats_percentile_sorted(sorted, n, st.level) : NAN;
    case CB_BUDGET_LOWER:
        return e->lower;
    case CB_BUDGET_UPPER:
        return e->upper;
    default:
        return e->point;
    }
}

int cb_budget_statistic_of(const cb_result *r, cb_budget_statistic st, double *value,
                           cb_budget_source *source, size_t *n, cb_error *err)
{
    double *sorted;

    if (st.kind != CB_BUDGET_PERCENTILE) {
        *value = statistic(r, st, NULL, 0);
        *source = st.kind == CB_BUDGET_MEMORY ? CB_BUDGET_OF_MEMORY : CB_BUDGET_OF_ESTIMATE;
        *n = 0;
        return 0;
    }
    if ((sorted = sorted_values(r, source, n)) == NULL) {
        return cb_error_set(err, "out of memory for a percentile of %zu values", *n);
    }
    *value = statistic(r, st, sorted, *n);
    free(sorted);
    return 0;
}

static size_t count_outcomes(const cb_budget_set *set, const size_t *applying, size_t n)
{
    size_t i, k, count = 0;

    for (i = 0; i < n; i++) {
        for (k = 0; k < CB_BUDGET_NLIMITS; k++) {
            count += set->items[applying[i]].has[k] != 0;
        }
    }
    return count;
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
    const size_t      *applying = NULL;
    size_t             napplying = r->failed ? 0 : cb_budget_applying(set, r->name, &applying);
    size_t             total = count_outcomes(set, applying, napplying), i, n = 0, calls = 0;
    cb_budget_outcome *out = calloc(total > 0 ? total : 1, sizeof *out);
    cb_budget_source   source = CB_BUDGET_OF_ESTIMATE, of_values = CB_BUDGET_OF_SAMPLES;
    double            *sorted = NULL, value; /* sorted once for every percentile */
    size_t             nsorted = 0;
    int                k;

    if (out == NULL) {
        return cb_error_set(err, "%s: out of memory for its budgets", r->name);
    }
    for (i = 0; i < napplying; i++) {
        const cb_budget *b = &set->items[applying[i]];

        if (b->statistic.kind == CB_BUDGET_PERCENTILE && sorted == NULL &&
            (sorted = sorted_values(r, &of_values, &nsorted)) == NULL) {
            cb_budget_outcomes_free(out, n);
            return cb_error_set(err, "%s: out of memory for a percentile of %zu values",
                                r->name, nsorted);
        }
        value = statistic(r, b->statistic, sorted, nsorted);
        source = b->statistic.kind == CB_BUDGET_PERCENTILE ? of_values
                 : b->statistic.kind == CB_BUDGET_MEMORY   ? CB_BUDGET_OF_MEMORY
                                                           : CB_BUDGET_OF_ESTIMATE;
        calls = b->statistic.kind == CB_BUDGET_PERCENTILE ? nsorted : 0;
        for (k = 0; k < CB_BUDGET_NLIMITS; k++) {
            if (!b->has[k]) {
                continue;
            }
            if (judge(b, (cb_budget_limit) k, r, value, source, calls, &out[n++]) != 0) {
                free(sorted);
                cb_budget_outcomes_free(out, n);
                return cb_error_set(err, "%s: out of memory for its budgets", r->name);
            }
        }
    }
    free(sorted);
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
