#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/strmap.h"
#include "core/text.h"
#include "core/text_file.h"
#include "store/atomic_file.h"
#include "store/baseline.h"
#include "store/json_reader.h"
#include "store/result_json.h"

int cb_baseline_name_check(const char *name, cb_error *err)
{
    if (name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL) {
        return cb_error_set(err, "expected a plain name such as 'main' (no '/', not starting "
                                 "with '.'), got '%s'", name);
    }
    if (strlen(name) > CB_BASELINE_NAME_MAX) {
        return cb_error_set(err, "expected a name of at most %d bytes, got %zu bytes",
                            CB_BASELINE_NAME_MAX, strlen(name));
    }
    if (!cb_text_is_clean(name)) {
        /* the message shows it cleaned, each control character as U+FFFD */
        return cb_error_set(err, "expected a name without control characters (an escape, a "
                                 "bell, a line end) nor invalid UTF-8, got '%s'", name);
    }
    return 0;
}

int cb_baseline_path(char *buf, size_t size, const char *dir, const char *name, cb_error *err)
{
    if (cb_baseline_name_check(name, err) != 0) {
        cb_error_prefix(err, "baseline name '%.32s%s'", name, strlen(name) > 32 ? "..." : "");
        return -1;
    }
    if ((size_t) snprintf(buf, size, "%s/%s.json", dir, name) >= size) {
        return cb_error_set(err, "reports directory '%.32s...': %zu bytes, too long for a path "
                                 "to its baseline '%s'", dir, strlen(dir), name);
    }
    return 0;
}

static json_t *nullable_real(double x)
{
    return x > 0.0 ? cb_json_real(x) : json_null();
}

static json_t *encode_context(const cb_context *ctx)
{
    json_t *obj = json_object();
    size_t  i;

    for (i = 0; obj != NULL && i < ctx->n; i++) {
        if (json_object_set_new(obj, ctx->entries[i].key, json_string(ctx->entries[i].value)) !=
            0) {
            json_decref(obj);
            return NULL;
        }
    }
    return obj;
}

json_t *cb_baseline_encode(const cb_run *run)
{
    const cb_machine *m = &run->machine;
    json_t           *doc, *benchmarks = json_array();
    size_t            i;

    for (i = 0; benchmarks != NULL && i < run->n; i++) {
        if (json_array_append_new(benchmarks,
                                  cb_result_json_encode(&run->results[i], run->unit, 1)) != 0) {
            json_decref(benchmarks);
            return NULL;
        }
    }
    doc = json_pack(
        "{s:i, s:s, s:s, s:s, s:o, s:{s:s, s:s, s:o, s:f, s:f, s:I, s:I, s:f, s:I, s:b}, "
        "s:{s:s, s:I, s:s, s:s}, s:{s:s, s:s}, s:o, s:o}",
        "schema_version", CB_BASELINE_SCHEMA_VERSION, "cryptbench", CB_VERSION_STRING,
        "timestamp", run->timestamp, "git_commit", m->git_commit,
        "compared_with", run->compared_with[0] != '\0' ? json_string(run->compared_with)
                                                       : json_null(),
        "settings",
            "measure", cb_measure_name(run->measure), "unit", run->unit, "tsc_ghz",
            nullable_real(run->tsc_ghz), "warm_up_s", run->warm_up_s, "measurement_s",
            run->measurement_s, "sample_size", (json_int_t) run->sample_size, "nresamples",
            (json_int_t) run->nresamples, "confidence_level", run->confidence, "seed",
            (json_int_t) run->seed, "quick", run->quick,
        "machine",
            "cpu", m->cpu, "cores", (json_int_t) m->cores, "kernel", m->kernel, "governor",
            m->governor,
        "build",
            "compiler", m->compiler, "cflags", m->cflags,
        "context", encode_context(&run->context),
        "benchmarks", benchmarks);
    return doc;
}

int cb_baseline_save(const char *path, const cb_run *run, cb_error *err)
{
    json_t *doc = cb_baseline_encode(run);
    char   *text = doc != NULL ? json_dumps(doc, JSON_INDENT(1) | JSON_REAL_PRECISION(17)) : NULL;
    int     rc;

    json_decref(doc);
    if (text == NULL) {
        return cb_error_set(err, "%s: out of memory encoding the baseline", path);
    }
    rc = cb_atomic_write(path, text, strlen(text), err);
    free(text);
    return rc;
}

