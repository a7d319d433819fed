#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/outliers.h"
#include "stats/regression.h"
#include "stats/stats.h"

double *cb_analysis_per_iteration(const cb_samples *s)
{
    double *x = malloc((s->n > 0 ? s->n : 1) * sizeof *x);
    size_t  i;

    if (x != NULL) {
        for (i = 0; i < s->n; i++) {
            x[i] = s->values[i] / s->iters[i];
        }
    }
    return x;
}

/* libtest winsorizes its per-iteration times at 5% and reports max - min */
static double winsorized_range(const double *sorted, size_t n)
{
    return cb_stats_percentile_sorted(sorted, n, 95.0) - cb_stats_percentile_sorted(sorted, n, 5.0);
}

double cb_analysis_winsorized_range(const cb_samples *s)
{
    double *x = cb_analysis_per_iteration(s);
    double  range;

    if (x == NULL || s->n == 0) {
        free(x);
        return NAN;
    }
    cb_stats_sort(x, s->n);
    range = winsorized_range(x, s->n);
    free(x);
    return range;
}

static int estimate_finite(const cb_estimate *e)
{
    return isfinite(e->point) && isfinite(e->lower) && isfinite(e->upper) && isfinite(e->std_err);
}

/* No statistic leaves the analysis infinite or NaN: samples beyond what
 * doubles can square (the loaders refuse them) would make one. */
static int all_finite(const cb_analysis *a, cb_mode mode)
{
    size_t i;
    int    ok = estimate_finite(&a->mean) && estimate_finite(&a->median) &&
             estimate_finite(&a->std_dev) && estimate_finite(&a->mad) && isfinite(a->min) &&
             isfinite(a->max) && isfinite(a->winsorized_range);

    for (i = 0; i < CB_NPERCENTILES; i++) {
        ok = ok && isfinite(a->percentiles[i]);
    }
    for (i = 0; i < 4; i++) {
        ok = ok && isfinite(a->outliers.fences[i]);
    }
    return ok && (mode != CB_MODE_LINEAR || (estimate_finite(&a->slope) && isfinite(a->r_squared)));
}

/* the bootstrap gives the interval; the point stays the sample's own */
static void take_interval(cb_estimate *dst, const cb_estimate *boot)
{
    dst->lower = boot->lower;
    dst->upper = boot->upper;
    dst->std_err = boot->std_err;
}

static int analyse(const cb_samples *s, cb_mode mode, cb_slope slope,
                   const cb_bootstrap_config *cfg, cb_analysis *out, cb_error *err)
{
    double          *x = cb_analysis_per_iteration(s), *scratch = malloc(s->n * sizeof *scratch);
    cb_bootstrap_one boot;
    size_t           i;
    int              rc = -1;

    memset(out, 0, sizeof *out);
    if (s->n < 2) {
        cb_error_set(err, "%zu sample%s: at least 2 are needed", s->n, s->n == 1 ? "" : "s");
        goto done;
    }
    if (x == NULL || scratch == NULL) {
        cb_error_set(err, "out of memory analysing %zu samples", s->n);
        goto done;
    }
    cb_stats_sort(x, s->n);
    out->mean.point = cb_stats_mean(x, s->n);
    out->std_dev.point = cb_stats_std_dev(x, s->n);
    out->median.point = cb_stats_percentile_sorted(x, s->n, 50.0);
    out->mad.point = cb_stats_mad_sorted(x, s->n, scratch);
    for (i = 0; i < CB_NPERCENTILES; i++) {
        out->percentiles[i] = cb_stats_percentile_sorted(x, s->n, cb_percentile_levels[i]);
    }
    out->min = x[0];
    out->max = x[s->n - 1];
    out->winsorized_range = winsorized_range(x, s->n);
    cb_outliers_classify(x, s->n, &out->outliers);
    if (mode != CB_MODE_LINEAR) {
        slope = CB_SLOPE_NONE;
    } else {
        cb_fit fit = slope == CB_SLOPE_INTERCEPT ? cb_regression_ols(s->iters, s->values, s->n)
                                                 : cb_regression_origin(s->iters, s->values, s->n);

        out->slope.point = fit.slope;
        out->r_squared = fit.r_squared;
    }
    if (cb_bootstrap_sample(s->iters, s->values, s->n, slope, cfg, &boot, err) != 0) {
        goto done;
    }
    take_interval(&out->mean, &boot.mean);
    take_interval(&out->median, &boot.median);
    take_interval(&out->std_dev, &boot.std_dev);
    take_interval(&out->mad, &boot.mad);
    if (mode == CB_MODE_LINEAR) {
        take_interval(&out->slope, &boot.slope);
    }
    if (!all_finite(out, mode)) {
        cb_error_set(err, "the statistics of these samples overflow: their values are too large "
                          "or too small for double arithmetic");
        goto done;
    }
    rc = 0;
done:
    free(x);
    free(scratch);
    return rc;
}

int cb_analysis_run(const cb_samples *s, cb_mode mode, const cb_bootstrap_config *cfg,
                    cb_analysis *out, cb_error *err)
{
    return analyse(s, mode, CB_SLOPE_ORIGIN, cfg, out, err);
}

cb_slope cb_analysis_slope(cb_mode mode, const char *unit)
{
    if (mode != CB_MODE_LINEAR) {
        return CB_SLOPE_NONE;
    }
    return strcmp(unit, "instructions") == 0 ? CB_SLOPE_INTERCEPT : CB_SLOPE_ORIGIN;
}

int cb_analysis_run_unit(const cb_samples *s, cb_mode mode, const char *unit,
                         const cb_bootstrap_config *cfg, cb_analysis *out, cb_error *err)
{
    return analyse(s, mode, cb_analysis_slope(CB_MODE_LINEAR, unit), cfg, out, err);
}

void cb_analysis_throughput(cb_result *r, const char *unit)
{
    const cb_estimate *t = cb_result_typical(r);
    cb_estimate       *out = &r->analysis.throughput;
    double             per = (double) r->per_iteration;

    memset(out, 0, sizeof *out);
    if (r->failed || r->throughput == CB_THROUGHPUT_NONE || per <= 0.0) {
        return;
    }
    if (strcmp(unit, "ns") == 0) {
        /* a rate inverts the interval: the slowest time is the lowest rate; its
         * standard error follows by the delta method */
        out->point = per * 1e9 / t->point;
        out->lower = per * 1e9 / t->upper;
        out->upper = per * 1e9 / t->lower;
        out->std_err = per * 1e9 * t->std_err / (t->point * t->point);
    } else {
        out->point = t->point / per;
        out->lower = t->lower / per;
        out->upper = t->upper / per;
        out->std_err = t->std_err / per;
    }
}

int cb_analysis_calls(cb_calls *c, cb_error *err)
{
    double *sorted;
    size_t  i;

    if (c->n == 0) {
        return 0;
    }
    sorted = malloc(c->n * sizeof *sorted);
    if (sorted == NULL) {
        return cb_error_set(err, "out of memory sorting %zu calls", c->n);
    }
    memcpy(sorted, c->values, c->n * sizeof *sorted);
    cb_stats_sort(sorted, c->n);
    for (i = 0; i < CB_NCALL_PERCENTILES; i++) {
        c->percentiles[i] = cb_stats_percentile_sorted(sorted, c->n, cb_call_percentile_levels[i]);
    }
    free(sorted);
    return 0;
}
