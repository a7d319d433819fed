#include <math.h>
#include <string.h>

#include "registry.h"
#include "result_json.h"

json_t *cb_result_json_real(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *string_or_null(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

json_t *cb_result_json_estimate(const cb_estimate *e)
{
    return json_pack("{s:o, s:o, s:o, s:o}", "point_estimate", cb_result_json_real(e->point),
                     "lower_bound", cb_result_json_real(e->lower), "upper_bound",
                     cb_result_json_real(e->upper), "standard_error",
                     cb_result_json_real(e->std_err));
}

static const char *throughput_name(cb_throughput t)
{
    return t == CB_THROUGHPUT_BYTES ? "bytes" : "elements";
}

static json_t *reals(const double *x, size_t n)
{
    json_t *a = json_array();
    size_t  i;

    for (i = 0; a != NULL && i < n; i++) {
        if (json_array_append_new(a, cb_result_json_real(x[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *encode_analysis(const cb_result *r, const char *unit)
{
    const cb_analysis *a = &r->analysis;
    json_t            *est, *pct, *out, *obj;
    char               key[8];
    size_t             i;

    est = json_pack("{s:o, s:o, s:o, s:o}", "mean", cb_result_json_estimate(&a->mean), "median",
                    cb_result_json_estimate(&a->median), "std_dev",
                    cb_result_json_estimate(&a->std_dev), "mad", cb_result_json_estimate(&a->mad));
    if (est != NULL && r->plan.mode == CB_MODE_LINEAR) {
        json_object_set_new(est, "slope", cb_result_json_estimate(&a->slope));
    }
    pct = json_object();
    for (i = 0; pct != NULL && i < CB_NPERCENTILES; i++) {
        snprintf(key, sizeof key, "p%.0f", cb_percentile_levels[i]);
        json_object_set_new(pct, key, cb_result_json_real(a->percentiles[i]));
    }
    if (pct != NULL) {
        json_object_set_new(pct, "min", cb_result_json_real(a->min));
        json_object_set_new(pct, "max", cb_result_json_real(a->max));
    }
    out = json_pack("{s:o, s:o, s:o, s:f}", "fences", reals(a->outliers.fences, 4), "counts",
                    json_pack("{s:I, s:I, s:I, s:I}", "low_severe",
                              (json_int_t) a->outliers.low_severe, "low_mild",
                              (json_int_t) a->outliers.low_mild, "high_mild",
                              (json_int_t) a->outliers.high_mild, "high_severe",
                              (json_int_t) a->outliers.high_severe),
                    "total", json_integer((json_int_t) cb_outliers_total(&a->outliers)),
                    "share", r->samples.n > 0 ? (double) cb_outliers_total(&a->outliers) /
                                                    (double) r->samples.n
                                              : 0.0);
    obj = json_pack("{s:s, s:o, s:o, s:o}", "typical",
                    r->plan.mode == CB_MODE_LINEAR ? "slope" : "mean", "estimates", est,
                    "percentiles", pct, "outliers", out);
    if (obj != NULL && r->plan.mode == CB_MODE_LINEAR) {
        json_object_set_new(obj, "r_squared", cb_result_json_real(a->r_squared));
    }
    if (obj != NULL && r->throughput != CB_THROUGHPUT_NONE && r->per_iteration > 0) {
        char per[64];

        if (strcmp(unit, "ns") == 0) {
            snprintf(per, sizeof per, "%s/s", throughput_name(r->throughput));
        } else {
            snprintf(per, sizeof per, "%s/%s", unit,
                     r->throughput == CB_THROUGHPUT_BYTES ? "byte" : "element");
        }
        json_object_set_new(obj, "throughput_estimate",
                            json_pack("{s:s, s:o}", "unit", per, "estimate",
                                      cb_result_json_estimate(&a->throughput)));
    }
    return obj;
}

static json_t *encode_change(const cb_comparison *cmp)
{
    return json_pack("{s:o, s:o, s:o, s:o, s:s}", "mean",
                     cb_result_json_estimate(&cmp->change.mean_change), "median",
                     cb_result_json_estimate(&cmp->change.median_change), "t",
                     cb_result_json_real(cmp->change.t), "p_value",
                     cb_result_json_real(cmp->change.p_value), "verdict",
                     cb_verdict_name(cmp->verdict));
}

json_t *cb_result_json_encode(const cb_result *r, const char *unit, const cb_comparison *cmp,
                              int with_samples)
{
    char    group[128];
    json_t *obj, *sampling, *analysis;

    cb_registry_group(r->name, group, sizeof group);
    obj = json_pack("{s:s, s:s, s:o, s:o, s:o, s:s, s:s, s:o, s:o}", "name", r->name, "group",
                    group, "impl", string_or_null(r->impl), "param",
                    r->has_param ? json_integer((json_int_t) r->param) : json_null(),
                    "param_name", string_or_null(r->param_name), "status",
                    r->failed ? "failed" : "ok", "unit", unit, "failure",
                    string_or_null(r->failed ? (r->failure != NULL ? r->failure : "failed") : NULL),
                    "note", string_or_null(r->note));
    if (obj == NULL) {
        return NULL;
    }
    json_object_set_new(obj, "throughput",
                        r->throughput == CB_THROUGHPUT_NONE
                            ? json_null()
                            : json_pack("{s:s, s:I}", "unit", throughput_name(r->throughput),
                                        "per_iteration", (json_int_t) r->per_iteration));
    if (r->failed) {
        return obj;
    }
    sampling = json_pack("{s:s, s:I, s:I, s:o, s:o, s:o}", "mode", cb_mode_name(r->plan.mode),
                         "samples", (json_int_t) r->samples.n, "d", (json_int_t) r->plan.d,
                         "warm_up_ns_per_iteration", cb_result_json_real(r->plan.met_ns),
                         "target_ns", cb_result_json_real(r->plan.target_ns), "expected_ns",
                         cb_result_json_real(r->plan.expected_ns));
    json_object_set_new(obj, "sampling", sampling);
    if (with_samples) {
        json_object_set_new(obj, "samples",
                            json_pack("{s:o, s:o}", "iterations",
                                      reals(r->samples.iters, r->samples.n), "values",
                                      reals(r->samples.values, r->samples.n)));
    }
    analysis = encode_analysis(r, unit);
    if (analysis != NULL) {
        json_object_update(obj, analysis);
        json_decref(analysis);
    }
    if (cmp != NULL) {
        json_object_set_new(obj, "change", encode_change(cmp));
    }
    return obj;
}
