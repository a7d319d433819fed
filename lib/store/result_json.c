#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "stats/analysis.h"
#include "store/budget_json.h"
#include "store/check_json.h"
#include "store/memory_json.h"
#include "store/result_json.h"
#include "store/samples_csv.h"

static json_t *string_or_null(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

json_t *cb_result_json_estimate(const cb_estimate *e)
{
    return json_pack("{s:o, s:o, s:o, s:o}", "point_estimate", cb_json_real(e->point),
                     "lower_bound", cb_json_real(e->lower), "upper_bound",
                     cb_json_real(e->upper), "standard_error",
                     cb_json_real(e->std_err));
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
        if (json_array_append_new(a, cb_json_real(x[i])) != 0) {
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
        json_object_set_new(pct, key, cb_json_real(a->percentiles[i]));
    }
    if (pct != NULL) {
        json_object_set_new(pct, "min", cb_json_real(a->min));
        json_object_set_new(pct, "max", cb_json_real(a->max));
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
        json_object_set_new(obj, "r_squared", cb_json_real(a->r_squared));
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

static json_t *encode_change(const cb_change *ch)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:b, s:s}",
                     "statistic", cb_statistic_name(ch->statistic), "estimate",
                     cb_result_json_estimate(&ch->estimate), "mean",
                     cb_result_json_estimate(&ch->mean), "median",
                     cb_result_json_estimate(&ch->median), "t", cb_json_real(ch->t),
                     "p_value", ch->p_value < 0.0 ? json_null() : cb_json_real(ch->p_value),
                     "significance", cb_json_real(ch->significance), "resolution",
                     cb_json_real(ch->resolution), "old_typical",
                     cb_json_real(ch->old_typical), "new_typical",
                     cb_json_real(ch->new_typical), "rounds", (json_int_t) ch->rounds,
                     "mode_differs", ch->mode_differs, "verdict", cb_verdict_name(ch->verdict));
}

static json_t *nonempty_or_null(const char *s)
{
    return s[0] != '\0' ? json_string(s) : json_null();
}

