#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "stats/stats.h"

double cb_stats_mean(const double *x, size_t n)
{
    double sum = 0.0;
    size_t i;

    assert(n > 0);
    for (i = 0; i < n; i++) {
        sum += x[i];
    }
    return sum / (double) n;
}

double cb_stats_variance(const double *x, size_t n, double mean)
{
    double sum = 0.0;
    size_t i;

    if (n < 2) {
        return 0.0;
    }
    /* two passes (mean first) rather than sum of squares: samples sit far from
     * zero relative to their spread, where x^2 - mean^2 cancels badly */
    for (i = 0; i < n; i++) {
        sum += (x[i] - mean) * (x[i] - mean);
    }
    return sum / (double) (n - 1);
}

double cb_stats_std_dev(const double *x, size_t n)
{
    return sqrt(cb_stats_variance(x, n, cb_stats_mean(x, n)));
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

void cb_stats_sort(double *x, size_t n)
{
    qsort(x, n, sizeof *x, cmp_double);
}

/* numpy's lerp: exact at both ends, and monotone in t */
static double lerp(double a, double b, double t)
{
    return t >= 0.5 ? b - (b - a) * (1.0 - t) : a + (b - a) * t;
}

double cb_stats_percentile_sorted(const double *sorted, size_t n, double p)
{
    double h, t;
    size_t lo;

    assert(n > 0 && p >= 0.0 && p <= 100.0);
    h = (double) (n - 1) * (p / 100.0);
    lo = (size_t) floor(h);
    if (lo >= n - 1) {
        return sorted[n - 1];
    }
    t = h - (double) lo;
    return lerp(sorted[lo], sorted[lo + 1], t);
}

double cb_stats_mad_sorted(const double *sorted, size_t n, double *scratch)
{
    double median = cb_stats_percentile_sorted(sorted, n, 50.0);
    size_t i;

    for (i = 0; i < n; i++) {
        scratch[i] = fabs(sorted[i] - median);
    }
    return CB_STATS_MAD_SCALE * cb_stats_percentile_select(scratch, n, 50.0);
}

double cb_stats_select(double *x, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;

    assert(k < n);
    while (lo < hi) {
        /* median of three keeps sorted and reversed input linear */
        size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;
        double a = x[lo], b = x[mid], c = x[hi], pivot, t;

        pivot = (a < b) ? ((b < c) ? b : (a < c ? c : a)) : ((a < c) ? a : (b < c ? c : b));
        while (i <= j) {
            while (x[i] < pivot) {
                i++;
            }
            while (x[j] > pivot) {
                j--;
            }
            if (i <= j) {
                t = x[i];
                x[i] = x[j];
                x[j] = t;
                i++;
                if (j == 0) {
                    break;
                }
                j--;
            }
        }
        if (k <= j) {
            hi = j;
        } else if (k >= i) {
            lo = i;
        } else {
            break;
        }
    }
    return x[k];
}

double cb_stats_percentile_select(double *x, size_t n, double p)
{
    double h, t, a, b;
    size_t lo, i;

    assert(n > 0 && p >= 0.0 && p <= 100.0);
    h = (double) (n - 1) * (p / 100.0);
    lo = (size_t) floor(h);
    if (lo >= n - 1) {
        return cb_stats_select(x, n, n - 1);
    }
    t = h - (double) lo;
    a = cb_stats_select(x, n, lo);
    /* after selection everything past lo is >= x[lo]: the next order
     * statistic is their minimum */
    b = x[lo + 1];
    for (i = lo + 2; i < n; i++) {
        if (x[i] < b) {
            b = x[i];
        }
    }
    return lerp(a, b, t);
}
