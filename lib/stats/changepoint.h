/*
 * Change points in a series: where its level steps, found by E-divisive means
 * (Matteson & James, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", JASA 109(505), 2014), the method MongoDB's
 * signal processing and DataStax's Hunter run on performance histories.
 *
 * The series is split where the energy distance between the points before
 * and after is largest (searched over every split and every end of the
 * second segment, exponent alpha = 1); the split is kept when a permutation
 * test finds it significant: the points of each segment found so far are
 * shuffled within it, and the split is real when a shuffled series seldom
 * gives as large a statistic (p = (1 + as large) / (1 + permutations)). Then
 * each segment is searched again, until a split is not significant.
 *
 * Pure: no I/O, no clock; the permutations come from rng.h, seeded, so one
 * series and one seed always give the same change points. O(n^2) memory and
 * O(n^2) time per permutation: a history of a few hundred runs takes
 * milliseconds.
 */
#ifndef CB_CHANGEPOINT_H
#define CB_CHANGEPOINT_H

#include <stddef.h>
#include <stdint.h>

/* Defaults, and why:
 * - significance 0.01, not ecp's 0.05: a history is searched again after
 *   every run, and a false step at 5% per look would soon cry wolf;
 * - 999 permutations (ecp has 199): p is known to about +-0.003 near the
 *   level, where 199 would leave it +-0.007; a series with no change stops
 *   after a few dozen, once p cannot come out below the level. The test
 *   itself sets a floor: for a step with k runs either side, no shuffle test
 *   can give p below 2 / C(2k, k), 0.008 for five, 0.002 for six;
 * - segments of at least 3 points: one or two odd runs (a noisy neighbour on
 *   the machine) are outliers, not a new level. */
#define CB_CHANGEPOINT_SIGNIFICANCE 0.01
#define CB_CHANGEPOINT_PERMUTATIONS 999
#define CB_CHANGEPOINT_MIN_SIZE 3

typedef struct cb_changepoint_config {
    double   significance; /* a split is kept when its p-value is at most this */
    size_t   permutations; /* >= 1 */
    size_t   min_size;     /* points in every segment, >= 2 */
    uint64_t seed;
    /* the smallest step that counts, relative (0.02: 2%): the noise threshold
     * a comparison holds changes to. A significant split whose levels differ
     * by less is no change point: exact counts (no noise at all) make any
     * step significant, 59 968 -> 59 970 instructions too. 0: every one */
    double   min_step;
} cb_changepoint_config;

typedef struct cb_changepoint {
    size_t index;   /* the first point of the new level: 0 < index < n */
    double p_value; /* of the permutation test that kept it */
    double before;  /* the mean of the segment that ends at index */
    double after;   /* the mean of the segment that starts there */
} cb_changepoint;

/* The defaults above, with `seed` and no smallest step. */
cb_changepoint_config cb_changepoint_defaults(uint64_t seed);

/* The relative size of c's step, after / before - 1 (before 0: the sign of
 * after, as a step from nothing is whole). */
double cb_changepoint_step(const cb_changepoint *c);

/*
 * Finds the change points of x[0..n) into out[0..*found), ordered by index;
 * out must hold n / cfg->min_size entries (there are never more). A series
 * shorter than two segments has none. Then, while a step is smaller than
 * cfg->min_step, the smallest is dropped and its two levels become one (their
 * neighbours' steps are measured anew against the merged level). Returns 0,
 * or -1 when out of memory.
 */
int cb_changepoint_find(const double *x, size_t n, const cb_changepoint_config *cfg,
                        cb_changepoint *out, size_t *found);

#endif
