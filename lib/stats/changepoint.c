#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/changepoint.h"
#include "stats/rng.h"

cb_changepoint_config cb_changepoint_defaults(uint64_t seed)
{
    cb_changepoint_config c = { CB_CHANGEPOINT_SIGNIFICANCE, CB_CHANGEPOINT_PERMUTATIONS,
                                CB_CHANGEPOINT_MIN_SIZE, seed, 0.0 };

    return c;
}

double cb_changepoint_step(const cb_changepoint *c)
{
    if (c->before == 0.0) {
        return c->after > 0.0 ? 1.0 : c->after < 0.0 ? -1.0 : 0.0;
    }
    return c->after / c->before - 1.0;
}

/*
 * The working state: the series (shuffled in place by the permutations), the
 * segments found so far as sorted bounds (0, change points..., n), and the
 * prefix sums of the distances, sum[i * (n + 1) + j] = the sum of |x_r - x_c|
 * over r < i, c < j, from which any block of distances is summed in O(1).
 */
typedef struct search {
    double *x, *sum;
    size_t  n, min;
    size_t *bounds, nbounds;
} search;

/* The best split found: in [start, end), a new level from tau on, compared
 * with the points up to kappa. */
typedef struct split {
    double q;
    size_t tau, kappa;
} split;

static void prefix_sums(search *s)
{
    size_t i, j, w = s->n + 1;

    memset(s->sum, 0, w * sizeof *s->sum);
    for (i = 1; i <= s->n; i++) {
        double row = 0.0;

        s->sum[i * w] = 0.0;
        for (j = 1; j <= s->n; j++) {
            row += fabs(s->x[i - 1] - s->x[j - 1]);
            s->sum[i * w + j] = s->sum[(i - 1) * w + j] + row;
        }
    }
}

/* The sum of |x_r - x_c| over r in [r0, r1), c in [c0, c1). */
static double block(const search *s, size_t r0, size_t r1, size_t c0, size_t c1)
{
    size_t w = s->n + 1;

    return s->sum[r1 * w + c1] - s->sum[r0 * w + c1] - s->sum[r1 * w + c0] + s->sum[r0 * w + c0];
}

/* The sum over pairs i < j within [a, b): half the block, whose diagonal is 0. */
static double within(const search *s, size_t a, size_t b)
{
    return block(s, a, b, a, b) / 2.0;
}

/*
 * The best split of segment [start, end): the largest
 *   Q = m k / (m + k) * (2 / (m k) B - W_X / C(m, 2) - W_Y / C(k, 2))
 * over X = [start, tau), Y = [tau, kappa), m = tau - start, k = kappa - tau,
 * both at least min long; B sums the distances between X and Y, W_X and W_Y
 * those within each (Matteson & James, eq. 5 and 6, alpha = 1).
 */
static split best_in(const search *s, size_t start, size_t end)
{
    split  best = { -HUGE_VAL, 0, 0 };
    size_t tau, kappa;

    for (tau = start + s->min; tau + s->min <= end; tau++) {
        double m = (double) (tau - start), wx = within(s, start, tau) / (m * (m - 1.0) / 2.0);

        for (kappa = tau + s->min; kappa <= end; kappa++) {
            double k = (double) (kappa - tau);
            double e = 2.0 * block(s, start, tau, tau, kappa) / (m * k) - wx -
                       within(s, tau, kappa) / (k * (k - 1.0) / 2.0);
            double q = m * k / (m + k) * e;

            if (q > best.q) {
                best = (split){ q, tau, kappa };
            }
        }
    }
    return best;
}

/* The best split over every segment found so far. */
static split best_split(search *s)
{
    split  best = { -HUGE_VAL, 0, 0 };
    size_t i;

    prefix_sums(s);
    for (i = 0; i + 1 < s->nbounds; i++) {
        if (s->bounds[i + 1] - s->bounds[i] >= 2 * s->min) {
            split c = best_in(s, s->bounds[i], s->bounds[i + 1]);

            if (c.q > best.q) {
                best = c;
            }
        }
    }
    return best;
}

/* Shuffles each segment's points among themselves (Fisher-Yates): under the
 * null hypothesis of no further change, every order within a segment is as
 * likely. */
static void shuffle_segments(search *s, cb_rng *rng)
{
    size_t i, j;

    for (i = 0; i + 1 < s->nbounds; i++) {
        size_t a = s->bounds[i], len = s->bounds[i + 1] - a;

        for (j = len; j > 1; j--) {
            size_t k = a + cb_rng_below(rng, (uint32_t) j);
            double t = s->x[a + j - 1];

            s->x[a + j - 1] = s->x[k];
            s->x[k] = t;
        }
    }
}

