#include <math.h>
#include <stdlib.h>

#include "stats/analysis.h"
#include "stats/compare.h"
#include "stats/memory_change.h"

double cb_compare_level(const cb_compare_config *cfg)
{
    return cfg->significance / (double) (cfg->comparisons > 0 ? cfg->comparisons : 1);
}

double cb_compare_resolution(const cb_estimate *change)
{
    return fmax(fabs(change->lower), fabs(change->upper));
}

cb_verdict cb_compare_verdict(const cb_estimate *change, double p_value,
                              const cb_compare_config *cfg)
{
    double thr = cfg->noise_threshold;
    int    significant = p_value < cb_compare_level(cfg); /* exact counts: p = -1 */

    if (significant && change->lower > thr) {
        return CB_VERDICT_REGRESSED;
    }
    if (significant && change->upper < -thr) {
        return CB_VERDICT_IMPROVED;
    }
    if (change->lower >= -thr && change->upper <= thr) {
        /* a change, if significant, and one too small to matter either way */
        return significant ? CB_VERDICT_WITHIN_NOISE : CB_VERDICT_NO_CHANGE;
    }
    if (cb_compare_resolution(change) <= cfg->resolution) {
        return CB_VERDICT_NO_CHANGE;
    }
    return CB_VERDICT_UNRESOLVED;
}

const char *cb_change_sentence(const cb_change *c)
{
    if (c->verdict == CB_VERDICT_NO_CHANGE && c->p_value >= 0.0 && c->p_value < c->significance) {
        /* significant, straddling the threshold, inside the resolution */
        return "Change within the resolution, not established beyond the noise threshold.";
    }
    return cb_verdict_sentence(c->verdict);
}

cb_verdict cb_compare_exact_verdict(double change, const cb_compare_config *cfg)
{
    /* a difference beyond the threshold is certain; any other is noise-free too */
    return change > cfg->noise_threshold    ? CB_VERDICT_REGRESSED
           : change < -cfg->noise_threshold ? CB_VERDICT_IMPROVED
           : change != 0.0                  ? CB_VERDICT_WITHIN_NOISE
                                            : CB_VERDICT_NO_CHANGE;
}

/* Instruction counts: the same build counts the same, so any difference is
 * real and the interval is the point. */
static void compare_exact(const cb_result *old, const cb_result *new_,
                          const cb_compare_config *cfg, cb_change *out)
{
    double c = out->new_typical / out->old_typical - 1.0;
    double m = new_->analysis.median.point / old->analysis.median.point - 1.0;
    double a = new_->analysis.mean.point / old->analysis.mean.point - 1.0;

    out->estimate = (cb_estimate){ c, c, c, 0.0 };
    out->mean = (cb_estimate){ a, a, a, 0.0 };
    out->median = (cb_estimate){ m, m, m, 0.0 };
    out->t = 0.0;
    out->p_value = -1.0;
    out->verdict = cb_compare_exact_verdict(c, cfg);
}

static int estimate_finite(const cb_estimate *e)
{
    return isfinite(e->point) && isfinite(e->lower) && isfinite(e->upper);
}

/* Welch's t aside (infinite for two sets of identical values), every number
 * of a change is finite, or the comparison fails: a gate must never pass on a
 * NaN, and "no change" is what a NaN compares as. */
static int change_finite(const cb_change *c)
{
    return estimate_finite(&c->estimate) && estimate_finite(&c->mean) &&
           estimate_finite(&c->median) && isfinite(c->p_value) && isfinite(c->resolution) &&
           isfinite(c->old_typical) && isfinite(c->new_typical);
}

/* The change of the mean and median of the per-iteration values, the test of
 * the means, and, for two linear runs, the change of the slopes and its test,
 * which then decide. */
