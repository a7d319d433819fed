#include <math.h>
#include <stdlib.h>

#include "stats/histogram.h"

#define EXACT_BITS 16
#define EXACT ((uint64_t) 1 << EXACT_BITS)
#define SUB_BITS 10
#define SUB ((uint64_t) 1 << SUB_BITS)
/* the exact values, then 1024 buckets for each power of two from 2^16 to 2^63 */
#define BUCKETS (EXACT + (64 - EXACT_BITS) * SUB)

int cb_histogram_init(cb_histogram *h)
{
    h->n = 0;
    h->counts = calloc(BUCKETS, sizeof *h->counts);
    return h->counts != NULL ? 0 : -1;
}

void cb_histogram_free(cb_histogram *h)
{
    free(h->counts);
    h->counts = NULL;
    h->n = 0;
}

/* The power of two below v (v >= EXACT): the index of its highest bit. */
static unsigned top_bit(uint64_t v)
{
    unsigned b = 0;

    while (v >>= 1) {
        b++;
    }
    return b;
}

static size_t bucket_of(uint64_t v)
{
    unsigned e;

    if (v < EXACT) {
        return (size_t) v;
    }
    e = top_bit(v);
    return (size_t) (EXACT + (e - EXACT_BITS) * SUB + ((v >> (e - SUB_BITS)) & (SUB - 1)));
}

/* The value a bucket stands for: itself, or its range's middle. */
static double value_of(size_t bucket)
{
    uint64_t k, e, low, width;

    if (bucket < EXACT) {
        return (double) bucket;
    }
    k = bucket - EXACT;
    e = k / SUB + EXACT_BITS;
    width = (uint64_t) 1 << (e - SUB_BITS);
    low = ((uint64_t) 1 << e) + (k % SUB) * width;
    return (double) low + (double) (width - 1) / 2.0;
}

void cb_histogram_add(cb_histogram *h, double x)
{
    uint64_t v;

    /* a cycle count is at most 2^64; NaN, negatives (a counter that went
     * back) and beyond are clamped rather than let index out of the array */
    if (!(x > 0.0)) {
        v = 0;
    } else if (x >= 18446744073709549568.0) {
        v = UINT64_MAX;
    } else {
        v = (uint64_t) floor(x + 0.5);
    }
    h->counts[bucket_of(v)]++;
    h->n++;
}

double cb_histogram_quantile(const cb_histogram *h, double q)
{
    uint64_t rank, seen = 0;
    size_t   i;

    if (h->n == 0) {
        return NAN;
    }
    q = q < 0.0 ? 0.0 : (q > 1.0 ? 1.0 : q);
    rank = (uint64_t) floor(q * (double) (h->n - 1));
    for (i = 0; i < BUCKETS; i++) {
        seen += h->counts[i];
        if (seen > rank) {
            return value_of(i);
        }
    }
    return value_of(BUCKETS - 1);
}