/* The permutation test of a split with statistic q: its p-value, stopping
 * early once it can no longer come out significant. */
static double p_value(search *s, const double *x, double q, const cb_changepoint_config *cfg,
                      cb_rng *rng)
{
    size_t r, as_large = 0;
    /* more than this many as large, and p exceeds the level */
    double most = cfg->significance * (double) (cfg->permutations + 1) - 1.0;

    for (r = 0; r < cfg->permutations; r++) {
        memcpy(s->x, x, s->n * sizeof *x);
        shuffle_segments(s, rng);
        /* a tolerance: a shuffle that leaves the order as it was is as large */
        if (best_split(s).q >= q * (1.0 - 1e-12)) {
            as_large++;
            if ((double) as_large > most) {
                r++;
                break;
            }
        }
    }
    return (double) (as_large + 1) / (double) (r + 1);
}

static void insert_bound(search *s, size_t at)
{
    size_t i = s->nbounds;

    while (i > 0 && s->bounds[i - 1] > at) {
        s->bounds[i] = s->bounds[i - 1];
        i--;
    }
    s->bounds[i] = at;
    s->nbounds++;
}

static double mean_of(const double *x, size_t a, size_t b)
{
    double sum = 0.0;
    size_t i;

    for (i = a; i < b; i++) {
        sum += x[i];
    }
    return sum / (double) (b - a);
}

/* Drops the smallest of out[0..k)'s steps while it is below min_step, the
 * levels either side of it merged; returns how many are left. */
static size_t drop_small_steps(const double *x, size_t n, cb_changepoint *out, size_t k,
                               double min_step)
{
    while (k > 0) {
        size_t i, smallest = 0;

        for (i = 1; i < k; i++) {
            if (fabs(cb_changepoint_step(&out[i])) < fabs(cb_changepoint_step(&out[smallest]))) {
                smallest = i;
            }
        }
        if (!(fabs(cb_changepoint_step(&out[smallest])) < min_step)) {
            break;
        }
        memmove(&out[smallest], &out[smallest + 1], (k - smallest - 1) * sizeof *out);
        k--;
        /* the merged level runs from the change point before to the one after */
        for (i = smallest > 0 ? smallest - 1 : 0; i < k && i <= smallest; i++) {
            size_t a = i > 0 ? out[i - 1].index : 0, b = out[i].index;
            size_t c = i + 1 < k ? out[i + 1].index : n;

            out[i].before = mean_of(x, a, b);
            out[i].after = mean_of(x, b, c);
        }
    }
    return k;
}

int cb_changepoint_find(const double *x, size_t n, const cb_changepoint_config *cfg,
                        cb_changepoint *out, size_t *found)
{
    search  s;
    cb_rng  rng;
    double *p = NULL;
    size_t  i, k = 0;

    assert(cfg->min_size >= 2 && cfg->permutations >= 1);
    *found = 0;
    if (n < 2 * cfg->min_size) {
        return 0;
    }
    memset(&s, 0, sizeof s);
    s.n = n;
    s.min = cfg->min_size;
    s.x = malloc(n * sizeof *s.x);
    s.sum = malloc((n + 1) * (n + 1) * sizeof *s.sum);
    s.bounds = malloc((n / cfg->min_size + 2) * sizeof *s.bounds);
    /* the p-value of each change point, by index */
    p = malloc(n * sizeof *p);
    if (s.x == NULL || s.sum == NULL || s.bounds == NULL || p == NULL) {
        free(s.x);
        free(s.sum);
        free(s.bounds);
        free(p);
        return -1;
    }
    s.bounds[0] = 0;
    s.bounds[1] = n;
    s.nbounds = 2;
    cb_rng_seed(&rng, cfg->seed);
    for (;;) {
        split  best;
        double pv;

        memcpy(s.x, x, n * sizeof *x);
        best = best_split(&s);
        if (!(best.q > 0.0)) {
            break; /* no segment left to split, or nothing differs */
        }
        pv = p_value(&s, x, best.q, cfg, &rng);
        if (pv > cfg->significance) {
            break;
        }
        p[best.tau] = pv;
        insert_bound(&s, best.tau);
    }
    for (i = 1; i + 1 < s.nbounds; i++) {
        out[k++] = (cb_changepoint){ s.bounds[i], p[s.bounds[i]],
                                     mean_of(x, s.bounds[i - 1], s.bounds[i]),
                                     mean_of(x, s.bounds[i], s.bounds[i + 1]) };
    }
    *found = drop_small_steps(x, n, out, k, cfg->min_step);
    free(s.x);
    free(s.sum);
    free(s.bounds);
    free(p);
    return 0;
}
