/*
 * Univariate statistics: pure functions over arrays of doubles. They never
 * allocate unless they say so, never print, and follow numpy's definitions so
 * that tests/data/ can hold numpy's answers: std_dev uses n - 1, percentiles
 * interpolate linearly between order statistics (numpy's default).
 */
#ifndef CB_STATS_H
#define CB_STATS_H

#include <stddef.h>

/* Scales a median absolute deviation to estimate a normal distribution's sigma. */
#define CB_STATS_MAD_SCALE 1.4826

double cb_stats_mean(const double *x, size_t n);

/* Sample variance (divisor n - 1) about `mean`; 0 when n < 2. */
double cb_stats_variance(const double *x, size_t n, double mean);

double cb_stats_std_dev(const double *x, size_t n);

/* Sorts x in place, ascending. */
void cb_stats_sort(double *x, size_t n);

/* The p-th percentile (0 <= p <= 100) of a sorted array, numpy's "linear". */
double cb_stats_percentile_sorted(const double *sorted, size_t n, double p);

/* 1.4826 x the median of |x - median| of a sorted array; `scratch` holds n. */
double cb_stats_mad_sorted(const double *sorted, size_t n, double *scratch);

/*
 * Rearranges x so that x[k] is the value a full sort would put there, with
 * nothing larger before it and nothing smaller after it (quickselect); returns
 * x[k]. Expected O(n).
 */
double cb_stats_select(double *x, size_t n, size_t k);

/* The p-th percentile of an unsorted array, rearranging it; O(n). */
double cb_stats_percentile_select(double *x, size_t n, double p);

#endif
