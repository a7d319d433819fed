#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/bootstrap.h"
#include "stats/resample.h"
#include "stats/stats.h"

void cb_bootstrap_interval(double *dist, size_t n, double confidence, cb_estimate *e)
{
    double alpha = (1.0 - confidence) / 2.0;

    e->std_err = cb_stats_std_dev(dist, n);
    e->lower = cb_stats_percentile_select(dist, n, 100.0 * alpha);
    e->upper = cb_stats_percentile_select(dist, n, 100.0 * (1.0 - alpha));
}

/* Welch's t from the means and the squared standard error. Two constant groups
 * with different means differ beyond doubt: infinitely many standard errors. */
static double welch(double ma, double mb, double se2)
{
    if (se2 > 0.0) {
        return (mb - ma) / sqrt(se2);
    }
    return mb == ma ? 0.0 : copysign(INFINITY, mb - ma);
}

typedef struct pair {
    double x, iters, totals;
} pair;

/* Least squares with an intercept from sums. A resample that drew one
 * iteration count only has no slope of its own: through the origin it has. */
static double ols_slope(double n, double sx, double sy, double sxx, double sxy)
{
    double den = n * sxx - sx * sx;

    return den > 0.0 ? (n * sxy - sx * sy) / den : sxy / sxx;
}

static int cmp_pair(const void *a, const void *b)
{
    double x = ((const pair *) a)->x, y = ((const pair *) b)->x;

    return (x > y) - (x < y);
}

enum { DIST_MEAN, DIST_MEDIAN, DIST_STD_DEV, DIST_MAD, DIST_SLOPE, NDIST };

int cb_bootstrap_sample(const double *iters, const double *totals, size_t n, cb_slope slope,
                        const cb_bootstrap_config *cfg, cb_bootstrap_one *out, cb_error *err)
{
    size_t    B = cfg->nresamples, b, i;
    pair     *pairs = malloc(n * sizeof *pairs);
    double   *sorted = malloc(n * sizeof *sorted), *xy = malloc(n * sizeof *xy);
    double   *y = malloc(n * sizeof *y), *it = malloc(n * sizeof *it);
    double   *tot = malloc(n * sizeof *tot), centre;
    double   *xx = malloc(n * sizeof *xx), *dist = malloc(NDIST * B * sizeof *dist);
    uint32_t *counts = malloc(n * sizeof *counts);
    cb_rng    rng;
    int       rc = -1;

    if (pairs == NULL || sorted == NULL || xy == NULL || xx == NULL || y == NULL || it == NULL ||
        tot == NULL || dist == NULL || counts == NULL) {
        cb_error_set(err, "out of memory for %zu bootstrap resamples", B);
        goto done;
    }
    for (i = 0; i < n; i++) {
        pairs[i] = (pair){ totals[i] / iters[i], iters[i], totals[i] };
    }
    qsort(pairs, n, sizeof *pairs, cmp_pair);
    for (i = 0; i < n; i++) {
        sorted[i] = pairs[i].x;
        xy[i] = pairs[i].iters * pairs[i].totals;
        xx[i] = pairs[i].iters * pairs[i].iters;
        it[i] = pairs[i].iters;
        tot[i] = pairs[i].totals;
    }
    /* values centred on their mean: one pass gives the resample's variance
     * from sums of y and y^2 without the cancellation raw squares would suffer */
    centre = cb_stats_mean(sorted, n);
    for (i = 0; i < n; i++) {
        y[i] = sorted[i] - centre;
    }
    cb_rng_seed(&rng, cfg->seed);
    for (b = 0; b < B; b++) {
        double sy = 0.0, syy = 0.0, sxy = 0.0, sxx = 0.0, sit = 0.0, stot = 0.0, mean_y, median;
        size_t lo_index;

        cb_resample_draw(&rng, counts, n);
        for (i = 0; i < n; i++) {
            double c = (double) counts[i];

            sy += c * y[i];
            syy += c * y[i] * y[i];
            sxy += c * xy[i];
            sxx += c * xx[i];
            sit += c * it[i];
            stot += c * tot[i];
        }
        mean_y = sy / (double) n;
        lo_index = cb_resample_median(sorted, counts, n, &median);
        dist[DIST_MEAN * B + b] = centre + mean_y;
        dist[DIST_MEDIAN * B + b] = median;
        /* a resample of one repeated value gives 0 - rounding: never below 0 */
        dist[DIST_STD_DEV * B + b] = sqrt(fmax(0.0, syy - sy * mean_y) / (double) (n - 1));
        dist[DIST_MAD * B + b] = cb_resample_mad(sorted, counts, n, median, lo_index);
        dist[DIST_SLOPE * B + b] = slope == CB_SLOPE_INTERCEPT
                                       ? ols_slope((double) n, sit, stot, sxx, sxy)
                                       : sxy / sxx;
    }
    cb_bootstrap_interval(dist + DIST_MEAN * B, B, cfg->confidence, &out->mean);
    cb_bootstrap_interval(dist + DIST_MEDIAN * B, B, cfg->confidence, &out->median);
    cb_bootstrap_interval(dist + DIST_STD_DEV * B, B, cfg->confidence, &out->std_dev);
    cb_bootstrap_interval(dist + DIST_MAD * B, B, cfg->confidence, &out->mad);
    if (slope != CB_SLOPE_NONE) {
        cb_bootstrap_interval(dist + DIST_SLOPE * B, B, cfg->confidence, &out->slope);
    } else {
        memset(&out->slope, 0, sizeof out->slope);
    }
    rc = 0;
done:
    free(pairs);
    free(sorted);
    free(xy);
    free(xx);
    free(y);
    free(it);
    free(tot);
    free(dist);
    free(counts);
    return rc;
}

