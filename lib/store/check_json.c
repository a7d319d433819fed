#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/text.h"
#include "store/check_json.h"

/* A finding keeps its backtrace; a run cannot have more distinct findings
 * than memcheck reports, and a file claiming more is refused. */
#define MAX_FINDINGS 10000

static json_t *string_or_null(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

static json_t *encode_frame(const cb_frame *f)
{
    return json_pack("{s:s, s:o, s:o, s:o, s:o}", "function", f->function, "file",
                     string_or_null(f->file), "line",
                     f->file != NULL ? json_integer((json_int_t) f->line) : json_null(), "object",
                     string_or_null(f->object), "offset",
                     f->has_offset ? json_integer((json_int_t) f->offset) : json_null());
}

static json_t *encode_finding(const cb_finding *f)
{
    json_t *trace = json_array();
    char    where[600];
    size_t  j;

    for (j = 0; trace != NULL && j < f->nframes; j++) {
        json_array_append_new(trace, encode_frame(&f->frames[j]));
    }
    cb_frame_location(&f->frames[f->site], where, sizeof where);
    return json_pack("{s:s, s:s, s:I, s:o, s:I, s:s, s:o, s:b, s:o, s:b}", "kind",
                     cb_finding_kind_name(f->kind), "location", where, "site",
                     (json_int_t) f->site, "backtrace", trace, "paths", (json_int_t) f->paths,
                     "first_seen", cb_check_phase_name(f->phase), "input",
                     f->phase == CB_PHASE_CLASS0 || f->phase == CB_PHASE_CLASS1
                         ? json_integer((json_int_t) f->input)
                         : json_null(),
                     "new", f->is_new, "allowed_by", string_or_null(f->allowed_by), "accepted",
                     f->accepted);
}

/* --ct-divisions' list, or null when it did not run. */
static json_t *encode_divisions(const cb_check_exact *e)
{
    json_t *list;
    size_t  i;

    if (!e->divisions_listed) {
        return json_null();
    }
    list = json_array();
    for (i = 0; list != NULL && i < e->ndivisions; i++) {
        json_array_append_new(list, json_pack("{s:s, s:o, s:I}", "instruction",
                                              e->divisions[i].instruction, "where",
                                              encode_frame(&e->divisions[i].where), "executed",
                                              (json_int_t) e->divisions[i].executed));
    }
    return list;
}

static json_t *encode_exact(const cb_check_exact *e)
{
    json_t *findings = json_array(), *obj;
    char    verdict[1024];
    size_t  i;

    for (i = 0; findings != NULL && i < e->nfindings; i++) {
        json_array_append_new(findings, encode_finding(&e->findings[i]));
    }
    cb_check_exact_verdict(e, verdict, sizeof verdict);
    obj = json_pack("{s:s, s:s, s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "status",
                    cb_check_status_name(e->status), "verdict", verdict, "secret_bytes",
                    (json_int_t) e->secret_bytes, "inputs", (json_int_t) e->inputs, "findings",
                    findings, "new_findings", (json_int_t) e->nnew, "allowed_findings",
                    (json_int_t) e->nallowed, "unaccepted_findings", (json_int_t) e->nunaccepted,
                    "other_errors", (json_int_t) e->other_errors, "seconds",
                    cb_json_real(e->seconds), "why", string_or_null(e->why));
    if (obj != NULL && json_object_set_new(obj, "divisions", encode_divisions(e)) != 0) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

static json_t *encode_leak(const cb_check_leak *l)
{
    char    verdict[1024];
    json_t *obj;

    cb_check_leak_verdict(l, verdict, sizeof verdict);
    obj = json_pack("{s:s, s:s, s:I, s:o, s:s, s:o, s:o, s:I, s:o, s:o, s:o, s:[o, o], s:I, "
                    "s:o, s:o}",
                    "status", cb_check_status_name(l->status), "verdict", verdict,
                    "measurements", (json_int_t) l->measurements, "max_t",
                    cb_json_real(l->max_t), "test", cb_leak_test_name(l->test),
                    "crop_percentile",
                    l->test == CB_LEAK_TEST_CROPPED ? cb_json_real(l->crop) : json_null(),
                    "crop_cycles",
                    l->test == CB_LEAK_TEST_CROPPED ? cb_json_real(l->crop_cycles)
                                                    : json_null(),
                    "test_measurements", (json_int_t) l->test_measurements, "threshold",
                    cb_json_real(l->threshold), "tau", cb_json_real(l->tau),
                    /* a check skipped or failed before a verdict never computed it */
                    "measurements_needed", l->needed > 0.0 ? cb_json_real(l->needed) : json_null(),
                    "median_cycles",
                    cb_json_real(l->median[0]), cb_json_real(l->median[1]),
                    "calls", (json_int_t) l->calls, "seconds", cb_json_real(l->seconds),
                    "why", string_or_null(l->why));
    return obj;
}

int cb_check_json_encode(json_t *obj, const cb_result *r)
{
    const cb_checks *c = &r->checks;
    json_t          *checks;

    if (c->exact.status == CB_CHECK_NOT_RUN && c->leak.status == CB_CHECK_NOT_RUN) {
        return 0;
    }
    checks = json_pack("{s:o, s:o}", "constant_time",
                       c->exact.status != CB_CHECK_NOT_RUN ? encode_exact(&c->exact) : json_null(),
                       "timing_leak",
                       c->leak.status != CB_CHECK_NOT_RUN ? encode_leak(&c->leak) : json_null());
    return checks != NULL ? json_object_set_new(obj, "checks", checks) : -1;
}

static int decode_status(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                         cb_check_status *status)
{
    static const char *const names[] = { "skipped", "passed", "leaks", "inconclusive", "failed" };
    int                      i;

    if (cb_json_choice(rd, obj, at, "status", names, 5, &i) != 0) {
        return -1;
    }
    *status = (cb_check_status) (i + 1);
    return 0;
}

/* "why": required, a string, when the check failed; null otherwise. */
static int decode_why(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                      cb_check_status status, char **why)
{
    const char *v;

    if (cb_json_string(rd, obj, at, "why", status != CB_CHECK_FAILED, &v) != 0) {
        return -1;
    }
    if (v != NULL && cb_result_set_string(why, v) != 0) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    return 0;
}

/* A string member that must be clean text (what the check wrote): NULL
 * allowed when nullable. */
static int clean_string(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                        const char *key, int nullable, const char **out)
{
    if (cb_json_string(rd, obj, at, key, nullable, out) != 0) {
        return -1;
    }
    /* a control character (C1 among them) is a file edited by hand or a hostile one */
    if (*out != NULL && ((*out)[0] == '\0' || !cb_text_is_clean(*out))) {
        return cb_json_fail(rd, &(cb_json_path){ at, key, 0 },
                            "expected a name without control characters");
    }
    return 0;
}

/* One frame: an object, or (a baseline of cryptbench 0.2) a function's name. */
static int decode_frame(const cb_json_reader *rd, json_t *v, const cb_json_path *at, cb_frame *f)
{
    const char  *function, *file, *object;
    json_t      *line, *offset;
    cb_json_path lp, op;
    uint64_t     n = 0;

    memset(f, 0, sizeof *f);
    if (json_is_string(v)) {
        if (json_string_value(v)[0] == '\0' || !cb_text_is_clean(json_string_value(v))) {
            return cb_json_fail(rd, at, "expected a function name without control characters");
        }
        f->function = (char *) json_string_value(v);
        return 0;
    }
    if (!json_is_object(v)) {
        return cb_json_fail(rd, at, "expected a frame object");
    }
    if (clean_string(rd, v, at, "function", 0, &function) != 0 ||
        clean_string(rd, v, at, "file", 1, &file) != 0 ||
        clean_string(rd, v, at, "object", 1, &object) != 0 ||
        (line = cb_json_member(rd, v, at, "line", JSON_INTEGER, 1, &lp)) == NULL ||
        (offset = cb_json_member(rd, v, at, "offset", JSON_INTEGER, 1, &op)) == NULL) {
        return -1;
    }
    if ((file != NULL) != json_is_integer(line)) {
        return cb_json_fail(rd, &lp, "a line goes with a file, and only it");
    }
    if (file != NULL && cb_json_uint(rd, v, at, "line", 1, &n) != 0) {
        return -1;
    }
    if (n > UINT32_MAX) {
        return cb_json_fail(rd, &lp, "expected a line number up to %lu",
                            (unsigned long) UINT32_MAX);
    }
    f->function = (char *) function;
    f->file = (char *) file;
    f->line = (unsigned) n;
    f->object = (char *) object;
    if (json_is_integer(offset)) {
        if (cb_json_uint(rd, v, at, "offset", 0, &f->offset) != 0) {
            return -1;
        }
        f->has_offset = 1;
    }
    return 0;
}

static int decode_finding(const cb_json_reader *rd, json_t *f, const cb_json_path *at,
                          cb_check_exact *e)
{
    static const char *const kinds[] = { "branch", "memory-access", "syscall" };
    cb_frame                 frames[CB_FINDING_MAX_FRAMES];
    cb_json_path             tp;
    json_t                  *trace;
    uint64_t                 site = 0, paths = 1, input = 0;
    cb_check_phase           phase = CB_PHASE_RUN;
    size_t                   i, n;
    int                      kind, phase_index;

    if (!json_is_object(f)) {
        return cb_json_fail(rd, at, "expected a finding object");
    }
    if (cb_json_choice(rd, f, at, "kind", kinds, CB_FINDING_KINDS, &kind) != 0 ||
        (trace = cb_json_member(rd, f, at, "backtrace", JSON_ARRAY, 0, &tp)) == NULL) {
        return -1;
    }
    n = json_array_size(trace);
    if (n == 0 || n > CB_FINDING_MAX_FRAMES) {
        return cb_json_fail(rd, &tp, "expected 1 to %d frames, got %zu", CB_FINDING_MAX_FRAMES,
                            n);
    }
    for (i = 0; i < n; i++) {
        cb_json_path fp = { &tp, NULL, i };

        if (decode_frame(rd, json_array_get(trace, i), &fp, &frames[i]) != 0) {
            return -1;
        }
    }
    /* a finding of cryptbench 0.2 was its function names alone, its site the first */
    if (!json_is_string(json_array_get(trace, 0))) {
        if (cb_json_uint(rd, f, at, "site", 0, &site) != 0 ||
            cb_json_uint(rd, f, at, "paths", 1, &paths) != 0 ||
            cb_json_choice(rd, f, at, "first_seen", (const char *const[]){ "setup", "run",
                           "class-0", "class-1", "teardown" }, CB_CHECK_PHASES,
                           &phase_index) != 0) {
            return -1;
        }
        phase = (cb_check_phase) phase_index;
        if ((phase == CB_PHASE_CLASS0 || phase == CB_PHASE_CLASS1) &&
            cb_json_uint(rd, f, at, "input", 0, &input) != 0) {
            return -1;
        }
        if (site >= n) {
            return cb_json_fail(rd, &(cb_json_path){ at, "site", 0 },
                                "expected the index of a frame of the backtrace (0 to %zu)",
                                n - 1);
        }
    }
    if (cb_check_exact_add(e, (cb_finding_kind) kind, frames, n, (size_t) site, phase,
                           (size_t) input) != 0) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    e->findings[e->nfindings - 1].paths = (size_t) paths;
    return 0;
}

/* "divisions": absent (cryptbench 0.2) or null when not listed, else an
 * array of {"instruction", "where" (a frame), "executed"}. */
static int decode_divisions(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                            cb_check_exact *e)
{
    cb_json_path dp;
    json_t      *list;
    size_t       i;

    if (json_object_get(obj, "divisions") == NULL ||
        json_is_null(json_object_get(obj, "divisions"))) {
        return 0;
    }
    if ((list = cb_json_member(rd, obj, at, "divisions", JSON_ARRAY, 0, &dp)) == NULL) {
        return -1;
    }
    if (json_array_size(list) > MAX_FINDINGS) {
        return cb_json_fail(rd, &dp, "at most %d divisions, got %zu", MAX_FINDINGS,
                            json_array_size(list));
    }
    e->divisions_listed = 1;
    for (i = 0; i < json_array_size(list); i++) {
        cb_json_path ip = { &dp, NULL, i }, wp;
        json_t      *d = json_array_get(list, i), *where;
        const char  *instruction;
        cb_frame     frame;
        uint64_t     executed;

        if (!json_is_object(d)) {
            return cb_json_fail(rd, &ip, "expected a division object");
        }
        if (clean_string(rd, d, &ip, "instruction", 0, &instruction) != 0 ||
            (where = cb_json_member(rd, d, &ip, "where", JSON_OBJECT, 0, &wp)) == NULL ||
            decode_frame(rd, where, &wp, &frame) != 0 ||
            cb_json_uint(rd, d, &ip, "executed", 1, &executed) != 0) {
            return -1;
        }
        if (cb_check_exact_add_division(e, instruction, &frame, executed) != 0) {
            return cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
    }
    return 0;
}

static int decode_exact(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                        cb_check_exact *e)
{
    cb_json_path fp;
    json_t      *findings;
    uint64_t     u, inputs = 0;
    size_t       i;

    if (decode_status(rd, obj, at, &e->status) != 0) {
        return -1;
    }
    if (e->status == CB_CHECK_INCONCLUSIVE) {
        return cb_json_fail(rd, &(cb_json_path){ at, "status", 0 },
                            "the exact check is never inconclusive");
    }
    if (cb_json_uint(rd, obj, at, "secret_bytes", 0, &e->secret_bytes) != 0 ||
        (json_object_get(obj, "inputs") != NULL &&
         cb_json_uint(rd, obj, at, "inputs", 0, &inputs) != 0) ||
        cb_json_uint(rd, obj, at, "other_errors", 0, &u) != 0 ||
        cb_json_number(rd, obj, at, "seconds", CB_JSON_NONNEGATIVE, &e->seconds) != 0 ||
        decode_why(rd, obj, at, e->status, &e->why) != 0 ||
        (findings = cb_json_member(rd, obj, at, "findings", JSON_ARRAY, 0, &fp)) == NULL) {
        return -1;
    }
    e->other_errors = (size_t) u;
    e->inputs = (size_t) inputs;
    if (json_array_size(findings) > MAX_FINDINGS) {
        return cb_json_fail(rd, &fp, "at most %d findings, got %zu", MAX_FINDINGS,
                            json_array_size(findings));
    }
    if ((e->status == CB_CHECK_LEAKS) != (json_array_size(findings) > 0)) {
        return cb_json_fail(rd, &fp, "status \"leaks\" goes with findings, and only it");
    }
    for (i = 0; i < json_array_size(findings); i++) {
        cb_json_path p = { &fp, NULL, i };

        if (decode_finding(rd, json_array_get(findings, i), &p, e) != 0) {
            return -1;
        }
    }
    return decode_divisions(rd, obj, at, e);
}

/* tau, the measurements needed, the medians and the calls: absent from a
 * baseline of cryptbench 0.2, present together from then on. */
static int decode_leak_figures(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                               cb_check_leak *l)
{
    cb_json_path mp;
    json_t      *medians;
    size_t       c;

    l->needed = INFINITY;
    l->median[0] = l->median[1] = NAN;
    l->calls = 1;
    if (json_object_get(obj, "tau") == NULL) {
        return 0;
    }
    if (cb_json_number(rd, obj, at, "tau", CB_JSON_NONNEGATIVE, &l->tau) != 0 ||
        cb_json_number(rd, obj, at, "measurements_needed",
                       CB_JSON_POSITIVE | CB_JSON_NULLABLE, &l->needed) != 0 ||
        cb_json_uint(rd, obj, at, "calls", 0, &l->calls) != 0 ||
        (medians = cb_json_member(rd, obj, at, "median_cycles", JSON_ARRAY, 0, &mp)) == NULL) {
        return -1;
    }
    /* null, which reads as NaN, is a measure too large to need: none */
    l->needed = isnan(l->needed) ? INFINITY : l->needed;
    if (json_array_size(medians) != 2) {
        return cb_json_fail(rd, &mp, "expected the medians of the two classes");
    }
    for (c = 0; c < 2; c++) {
        cb_json_path ep = { &mp, NULL, c };

        if (cb_json_number_value(rd, json_array_get(medians, c), &ep,
                                 CB_JSON_NONNEGATIVE | CB_JSON_NULLABLE, &l->median[c]) != 0) {
            return -1;
        }
    }
    if (l->test == CB_LEAK_TEST_CROPPED &&
        cb_json_number(rd, obj, at, "crop_cycles", CB_JSON_NONNEGATIVE, &l->crop_cycles) != 0) {
        return -1;
    }
    return 0;
}

static int decode_leak(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                       cb_check_leak *l)
{
    static const char *const tests[] = { "raw", "cropped", "second-order" };
    int                      test;

    if (decode_status(rd, obj, at, &l->status) != 0 ||
        cb_json_uint(rd, obj, at, "measurements", 0, &l->measurements) != 0 ||
        cb_json_number(rd, obj, at, "max_t", CB_JSON_NONNEGATIVE, &l->max_t) != 0 ||
        cb_json_choice(rd, obj, at, "test", tests, 3, &test) != 0 ||
        cb_json_uint(rd, obj, at, "test_measurements", 0, &l->test_measurements) != 0 ||
        cb_json_number(rd, obj, at, "threshold", CB_JSON_POSITIVE, &l->threshold) != 0 ||
        cb_json_number(rd, obj, at, "seconds", CB_JSON_NONNEGATIVE, &l->seconds) != 0 ||
        decode_why(rd, obj, at, l->status, &l->why) != 0) {
        return -1;
    }
    l->test = (cb_leak_test) test;
    if (l->test == CB_LEAK_TEST_CROPPED &&
        (cb_json_number(rd, obj, at, "crop_percentile", CB_JSON_NONNEGATIVE, &l->crop) != 0 ||
         l->crop > 100.0)) {
        return l->crop > 100.0 ? cb_json_fail(rd, &(cb_json_path){ at, "crop_percentile", 0 },
                                              "expected a percentile from 0 to 100")
                               : -1;
    }
    if (l->test_measurements > l->measurements) {
        return cb_json_fail(rd, &(cb_json_path){ at, "test_measurements", 0 },
                            "expected at most measurements (%llu)",
                            (unsigned long long) l->measurements);
    }
    return decode_leak_figures(rd, obj, at, l);
}

int cb_check_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                         cb_result *r)
{
    cb_json_path p, ep, lp;
    json_t      *checks, *exact, *leak;

    if (json_object_get(obj, "checks") == NULL) {
        return 0;
    }
    if ((checks = cb_json_member(rd, obj, at, "checks", JSON_OBJECT, 0, &p)) == NULL ||
        (exact = cb_json_member(rd, checks, &p, "constant_time", JSON_OBJECT, 1, &ep)) == NULL ||
        (leak = cb_json_member(rd, checks, &p, "timing_leak", JSON_OBJECT, 1, &lp)) == NULL) {
        return -1;
    }
    if (!json_is_null(exact) && decode_exact(rd, exact, &ep, &r->checks.exact) != 0) {
        return -1;
    }
    if (!json_is_null(leak) && decode_leak(rd, leak, &lp, &r->checks.leak) != 0) {
        return -1;
    }
    return 0;
}
