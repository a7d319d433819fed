#include <math.h>
#include <stdlib.h>

#include "stats/analysis.h"
#include "stats/compare.h"

cb_verdict cb_compare_verdict(const cb_estimate *change, double p_value,
                              const cb_compare_config *cfg)
{
    if (p_value >= cfg->significance) {
        return CB_VERDICT_NO_CHANGE;
    }
    if (change->lower > cfg->noise_threshold) {
        return CB_VERDICT_REGRESSED;
    }
    if (change->upper < -cfg->noise_threshold) {
        return CB_VERDICT_IMPROVED;
    }
    return CB_VERDICT_WITHIN_NOISE;
}

/* Instruction counts: the same build counts the same, so any difference is real. */
static void compare_exact(const cb_result *old, const cb_result *new_,
                          const cb_compare_config *cfg, cb_change *out)
{
    double old_t = cb_result_typical(old)->point, c = cb_result_typical(new_)->point / old_t - 1.0;
    double m = new_->analysis.median.point / old->analysis.median.point - 1.0;

    out->mean = (cb_estimate){ c, c, c, 0.0 };
    out->median = (cb_estimate){ m, m, m, 0.0 };
    out->t = 0.0;
    out->p_value = -1.0;
    out->old_typical = old_t;
    out->new_typical = cb_result_typical(new_)->point;
    out->verdict = c > cfg->noise_threshold    ? CB_VERDICT_REGRESSED
                   : c < -cfg->noise_threshold ? CB_VERDICT_IMPROVED
                   : c != 0.0                  ? CB_VERDICT_WITHIN_NOISE
                                               : CB_VERDICT_NO_CHANGE;
}

static int change_finite(const cb_change *c)
{
    return isfinite(c->mean.point) && isfinite(c->mean.lower) && isfinite(c->mean.upper) &&
           isfinite(c->median.point) && isfinite(c->median.lower) &&
           isfinite(c->median.upper) && isfinite(c->p_value) && isfinite(c->old_typical) &&
           isfinite(c->new_typical);
}

int cb_compare_results(const cb_result *old, const cb_result *new_,
                       const cb_compare_config *cfg, cb_change *out, cb_error *err)
{
    double          *a, *b;
    cb_bootstrap_two two;
    int              rc = -1;

    a = cfg->exact ? NULL : cb_analysis_per_iteration(&old->samples);
    b = cfg->exact ? NULL : cb_analysis_per_iteration(&new_->samples);
    if (cfg->exact) {
        compare_exact(old, new_, cfg, out);
        rc = 0;
    } else if (a == NULL || b == NULL) {
        cb_error_set(err, "%s: out of memory comparing", new_->name);
    } else if (cb_bootstrap_compare(a, old->samples.n, b, new_->samples.n, &cfg->boot, &two,
                                    err) == 0) {
        out->mean = two.mean_change;
        out->median = two.median_change;
        out->t = two.t;
        out->p_value = two.p_value;
        out->verdict = cb_compare_verdict(&out->mean, out->p_value, cfg);
        out->old_typical = cb_result_typical(old)->point;
        out->new_typical = cb_result_typical(new_)->point;
        rc = 0;
    }
    if (rc == 0 && !change_finite(out)) {
        /* a gate must never pass on a NaN: "no change" is what NaN compares as */
        rc = cb_error_set(err, "%s: the change overflows: the values are too large or too small "
                               "to compare", new_->name);
    }
    free(a);
    free(b);
    return rc;
}

int cb_compare_into(const cb_result *old, cb_result *new_, const cb_compare_config *cfg,
                    cb_error *err)
{
    if (old == NULL || old->failed || new_->failed) {
        return 0;
    }
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
    }
    return "";
}