double cb_bootstrap_welch_t(const double *a, size_t na, const double *b, size_t nb)
{
    double ma = cb_stats_mean(a, na), mb = cb_stats_mean(b, nb);

    return welch(ma, mb, cb_stats_variance(a, na, ma) / (double) na +
                             cb_stats_variance(b, nb, mb) / (double) nb);
}

/* Sum and sum of squares of n draws from x[0..nx): the moments a t statistic
 * needs, without materialising the resample. */
static void draw_moments(cb_rng *rng, const double *x, size_t nx, size_t n, double *sum,
                         double *sumsq)
{
    double   s = 0.0, q = 0.0, u, v;
    size_t   k;
    uint32_t a, b;

    for (k = 0; k + 1 < n; k += 2) {
        cb_rng_below_pair(rng, (uint32_t) nx, &a, &b);
        u = x[a];
        v = x[b];
        s += u + v;
        q += u * u + v * v;
    }
    if (k < n) {
        u = x[cb_rng_below(rng, (uint32_t) nx)];
        s += u;
        q += u * u;
    }
    *sum = s;
    *sumsq = q;
}

static double welch_from_moments(double sa, double qa, size_t na, double sb, double qb,
                                 size_t nb)
{
    double ma = sa / (double) na, mb = sb / (double) nb;
    double va = fmax(0.0, qa - sa * ma) / (double) (na - 1);
    double vb = fmax(0.0, qb - sb * mb) / (double) (nb - 1);

    return welch(ma, mb, va / (double) na + vb / (double) nb);
}

static int sorted_copy(const double *x, size_t n, double **out)
{
    *out = malloc(n * sizeof **out);
    if (*out == NULL) {
        return -1;
    }
    memcpy(*out, x, n * sizeof **out);
    cb_stats_sort(*out, n);
    return 0;
}

/* Both comparisons resample each side: one sample a side has no spread to draw. */
static int too_few(size_t n_old, size_t n_new, cb_error *err)
{
    if (n_old >= 2 && n_new >= 2) {
        return 0;
    }
    cb_error_set(err, "a comparison needs at least 2 samples a side, got %zu and %zu", n_old,
                 n_new);
    return 1;
}

