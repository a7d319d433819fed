/*
 * Change detection against a baseline, Criterion's method: the relative change
 * of the mean and median with bootstrap intervals, a bootstrap t-test for its
 * significance, and a verdict that ignores changes inside a noise threshold.
 */
#ifndef CB_COMPARE_H
#define CB_COMPARE_H

#include "stats/bootstrap.h"
#include "core/result.h"

typedef struct cb_compare_config {
    double              noise_threshold;  /* e.g. 0.02 */
    double              significance;     /* e.g. 0.05 */
    cb_bootstrap_config boot;
    int                 exact;            /* instruction counts: no test, no interval */
} cb_compare_config;

/* The verdict for a change interval and p-value (pure). */
cb_verdict cb_compare_verdict(const cb_estimate *change, double p_value,
                              const cb_compare_config *cfg);

/* Compares new_ against old (both analysed, not failed) into out. Exact
 * (instruction counts, which do not vary from run to run): the change of the
 * typical estimates, no interval and no p-value (-1); any change beyond the
 * threshold is a regression or an improvement. -1 (and err) rather than a
 * change that is infinite or NaN (Welch's t alone may be infinite: two sets
 * of identical values). */
int cb_compare_results(const cb_result *old, const cb_result *new_,
                       const cb_compare_config *cfg, cb_change *out, cb_error *err);

/* Compares new_ with old into new_->change (has_change set) when both were
 * measured; leaves new_ without a change when old is NULL or either failed. */
int cb_compare_into(const cb_result *old, cb_result *new_, const cb_compare_config *cfg,
                    cb_error *err);

/* Criterion's sentence for a verdict: "Performance has regressed." */
const char *cb_verdict_sentence(cb_verdict v);

/* A short machine-readable name: "no_change", "within_noise", "improved", "regressed". */
const char *cb_verdict_name(cb_verdict v);

#endif
