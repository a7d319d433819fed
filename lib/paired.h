/*
 * The same-runner A/B comparison, where a round, not a sample, is the unit.
 *
 * Two processes running identical code on a shared VM differ by 5% routinely
 * and by 30% at times, while the samples inside one process agree to 1%; a
 * test that treats one process's samples as independent observations calls
 * half of all identical pairs significant. So each round runs A and B back to
 * back, the ratio B/A of their estimates cancels the machine's drift, and the
 * verdict comes from the rounds' log-ratios: their mean, a Student-t interval
 * and a one-sample t-test (a paired test), with the noise threshold applied
 * to the interval as for any change.
 */
#ifndef CB_PAIRED_H
#define CB_PAIRED_H

#include "compare.h"

#define CB_PAIRED_MAX_ROUNDS 256

/* a[k], b[k]: the typical estimates of round k (all > 0), 2 <= rounds <=
 * CB_PAIRED_MAX_ROUNDS. Fills
 * out's mean change (interval and standard error from the t distribution),
 * median change (of the per-round ratios, point only), t, p, verdict, rounds
 * and old_typical (the median of a). */
void cb_paired_compare(const double *a, const double *b, size_t rounds,
                       const cb_compare_config *cfg, cb_change *out);

#endif
