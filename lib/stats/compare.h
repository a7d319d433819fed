/*
 * Change detection against a baseline. One statistic per benchmark decides:
 * its estimate (the slope of a linear run, the mean of a flat one), whose
 * relative change gets a bootstrap interval and a bootstrap t-test (Welch's t,
 * both runs drawn from the pooled samples, as Criterion's); the changes of the
 * mean and the median come along, labelled.
 *
 * The verdict, from the change's interval, its p-value, the noise threshold
 * and the resolution a gate requires:
 *   regressed     p below the significance level and the whole interval above
 *                 +threshold (improved: below -threshold);
 *   within noise  significant, and the whole interval inside +-threshold;
 *   no change     not significant and the interval inside +-threshold; or
 *                 neither regressed, improved nor within noise, but the interval
 *                 inside +-resolution: the comparison could have seen a change of
 *                 the resolution's size, and saw none;
 *   unresolved    neither, and the interval reaches beyond the resolution: it
 *                 could not have seen one. Never "no change".
 * The significance level is family-wise: over the m comparisons a gate makes
 * together, each is held to level / m (Bonferroni), so that a run of identical
 * code fails at the level, not m times as often.
 */
#ifndef CB_COMPARE_H
#define CB_COMPARE_H

#include "core/result.h"
#include "stats/bootstrap.h"

typedef struct cb_compare_config {
    double              noise_threshold; /* e.g. 0.02 */
    double              resolution;      /* e.g. 0.06: an interval wider is unresolved */
    double              significance;    /* family-wise, e.g. 0.05 */
    size_t              comparisons;     /* m, the comparisons made together (at least 1) */
    cb_bootstrap_config boot;
    int                 exact;           /* an exact measure (instruction counts): rounds
                                          * that agree need no test and no interval */
} cb_compare_config;

/* The level each comparison is held to: significance / comparisons. */
double cb_compare_level(const cb_compare_config *cfg);

/* The largest |change| an interval leaves possible. */
double cb_compare_resolution(const cb_estimate *change);

/* The verdict for a change interval and p-value (pure; p < 0: exact). */
cb_verdict cb_compare_verdict(const cb_estimate *change, double p_value,
                              const cb_compare_config *cfg);

/* The verdict on an exact change (counts, certain): beyond +-threshold
 * regressed or improved, any other difference within noise, none no change. */
cb_verdict cb_compare_exact_verdict(double change, const cb_compare_config *cfg);

/* Compares new_ against old (both analysed, not failed) into out, on the
 * statistic they share: their estimate when both were sampled alike, else the
 * mean (out->mode_differs). Exact (instruction counts, which do not vary from
 * run to run): the change of the estimates, no interval and no p-value (-1);
 * any change beyond the threshold is a regression or an improvement. -1 (and
 * err) rather than a change that is infinite or NaN (Welch's t alone may be
 * infinite: two sets of identical values). */
int cb_compare_results(const cb_result *old, const cb_result *new_,
                       const cb_compare_config *cfg, cb_change *out, cb_error *err);

/* Compares new_ with old into new_->change (has_change set), and their
 * memory counts into new_->memory.change, when both were measured on as many
 * threads; leaves new_ without a change when old is NULL, either failed, or
 * their thread counts differ. */
int cb_compare_into(const cb_result *old, cb_result *new_, const cb_compare_config *cfg,
                    cb_error *err);

/* Criterion's sentence for a verdict: "Performance has regressed." */
const char *cb_verdict_sentence(cb_verdict v);

/* The sentence for c's verdict: cb_verdict_sentence()'s, but for a
 * significant change left "no change" because it straddles the threshold
 * inside the resolution, which says so. */
const char *cb_change_sentence(const cb_change *c);

/* A short machine-readable name: "no_change", "within_noise", "improved",
 * "regressed", "unresolved". */
const char *cb_verdict_name(cb_verdict v);

#endif