int cb_bootstrap_compare(const double *old, size_t n_old, const double *new_, size_t n_new,
                         const cb_bootstrap_config *cfg, cb_bootstrap_two *out, cb_error *err)
{
    size_t    B = cfg->nresamples, b, i, n_pool = n_old + n_new, extreme = 0;
    double   *pool = malloc(n_pool * sizeof *pool), *so = NULL, *sn = NULL;
    double   *dist = malloc(2 * B * sizeof *dist), shift, t_abs;
    uint32_t *co = malloc(n_old * sizeof *co), *cn = malloc(n_new * sizeof *cn);
    cb_rng    rng;
    int       rc = -1;

    if (too_few(n_old, n_new, err)) {
        goto done;
    }
    if (pool == NULL || dist == NULL || co == NULL || cn == NULL ||
        sorted_copy(old, n_old, &so) != 0 || sorted_copy(new_, n_new, &sn) != 0) {
        cb_error_set(err, "out of memory for %zu bootstrap resamples", B);
        goto done;
    }
    out->t = cb_bootstrap_welch_t(old, n_old, new_, n_new);
    t_abs = fabs(out->t);

    /* centring the pool leaves t unchanged and keeps sumsq - sum * mean from
     * cancelling: the values are large next to their spread */
    memcpy(pool, old, n_old * sizeof *pool);
    memcpy(pool + n_old, new_, n_new * sizeof *pool);
    shift = cb_stats_mean(pool, n_pool);
    for (i = 0; i < n_pool; i++) {
        pool[i] -= shift;
    }
    cb_rng_seed(&rng, cfg->seed);
    for (b = 0; b < B; b++) {
        double sa, qa, sb, qb;

        draw_moments(&rng, pool, n_pool, n_old, &sa, &qa);
        draw_moments(&rng, pool, n_pool, n_new, &sb, &qb);
        if (fabs(welch_from_moments(sa, qa, n_old, sb, qb, n_new)) >= t_abs) {
            extreme++;
        }
    }
    out->p_value = (double) extreme / (double) B;

    for (b = 0; b < B; b++) {
        double mo = 0.0, mn = 0.0, med_o, med_n;

        cb_resample_draw(&rng, co, n_old);
        cb_resample_draw(&rng, cn, n_new);
        for (i = 0; i < n_old; i++) {
            mo += co[i] * so[i];
        }
        for (i = 0; i < n_new; i++) {
            mn += cn[i] * sn[i];
        }
        cb_resample_median(so, co, n_old, &med_o);
        cb_resample_median(sn, cn, n_new, &med_n);
        dist[b] = (mn / (double) n_new) / (mo / (double) n_old) - 1.0;
        dist[B + b] = med_n / med_o - 1.0;
    }
    out->mean_change.point = cb_stats_mean(new_, n_new) / cb_stats_mean(old, n_old) - 1.0;
    out->median_change.point = cb_stats_percentile_sorted(sn, n_new, 50.0) /
                               cb_stats_percentile_sorted(so, n_old, 50.0) - 1.0;
    cb_bootstrap_interval(dist, B, cfg->confidence, &out->mean_change);
    cb_bootstrap_interval(dist + B, B, cfg->confidence, &out->median_change);
    rc = 0;
done:
    free(pool);
    free(so);
    free(sn);
    free(dist);
    free(co);
    free(cn);
    return rc;
}

/* Pairs (x, z) of a run's samples: iterations, and totals less s0 per
 * iteration. Near-perfect fits leave residuals tiny next to the totals;
 * taking the common slope out first keeps the sums of squares from cancelling. */
static void centred_pairs(const double *iters, const double *totals, size_t n, double s0,
                          double *x, double *z)
{
    size_t i;

    for (i = 0; i < n; i++) {
        x[i] = iters[i];
        z[i] = totals[i] - s0 * iters[i];
    }
}

/* The slope through the origin of z on x (less s0), and its squared standard
 * error, from the sums over a sample or resample of n pairs. */
static double origin_fit(double sxx, double sxz, double szz, size_t n, double *se2)
{
    double slope = sxz / sxx;

    *se2 = n > 1 ? fmax(0.0, szz - slope * sxz) / (double) (n - 1) / sxx : 0.0;
    return slope;
}

/* Sums of n draws, with replacement, of pairs from (x, z)[0..np). */
static void draw_pair_sums(cb_rng *rng, const double *x, const double *z, size_t np, size_t n,
                           double *sxx, double *sxz, double *szz)
{
    size_t k;

    *sxx = *sxz = *szz = 0.0;
    for (k = 0; k < n; k++) {
        uint32_t i = cb_rng_below(rng, (uint32_t) np);

        *sxx += x[i] * x[i];
        *sxz += x[i] * z[i];
        *szz += z[i] * z[i];
    }
}

static void pair_sums(const double *x, const double *z, size_t n, double *sxx, double *sxz,
                      double *szz)
{
    size_t i;

    *sxx = *sxz = *szz = 0.0;
    for (i = 0; i < n; i++) {
        *sxx += x[i] * x[i];
        *sxz += x[i] * z[i];
        *szz += z[i] * z[i];
    }
}

