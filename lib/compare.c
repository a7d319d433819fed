#include <stdlib.h>

#include "analysis.h"
#include "compare.h"

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

int cb_compare_results(const cb_result *old, const cb_result *new_,
                       const cb_compare_config *cfg, cb_comparison *out, cb_error *err)
{
    double *a = cb_analysis_per_iteration(&old->samples);
    double *b = cb_analysis_per_iteration(&new_->samples);
    int     rc = -1;

    out->old = old;
    if (a == NULL || b == NULL) {
        cb_error_set(err, "%s: out of memory comparing", new_->name);
    } else if (cb_bootstrap_compare(a, old->samples.n, b, new_->samples.n, &cfg->boot,
                                    &out->change, err) == 0) {
        out->verdict = cb_compare_verdict(&out->change.mean_change, out->change.p_value, cfg);
        rc = 0;
    }
    free(a);
    free(b);
    return rc;
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
