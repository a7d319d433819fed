/*
 * One bootstrap resample, kept as counts over the original values sorted
 * ascending: counts[i] copies of sorted[i]. The median is then a walk over
 * cumulative counts and the MAD a merge outwards from the median, both O(n)
 * without sorting anything, which keeps the analysis of 100 samples with
 * 100 000 resamples under 80 ms.
 */
#ifndef CB_RESAMPLE_H
#define CB_RESAMPLE_H

#include <stddef.h>
#include <stdint.h>
#include "stats/rng.h"

/* Draws n values with replacement from n: counts[i] is how often index i came. */
void cb_resample_draw(cb_rng *rng, uint32_t *counts, size_t n);

/* The median of the resample (counts sum to n) of a sorted array. Returns the
 * index of its lower middle value, which cb_resample_mad() starts from. */
size_t cb_resample_median(const double *sorted, const uint32_t *counts, size_t n,
                          double *median);

/* 1.4826 x the median absolute deviation of the resample about `median`. */
double cb_resample_mad(const double *sorted, const uint32_t *counts, size_t n, double median,
                       size_t lo_index);

#endif