int cb_bootstrap_slopes(const double *old_iters, const double *old_totals, size_t n_old,
                        const double *new_iters, const double *new_totals, size_t n_new,
                        const cb_bootstrap_config *cfg, cb_bootstrap_two *out, cb_error *err)
{
    size_t  B = cfg->nresamples, b, n = n_old + n_new, extreme = 0;
    double *x = malloc(n * sizeof *x), *z = malloc(n * sizeof *z), *dist = malloc(B * sizeof *dist);
    double  sxx, sxz, szz, s0, sa, sb, va, vb, t_abs;
    cb_rng  rng;
    int     rc = -1;

    if (too_few(n_old, n_new, err)) {
        goto done;
    }
    if (x == NULL || z == NULL || dist == NULL) {
        cb_error_set(err, "out of memory for %zu bootstrap resamples", B);
        goto done;
    }
    /* the pooled slope, which both runs share under the null */
    centred_pairs(old_iters, old_totals, n_old, 0.0, x, z);
    centred_pairs(new_iters, new_totals, n_new, 0.0, x + n_old, z + n_old);
    pair_sums(x, z, n, &sxx, &sxz, &szz);
    s0 = sxz / sxx;
    centred_pairs(old_iters, old_totals, n_old, s0, x, z);
    centred_pairs(new_iters, new_totals, n_new, s0, x + n_old, z + n_old);

    pair_sums(x, z, n_old, &sxx, &sxz, &szz);
    sa = origin_fit(sxx, sxz, szz, n_old, &va);
    pair_sums(x + n_old, z + n_old, n_new, &sxx, &sxz, &szz);
    sb = origin_fit(sxx, sxz, szz, n_new, &vb);
    out->t = welch(sa, sb, va + vb);
    out->slope_change.point = (s0 + sb) / (s0 + sa) - 1.0;
    t_abs = fabs(out->t);

    /* the bootstrap t-test: both runs drawn from the pooled pairs */
    cb_rng_seed(&rng, cfg->seed);
    for (b = 0; b < B; b++) {
        draw_pair_sums(&rng, x, z, n, n_old, &sxx, &sxz, &szz);
        sa = origin_fit(sxx, sxz, szz, n_old, &va);
        draw_pair_sums(&rng, x, z, n, n_new, &sxx, &sxz, &szz);
        sb = origin_fit(sxx, sxz, szz, n_new, &vb);
        extreme += fabs(welch(sa, sb, va + vb)) >= t_abs;
    }
    out->p_value = (double) extreme / (double) B;

    /* the change's interval: each run drawn from its own pairs */
    for (b = 0; b < B; b++) {
        draw_pair_sums(&rng, x, z, n_old, n_old, &sxx, &sxz, &szz);
        sa = origin_fit(sxx, sxz, szz, n_old, &va);
        draw_pair_sums(&rng, x + n_old, z + n_old, n_new, n_new, &sxx, &sxz, &szz);
        sb = origin_fit(sxx, sxz, szz, n_new, &vb);
        dist[b] = (s0 + sb) / (s0 + sa) - 1.0;
    }
    cb_bootstrap_interval(dist, B, cfg->confidence, &out->slope_change);
    rc = 0;
done:
    free(x);
    free(z);
    free(dist);
    return rc;
}

/* One resample's statistic of a run, as typical() computes it from all. */
static double resample_statistic(cb_rng *rng, const double *iters, const double *totals, size_t n,
                                 cb_slope slope)
{
    double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, sq = 0.0;
    size_t k;

    for (k = 0; k < n; k++) {
        uint32_t i = cb_rng_below(rng, (uint32_t) n);

        sx += iters[i];
        sy += totals[i];
        sxx += iters[i] * iters[i];
        sxy += iters[i] * totals[i];
        sq += totals[i] / iters[i];
    }
    switch (slope) {
    case CB_SLOPE_ORIGIN:
        return sxy / sxx;
    case CB_SLOPE_INTERCEPT:
        return ols_slope((double) n, sx, sy, sxx, sxy);
    case CB_SLOPE_NONE:
        break;
    }
    return sq / (double) n;
}

int cb_bootstrap_typicals(const cb_bootstrap_run *a, const cb_bootstrap_run *b,
                          const cb_bootstrap_config *cfg, cb_estimate *ratio, cb_estimate *diff,
                          cb_error *err)
{
    size_t  B = cfg->nresamples, k;
    double *dist = malloc(2 * B * sizeof *dist);
    cb_rng  rng;

    if (dist == NULL) {
        return cb_error_set(err, "out of memory for %zu bootstrap resamples", B);
    }
    cb_rng_seed(&rng, cfg->seed);
    for (k = 0; k < B; k++) {
        double ta = resample_statistic(&rng, a->iters, a->totals, a->n, a->slope);
        double tb = resample_statistic(&rng, b->iters, b->totals, b->n, b->slope);

        dist[k] = tb / ta;
        dist[B + k] = tb - ta;
    }
    if (ratio != NULL) {
        ratio->point = b->point / a->point;
        cb_bootstrap_interval(dist, B, cfg->confidence, ratio);
    }
    if (diff != NULL) {
        diff->point = b->point - a->point;
        cb_bootstrap_interval(dist + B, B, cfg->confidence, diff);
    }
    free(dist);
    return 0;
}
