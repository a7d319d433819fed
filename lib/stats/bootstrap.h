/*
 * The bootstrap: confidence intervals by resampling with replacement, from the
 * seeded generator of rng.h so that a run is reproducible to the last digit.
 * Intervals are percentile intervals of the resampled statistic; an estimate is
 * (point, lower, upper, standard error), as in Criterion.rs.
 */
#ifndef CB_BOOTSTRAP_H
#define CB_BOOTSTRAP_H

#include <stddef.h>
#include <stdint.h>
#include "core/error.h"
#include "core/result.h"


typedef struct cb_bootstrap_config {
    size_t   nresamples;
    double   confidence; /* e.g. 0.95 */
    uint64_t seed;
} cb_bootstrap_config;

/* Which slope of totals on iterations a linear run is summarised by. */
typedef enum cb_slope {
    CB_SLOPE_NONE = 0,  /* flat sampling */
    CB_SLOPE_ORIGIN,    /* through the origin: Criterion's, for times */
    CB_SLOPE_INTERCEPT  /* with a fixed cost per sample: exact for instruction counts */
} cb_slope;

/*
 * One benchmark's samples: per-iteration values x = totals / iters. Fills the
 * intervals (not the points) of mean, median, std_dev and mad of x and of the
 * slope of totals on iters (unless CB_SLOPE_NONE). Resamples (iters, totals)
 * pairs, so every statistic sees the same resamples.
 */
typedef struct cb_bootstrap_one {
    cb_estimate mean, median, std_dev, mad, slope;
} cb_bootstrap_one;

int cb_bootstrap_sample(const double *iters, const double *totals, size_t n, cb_slope slope,
                        const cb_bootstrap_config *cfg, cb_bootstrap_one *out, cb_error *err);

/*
 * Two runs' per-iteration values, old and new:
 *  - the relative change of the mean and of the median, new / old - 1, with
 *    intervals from resampling each run on its own;
 *  - Welch's t of new against old, and its two-sided p-value by a bootstrap
 *    t-test: the share of t statistics, both groups drawn from the pooled
 *    values (the null hypothesis), at least as extreme as the observed one.
 */
typedef struct cb_bootstrap_two {
    cb_estimate mean_change, median_change;
    cb_estimate slope_change; /* cb_bootstrap_slopes() only */
    double      t;
    double      p_value;
} cb_bootstrap_two;

int cb_bootstrap_compare(const double *old, size_t n_old, const double *new_, size_t n_new,
                         const cb_bootstrap_config *cfg, cb_bootstrap_two *out, cb_error *err);

/*
 * Two linear runs, by the slope through the origin of totals on iterations
 * (the estimate of linear sampling): fills out's slope_change, new / old - 1,
 * with an interval from resampling each run's (iterations, total) pairs on
 * its own, and t and p: Welch's t on the two slopes and their standard errors
 * (from each fit's residuals), its two-sided p-value by the bootstrap t-test
 * of cb_bootstrap_compare(), both runs drawn from the pooled pairs. The same
 * test as for means, on the statistic the runs are summarised by.
 */
int cb_bootstrap_slopes(const double *old_iters, const double *old_totals, size_t n_old,
                        const double *new_iters, const double *new_totals, size_t n_new,
                        const cb_bootstrap_config *cfg, cb_bootstrap_two *out, cb_error *err);

/* One run's samples and the statistic it is summarised by: the slope of
 * `slope` kind, or with CB_SLOPE_NONE the mean of totals / iters; point is
 * that statistic of all of them. */
typedef struct cb_bootstrap_run {
    const double *iters, *totals;
    size_t        n;
    cb_slope      slope;
    double        point;
} cb_bootstrap_run;

/* Two independent runs: the ratio b / a of their statistics and their
 * difference b - a, with intervals from resampling each run on its own.
 * Either output may be NULL. */
int cb_bootstrap_typicals(const cb_bootstrap_run *a, const cb_bootstrap_run *b,
                          const cb_bootstrap_config *cfg, cb_estimate *ratio, cb_estimate *diff,
                          cb_error *err);

/* Welch's t statistic of b against a. When both variances are 0: 0 for equal
 * means, +-infinity for different ones. */
double cb_bootstrap_welch_t(const double *a, size_t na, const double *b, size_t nb);

/* Fills lower, upper and std_err of e from a bootstrap distribution (rearranged). */
void cb_bootstrap_interval(double *dist, size_t n, double confidence, cb_estimate *e);

#endif