/* A machine field, shown in warnings and reports: cleaned and cut between
 * characters to fit. */
static void copy_string(char *dst, size_t size, const char *src)
{
    cb_text_clean(dst, size, src);
}

static int decode_settings(const cb_json_reader *rd, json_t *root, cb_run *run)
{
    static const char *const measures[] = { "wall", "cycles", "instructions" };
    static const char *const units[] = { "ns", "cycles", "instructions" };
    cb_json_path             p;
    json_t                  *s = cb_json_member(rd, root, NULL, "settings", JSON_OBJECT, 0, &p);
    json_t                  *quick;
    cb_json_path             qp;
    uint64_t                 sample_size, nresamples, seed;
    int                      measure, unit;

    if (s == NULL || cb_json_choice(rd, s, &p, "measure", measures, 3, &measure) != 0 ||
        cb_json_choice(rd, s, &p, "unit", units, 3, &unit) != 0 ||
        cb_json_number(rd, s, &p, "tsc_ghz", CB_JSON_POSITIVE | CB_JSON_NULLABLE,
                       &run->tsc_ghz) != 0 ||
        cb_json_number(rd, s, &p, "warm_up_s", CB_JSON_POSITIVE, &run->warm_up_s) != 0 ||
        cb_json_number(rd, s, &p, "measurement_s", CB_JSON_POSITIVE, &run->measurement_s) != 0 ||
        cb_json_uint(rd, s, &p, "sample_size", 2, &sample_size) != 0 ||
        cb_json_uint(rd, s, &p, "nresamples", 1, &nresamples) != 0 ||
        cb_json_number(rd, s, &p, "confidence_level", CB_JSON_POSITIVE, &run->confidence) != 0 ||
        cb_json_uint(rd, s, &p, "seed", 0, &seed) != 0 ||
        (quick = cb_json_member(rd, s, &p, "quick", JSON_TRUE, 0, &qp)) == NULL) {
        return -1;
    }
    if (unit != measure) {
        return cb_json_fail(rd, &(cb_json_path){ &p, "unit", 0 },
                            "expected \"%s\" for --measure %s", units[measure],
                            measures[measure]);
    }
    if (!(run->confidence < 1.0)) {
        return cb_json_fail(rd, &(cb_json_path){ &p, "confidence_level", 0 },
                            "expected a number between 0 and 1");
    }
    run->measure = (cb_measure) measure;
    run->unit = units[unit];
    if (isnan(run->tsc_ghz)) {
        run->tsc_ghz = 0.0;
    }
    run->sample_size = (size_t) sample_size;
    run->nresamples = (size_t) nresamples;
    run->seed = seed;
    run->quick = json_is_true(quick);
    return 0;
}

static int decode_strings(const cb_json_reader *rd, json_t *root, const char *section,
                          const char *const *keys, char *const *dst, const size_t *sizes,
                          size_t n)
{
    cb_json_path p;
    json_t      *obj = cb_json_member(rd, root, NULL, section, JSON_OBJECT, 0, &p);
    const char  *v;
    size_t       i;

    if (obj == NULL) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (cb_json_string(rd, obj, &p, keys[i], 0, &v) != 0) {
            return -1;
        }
        copy_string(dst[i], sizes[i], v);
    }
    return 0;
}

/* Schema 1 recorded the crypto suite's two libraries as build fields; from
 * schema 2 on they are context the benchmark file adds, as any other fact. */