/* "args": the parameters, [{"name", "value", "unit"}]. */
static json_t *encode_args(const cb_result *r)
{
    json_t *a = json_array();
    size_t  i;

    for (i = 0; a != NULL && i < r->nargs; i++) {
        if (json_array_append_new(a, json_pack("{s:o, s:I, s:o}", "name",
                                               nonempty_or_null(r->args[i].name), "value",
                                               (json_int_t) r->args[i].value, "unit",
                                               nonempty_or_null(r->args[i].unit))) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *encode_counters(const cb_result *r)
{
    json_t *a = json_array();
    size_t  i;

    for (i = 0; a != NULL && i < r->ncounters; i++) {
        json_array_append_new(a, json_pack("{s:s, s:o, s:o}", "name", r->counters[i].name,
                                           "per_iteration",
                                           cb_json_real(r->counters[i].per_iteration),
                                           "per_second",
                                           cb_json_real(r->counters[i].per_second)));
    }
    return a;
}

/* "calls": {"n", "percentiles": {"p50", ...}, "values": [...] (with samples)} */
static json_t *encode_calls(const cb_calls *c, int with_values)
{
    json_t *pct = json_object(), *obj;
    char    key[16];
    size_t  i;

    for (i = 0; pct != NULL && i < CB_NCALL_PERCENTILES; i++) {
        snprintf(key, sizeof key, "p%g", cb_call_percentile_levels[i]);
        json_object_set_new(pct, key, cb_json_real(c->percentiles[i]));
    }
    obj = json_pack("{s:I, s:o}", "n", (json_int_t) c->n, "percentiles", pct);
    if (obj != NULL && with_values) {
        json_object_set_new(obj, "values", reals(c->values, c->n));
    }
    return obj;
}

/* "threads": {"n", "cores", "ops_per_second", "efficiency" (null without a
 * one-thread measurement)} */
static json_t *encode_threads(const cb_threads *t)
{
    return json_pack("{s:I, s:I, s:o, s:o}", "n", (json_int_t) t->n, "cores",
                     (json_int_t) t->cores, "ops_per_second", cb_result_json_estimate(&t->ops),
                     "efficiency", isfinite(t->efficiency.point)
                                       ? cb_result_json_estimate(&t->efficiency)
                                       : json_null());
}

json_t *cb_result_json_encode(const cb_result *r, const char *unit, int with_samples)
{
    char    group[128];
    json_t *obj, *sampling, *analysis;

    cb_name_group(r->name, group, sizeof group);
    /* param and param_name repeat the first parameter: all that a benchmark
     * of one parameter has, and what schema 1 stored */
    obj = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:b, s:s, s:s, s:o, s:o}", "name", r->name,
                    "group", group, "impl", string_or_null(r->impl), "param",
                    r->nargs > 0 ? json_integer((json_int_t) r->args[0].value) : json_null(),
                    "param_name", r->nargs > 0 ? nonempty_or_null(r->args[0].name) : json_null(),
                    "args", encode_args(r), "args_named", r->named_args, "status",
                    r->failed ? "failed" : "ok", "unit", unit, "failure",
                    string_or_null(r->failed ? (r->failure != NULL ? r->failure : "failed") : NULL),
                    "note", string_or_null(r->note));
    if (obj == NULL) {
        return NULL;
    }
    json_object_set_new(obj, "variant",
                        r->variant_of == NULL
                            ? json_null()
                            : json_pack("{s:s, s:s}", "of", r->variant_of, "adds", r->variant));
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
                         "warm_up_ns_per_iteration", cb_json_real(r->plan.met_ns),
                         "target_ns", cb_json_real(r->plan.target_ns), "expected_ns",
                         cb_json_real(r->plan.expected_ns));
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
    if (r->ncounters > 0) {
        json_object_set_new(obj, "counters", encode_counters(r));
    }
    if (r->calls.n > 0) {
        json_object_set_new(obj, "calls", encode_calls(&r->calls, with_samples));
    }
    if (r->threads.n > 0) {
        json_object_set_new(obj, "threads", encode_threads(&r->threads));
    }
    if (r->load.known) {
        json_object_set_new(obj, "load",
                            json_pack("{s:o, s:o, s:o}", "loadavg_start",
                                      cb_json_real(r->load.start), "loadavg_end",
                                      cb_json_real(r->load.end), "steal",
                                      cb_json_real(r->load.steal)));
    }
    if (r->nbudgets > 0) {
        json_object_set_new(obj, "budgets", cb_budget_json_encode(r));
    }
    if (r->has_change) {
        json_object_set_new(obj, "change", encode_change(&r->change));
    }
    if (cb_check_json_encode(obj, r) != 0 || cb_memory_json_encode(obj, r) != 0) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

/* An estimate whose numbers meet flags (CB_JSON_BOUNDED for a statistic in
 * the run's unit, CB_JSON_ANY for a throughput). */
static int decode_estimate(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                           const char *key, unsigned flags, cb_estimate *e)
{
    cb_json_path p;
    json_t      *v = cb_json_member(rd, obj, at, key, JSON_OBJECT, 0, &p);

    if (v == NULL || cb_json_number(rd, v, &p, "point_estimate", flags, &e->point) != 0 ||
        cb_json_number(rd, v, &p, "lower_bound", flags, &e->lower) != 0 ||
        cb_json_number(rd, v, &p, "upper_bound", flags, &e->upper) != 0 ||
        cb_json_number(rd, v, &p, "standard_error", flags | CB_JSON_NONNEGATIVE, &e->std_err) !=
            0) {
        return -1;
    }
    if (!(e->lower <= e->upper)) {
        return cb_json_fail(rd, &p, "lower_bound %.17g is above upper_bound %.17g", e->lower,
                            e->upper);
    }
    return 0;
}

/* An array of exactly n numbers: iterations (whole, positive, up to 2^53)
 * when `whole`, else sample values (CB_JSON_SAMPLE). */
static int decode_series(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                         const char *key, size_t n, int whole, double *out)
{
    cb_json_path p;
    json_t      *a = cb_json_member(rd, obj, at, key, JSON_ARRAY, 0, &p);
    size_t       i;

    if (a == NULL) {
        return -1;
    }
    if (json_array_size(a) != n) {
        return cb_json_fail(rd, &p, "expected %zu values (sampling.samples), got %zu", n,
                            json_array_size(a));
    }
    for (i = 0; i < n; i++) {
        cb_json_path e = { &p, NULL, i };

        if (cb_json_number_value(rd, json_array_get(a, i), &e,
                                 whole ? CB_JSON_POSITIVE : CB_JSON_SAMPLE, &out[i]) != 0) {
            return -1;
        }
        if (whole && (out[i] != floor(out[i]) || out[i] > CB_SAMPLE_ITERATIONS_MAX)) {
            return cb_json_fail(rd, &e, "expected a whole number of iterations up to 2^53 - 1, got "
                                        "%.17g", out[i]);
        }
    }
    return 0;
}

/* A string member into a fixed buffer, "" for null; refused when too long. */
static int decode_short(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                        const char *key, char *buf, size_t size)
{
    const char *v;

    if (cb_json_string(rd, obj, at, key, 1, &v) != 0) {
        return -1;
    }
    if (v != NULL && strlen(v) >= size) {
        return cb_json_fail(rd, &(cb_json_path){ at, key, 0 }, "longer than %zu bytes",
                            size - 1);
    }
    /* printed with the result, as every string of a result: clean */
    cb_text_clean(buf, size, v != NULL ? v : "");
    return 0;
}

/* "args" and "args_named": the parameters; absent in schema 1, where "param"
 * was the one. */
static int decode_args(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                       cb_result *r)
{
    cb_json_path p, np;
    json_t      *a, *named;
    uint64_t     value;
    size_t       i;

    if (json_object_get(obj, "args") == NULL) {
        return 0;
    }
    if ((a = cb_json_member(rd, obj, at, "args", JSON_ARRAY, 0, &p)) == NULL ||
        (named = cb_json_member(rd, obj, at, "args_named", JSON_TRUE, 0, &np)) == NULL) {
        return -1;
    }
    if (json_array_size(a) > CB_MAX_AXES) {
        return cb_json_fail(rd, &p, "at most %d parameters, got %zu", CB_MAX_AXES,
                            json_array_size(a));
    }
    r->nargs = 0;
    for (i = 0; i < json_array_size(a); i++) {
        cb_json_path e = { &p, NULL, i };
        json_t      *arg = json_array_get(a, i);

        if (!json_is_object(arg)) {
            return cb_json_fail(rd, &e, "expected a parameter object");
        }
        if (decode_short(rd, arg, &e, "name", r->args[i].name, sizeof r->args[i].name) != 0 ||
            decode_short(rd, arg, &e, "unit", r->args[i].unit, sizeof r->args[i].unit) != 0 ||
            cb_json_uint(rd, arg, &e, "value", 0, &value) != 0) {
            return -1;
        }
        r->args[i].value = value;
        r->nargs = i + 1;
    }
    r->named_args = json_is_true(named);
    return 0;
}

/* "counters": [{"name", "per_iteration", "per_second"}], when there are any. */
static int decode_counters(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                           cb_result *r)
{
    cb_json_path p;
    json_t      *a;
    size_t       i;

    if (json_object_get(obj, "counters") == NULL) {
        return 0;
    }
    if ((a = cb_json_member(rd, obj, at, "counters", JSON_ARRAY, 0, &p)) == NULL) {
        return -1;
    }
    if (json_array_size(a) > CB_RESULT_MAX_COUNTERS) {
        return cb_json_fail(rd, &p, "at most %d counters, got %zu", CB_RESULT_MAX_COUNTERS,
                            json_array_size(a));
    }
    for (i = 0; i < json_array_size(a); i++) {
        cb_json_path e = { &p, NULL, i };
        json_t      *c = json_array_get(a, i);
        cb_counter  *out = &r->counters[i];

        if (!json_is_object(c)) {
            return cb_json_fail(rd, &e, "expected a counter object");
        }
        if (decode_short(rd, c, &e, "name", out->name, sizeof out->name) != 0 ||
            cb_json_number(rd, c, &e, "per_iteration", CB_JSON_ANY, &out->per_iteration) != 0 ||
            cb_json_number(rd, c, &e, "per_second", CB_JSON_ANY, &out->per_second) != 0) {
            return -1;
        }
        r->ncounters = i + 1;
    }
    return 0;
}

/* "calls", when there are any: their values, and their percentiles computed
 * again from them (a baseline stores them for reading, not for trust). */
static int decode_calls(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                        cb_result *r)
{
    cb_json_path p, vp;
    json_t      *c, *v;
    size_t       i, n;

    if (json_object_get(obj, "calls") == NULL) {
        return 0;
    }
    if ((c = cb_json_member(rd, obj, at, "calls", JSON_OBJECT, 0, &p)) == NULL ||
        (v = cb_json_member(rd, c, &p, "values", JSON_ARRAY, 0, &vp)) == NULL) {
        return -1;
    }
    n = json_array_size(v);
    if (n > 100000000u) {
        return cb_json_fail(rd, &vp, "%zu calls is too many", n);
    }
    r->calls.values = malloc((n > 0 ? n : 1) * sizeof *r->calls.values);
    if (r->calls.values == NULL) {
        return cb_error_set(rd->err, "%s: out of memory for %zu calls", rd->file, n);
    }
    for (i = 0; i < n; i++) {
        cb_json_path e = { &vp, NULL, i };

        if (cb_json_number_value(rd, json_array_get(v, i), &e, CB_JSON_SAMPLE,
                                 &r->calls.values[i]) != 0) {
            return -1;
        }
        r->calls.n = i + 1;
    }
    return cb_analysis_calls(&r->calls, rd->err);
}

/* "variant": {"of": NAME, "adds": TEXT} or null; absent in schema 1. */
static int decode_variant(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          cb_result *r)
{
    cb_json_path p;
    json_t      *v;
    const char  *of, *adds;

    if (json_object_get(obj, "variant") == NULL) {
        return 0;
    }
    if ((v = cb_json_member(rd, obj, at, "variant", JSON_OBJECT, 1, &p)) == NULL) {
        return -1;
    }
    if (json_is_null(v)) {
        return 0;
    }
    if (cb_json_string(rd, v, &p, "of", 0, &of) != 0 ||
        cb_json_string(rd, v, &p, "adds", 0, &adds) != 0) {
        return -1;
    }
    if (cb_result_set_string(&r->variant_of, of) != 0 ||
        cb_result_set_string(&r->variant, adds) != 0) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    return 0;
}

static int decode_identity(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                           const char *unit, cb_result *r)
{
    static const char *const statuses[] = { "ok", "failed" };
    static const char *const kinds[] = { "bytes", "elements" };
    const char              *name, *impl, *param_name, *failure, *note, *u;
    cb_json_path             p;
    json_t                  *v;
    int                      status, kind;
    uint64_t                 per;

    if (cb_json_string(rd, obj, at, "name", 0, &name) != 0 ||
        cb_json_string(rd, obj, at, "impl", 1, &impl) != 0 ||
        cb_json_string(rd, obj, at, "param_name", 1, &param_name) != 0 ||
        cb_json_choice(rd, obj, at, "status", statuses, 2, &status) != 0 ||
        cb_json_string(rd, obj, at, "failure", 1, &failure) != 0 ||
        cb_json_string(rd, obj, at, "note", 1, &note) != 0 ||
        cb_json_string(rd, obj, at, "unit", 0, &u) != 0) {
        return -1;
    }
    if (name[0] == '\0' || !cb_text_is_clean(name)) {
        /* other characters are escaped wherever a name is printed; a line break
         * or an escape sequence would still break a terminal, CSV or bencher line */
        return cb_json_fail(rd, &(cb_json_path){ at, "name", 0 },
                            "expected a non-empty name without control characters");
    }
    if (strcmp(u, unit) != 0) {
        return cb_json_fail(rd, &(cb_json_path){ at, "unit", 0 },
                            "expected \"%s\" (settings.unit), got \"%.32s\"", unit, u);
    }
    if (status == 1 && failure == NULL) {
        return cb_json_fail(rd, &(cb_json_path){ at, "failure", 0 },
                            "a failed benchmark needs its reason, got null");
    }
    if ((v = cb_json_member(rd, obj, at, "param", JSON_INTEGER, 1, &p)) == NULL) {
        return -1;
    }
    if (!json_is_null(v)) {
        if (!json_is_integer(v) || json_integer_value(v) < 0) {
            return cb_json_fail(rd, &p, "expected a whole number >= 0 or null");
        }
        cb_result_set_param(r, param_name, (uint64_t) json_integer_value(v));
    }
    if (decode_args(rd, obj, at, r) != 0 || decode_variant(rd, obj, at, r) != 0 ||
        (v = cb_json_member(rd, obj, at, "throughput", JSON_OBJECT, 1, &p)) == NULL) {
        return -1;
    }
    if (!json_is_null(v)) {
        if (cb_json_choice(rd, v, &p, "unit", kinds, 2, &kind) != 0 ||
            cb_json_uint(rd, v, &p, "per_iteration", 1, &per) != 0) {
            return -1;
        }
        r->throughput = kind == 0 ? CB_THROUGHPUT_BYTES : CB_THROUGHPUT_ELEMENTS;
        r->per_iteration = per;
    }
    if (cb_result_set_string(&r->name, name) != 0 || cb_result_set_string(&r->impl, impl) != 0 ||
        cb_result_set_string(&r->note, note) != 0 ||
        (status == 1 && cb_result_set_string(&r->failure, failure) != 0)) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    r->failed = status == 1;
    return 0;
}

static int decode_sampling(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                           cb_result *r)
{
    static const char *const modes[] = { "linear", "flat" };
    cb_json_path             p, sp;
    json_t                  *v = cb_json_member(rd, obj, at, "sampling", JSON_OBJECT, 0, &p), *s;
    uint64_t                 n, d;
    int                      mode;

    if (v == NULL || cb_json_choice(rd, v, &p, "mode", modes, 2, &mode) != 0 ||
        cb_json_uint(rd, v, &p, "samples", 2, &n) != 0 || cb_json_uint(rd, v, &p, "d", 1, &d) != 0 ||
        cb_json_number(rd, v, &p, "warm_up_ns_per_iteration",
                       CB_JSON_NONNEGATIVE | CB_JSON_NULLABLE, &r->plan.met_ns) != 0 ||
        cb_json_number(rd, v, &p, "target_ns", CB_JSON_NONNEGATIVE, &r->plan.target_ns) != 0 ||
        cb_json_number(rd, v, &p, "expected_ns", CB_JSON_NONNEGATIVE, &r->plan.expected_ns) != 0) {
        return -1;
    }
    if (n > CB_MAX_SAMPLES) {
        return cb_json_fail(rd, &(cb_json_path){ &p, "samples", 0 },
                            "%llu samples, more than the %d cryptbench analyses",
                            (unsigned long long) n, CB_MAX_SAMPLES);
    }
    r->plan.mode = mode == 0 ? CB_MODE_LINEAR : CB_MODE_FLAT;
    r->plan.n = (size_t) n;
    r->plan.d = d;
    if ((s = cb_json_member(rd, obj, at, "samples", JSON_OBJECT, 0, &sp)) == NULL) {
        return -1;
    }
    if (cb_samples_alloc(&r->samples, r->plan.n) != 0) {
        return cb_error_set(rd->err, "%s: out of memory for %zu samples", rd->file, r->plan.n);
    }
    if (decode_series(rd, s, &sp, "iterations", r->plan.n, 1, r->samples.iters) != 0 ||
        decode_series(rd, s, &sp, "values", r->plan.n, 0, r->samples.values) != 0) {
        return -1;
    }
    if (r->plan.mode == CB_MODE_LINEAR && cb_samples_mode(&r->samples) != CB_MODE_LINEAR) {
        /* a slope needs iteration counts that differ */
        return cb_json_fail(rd, &(cb_json_path){ &sp, "iterations", 0 },
                            "linear sampling needs at least two different iteration counts");
    }
    return 0;
}

static int decode_analysis(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                           cb_result *r)
{
    static const char *const typicals[] = { "slope", "mean" };
    static const char *const counts[] = { "low_severe", "low_mild", "high_mild", "high_severe" };
    cb_analysis             *a = &r->analysis;
    cb_json_path             ep, pp, op, cp, fp, tp;
    json_t                  *est, *pct, *out, *cnt, *fences, *tput;
    size_t                  *slots[4] = { &a->outliers.low_severe, &a->outliers.low_mild,
                                          &a->outliers.high_mild, &a->outliers.high_severe };
    uint64_t                 u, total;
    double                   share;
    char                     key[8];
    int                      typical;
    size_t                   i;

    if (cb_json_choice(rd, obj, at, "typical", typicals, 2, &typical) != 0) {
        return -1;
    }
    if ((typical == 0) != (r->plan.mode == CB_MODE_LINEAR)) {
        return cb_json_fail(rd, &(cb_json_path){ at, "typical", 0 },
                            "expected \"%s\" for %s sampling", typicals[r->plan.mode],
                            cb_mode_name(r->plan.mode));
    }
    if ((est = cb_json_member(rd, obj, at, "estimates", JSON_OBJECT, 0, &ep)) == NULL ||
        decode_estimate(rd, est, &ep, "mean", CB_JSON_BOUNDED, &a->mean) != 0 ||
        decode_estimate(rd, est, &ep, "median", CB_JSON_BOUNDED, &a->median) != 0 ||
        decode_estimate(rd, est, &ep, "std_dev", CB_JSON_BOUNDED, &a->std_dev) != 0 ||
        decode_estimate(rd, est, &ep, "mad", CB_JSON_BOUNDED, &a->mad) != 0 ||
        (r->plan.mode == CB_MODE_LINEAR &&
         (decode_estimate(rd, est, &ep, "slope", CB_JSON_BOUNDED, &a->slope) != 0 ||
          cb_json_number(rd, obj, at, "r_squared", CB_JSON_ANY, &a->r_squared) != 0))) {
        return -1;
    }
    if ((pct = cb_json_member(rd, obj, at, "percentiles", JSON_OBJECT, 0, &pp)) == NULL ||
        cb_json_number(rd, pct, &pp, "min", CB_JSON_POSITIVE | CB_JSON_BOUNDED, &a->min) != 0 ||
        cb_json_number(rd, pct, &pp, "max", CB_JSON_POSITIVE | CB_JSON_BOUNDED, &a->max) != 0) {
        return -1;
    }
    for (i = 0; i < CB_NPERCENTILES; i++) {
        snprintf(key, sizeof key, "p%.0f", cb_percentile_levels[i]);
        if (cb_json_number(rd, pct, &pp, key, CB_JSON_POSITIVE | CB_JSON_BOUNDED,
                           &a->percentiles[i]) != 0) {
            return -1;
        }
    }
    if ((out = cb_json_member(rd, obj, at, "outliers", JSON_OBJECT, 0, &op)) == NULL ||
        (fences = cb_json_member(rd, out, &op, "fences", JSON_ARRAY, 0, &fp)) == NULL ||
        (cnt = cb_json_member(rd, out, &op, "counts", JSON_OBJECT, 0, &cp)) == NULL ||
        cb_json_uint(rd, out, &op, "total", 0, &total) != 0 ||
        cb_json_number(rd, out, &op, "share", CB_JSON_NONNEGATIVE, &share) != 0) {
        return -1;
    }
    if (json_array_size(fences) != 4) {
        return cb_json_fail(rd, &fp, "expected 4 fences, got %zu", json_array_size(fences));
    }
    for (i = 0; i < 4; i++) {
        cb_json_path e = { &fp, NULL, i };

        if (cb_json_number_value(rd, json_array_get(fences, i), &e, CB_JSON_BOUNDED,
                                 &a->outliers.fences[i]) != 0 ||
            cb_json_uint(rd, cnt, &cp, counts[i], 0, &u) != 0) {
            return -1;
        }
        *slots[i] = (size_t) u;
    }
    if (total != cb_outliers_total(&a->outliers) || total > r->samples.n) {
        return cb_json_fail(rd, &(cb_json_path){ &op, "total", 0 },
                            "expected the sum of the counts, at most %zu", r->samples.n);
    }
    /* the one statistic the file does not hold: its samples give it */
    a->winsorized_range = cb_analysis_winsorized_range(&r->samples);
    if (isnan(a->winsorized_range)) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    if (r->throughput != CB_THROUGHPUT_NONE) {
        if ((tput = cb_json_member(rd, obj, at, "throughput_estimate", JSON_OBJECT, 0, &tp)) ==
                NULL ||
            decode_estimate(rd, tput, &tp, "estimate", CB_JSON_ANY, &a->throughput) != 0) {
            return -1;
        }
    }
    return 0;
}

/* "threads", when the benchmark was measured on threads. */
static int decode_threads(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          cb_result *r)
{
    cb_json_path p, ep;
    json_t      *t, *e;
    uint64_t     n, cores;

    if (json_object_get(obj, "threads") == NULL) {
        return 0;
    }
    if ((t = cb_json_member(rd, obj, at, "threads", JSON_OBJECT, 0, &p)) == NULL ||
        cb_json_uint(rd, t, &p, "n", 1, &n) != 0 || cb_json_uint(rd, t, &p, "cores", 1, &cores) != 0 ||
        decode_estimate(rd, t, &p, "ops_per_second", CB_JSON_BOUNDED, &r->threads.ops) != 0 ||
        (e = cb_json_member(rd, t, &p, "efficiency", JSON_OBJECT, 1, &ep)) == NULL) {
        return -1;
    }
    if (n > CB_MAX_THREADS || cores > 1000000u) {
        return cb_json_fail(rd, &p, "expected at most %d threads and a plausible core count",
                            CB_MAX_THREADS);
    }
    r->threads.n = (size_t) n;
    r->threads.cores = (long) cores;
    if (json_is_null(e)) {
        r->threads.efficiency = (cb_estimate){ NAN, NAN, NAN, NAN };
        return 0;
    }
    return decode_estimate(rd, t, &p, "efficiency", CB_JSON_BOUNDED, &r->threads.efficiency);
}

/* "load": the machine's load around the measurement, absent when it was not
 * recorded. */
static int decode_load(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                       cb_result *r)
{
    cb_json_path p;
    json_t      *l;

    if (json_object_get(obj, "load") == NULL) {
        return 0;
    }
    if ((l = cb_json_member(rd, obj, at, "load", JSON_OBJECT, 0, &p)) == NULL ||
        cb_json_number(rd, l, &p, "loadavg_start", CB_JSON_NONNEGATIVE | CB_JSON_BOUNDED, &r->load.start) != 0 ||
        cb_json_number(rd, l, &p, "loadavg_end", CB_JSON_NONNEGATIVE | CB_JSON_BOUNDED, &r->load.end) != 0 ||
        cb_json_number(rd, l, &p, "steal", CB_JSON_NONNEGATIVE | CB_JSON_BOUNDED, &r->load.steal) != 0) {
        return -1;
    }
    if (r->load.steal > 1.0) {
        return cb_json_fail(rd, &p, "expected a steal share from 0 to 1");
    }
    r->load.known = 1;
    return 0;
}

/* "change": the comparison made when the benchmark was measured, absent when
 * there was none; --load-baseline and `report` show it again. One written
 * before changes named their statistic was of the mean, and is set aside. */
static int decode_change(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                         cb_result *r)
{
    static const char *const statistics[] = { "slope", "mean", "median" };
    static const char *const verdicts[] = { "no_change", "within_noise", "improved",
                                            "regressed", "unresolved" };
    cb_change               *c = &r->change;
    cb_json_path             p, dp;
    json_t                  *v, *differs;
    uint64_t                 rounds;
    int                      statistic, verdict;

    if (json_object_get(obj, "change") == NULL) {
        return 0;
    }
    if ((v = cb_json_member(rd, obj, at, "change", JSON_OBJECT, 0, &p)) == NULL) {
        return -1;
    }
    if (json_object_get(v, "statistic") == NULL) {
        return 0;
    }
    if (cb_json_choice(rd, v, &p, "statistic", statistics, 3, &statistic) != 0 ||
        decode_estimate(rd, v, &p, "estimate", CB_JSON_ANY, &c->estimate) != 0 ||
        decode_estimate(rd, v, &p, "mean", CB_JSON_ANY, &c->mean) != 0 ||
        decode_estimate(rd, v, &p, "median", CB_JSON_ANY, &c->median) != 0 ||
        cb_json_number(rd, v, &p, "t", CB_JSON_NULLABLE, &c->t) != 0 ||
        cb_json_number(rd, v, &p, "p_value", CB_JSON_NONNEGATIVE | CB_JSON_NULLABLE,
                       &c->p_value) != 0 ||
        cb_json_number(rd, v, &p, "significance", CB_JSON_NONNEGATIVE, &c->significance) != 0 ||
        cb_json_number(rd, v, &p, "resolution", CB_JSON_NONNEGATIVE, &c->resolution) != 0 ||
        cb_json_number(rd, v, &p, "old_typical", CB_JSON_POSITIVE | CB_JSON_BOUNDED,
                       &c->old_typical) != 0 ||
        cb_json_number(rd, v, &p, "new_typical", CB_JSON_POSITIVE | CB_JSON_BOUNDED,
                       &c->new_typical) != 0 ||
        cb_json_uint(rd, v, &p, "rounds", 0, &rounds) != 0 ||
        (differs = cb_json_member(rd, v, &p, "mode_differs", JSON_TRUE, 0, &dp)) == NULL ||
        cb_json_choice(rd, v, &p, "verdict", verdicts, 5, &verdict) != 0) {
        return -1;
    }
    if (c->p_value > 1.0) {
        return cb_json_fail(rd, &(cb_json_path){ &p, "p_value", 0 },
                            "expected a probability, got %.17g", c->p_value);
    }
    if (isnan(c->p_value)) {
        c->p_value = -1.0; /* exact counts: no test */
    }
    c->statistic = (cb_statistic) statistic; /* both lists are in their enum's order */
    c->verdict = (cb_verdict) verdict;
    c->rounds = (size_t) rounds;
    c->mode_differs = json_is_true(differs);
    r->has_change = 1;
    return 0;
}

int cb_result_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          const char *unit, cb_result *r)
{
    if (!json_is_object(obj)) {
        return cb_json_fail(rd, at, "expected a benchmark object");
    }
    if (decode_identity(rd, obj, at, unit, r) != 0) {
        return -1;
    }
    if (r->failed) {
        return 0;
    }
    return decode_sampling(rd, obj, at, r) == 0 && decode_analysis(rd, obj, at, r) == 0 &&
                   decode_counters(rd, obj, at, r) == 0 && decode_calls(rd, obj, at, r) == 0 &&
                   decode_threads(rd, obj, at, r) == 0 && decode_load(rd, obj, at, r) == 0 &&
                   decode_change(rd, obj, at, r) == 0 &&
                   cb_budget_json_decode(rd, obj, at, r) == 0 &&
                   cb_check_json_decode(rd, obj, at, r) == 0 &&
                   cb_memory_json_decode(rd, obj, at, r) == 0
               ? 0
               : -1;
}
