/*
 * The same-runner A/B comparison, where a round, not a sample, is the unit.
 *
 * Two processes running identical code on a shared VM differ by 5% routinely
 * and by 30% at times, while the samples inside one process agree to 1%; a
 * test that treats one process's samples as independent observations calls
 * half of all identical pairs significant. So each round runs A and B back to
 * back, the ratio B/A of their estimates cancels the machine's drift, and the
 * verdict comes from the rounds' log-ratios: a paired t-test and its interval,
 * with the noise threshold applied to the interval as for any change.
 *
 * Which t-test: Yuen's, on the 20%-trimmed mean with the winsorized variance
 * (Wilcox, "Introduction to Robust Estimation and Hypothesis Testing"). A
 * neighbour's burst can throw one round off by 20-40% on this VM
 * (`cryptbench calibrate` shows it); with the plain mean that one round
 * widens every interval it is part of until nothing is ever detected, while
 * the trimmed mean ignores the wildest fifth of rounds on either side. Below
 * five rounds nothing is trimmed and it is Student's paired t-test.
 *
 * An exact measure (instruction counts: cfg->exact) whose rounds' ratios all
 * agree needs no test: the change is certain, p is -1 and the interval the
 * point, and the verdict is cb_compare_exact_verdict()'s. Counts that vary
 * from process to process (work that depends on random input) take the test
 * like a time.
 */
#ifndef CB_PAIRED_H
#define CB_PAIRED_H

#include "stats/compare.h"

#define CB_PAIRED_MAX_ROUNDS 256

/* a[k], b[k]: the medians of round k's A and B processes (all > 0), 2 <=
 * rounds <= CB_PAIRED_MAX_ROUNDS. Fills out: the change (estimate, and mean:
 * the trimmed mean of the log-ratios, its interval and standard error from
 * the t distribution), the median change (of the per-round ratios, a point),
 * t, p, significance, resolution, verdict, rounds, old_typical (the median of
 * a) and new_typical (old_typical times the change: New / Old - 1 is the
 * change, in every column that shows them). */
void cb_paired_compare(const double *a, const double *b, size_t rounds,
                       const cb_compare_config *cfg, cb_change *out);

#endif