static int decode_v1_libraries(const cb_json_reader *rd, json_t *root, cb_run *run)
{
    static const char *const keys[] = { "libsodium", "openssl" };
    cb_json_path             p = { NULL, "build", 0 };
    json_t                  *build = json_object_get(root, "build");
    const char              *v;
    size_t                   i;

    for (i = 0; i < 2; i++) {
        if (cb_json_string(rd, build, &p, keys[i], 0, &v) != 0) {
            return -1;
        }
        if (cb_context_set(&run->context, keys[i], v) != 0) {
            return cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
    }
    return 0;
}

/* "context": an object of strings. */
static int decode_context(const cb_json_reader *rd, json_t *root, cb_run *run)
{
    cb_json_path p;
    json_t      *obj = cb_json_member(rd, root, NULL, "context", JSON_OBJECT, 0, &p), *v;
    const char  *key;

    if (obj == NULL) {
        return -1;
    }
    json_object_foreach(obj, key, v) {
        cb_json_path at = { &p, key, 0 };

        if (!json_is_string(v)) {
            return cb_json_fail(rd, &at, "expected a string");
        }
        if (cb_context_set(&run->context, key, json_string_value(v)) != 0) {
            return cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
    }
    return 0;
}

static int decode_machine(const cb_json_reader *rd, json_t *root, int version, cb_run *run)
{
    static const char *const machine_keys[] = { "cpu", "kernel", "governor" };
    static const char *const build_keys[] = { "compiler", "cflags" };
    cb_machine              *m = &run->machine;
    char *const              machine_dst[] = { m->cpu, m->kernel, m->governor };
    const size_t             machine_sizes[] = { sizeof m->cpu, sizeof m->kernel,
                                                 sizeof m->governor };
    char *const              build_dst[] = { m->compiler, m->cflags };
    const size_t             build_sizes[] = { sizeof m->compiler, sizeof m->cflags };
    uint64_t                 cores;
    const char              *ts, *commit;

    if (decode_strings(rd, root, "machine", machine_keys, machine_dst, machine_sizes, 3) != 0 ||
        decode_strings(rd, root, "build", build_keys, build_dst, build_sizes, 2) != 0 ||
        (version == 1 ? decode_v1_libraries(rd, root, run) : decode_context(rd, root, run)) != 0 ||
        cb_json_uint(rd, json_object_get(root, "machine"), &(cb_json_path){ NULL, "machine", 0 },
                     "cores", 0, &cores) != 0 ||
        cb_json_string(rd, root, NULL, "timestamp", 0, &ts) != 0 ||
        cb_json_string(rd, root, NULL, "git_commit", 0, &commit) != 0) {
        return -1;
    }
    m->cores = (long) cores;
    copy_string(run->timestamp, sizeof run->timestamp, ts);
    copy_string(m->git_commit, sizeof m->git_commit, commit);
    return 0;
}

/* "compared_with": the baseline the results' changes were computed against,
 * or null; absent from files written before it was kept. */
static int decode_compared_with(const cb_json_reader *rd, json_t *root, cb_run *run)
{
    const char *name = NULL;

    if (json_object_get(root, "compared_with") != NULL &&
        cb_json_string(rd, root, NULL, "compared_with", 1, &name) != 0) {
        return -1;
    }
    copy_string(run->compared_with, sizeof run->compared_with, name != NULL ? name : "");
    return 0;
}

/* The benchmarks, each name once: looked up in a map, as a baseline may hold
 * 100 000 of them (comparing each with every other took 40 s), which the run
 * keeps for cb_run_find(). */
static int decode_benchmarks(const cb_json_reader *rd, json_t *root, cb_run *run)
{
    cb_json_path p;
    json_t      *list = cb_json_member(rd, root, NULL, "benchmarks", JSON_ARRAY, 0, &p);
    cb_strmap    seen = { NULL, NULL, 0, 0 };
    size_t       i, first;
    int          rc = 0;

    if (list == NULL) {
        return -1;
    }
    for (i = 0; rc == 0 && i < json_array_size(list); i++) {
        cb_json_path at = { &p, NULL, i };
        cb_result   *r = cb_run_add(run);

        if (r == NULL) {
            rc = cb_error_set(rd->err, "%s: out of memory", rd->file);
        } else if (cb_result_json_decode(rd, json_array_get(list, i), &at, run->unit, r) != 0) {
            rc = -1;
        } else if (cb_strmap_get(&seen, r->name, &first)) {
            rc = cb_json_fail(rd, &(cb_json_path){ &at, "name", 0 },
                              "\"%s\" appears twice (first as benchmarks[%zu])", r->name, first);
        } else if (cb_strmap_put(&seen, r->name, i) != 0) {
            rc = cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
    }
    if (rc == 0) {
        run->names = seen;
    } else {
        cb_strmap_free(&seen);
    }
    return rc;
}

int cb_baseline_parse(const char *file, const char *text, size_t len, cb_run *run,
                      cb_error *err)
{
    cb_json_reader rd = { file, text, len, err };
    json_error_t   jerr;
    json_t        *root;
    json_t        *version;
    cb_json_path   vp;
    int            rc = -1;

    memset(run, 0, sizeof *run);
    if (cb_json_blank(text, len)) {
        return cb_error_set(err, "%s:1:1: empty file (expected a cryptbench baseline)", file);
    }
    root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL) {
        return cb_error_set(err, "%s:%d:%d: not valid JSON: %s", file, jerr.line, jerr.column,
                            jerr.text);
    }
    if (!json_is_object(root)) {
        cb_json_fail(&rd, NULL, "expected a cryptbench baseline (a JSON object)");
    } else if ((version = cb_json_member(&rd, root, NULL, "schema_version", JSON_INTEGER, 0,
                                         &vp)) == NULL) {
        /* error set */
    } else if (!json_is_integer(version)) {
        /* 1.0 is not version 1: "unsupported version 1" would be a riddle */
        double x = json_number_value(version);

        cb_json_fail(&rd, &vp, x == floor(x) && fabs(x) < 1e15
                                   ? "expected an integer from 1 to %d, got %.1f, written as a real"
                                   : "expected an integer from 1 to %d, got %.17g",
                     CB_BASELINE_SCHEMA_VERSION, x);
    } else if (json_integer_value(version) < 1 ||
               json_integer_value(version) > CB_BASELINE_SCHEMA_VERSION) {
        cb_json_fail(&rd, &vp, "unsupported schema version %lld (this cryptbench reads 1 to %d)",
                     (long long) json_integer_value(version), CB_BASELINE_SCHEMA_VERSION);
    } else if (decode_settings(&rd, root, run) == 0 &&
               decode_machine(&rd, root, (int) json_integer_value(version), run) == 0 &&
               decode_compared_with(&rd, root, run) == 0 &&
               decode_benchmarks(&rd, root, run) == 0) {
        rc = 0;
    }
    json_decref(root);
    if (rc != 0) {
        cb_run_free(run);
    }
    return rc;
}

int cb_baseline_load(const char *path, cb_run *run, cb_error *err)
{
    cb_buf text = { NULL, 0, 0, 0 };
    int    rc;

    memset(run, 0, sizeof *run);
    if (cb_text_file_read(path, &text, err) != 0) {
        return -1;
    }
    rc = cb_baseline_parse(path, text.data, text.len, run, err);
    cb_buf_free(&text);
    return rc;
}

static void add_difference(char *buf, size_t size, const char *what, const char *old,
                           const char *new_)
{
    size_t used = strlen(buf);

    if (strcmp(old, new_) != 0 && used < size) {
        snprintf(buf + used, size - used, "%s%s '%s' vs '%s'", used > 0 ? "; " : "", what, old,
                 new_);
    }
}

void cb_baseline_differences(const cb_run *old, const cb_run *new_, char *buf, size_t size)
{
    const cb_machine *a = &old->machine, *b = &new_->machine;
    char              ca[32], cb[32];
    size_t            i;

    buf[0] = '\0';
    snprintf(ca, sizeof ca, "%ld", a->cores);
    snprintf(cb, sizeof cb, "%ld", b->cores);
    add_difference(buf, size, "CPU", a->cpu, b->cpu);
    add_difference(buf, size, "cores", ca, cb);
    add_difference(buf, size, "kernel", a->kernel, b->kernel);
    add_difference(buf, size, "compiler", a->compiler, b->compiler);
    add_difference(buf, size, "flags", a->cflags, b->cflags);
    for (i = 0; i < old->context.n; i++) {
        const char *key = old->context.entries[i].key, *now = cb_context_get(&new_->context, key);

        add_difference(buf, size, key, old->context.entries[i].value, now != NULL ? now : "(none)");
    }
    for (i = 0; i < new_->context.n; i++) {
        if (cb_context_get(&old->context, new_->context.entries[i].key) == NULL) {
            add_difference(buf, size, new_->context.entries[i].key, "(none)",
                           new_->context.entries[i].value);
        }
    }
}
