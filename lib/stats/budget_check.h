/*
 * Budgets checked against a result (core/budget.h): pure functions, no clock
 * and no output. A percentile is of the single calls when the result has
 * them (--calls, which a budget of a percentile turns on), else of the
 * samples' per-iteration times; the outcome says which. Which budgets
 * apply to a benchmark is what the set was matched to find
 * (cb_budget_applying()): a name it was not matched against has none.
 */
#ifndef CB_STATS_BUDGET_CHECK_H
#define CB_STATS_BUDGET_CHECK_H

#include "core/budget.h"
#include "core/error.h"
#include "core/result.h"

/* Single calls timed when --calls does not say how many and a budget needs
 * a percentile: as many as the measurement time allows, up to this. */
#define CB_BUDGET_CALLS 1000

/* True when a budget of set that applies to `name` limits a percentile (or
 * the median, min, max), which single calls give of calls. */
int cb_budget_wants_calls(const cb_budget_set *set, const char *name);

/* True when a budget of set that applies to `name` (NULL: to any benchmark)
 * limits a memory figure, which --memory counts: the run counts that
 * benchmark's memory. */
int cb_budget_wants_memory(const cb_budget_set *set, const char *name);

/*
 * The statistic st of r (measured, analysed, times in ns) into *value; what
 * it was computed from into *source and how many calls or samples into *n
 * (0 for the estimate). -1 when out of memory.
 */
int cb_budget_statistic_of(const cb_result *r, cb_budget_statistic st, double *value,
                           cb_budget_source *source, size_t *n, cb_error *err);

/*
 * Checks each budget of set that applies to r against r, in the file's
 * order, each of its limits an outcome of its own, into r->budgets (which it
 * replaces). A failed result gets none: it was not measured. A throughput
 * limit needs r's throughput declared (cb_budgets_check_targets() saw to
 * that). -1 when out of memory, r unchanged.
 */
int cb_budget_check(const cb_budget_set *set, cb_result *r, cb_error *err);

/* An outcome's limit as a time per iteration, where r's plots can show it:
 * the limit itself for a time, the time an iteration may take at the
 * limiting rate for a throughput; NaN for a memory figure, which no time
 * plot shows. */
double cb_budget_limit_ns(const cb_result *r, const cb_budget_outcome *o);

/* How many of r's outcomes broke their budget. */
size_t cb_budget_broken(const cb_result *r);

#endif
