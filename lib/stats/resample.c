#include <math.h>
#include <string.h>

#include "stats/resample.h"
#include "stats/stats.h"

void cb_resample_draw(cb_rng *rng, uint32_t *counts, size_t n)
{
    size_t   k;
    uint32_t a, b;

    memset(counts, 0, n * sizeof *counts);
    for (k = 0; k + 1 < n; k += 2) {
        cb_rng_below_pair(rng, (uint32_t) n, &a, &b);
        counts[a]++;
        counts[b]++;
    }
    if (k < n) {
        counts[cb_rng_below(rng, (uint32_t) n)]++;
    }
}

/* The values at 0-based ranks lo_rank and lo_rank + 1 (or lo_rank twice for
 * odd n) of the resample: its median is their mean. Returns the index of the
 * lower one, the last value that is <= the median. */
size_t cb_resample_median(const double *sorted, const uint32_t *counts, size_t n,
                            double *median)
{
    size_t lo_rank = (n - 1) / 2, hi_rank = n / 2, cum = 0, i, lo_index = 0;
    double lo = 0.0;

    for (i = 0; i < n; i++) {
        if (counts[i] == 0) {
            continue;
        }
        if (cum <= lo_rank && lo_rank < cum + counts[i]) {
            lo = sorted[i];
            lo_index = i;
        }
        cum += counts[i];
        if (cum > hi_rank) {
            *median = lo_rank == hi_rank ? lo : (lo + sorted[i]) / 2.0;
            return lo_index;
        }
    }
    *median = lo;
    return lo_index;
}

/* Median of |x - median| over the resample, merging the two runs of
 * deviations (leftwards from lo_index, rightwards after it), both ascending. */
double cb_resample_mad(const double *sorted, const uint32_t *counts, size_t n,
                         double median, size_t lo_index)
{
    size_t lo_rank = (n - 1) / 2, hi_rank = n / 2, cum = 0;
    size_t left = lo_index + 1, right = lo_index + 1; /* left is one past the next */
    double lo = 0.0;

    for (;;) {
        double dl = INFINITY, dr = INFINITY, d;
        size_t c;

        while (left > 0 && counts[left - 1] == 0) {
            left--;
        }
        while (right < n && counts[right] == 0) {
            right++;
        }
        if (left > 0) {
            dl = median - sorted[left - 1];
        }
        if (right < n) {
            dr = sorted[right] - median;
        }
        if (dl <= dr) {
            d = dl;
            c = counts[--left];
        } else {
            d = dr;
            c = counts[right++];
        }
        if (cum <= lo_rank && lo_rank < cum + c) {
            lo = d;
        }
        cum += c;
        if (cum > hi_rank) {
            return CB_STATS_MAD_SCALE * (lo_rank == hi_rank ? lo : (lo + d) / 2.0);
        }
    }
}

