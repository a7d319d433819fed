/*
 * Baseline files: a saved run loads back bit for bit, and every kind of bad
 * file is refused with file, line, column and what was expected, the position
 * pointing at the offending value itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats/analysis.h"
#include "measure/sysinfo.h"
#include "store/baseline.h"
#include "support.h"

/* A run of two benchmarks analysed from the reference samples. */
static void make_run(cb_run *run)
{
    static const char *const files[] = { "ref_linear_clean.json", "ref_flat_kdf.json" };
    static const char *const names[] = { "did/sha256/64/openssl", "kdf/argon2id/libsodium" };
    cb_bootstrap_config      boot = { 2000, 0.95, 1 };
    cb_error                 err;
    size_t                   i, n;

    memset(run, 0, sizeof *run);
    run->measure = CB_MEASURE_WALL;
    run->unit = "ns";
    run->warm_up_s = 0.5;
    run->measurement_s = 1.5;
    run->sample_size = 100;
    run->nresamples = 2000;
    run->confidence = 0.95;
    run->seed = 1;
    cb_sysinfo_read(&run->machine);
    cb_run_stamp(run);
    for (i = 0; i < 2; i++) {
        json_t    *ref = support_load(files[i]);
        cb_result *r = cb_run_add(run);

        cb_result_set_string(&r->name, names[i]);
        r->samples.iters = support_numbers(ref, "iterations", &n);
        r->samples.values = support_numbers(ref, "totals", &r->samples.n);
        r->plan.mode = i == 0 ? CB_MODE_LINEAR : CB_MODE_FLAT;
        r->plan.n = r->samples.n;
        r->plan.d = (uint64_t) r->samples.iters[0];
        r->plan.met_ns = 100.0;
        r->plan.target_ns = 1.5e9;
        r->plan.expected_ns = 1.4e9;
        if (i == 0) {
            r->throughput = CB_THROUGHPUT_BYTES;
            r->per_iteration = 64;
            cb_result_set_param(r, "bytes", 64);
            /* a busy machine: the load as a run records it */
            r->load = (cb_load){ 1, 2.75, 3.125, 0.0625 };
        }
        assert_int_equal(cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, &err), 0);
        cb_analysis_throughput(r, "ns");
        json_decref(ref);
    }
    {
        cb_result *f = cb_run_add(run);

        cb_result_set_string(&f->name, "sign/broken");
        cb_result_fail(f, "known-answer mismatch");
    }
}

