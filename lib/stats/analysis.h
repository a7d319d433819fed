/*
 * The analysis of one benchmark's samples, Criterion's pipeline: per-iteration
 * values -> point statistics and percentiles -> Tukey outliers -> slope (linear
 * mode) -> bootstrap intervals. Pure: no clock, no output.
 */
#ifndef CB_ANALYSIS_H
#define CB_ANALYSIS_H

#include "stats/bootstrap.h"
#include "core/result.h"

/* Analyses s (n >= 2, every iteration count and value > 0) into out. The
 * slope (through the origin) and R^2 are computed in linear mode only. -1
 * (and err) rather than a statistic that is infinite or NaN, which values
 * beyond CB_SAMPLE_VALUE_MIN to _MAX can cause. */
int cb_analysis_run(const cb_samples *s, cb_mode mode, const cb_bootstrap_config *cfg,
                    cb_analysis *out, cb_error *err);

/* The same, for values of `unit`: instruction counts are exact, and their
 * fixed cost per sample (the timer's client requests, the call) would bias
 * a slope through the origin, so theirs has an intercept. */
int cb_analysis_run_unit(const cb_samples *s, cb_mode mode, const char *unit,
                         const cb_bootstrap_config *cfg, cb_analysis *out, cb_error *err);

/* The slope a run of `mode` in `unit` is summarised by: none in flat mode
 * (the mean), with an intercept for instruction counts, through the origin
 * otherwise. */
cb_slope cb_analysis_slope(cb_mode mode, const char *unit);

/* Fills r->analysis.throughput from the typical estimate, when r declared a
 * throughput: per second when unit is "ns", else per byte or element. */
void cb_analysis_throughput(cb_result *r, const char *unit);

/* Rust libtest's "+/-" of s: max - min of the per-iteration values winsorized
 * at 5% each end, p95 - p5; NaN when out of memory. For results whose
 * analysis was read from a file, which does not hold it. */
double cb_analysis_winsorized_range(const cb_samples *s);

/* The percentiles of c's single calls (when it has any) into c->percentiles;
 * -1 when out of memory. */
int cb_analysis_calls(cb_calls *c, cb_error *err);

/* Per-iteration values of s, values[i] / iters[i], in a new array. */
double *cb_analysis_per_iteration(const cb_samples *s);

#endif