static int compare_sampled(const cb_result *old, const cb_result *new_,
                           const cb_compare_config *cfg, cb_change *out, cb_error *err)
{
    double          *a = cb_analysis_per_iteration(&old->samples);
    double          *b = cb_analysis_per_iteration(&new_->samples);
    cb_bootstrap_two two, slopes;
    int              rc = -1;

    if (a == NULL || b == NULL) {
        cb_error_set(err, "%s: out of memory comparing", new_->name);
    } else if (cb_bootstrap_compare(a, old->samples.n, b, new_->samples.n, &cfg->boot, &two,
                                    err) == 0 &&
               (out->statistic != CB_STATISTIC_SLOPE ||
                cb_bootstrap_slopes(old->samples.iters, old->samples.values, old->samples.n,
                                    new_->samples.iters, new_->samples.values, new_->samples.n,
                                    &cfg->boot, &slopes, err) == 0)) {
        out->mean = two.mean_change;
        out->median = two.median_change;
        out->estimate = out->statistic == CB_STATISTIC_SLOPE ? slopes.slope_change : two.mean_change;
        out->t = out->statistic == CB_STATISTIC_SLOPE ? slopes.t : two.t;
        out->p_value = out->statistic == CB_STATISTIC_SLOPE ? slopes.p_value : two.p_value;
        out->verdict = cb_compare_verdict(&out->estimate, out->p_value, cfg);
        rc = 0;
    }
    free(a);
    free(b);
    return rc;
}

int cb_compare_results(const cb_result *old, const cb_result *new_,
                       const cb_compare_config *cfg, cb_change *out, cb_error *err)
{
    /* the estimate when both were sampled alike; the mean, which both have, when not */
    out->mode_differs = old->plan.mode != new_->plan.mode;
    out->statistic = !out->mode_differs && new_->plan.mode == CB_MODE_LINEAR ? CB_STATISTIC_SLOPE
                                                                             : CB_STATISTIC_MEAN;
    out->old_typical = out->mode_differs ? old->analysis.mean.point : cb_result_typical(old)->point;
    out->new_typical =
        out->mode_differs ? new_->analysis.mean.point : cb_result_typical(new_)->point;
    out->significance = cb_compare_level(cfg);
    out->rounds = 0;
    if (cfg->exact) {
        compare_exact(old, new_, cfg, out);
    } else if (compare_sampled(old, new_, cfg, out, err) != 0) {
        return -1;
    }
    out->resolution = cb_compare_resolution(&out->estimate);
    if (!change_finite(out)) {
        return cb_error_set(err, "%s: the change overflows: the values are too large or too "
                                 "small to compare", new_->name);
    }
    return 0;
}

int cb_compare_into(const cb_result *old, cb_result *new_, const cb_compare_config *cfg,
                    cb_error *err)
{
    /* a measurement on n threads is compared only with one on as many */
    if (old == NULL || old->failed || new_->failed || old->threads.n != new_->threads.n) {
        return 0;
    }
    cb_memory_compare(&old->memory, &new_->memory);
    if (cb_compare_results(old, new_, cfg, &new_->change, err) != 0) {
        return -1;
    }
    new_->has_change = 1;
    return 0;
}

const char *cb_verdict_sentence(cb_verdict v)
{
    switch (v) {
    case CB_VERDICT_NO_CHANGE:
        return "No change in performance detected.";
    case CB_VERDICT_WITHIN_NOISE:
        return "Change within noise threshold.";
    case CB_VERDICT_IMPROVED:
        return "Performance has improved.";
    case CB_VERDICT_REGRESSED:
        return "Performance has regressed.";
    case CB_VERDICT_UNRESOLVED:
        return "Unresolved: the interval is wider than the resolution.";
    }
    return "";
}

const char *cb_verdict_name(cb_verdict v)
{
    switch (v) {
    case CB_VERDICT_NO_CHANGE:
        return "no_change";
    case CB_VERDICT_WITHIN_NOISE:
        return "within_noise";
    case CB_VERDICT_IMPROVED:
        return "improved";
    case CB_VERDICT_REGRESSED:
        return "regressed";
    case CB_VERDICT_UNRESOLVED:
        return "unresolved";
    }
    return "";
}
