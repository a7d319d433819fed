/*
 * dudect's statistics (Reparaz, Balasch and Verbauwhede, "Dude, is my code
 * constant time?", DATE 2017), as its reference implementation computes them:
 * Welch's t between the timings of two classes of inputs
 *   - on the raw timings,
 *   - on the timings cropped below each of a ladder of 100 percentiles of a
 *     first batch (1 - 0.5^(k/10) for k = 1..100, from the 6.7th to the
 *     99.9th): a leak hidden in the tail of one class shows in the body,
 *   - and, second order, on each timing's squared distance from its class's
 *     mean, once the raw test has 10 000 measurements per class: a leak in
 *     the spread rather than the mean.
 * A test counts once each class has more than 10 000 measurements (dudect's
 * DUDECT_ENOUGH_MEASUREMENTS); the verdict is of the largest |t| among those
 * that count, against dudect-bencher's threshold of 5.
 *
 * With the verdict, what dudect's users read beside it: the effect size tau
 * = t / sqrt(N) of the test that gave the largest |t|, the measurements a
 * leak of that size needs to reach |t| = 5, and each class's median.
 *
 * Online (Welford's update): millions of measurements are pushed one at a
 * time; only a histogram per class is kept, for the medians. Statistics
 * never print.
 */
#ifndef CB_DUDECT_H
#define CB_DUDECT_H

#include <stddef.h>
#include <stdint.h>
#include "core/check_result.h"
#include "stats/histogram.h"

#define CB_DUDECT_PERCENTILES 100
#define CB_DUDECT_TESTS (CB_DUDECT_PERCENTILES + 2)
#define CB_DUDECT_ENOUGH 10000
#define CB_DUDECT_THRESHOLD 5.0

/* Welch's t-test, accumulated: count, mean and sum of squared deviations
 * per class. */
typedef struct cb_welch {
    double n[2], mean[2], m2[2];
} cb_welch;

/* Adds x to class cls (0 or 1). */
void cb_welch_push(cb_welch *w, int cls, double x);

/* Welch's t, (mean0 - mean1) / sqrt(var0/n0 + var1/n1); 0 while a class has
 * fewer than two values. Two classes without spread: 0 when their means are
 * equal, else +-DBL_MAX (finite, so that it can be stored). */
double cb_welch_t(const cb_welch *w);

typedef struct cb_dudect {
    double       crop[CB_DUDECT_PERCENTILES]; /* test k + 1 keeps timings below crop[k] */
    int          calibrated;
    cb_welch     tests[CB_DUDECT_TESTS];      /* raw, the cropped ones, second order */
    cb_histogram classes[2];                  /* every timing of each class */
    uint64_t     measurements;
} cb_dudect;

/* An empty d: 0, or -1 when out of memory for its histograms. */
int cb_dudect_init(cb_dudect *d);

void cb_dudect_free(cb_dudect *d);

/* The percentile (0 to 100) that cropped test k (0-based) keeps below. */
double cb_dudect_crop_level(size_t k);

/* Sets the cropping thresholds from a first batch of n > 0 timings, which
 * dudect then throws away (it also warms the caches): sorts times in place. */
void cb_dudect_calibrate(cb_dudect *d, double *times, size_t n);

/* Adds one timing of class cls to every test it belongs to; d must be
 * calibrated. */
void cb_dudect_push(cb_dudect *d, int cls, double t);

/*
 * The verdict into out's status, max_t, test, crop, crop_cycles,
 * measurements, test_measurements and threshold: CB_CHECK_LEAKS when the
 * largest |t| of the tests that count exceeds CB_DUDECT_THRESHOLD,
 * CB_CHECK_PASSED when it does not, CB_CHECK_INCONCLUSIVE when no test
 * counts yet. With it its figures: tau, the measurements needed (of the
 * run, at its test's share of them; +inf for tau 0) and each class's median
 * divided by calls, the calls each timing was of (out->calls).
 */
void cb_dudect_verdict(const cb_dudect *d, uint64_t calls, cb_check_leak *out);

#endif
