/*
 * A histogram of non-negative values too many to keep (the timing-leak
 * check's millions of cycle counts), for their quantiles: each whole value
 * below 65 536 counted exactly, a larger one in a bucket of its power of two
 * cut in 1024 (a part in 1024 of its value, at most). Pure; statistics never
 * print.
 */
#ifndef CB_HISTOGRAM_H
#define CB_HISTOGRAM_H

#include <stddef.h>
#include <stdint.h>

typedef struct cb_histogram {
    uint64_t *counts; /* owned, CB_HISTOGRAM_BUCKETS of them */
    uint64_t  n;
} cb_histogram;

/* Allocates h's buckets, empty: 0, or -1 when out of memory. */
int cb_histogram_init(cb_histogram *h);

void cb_histogram_free(cb_histogram *h);

/* Counts x (negative values and NaN as 0, rounded to whole). */
void cb_histogram_add(cb_histogram *h, double x);

/* The q-quantile (0 <= q <= 1) of what was counted: the value of rank
 * floor(q * (n - 1)) in ascending order, exact below 65 536, its bucket's
 * middle above; NaN when nothing was counted. */
double cb_histogram_quantile(const cb_histogram *h, double q);

#endif