static char *run_text(void)
{
    cb_run  run;
    json_t *doc;
    char   *text;

    make_run(&run);
    doc = cb_baseline_encode(&run);
    text = json_dumps(doc, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
    json_decref(doc);
    cb_run_free(&run);
    return text;
}

static void test_round_trip(void **state)
{
    cb_run      run, back;
    cb_error    err;
    const char *path = "build/tests/round-trip.json";
    size_t      i, k;

    (void) state;
    make_run(&run);
    assert_int_equal(cb_baseline_save(path, &run, &err), 0);
    if (cb_baseline_load(path, &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(back.n, run.n);
    assert_string_equal(back.unit, "ns");
    assert_string_equal(back.machine.cpu, run.machine.cpu);
    assert_string_equal(back.timestamp, run.timestamp);
    for (i = 0; i < run.n; i++) {
        const cb_result *a = &run.results[i], *b = &back.results[i];

        assert_string_equal(a->name, b->name);
        assert_int_equal(a->failed, b->failed);
        if (a->failed) {
            assert_string_equal(a->failure, b->failure);
            continue;
        }
        assert_int_equal(a->plan.mode, b->plan.mode);
        assert_int_equal(a->samples.n, b->samples.n);
        for (k = 0; k < a->samples.n; k++) {
            /* %.17g round-trips exactly */
            assert_true(a->samples.iters[k] == b->samples.iters[k]);
            assert_true(a->samples.values[k] == b->samples.values[k]);
        }
        assert_memory_equal(&a->analysis.mean, &b->analysis.mean, sizeof a->analysis.mean);
        assert_memory_equal(&a->analysis.outliers, &b->analysis.outliers,
                            sizeof a->analysis.outliers);
        assert_memory_equal(a->analysis.percentiles, b->analysis.percentiles,
                            sizeof a->analysis.percentiles);
    }
    assert_int_equal(back.results[0].throughput, CB_THROUGHPUT_BYTES);
    assert_int_equal(back.results[0].per_iteration, 64);
    /* the load around the measurement, and none where none was recorded */
    assert_memory_equal(&back.results[0].load, &run.results[0].load, sizeof run.results[0].load);
    assert_int_equal(back.results[1].load.known, 0);
    cb_run_free(&run);
    cb_run_free(&back);
    unlink(path);
}

/* A run keeps what it was compared with, so that `report` can show it again. */
static void test_change_round_trip(void **state)
{
    cb_run    run, back;
    cb_error  err;
    json_t   *doc;
    char     *text;
    cb_change want, *got;

    (void) state;
    memset(&want, 0, sizeof want);
    want.mean = (cb_estimate){ 0.05, 0.03, 0.07, 0.01 };
    want.median = (cb_estimate){ 0.04, 0.02, 0.06, 0.01 };
    want.t = 3.5;
    want.p_value = 0.002;
    want.verdict = CB_VERDICT_REGRESSED;
    want.old_typical = 100.0;
    want.new_typical = 105.0;
    make_run(&run);
    snprintf(run.compared_with, sizeof run.compared_with, "main");
    run.results[0].has_change = 1;
    run.results[0].change = want;
    doc = cb_baseline_encode(&run);
    text = json_dumps(doc, JSON_REAL_PRECISION(17));
    if (cb_baseline_parse("c.json", text, strlen(text), &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_string_equal(back.compared_with, "main");
    assert_true(back.results[0].has_change);
    got = &back.results[0].change;
    assert_memory_equal(&got->mean, &want.mean, sizeof want.mean);
    assert_memory_equal(&got->median, &want.median, sizeof want.median);
    assert_true(got->t == want.t && got->p_value == want.p_value);
    assert_true(got->old_typical == want.old_typical && got->new_typical == want.new_typical);
    assert_int_equal(got->verdict, want.verdict);
    assert_int_equal(got->rounds, 0);
    assert_false(back.results[1].has_change);
    cb_run_free(&back);
    free(text);
    /* files written before it was kept load, compared with nothing */
    json_object_del(doc, "compared_with");
    text = json_dumps(doc, JSON_REAL_PRECISION(17));
    assert_int_equal(cb_baseline_parse("c.json", text, strlen(text), &back, &err), 0);
    assert_string_equal(back.compared_with, "");
    cb_run_free(&back);
    free(text);
    json_decref(doc);
    cb_run_free(&run);
}

/* Schema 2 keeps context and variants; schema 1 files, whose build section
 * named the suite's two libraries, still load, those becoming context. */
static void test_context_and_schema_1(void **state)
{
    cb_run      run, back;
    cb_error    err;
    json_t     *doc, *build;
    char       *text;

    (void) state;
    make_run(&run);
    assert_int_equal(cb_context_set(&run.context, "zstd", "1.5.4"), 0);
    cb_result_set_string(&run.results[1].variant_of, run.results[0].name);
    cb_result_set_string(&run.results[1].variant, "key set-up");
    doc = cb_baseline_encode(&run);
    text = json_dumps(doc, JSON_REAL_PRECISION(17));
    assert_int_equal(cb_baseline_parse("v2.json", text, strlen(text), &back, &err), 0);
    assert_string_equal(cb_context_get(&back.context, "zstd"), "1.5.4");
    assert_string_equal(back.results[1].variant_of, run.results[0].name);
    assert_string_equal(back.results[1].variant, "key set-up");
    assert_null(back.results[0].variant_of);
    cb_run_free(&back);
    free(text);

    json_object_set_new(doc, "schema_version", json_integer(1));
    json_object_del(doc, "context");
    build = json_object_get(doc, "build");
    json_object_set_new(build, "libsodium", json_string("1.0.18"));
    json_object_set_new(build, "openssl", json_string("OpenSSL 3.0.17 1 Jul 2025"));
    text = json_dumps(doc, JSON_REAL_PRECISION(17));
    if (cb_baseline_parse("v1.json", text, strlen(text), &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_string_equal(cb_context_get(&back.context, "libsodium"), "1.0.18");
    assert_string_equal(cb_context_get(&back.context, "openssl"), "OpenSSL 3.0.17 1 Jul 2025");
    assert_null(cb_context_get(&back.context, "zstd"));
    cb_run_free(&back);
    free(text);
    json_decref(doc);
    cb_run_free(&run);
}

/* Refused with `want` in the message; when at is given, the reported line and
 * column point at text that starts with it. */
static void refused(const char *text, const char *want, const char *at)
{
    cb_run   run;
    cb_error err;
    int      line, column, cur_line = 1, cur_col = 1;
    size_t   i;

    if (cb_baseline_parse("b.json", text, strlen(text), &run, &err) == 0) {
        cb_run_free(&run);
        fail_msg("accepted; wanted '%s'", want);
    }
    if (strstr(err.msg, want) == NULL || strncmp(err.msg, "b.json:", 7) != 0) {
        fail_msg("message '%s' lacks '%s'", err.msg, want);
    }
    if (sscanf(err.msg, "b.json:%d:%d:", &line, &column) != 2) {
        fail_msg("no line and column in '%s'", err.msg);
    }
    if (at == NULL) {
        return;
    }
    for (i = 0; text[i] != '\0' && (cur_line < line || cur_col < column); i++) {
        if (text[i] == '\n') {
            cur_line++;
            cur_col = 1;
        } else {
            cur_col++;
        }
    }
    if (strncmp(text + i, at, strlen(at)) != 0) {
        fail_msg("'%s' points at '%.20s', not '%s'", err.msg, text + i, at);
    }
}

/* The valid document with one value replaced (json path set by the caller). */
static char *mutate(void (*edit)(json_t *root))
{
    char        *text = run_text(), *out;
    json_error_t jerr;
    json_t      *root = json_loads(text, 0, &jerr);

    edit(root);
    out = json_dumps(root, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
    json_decref(root);
    free(text);
    return out;
}

static json_t *bench(json_t *root, size_t i)
{
    return json_array_get(json_object_get(root, "benchmarks"), i);
}

static void negative_sample(json_t *root)
{
    json_array_set_new(json_object_get(json_object_get(bench(root, 0), "samples"), "values"), 3,
                       json_real(-1.5));
}

static void string_sample(json_t *root)
{
    json_array_set_new(json_object_get(json_object_get(bench(root, 1), "samples"), "values"), 0,
                       json_string("NaN"));
}

static void null_sample(json_t *root)
{
    json_array_set_new(json_object_get(json_object_get(bench(root, 1), "samples"), "iterations"), 2,
                       json_null());
}

static void wrong_version(json_t *root)
{
    json_object_set_new(root, "schema_version", json_integer(99));
}

static void missing_field(json_t *root)
{
    json_object_del(bench(root, 0), "estimates");
}

static void wrong_type(json_t *root)
{
    json_object_set_new(json_object_get(root, "settings"), "sample_size", json_string("100"));
}

static void duplicate_name(json_t *root)
{
    json_object_set_new(bench(root, 1), "name", json_string("did/sha256/64/openssl"));
}

static void zero_samples(json_t *root)
{
    json_t *s = json_object_get(bench(root, 0), "samples");

    json_object_set_new(json_object_get(bench(root, 0), "sampling"), "samples", json_integer(0));
    json_object_set_new(s, "values", json_array());
    json_object_set_new(s, "iterations", json_array());
}

static void short_series(json_t *root)
{
    json_array_remove(json_object_get(json_object_get(bench(root, 0), "samples"), "values"), 0);
}

static void wrong_unit(json_t *root)
{
    json_object_set_new(bench(root, 0), "unit", json_string("cycles"));
}

/* Every sample value of the first benchmark x 1e152: finite, but its
 * variance is not. */
static void huge_samples(json_t *root)
{
    json_t *values = json_object_get(json_object_get(bench(root, 0), "samples"), "values");
    size_t  i;

    for (i = 0; i < json_array_size(values); i++) {
        json_array_set_new(values, i, json_real(json_number_value(json_array_get(values, i)) *
                                                1e152));
    }
}

static void huge_estimate(json_t *root)
{
    json_object_set_new(json_object_get(json_object_get(bench(root, 0), "estimates"), "mean"),
                        "upper_bound", json_real(1e200));
}

static void failed_without_reason(json_t *root)
{
    json_object_set_new(bench(root, 2), "failure", json_null());
}

static void test_refuses_bad_values(void **state)
{
    char *t;

    (void) state;
    refused(t = mutate(negative_sample),
            "benchmarks[0].samples.values[3]: expected a number from 1e-30 to 1e+30 (beyond, the "
            "analysis overflows), got -1.5",
            "-1.5");
    free(t);
    refused(t = mutate(string_sample),
            "benchmarks[1].samples.values[0]: expected a number from 1e-30 to 1e+30 (beyond, the "
            "analysis overflows), got a string",
            "\"NaN\"");
    free(t);
    refused(t = mutate(null_sample),
            "benchmarks[1].samples.iterations[2]: expected a positive finite number, got null",
            "null");
    free(t);
    refused(t = mutate(wrong_version),
            "schema_version: unsupported schema version 99 (this cryptbench reads 1 to 2)", "99");
    free(t);
    refused(t = mutate(missing_field), "benchmarks[0]: missing field 'estimates'", "{");
    free(t);
    refused(t = mutate(wrong_type), "settings.sample_size: expected a number, got a string",
            "\"100\"");
    free(t);
    refused(t = mutate(duplicate_name),
            "benchmarks[1].name: \"did/sha256/64/openssl\" appears twice (first as benchmarks[0])",
            "\"did/sha256/64/openssl\"");
    free(t);
    refused(t = mutate(zero_samples), "benchmarks[0].sampling.samples: expected a whole number >= 2",
            "0");
    free(t);
    refused(t = mutate(short_series),
            "benchmarks[0].samples.values: expected 100 values (sampling.samples), got 99", "[");
    free(t);
    refused(t = mutate(wrong_unit), "benchmarks[0].unit: expected \"ns\" (settings.unit)",
            "\"cycles\"");
    free(t);
    refused(t = mutate(huge_samples),
            "benchmarks[0].samples.values[0]: expected a number from 1e-30 to 1e+30 (beyond, the "
            "analysis overflows), got 4.19196649851342", "4.19196649851342");
    free(t);
    refused(t = mutate(huge_estimate),
            "benchmarks[0].estimates.mean.upper_bound: expected a finite number of magnitude at "
            "most 1e+30, got 9.9999999999999997e+199", "9.9999999999999997e");
    free(t);
    refused(t = mutate(failed_without_reason),
            "benchmarks[2].failure: a failed benchmark needs its reason", "null");
    free(t);
}

static void test_refuses_bad_text(void **state)
{
    char  *text = run_text(), *cut;
    size_t len = strlen(text);

    (void) state;
    refused("", "b.json:1:1: empty file (expected a cryptbench baseline)", NULL);
    refused("  \n", "empty file", NULL);
    refused("iterations,total\n1,2\n", "not valid JSON", NULL);
    refused("[1, 2]", "b.json:1:1: (document): expected a cryptbench baseline", NULL);
    refused("{\"schema_version\": 1, \"x\": 1e999}", "not valid JSON: real number overflow", NULL);
    refused("{\"schema_version\": 1, \"schema_version\": 1}", "duplicate object key", NULL);
    /* 1.0 is not version 1, and must not read as "unsupported version 1" */
    refused("{\"schema_version\": 1.0}",
            "b.json:1:20: schema_version: expected an integer from 1 to 2, got 1.0, written as a "
            "real", "1.0");
    refused("{\"schema_version\": 1.5}",
            "schema_version: expected an integer from 1 to 2, got 1.5", "1.5");
    /* a name that is not UTF-8: jansson refuses it with its position */
    refused("{\"benchmarks\": [{\"name\": \"a\xff\"}]}", "not valid JSON: unable to decode byte 0xff",
            NULL);
    /* every truncation of a valid file is refused, never half-loaded */
    cut = malloc(len + 1);
    for (size_t k = 1; k < len; k += len / 97 + 1) {
        memcpy(cut, text, k);
        cut[k] = '\0';
        refused(cut, "b.json:", NULL);
    }
    free(cut);
    free(text);
}

static void linear_equal_iterations(json_t *root)
{
    json_t *it = json_object_get(json_object_get(bench(root, 0), "samples"), "iterations");
    size_t  i;

    for (i = 0; i < json_array_size(it); i++) {
        json_array_set_new(it, i, json_integer(37));
    }
}

static void name_with_newline(json_t *root)
{
    json_object_set_new(bench(root, 0), "name", json_string("did/sha\n256"));
}

static void test_refuses_more(void **state)
{
    char *t;

    (void) state;
    refused(t = mutate(linear_equal_iterations),
            "benchmarks[0].samples.iterations: linear sampling needs at least two different "
            "iteration counts", "[");
    free(t);
    refused(t = mutate(name_with_newline),
            "benchmarks[0].name: expected a non-empty name without control characters",
            "\"did/sha\\n256\"");
    free(t);
}

static void hostile_text(json_t *root)
{
    json_object_set_new(bench(root, 0), "note", json_string("\033[2Jnote\nline"));
    json_object_set_new(bench(root, 2), "failure", json_string("why\ntest x ... bench: 1 ns/iter (+/- 0)"));
    json_object_set_new(json_object_get(root, "machine"), "cpu", json_string("CPU \xc2\x9b" "31m"));
    json_object_set_new(json_object_get(root, "context"), "lib\x07", json_string("1.0\r\n"));
    json_object_set_new(json_array_get(json_object_get(bench(root, 0), "args"), 0), "name",
                        json_string("\033]0;x\007size"));
    json_object_set_new(bench(root, 0), "counters",
                        json_pack("[{s:s, s:f, s:f}]", "name", "\xc2\x9b" "2Jops",
                                  "per_iteration", 1.0, "per_second", 1e9));
}

/* Text in a baseline reaches every report: control characters arrive as
 * U+FFFD or, for line breaks, a space. */
static void test_text_is_cleaned(void **state)
{
    char    *t = mutate(hostile_text);
    cb_run   run;
    cb_error err;

    (void) state;
    if (cb_baseline_parse("b.json", t, strlen(t), &run, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_string_equal(run.results[0].note, "\xef\xbf\xbd[2Jnote line");
    assert_string_equal(run.results[2].failure, "why test x ... bench: 1 ns/iter (+/- 0)");
    assert_string_equal(run.machine.cpu, "CPU \xef\xbf\xbd" "31m");
    assert_string_equal(cb_context_get(&run.context, "lib\xef\xbf\xbd"), "1.0  ");
    assert_string_equal(run.results[0].args[0].name, "\xef\xbf\xbd]0;x\xef\xbf\xbdsize");
    assert_string_equal(run.results[0].counters[0].name, "\xef\xbf\xbd" "2Jops");
    cb_run_free(&run);
    free(t);
}

/* Samples that make a resample's variance come out a rounding error below
 * zero (one repeated value; exact counts): what is saved must load. */
static void test_degenerate_samples_round_trip(void **state)
{
    cb_bootstrap_config boot = { 5000, 0.95, 3 };
    cb_run              run, back;
    cb_result          *r;
    cb_error            err;
    const char         *path = "build/tests/degenerate.json";
    size_t              i;

    (void) state;
    memset(&run, 0, sizeof run);
    run.unit = "instructions";
    run.measure = CB_MEASURE_INSTRUCTIONS;
    run.warm_up_s = run.measurement_s = run.confidence = 0.5;
    run.sample_size = run.nresamples = 10;
    r = cb_run_add(&run);
    cb_result_set_string(&r->name, "count/flat");
    cb_samples_alloc(&r->samples, 10);
    for (i = 0; i < 10; i++) {
        r->samples.iters[i] = 1.0;
        r->samples.values[i] = i == 4 ? 4999.0 : 0.1 + 0.2; /* 0.30000000000000004 */
    }
    r->plan = (cb_plan){ .mode = CB_MODE_FLAT, .n = 10, .d = 1, .target_ns = 1.0 };
    assert_int_equal(cb_analysis_run_unit(&r->samples, r->plan.mode, run.unit, &boot,
                                          &r->analysis, &err), 0);
    assert_true(r->analysis.std_dev.std_err == r->analysis.std_dev.std_err); /* not NaN */
    assert_int_equal(cb_baseline_save(path, &run, &err), 0);
    if (cb_baseline_load(path, &back, &err) != 0) {
        fail_msg("a saved baseline does not load: %s", err.msg);
    }
    cb_run_free(&back);
    cb_run_free(&run);
    unlink(path);
}

static void test_missing_file(void **state)
{
    cb_run   run;
    cb_error err;

    (void) state;
    assert_int_equal(cb_baseline_load("build/tests/no-such.json", &run, &err), -1);
    assert_string_equal(err.msg, "build/tests/no-such.json: No such file or directory");
}

static void test_baseline_names(void **state)
{
    char     buf[256], name[202];
    cb_error err;

    (void) state;
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", "main", &err), 0);
    assert_string_equal(buf, "reports/main.json");
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", "../etc", &err), -1);
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", "a/b", &err), -1);
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", "", &err), -1);
    /* too long: the message blames what is too long, the name or the directory */
    memset(name, 'n', 201);
    name[201] = '\0';
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", name, &err), -1);
    assert_string_equal(err.msg, "baseline name 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...': expected "
                                 "a name of at most 200 bytes, got 201 bytes");
    /* nor a control character, which would reach the terminal and gate.md */
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", "x\033]0;pwned\a", &err), -1);
    assert_non_null(strstr(err.msg, "expected a name without control characters"));
    assert_null(strchr(err.msg, '\033'));
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", "two\nlines", &err), -1);
    assert_int_equal(cb_baseline_path(buf, sizeof buf, "reports", "bad\xff", &err), -1);
    name[150] = '\0';
    assert_int_equal(cb_baseline_path(buf, 64, name, "base", &err), -1);
    assert_string_equal(err.msg, "reports directory 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...': 150 "
                                 "bytes, too long for a path to its baseline 'base'");
}

static void test_differences(void **state)
{
    cb_run a, b;
    char   buf[512];

    (void) state;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    strcpy(a.machine.cpu, "Xeon");
    strcpy(b.machine.cpu, "Xeon");
    assert_int_equal(cb_context_set(&a.context, "libsodium", "1.0.18"), 0);
    assert_int_equal(cb_context_set(&b.context, "libsodium", "1.0.19"), 0);
    cb_baseline_differences(&a, &b, buf, sizeof buf);
    assert_string_equal(buf, "libsodium '1.0.18' vs '1.0.19'");
    assert_int_equal(cb_context_set(&b.context, "libsodium", "1.0.18"), 0);
    cb_baseline_differences(&a, &b, buf, sizeof buf);
    assert_string_equal(buf, "");
    /* a fact on one side only is a difference too */
    assert_int_equal(cb_context_set(&b.context, "dataset", "rfc8439"), 0);
    cb_baseline_differences(&a, &b, buf, sizeof buf);
    assert_string_equal(buf, "dataset '(none)' vs 'rfc8439'");
    cb_run_free(&a);
    cb_run_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_refuses_bad_values),
        cmocka_unit_test(test_refuses_bad_text),
        cmocka_unit_test(test_refuses_more),
        cmocka_unit_test(test_text_is_cleaned),
        cmocka_unit_test(test_degenerate_samples_round_trip),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_baseline_names),
        cmocka_unit_test(test_differences),
        cmocka_unit_test(test_context_and_schema_1),
        cmocka_unit_test(test_change_round_trip),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
