/*
 * The constant-time checks' pieces that need neither valgrind nor a clock:
 * memcheck's log read into findings (stored logs), the verdicts in words,
 * the checks through a baseline and back, refused when malformed, findings
 * compared with a baseline's, the API's inputs and secrets on the fake
 * clock, and --check on the command line.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/divisions.h"
#include "check/exact.h"
#include "check/memcheck_log.h"
#include "report/check_lines.h"
#include "measure/measure.h"
#include "measure/sysinfo.h"
#include "stats/analysis.h"
#include "cli/options.h"
#include "store/baseline.h"
#include "core/text_file.h"
#include "store/allow_list.h"
#include "support.h"

static const char *const harness[] = { "cb_state_call", "cb_input_prepare", "cb_check_exact_once",
                                       "cb_check_child_main" };

/* What a frame of a finding is expected to be: function, file (or NULL),
 * line, object (or NULL), offset (-1: none). */
typedef struct want_frame {
    const char *function, *file;
    unsigned    line;
    const char *object;
    long long   offset;
} want_frame;

static void expect_frames(const cb_finding *f, cb_finding_kind kind, size_t site,
                          const want_frame *want, size_t n)
{
    size_t i;

    assert_int_equal(f->kind, kind);
    assert_int_equal(f->site, site);
    assert_int_equal(f->nframes, n);
    for (i = 0; i < n; i++) {
        const cb_frame *g = &f->frames[i];

        assert_string_equal(g->function, want[i].function);
        if (want[i].file == NULL) {
            assert_null(g->file);
        } else {
            assert_non_null(g->file);
            assert_string_equal(g->file, want[i].file);
            assert_int_equal(g->line, want[i].line);
        }
        if (want[i].object == NULL) {
            assert_null(g->object);
        } else {
            assert_non_null(g->object);
            assert_string_equal(g->object, want[i].object);
        }
        assert_int_equal(g->has_offset, want[i].offset >= 0);
        if (want[i].offset >= 0) {
            assert_int_equal(g->offset, (uint64_t) want[i].offset);
        }
    }
}

/* The checked process's mappings, as its report gives them. */
static void test_mappings(cb_mappings *maps)
{
    memset(maps, 0, sizeof *maps);
    assert_int_equal(cb_mappings_add(maps, "111000 15d000 9000 /src/cryptbench/build/cryptbench"),
                     0);
    assert_int_equal(cb_mappings_add(maps, "48d0000 48e0000 3000 "
                                           "/usr/lib/x86_64-linux-gnu/libleaky.so.1 (deleted)"),
                     0);
    assert_int_equal(cb_mappings_add(maps, "not a mapping"), 1);
    assert_int_equal(maps->n, 2);
    assert_string_equal(maps->items[1].object, "libleaky.so.1");
}

/* tests/data/<name> read into out and suspects, from /src/cryptbench. */
static void parse_stored_log(const char *name, cb_check_exact *out, cb_check_exact *suspects)
{
    char                path[256];
    cb_buf              text = { NULL, 0, 0, 0 };
    cb_error            err;
    cb_mappings         maps;
    cb_memcheck_context ctx = { harness, 4, NULL, "/src/cryptbench" };

    test_mappings(&maps);
    ctx.maps = &maps;
    snprintf(path, sizeof path, "tests/data/%s", name);
    memset(out, 0, sizeof *out);
    memset(suspects, 0, sizeof *suspects);
    if (cb_text_file_read(path, &text, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(cb_memcheck_log_parse(text.data, &ctx, out, suspects, &err), 0);
    cb_buf_free(&text);
    cb_mappings_free(&maps);
}

/* A finding per site: its source line where the debug information has one,
 * reached by the backtrace memcheck first reported there (another one
 * counted as a path), cut where the harness called the benchmark; a second
 * line of one function a site of its own; a call of valgrind's own bcmp on a
 * secret sited at its caller; a frame without a symbol an offset in its
 * library; the compiler's names for its copies of a function dropped; the
 * part of the check memcheck first saw it in. An error memcheck blamed on
 * anything but a declared secret a suspect; other errors counted; notes
 * ignored. */
static void test_memcheck_log(void **state)
{
    static const want_frame branch[] = {
        { "early_exit_compare", "bench/ct.c", 43, "cryptbench", -1 },
        { "compare_run", "bench/ct.c", 126, "cryptbench", -1 }
    };
    static const want_frame access[] = { { "table_run", "bench/ct.c", 192, "cryptbench", -1 } };
    static const want_frame second[] = {
        { "early_exit_compare", "bench/ct.c", 47, "cryptbench", -1 },
        { "compare_run", "bench/ct.c", 126, "cryptbench", -1 }
    };
    static const want_frame bcmp[] = {
        { "bcmp", NULL, 0, "vgpreload_memcheck-amd64-linux.so", 22 },
        { "memcmp_run", "bench/ct.c", 57, "cryptbench", -1 }
    };
    static const want_frame syscall[] = {
        { "sendto", "sendto.c", 27, NULL, -1 },
        { "???", NULL, 0, "libleaky.so.1", 0x6a6e },
        { "std::vector<int, std::allocator<int> >::push_back(int const&)", NULL, 0,
          "libleaky.so.1", 12 }
    };
    static const want_frame heap_branch[] = { { "main", "/src/other/other.c", 8, NULL, -1 } };
    static const want_frame heap_write[] = { { "write", "write.c", 26, NULL, -1 },
                                             { "main", "/src/other/other.c", 10, NULL, -1 } };
    static const want_frame returned[] = {
        { "cb_state_call", "lib/measure/state.c", 210, "cryptbench", -1 },
        { "call", "lib/check/exact_child.c", 29, "cryptbench", -1 }
    };
    cb_check_exact e, suspects;

    (void) state;
    parse_stored_log("memcheck_ct.log", &e, &suspects);
    assert_int_equal(e.nfindings, 5);
    expect_frames(&e.findings[0], CB_FINDING_BRANCH, 0, branch, 2);
    assert_int_equal(e.findings[0].paths, 2);
    assert_int_equal(e.findings[0].phase, CB_PHASE_CLASS0);
    assert_int_equal(e.findings[0].input, 0);
    expect_frames(&e.findings[1], CB_FINDING_ACCESS, 0, access, 1);
    expect_frames(&e.findings[2], CB_FINDING_BRANCH, 0, second, 2);
    assert_int_equal(e.findings[2].paths, 1);
    assert_int_equal(e.findings[2].phase, CB_PHASE_CLASS1);
    assert_int_equal(e.findings[2].input, 2);
    expect_frames(&e.findings[3], CB_FINDING_BRANCH, 1, bcmp, 2);
    expect_frames(&e.findings[4], CB_FINDING_SYSCALL, 0, syscall, 3);
    assert_int_equal(e.findings[4].phase, CB_PHASE_TEARDOWN);
    assert_int_equal(e.other_errors, 1);
    assert_int_equal(suspects.nfindings, 3);
    expect_frames(&suspects.findings[0], CB_FINDING_BRANCH, 0, heap_branch, 1);
    expect_frames(&suspects.findings[1], CB_FINDING_SYSCALL, 0, heap_write, 2);
    expect_frames(&suspects.findings[2], CB_FINDING_BRANCH, 0, returned, 2);
    cb_check_exact_free(&e);
    cb_check_exact_free(&suspects);
}

/* The run without the secrets marked has the heap errors too: they are the
 * program's own; the branch it lacks is the secrets' doing. */
static void test_suspects_settled_by_a_run_without_secrets(void **state)
{
    cb_check_exact e, suspects, plain, unused;
    cb_error       err;

    (void) state;
    parse_stored_log("memcheck_ct.log", &e, &suspects);
    parse_stored_log("memcheck_plain.log", &unused, &plain);
    assert_int_equal(unused.nfindings, 0);
    assert_int_equal(plain.nfindings, 2);
    assert_int_equal(cb_memcheck_confirm(&suspects, &plain, &e, &err), 0);
    assert_int_equal(e.nfindings, 6);
    assert_string_equal(e.findings[5].frames[0].function, "cb_state_call");
    assert_int_equal(e.other_errors, 3);
    cb_check_exact_free(&e);
    cb_check_exact_free(&suspects);
    cb_check_exact_free(&plain);
    cb_check_exact_free(&unused);
}

/* Two readings of one log agree, and a log of the same code at other
 * addresses (a rebuild that moved it) gives the same sites. */
static void test_memcheck_log_is_deterministic(void **state)
{
    cb_check_exact a, b, sa, sb;
    size_t         i;

    (void) state;
    parse_stored_log("memcheck_ct.log", &a, &sa);
    parse_stored_log("memcheck_ct.log", &b, &sb);
    assert_int_equal(a.nfindings, b.nfindings);
    for (i = 0; i < a.nfindings; i++) {
        assert_true(cb_finding_same(&a.findings[i], &b.findings[i]));
    }
    cb_check_exact_free(&a);
    cb_check_exact_free(&b);
    cb_check_exact_free(&sa);
    cb_check_exact_free(&sb);
}

/* A site is its source line wherever the file was built, or without debug
 * information its function and offset, or without a symbol its object and
 * offset; never the backtrace that reached it. */
static void test_site_identity(void **state)
{
    cb_frame   a = { "f", "bench/ct.c", 41, "cryptbench", 0, 0 };
    cb_frame   b = { "f", "/ci/build/x/bench/ct.c", 41, NULL, 0, 0 };
    cb_frame   c = { "f", "bench/act.c", 41, NULL, 0, 0 };
    cb_frame   d = { "f", "bench/ct.c", 45, NULL, 0, 0 };
    cb_frame   g = { "f", NULL, 0, "cryptbench", 1, 134 };
    cb_frame   h = { "f", NULL, 0, "cryptbench-new", 1, 134 };
    cb_frame   u = { "???", NULL, 0, "libcrypto.so.3", 1, 0x1a2b };
    cb_frame   v = { "???", NULL, 0, "libssl.so.3", 1, 0x1a2b };
    cb_frame   caller = { "run", "bench/ct.c", 90, NULL, 0, 0 };
    cb_frame   other = { "main", "bench/main.c", 12, NULL, 0, 0 };
    cb_frame   one[2], two[2];
    cb_finding x, y;
    char       where[128];

    (void) state;
    assert_true(cb_frame_same_site(&a, &b));
    assert_false(cb_frame_same_site(&a, &c));
    assert_false(cb_frame_same_site(&a, &d));
    assert_false(cb_frame_same_site(&a, &g));
    assert_true(cb_frame_same_site(&g, &h)); /* a symbol names its function in any build */
    g.offset = 135;
    assert_false(cb_frame_same_site(&g, &h));
    assert_false(cb_frame_same_site(&u, &v));
    assert_true(cb_source_path_is("/x/bench/ct.c", "ct.c"));
    assert_false(cb_source_path_is("/x/bench/act.c", "ct.c"));
    one[0] = a;
    one[1] = caller;
    two[0] = b;
    two[1] = other;
    x = (cb_finding){ .kind = CB_FINDING_BRANCH, .frames = one, .nframes = 2 };
    y = (cb_finding){ .kind = CB_FINDING_BRANCH, .frames = two, .nframes = 2 };
    assert_true(cb_finding_same(&x, &y));
    y.kind = CB_FINDING_ACCESS;
    assert_false(cb_finding_same(&x, &y));
    cb_frame_location(&a, where, sizeof where);
    assert_string_equal(where, "bench/ct.c:41");
    cb_frame_location(&h, where, sizeof where);
    assert_string_equal(where, "f+134 (cryptbench-new)");
    cb_frame_location(&u, where, sizeof where);
    assert_string_equal(where, "??? (libcrypto.so.3+0x1a2b)");
}

static void test_verdicts_in_words(void **state)
{
    static const cb_frame frames[] = { { "f", "f.c", 3, NULL, 0, 0 } };
    cb_checks             c;
    char                  buf[256];

    (void) state;
    memset(&c, 0, sizeof c);
    c.exact.status = CB_CHECK_PASSED;
    cb_check_exact_verdict(&c.exact, buf, sizeof buf);
    assert_string_equal(buf, "no secret-dependent branch or memory access; divisions not "
                             "checked");
    c.exact.status = CB_CHECK_LEAKS;
    assert_int_equal(cb_check_exact_add(&c.exact, CB_FINDING_ACCESS, frames, 1, 0,
                                        CB_PHASE_CLASS0, 0), 0);
    cb_check_exact_verdict(&c.exact, buf, sizeof buf);
    assert_string_equal(buf, "secret-dependent memory access at 1 site");
    assert_int_equal(cb_check_exact_add(&c.exact, CB_FINDING_BRANCH, frames, 1, 0,
                                        CB_PHASE_CLASS0, 0), 0);
    cb_check_exact_verdict(&c.exact, buf, sizeof buf);
    assert_string_equal(buf, "secret-dependent branch and memory access at 2 sites");
    c.exact.status = CB_CHECK_SKIPPED;
    cb_check_exact_verdict(&c.exact, buf, sizeof buf);
    assert_string_equal(buf, "skipped: declares no secrets");

    c.leak = (cb_check_leak){ .status = CB_CHECK_PASSED, .measurements = 1000000, .max_t = 1.62,
                              .test = CB_LEAK_TEST_RAW, .threshold = 5.0 };
    cb_check_leak_verdict(&c.leak, buf, sizeof buf);
    assert_string_equal(buf, "no leak detected at 1000000 measurements (max |t| = 1.62, raw "
                             "timings)");
    c.leak.status = CB_CHECK_LEAKS;
    c.leak.max_t = 412.5;
    c.leak.test = CB_LEAK_TEST_CROPPED;
    c.leak.crop = 6.7; /* the calibration batch's percentile: not the run's share */
    c.leak.crop_cycles = 412.0;
    c.leak.test_measurements = 192000;
    cb_check_leak_verdict(&c.leak, buf, sizeof buf);
    assert_string_equal(buf, "leak likely: max |t| = 412.50 > 5 (the fastest 19.2% of timings, "
                             "below 412 cycles) at 1000000 measurements");
    c.leak.test_measurements = 999588; /* 99.96%: not all of them */
    cb_check_leak_verdict(&c.leak, buf, sizeof buf);
    assert_string_equal(buf, "leak likely: max |t| = 412.50 > 5 (all timings but the slowest "
                             "412, below 412 cycles) at 1000000 measurements");
    c.leak.test_measurements = 192000;
    c.leak.tau = 412.5 / sqrt(192000.0);
    c.leak.needed = 25.0 / (c.leak.tau * c.leak.tau) * 1000000.0 / 192000.0;
    c.leak.median[0] = 84.0;
    c.leak.median[1] = 31.5;
    c.leak.calls = 1;
    cb_check_leak_figures(&c.leak, buf, sizeof buf);
    assert_string_equal(buf, "tau = 0.94: a leak that size needs about 147 measurements for "
                             "|t| = 5; medians 84 and 31.5 cycles a call");
    c.leak.calls = 8;
    c.leak.tau = 0.0;
    c.leak.needed = INFINITY;
    cb_check_leak_figures(&c.leak, buf, sizeof buf);
    assert_string_equal(buf, "tau = 0: the classes' timings did not differ; medians 84 and 31.5 "
                             "cycles a call (8 calls a measurement)");
    cb_checks_free(&c);
}

/* A run of one benchmark, analysed from reference samples, with both checks. */
static void make_run(cb_run *run)
{
    static const cb_frame frames[] = {
        { "bcmp", NULL, 0, "vgpreload_memcheck-amd64-linux.so", 1, 22 },
        { "early_exit_compare", "bench/ct.c", 43, "cryptbench", 0, 0 },
        { "compare_run", NULL, 0, "cryptbench", 1, 109 },
        { "???", NULL, 0, "libcrypto.so.3", 1, 0x1a2b }
    };
    cb_bootstrap_config      boot = { 1000, 0.95, 1 };
    json_t                  *ref = support_load("ref_linear_clean.json");
    cb_result               *r;
    cb_error                 err;
    size_t                   n;

    memset(run, 0, sizeof *run);
    run->unit = "ns";
    run->warm_up_s = 0.5;
    run->measurement_s = 1.5;
    run->sample_size = 100;
    run->nresamples = 1000;
    run->confidence = 0.95;
    cb_sysinfo_read(&run->machine);
    cb_run_stamp(run);
    r = cb_run_add(run);
    assert_non_null(r);
    assert_int_equal(cb_result_set_string(&r->name, "ct/compare/32/early-exit"), 0);
    r->samples.iters = support_numbers(ref, "iterations", &n);
    r->samples.values = support_numbers(ref, "totals", &r->samples.n);
    r->plan = (cb_plan){ CB_MODE_LINEAR, r->samples.n, 1, 10.0, 1.5e9, 1.4e9 };
    assert_int_equal(cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, &err), 0);
    json_decref(ref);
    r->checks.exact.status = CB_CHECK_LEAKS;
    r->checks.exact.secret_bytes = 32;
    r->checks.exact.seconds = 2.5;
    r->checks.exact.inputs = 4;
    assert_int_equal(cb_check_exact_add(&r->checks.exact, CB_FINDING_BRANCH, frames, 4, 1,
                                        CB_PHASE_CLASS1, 3), 0);
    r->checks.exact.findings[0].paths = 2;
    r->checks.exact.divisions_listed = 1;
    assert_int_equal(cb_check_exact_add_division(&r->checks.exact, "div", &frames[1], 5), 0);
    r->checks.leak = (cb_check_leak){ .status = CB_CHECK_LEAKS, .measurements = 1000000,
                                      .max_t = 674.25, .test = CB_LEAK_TEST_CROPPED,
                                      .crop = 99.7, .crop_cycles = 1234.0,
                                      .test_measurements = 997000, .threshold = 5.0,
                                      .tau = 0.675, .needed = 54.9, .median = { 84.0, NAN },
                                      .calls = 8, .seconds = 1.5 };
}

/* make_run's finding, as a baseline must give it back. */
static const want_frame stored_frames[] = {
    { "bcmp", NULL, 0, "vgpreload_memcheck-amd64-linux.so", 22 },
    { "early_exit_compare", "bench/ct.c", 43, "cryptbench", -1 },
    { "compare_run", NULL, 0, "cryptbench", 109 },
    { "???", NULL, 0, "libcrypto.so.3", 0x1a2b }
};

static void test_checks_through_a_baseline(void **state)
{
    const char      *path = support_temp_file("");
    cb_run           run, back;
    cb_error         err;
    const cb_result *r;

    (void) state;
    make_run(&run);
    assert_int_equal(cb_baseline_save(path, &run, &err), 0);
    memset(&back, 0, sizeof back);
    if (cb_baseline_load(path, &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    r = &back.results[0];
    assert_int_equal(r->checks.exact.status, CB_CHECK_LEAKS);
    assert_int_equal(r->checks.exact.secret_bytes, 32);
    expect_frames(&r->checks.exact.findings[0], CB_FINDING_BRANCH, 1, stored_frames, 4);
    assert_int_equal(r->checks.exact.inputs, 4);
    assert_int_equal(r->checks.exact.findings[0].paths, 2);
    assert_int_equal(r->checks.exact.findings[0].phase, CB_PHASE_CLASS1);
    assert_int_equal(r->checks.exact.findings[0].input, 3);
    assert_true(cb_finding_same(&r->checks.exact.findings[0],
                                &run.results[0].checks.exact.findings[0]));
    assert_true(r->checks.exact.divisions_listed && r->checks.exact.ndivisions == 1);
    assert_string_equal(r->checks.exact.divisions[0].instruction, "div");
    assert_int_equal(r->checks.exact.divisions[0].where.line, 43);
    assert_int_equal(r->checks.exact.divisions[0].executed, 5);
    assert_int_equal(r->checks.leak.status, CB_CHECK_LEAKS);
    assert_int_equal(r->checks.leak.measurements, 1000000);
    assert_true(r->checks.leak.max_t == 674.25 && r->checks.leak.crop == 99.7);
    assert_int_equal(r->checks.leak.test, CB_LEAK_TEST_CROPPED);
    assert_true(r->checks.leak.crop_cycles == 1234.0 && r->checks.leak.tau == 0.675);
    assert_true(r->checks.leak.needed == 54.9 && r->checks.leak.calls == 8);
    assert_true(r->checks.leak.median[0] == 84.0 && isnan(r->checks.leak.median[1]));
    cb_run_free(&back);
    cb_run_free(&run);
    remove(path);
}

/* Saves run, then replaces the first `from` in the file with `to`: the
 * loader must refuse it, naming `want`. */
static void refused(const char *from, const char *to, const char *want)
{
    const char *path = support_temp_file("");
    cb_run      run, back;
    cb_buf      text = { NULL, 0, 0, 0 };
    cb_error    err;
    char       *at;
    FILE       *f;

    make_run(&run);
    assert_int_equal(cb_baseline_save(path, &run, &err), 0);
    cb_run_free(&run);
    assert_int_equal(cb_text_file_read(path, &text, &err), 0);
    at = strstr(text.data, from);
    if (at == NULL) {
        fail_msg("%s is not in the saved baseline", from);
    }
    f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "%.*s%s%s", (int) (at - text.data), text.data, to, at + strlen(from));
    fclose(f);
    cb_buf_free(&text);
    memset(&back, 0, sizeof back);
    assert_int_equal(cb_baseline_load(path, &back, &err), -1);
    if (strstr(err.msg, want) == NULL) {
        fail_msg("wanted \"%s\" in: %s", want, err.msg);
    }
    cb_run_free(&back);
    remove(path);
}

static void test_malformed_checks_are_refused(void **state)
{
    (void) state;
    refused("\"status\": \"leaks\"", "\"status\": \"maybe\"", "checks.constant_time.status");
    refused("\"findings\": [", "\"findings\": [], \"x\": [", "status \"leaks\" goes with findings");
    refused("\"early_exit_compare\"", "\"a\\u0007b\"", "backtrace[1].function");
    refused("\"early_exit_compare\"", "\"a\\u0085b\"", "backtrace[1].function");
    refused("\"site\": 1", "\"site\": 4", "expected the index of a frame");
    refused("\"first_seen\": \"class-1\"", "\"first_seen\": \"lunch\"", "first_seen");
    refused("\"line\": 43", "\"line\": null", "a line goes with a file");
    refused("\"paths\": 2", "\"paths\": 0", "paths");
    refused("\"backtrace\": [", "\"backtrace\": [], \"x\": [", "expected 1 to 16 frames");
    refused("\"measurements\": 1000000", "\"measurements\": -1", "checks.timing_leak.measurements");
    refused("\"crop_percentile\": 99.7", "\"crop_percentile\": 140", "from 0 to 100");
    refused("\"test_measurements\": 997000", "\"test_measurements\": 2000000", "at most");
    refused("\"tau\": 0.675", "\"tau\": -1", "checks.timing_leak.tau");
    refused("\"median_cycles\": [", "\"median_cycles\": [1, ", "the medians of the two classes");
}

/* A check's failure quotes a benchmark or a file: it is kept as clean text,
 * a line of its own in no output. */
static void test_failure_reasons_are_clean(void **state)
{
    cb_check_status status = CB_CHECK_NOT_RUN;
    char           *why = NULL;

    (void) state;
    cb_check_fail(&status, &why, "bad key\nok 1 - forged\x1b[2J\xff");
    assert_int_equal(status, CB_CHECK_FAILED);
    assert_string_equal(why, "bad key ok 1 - forged\xef\xbf\xbd[2J\xef\xbf\xbd");
    free(why);
}

/* The instructions the divisions list names, and their look-alikes that it
 * must not: a multiplication is F7 /4, a division F7 /6. */
static void test_division_decoding(void **state)
{
    static const struct {
        unsigned char bytes[8];
        size_t        n;
        const char   *want;
    } cases[] = {
        { { 0x48, 0xf7, 0xf6 }, 3, "div" },             /* div %rsi */
        { { 0xf7, 0xfe }, 2, "idiv" },                  /* idiv %esi */
        { { 0x66, 0xf7, 0x75, 0x08 }, 4, "div" },       /* div 8(%rbp), 16 bits */
        { { 0xf6, 0xf1 }, 2, "div" },                   /* div %cl */
        { { 0xf7, 0xe6 }, 2, NULL },                    /* mul %esi */
        { { 0x48, 0x0f, 0xaf, 0xc1 }, 4, NULL },        /* imul %rcx,%rax */
        { { 0xf2, 0x0f, 0x5e, 0xc1 }, 4, "divsd" },
        { { 0x66, 0x0f, 0x51, 0xc1 }, 4, "sqrtpd" },
        { { 0x0f, 0x5e, 0xc1 }, 3, "divps" },
        { { 0xc5, 0xfb, 0x5e, 0xc1 }, 4, "divsd" },     /* vdivsd */
        { { 0xc4, 0xe1, 0xfa, 0x51, 0xc1 }, 5, "sqrtss" }, /* vsqrtss, three-byte VEX */
        { { 0xc4, 0xe2, 0x79, 0x5e, 0xc1 }, 5, NULL },  /* map 0F38 */
        { { 0x48, 0xf7 }, 2, NULL },                    /* cut short */
    };
    size_t i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = cb_division_decode(cases[i].bytes, cases[i].n);

        if ((got == NULL) != (cases[i].want == NULL) ||
            (got != NULL && strcmp(got, cases[i].want) != 0)) {
            fail_msg("case %zu: got %s, want %s", i, got != NULL ? got : "none",
                     cases[i].want != NULL ? cases[i].want : "none");
        }
    }
}

/* A fake object file: the bytes at a few addresses of a few objects. */
static long fake_read(const char *object, uint64_t address, unsigned char *buf, size_t n,
                      void *arg)
{
    static const struct {
        const char   *object;
        uint64_t      address;
        unsigned char bytes[4];
    } code[] = {
        { "/usr/lib/x86_64-linux-gnu/libsodium.so.23.3.0", 0x31638, { 0xf7, 0xfe } },
        { "/src/cryptbench/build/trial", 0x6efc, { 0x48, 0xf7, 0xf6 } },
        { "/src/cryptbench/build/trial", 0x6e75, { 0xf2, 0x0f, 0x5e, 0xc1 } },
        { "/usr/lib/x86_64-linux-gnu/libc.so.6", 0x3f182, { 0x48, 0xf7, 0xf1 } },
    };
    size_t i;

    (void) arg;
    for (i = 0; i < sizeof code / sizeof code[0]; i++) {
        if (strcmp(object, code[i].object) == 0 && address == code[i].address) {
            memcpy(buf, code[i].bytes, n < 4 ? n : 4);
            return (long) (n < 4 ? n : 4);
        }
    }
    memset(buf, 0x90, n); /* nop */
    return (long) n;
}

/* The divisions of a callgrind dump of instructions: each once, its counts
 * added, with its function, source line (an inlined file's too) and object;
 * a call's inclusive cost line and an instruction that never ran are not
 * instructions that ran. */
static void test_divisions_in_a_callgrind_dump(void **state)
{
    cb_buf         text = { NULL, 0, 0, 0 };
    cb_check_exact e;
    cb_error       err;
    char           where[128];

    (void) state;
    memset(&e, 0, sizeof e);
    assert_int_equal(cb_text_file_read("tests/data/callgrind_instr.out", &text, &err), 0);
    if (cb_divisions_find("callgrind.out", text.data, "/src/cryptbench", fake_read, NULL, &e,
                          &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(e.ndivisions, 3);
    assert_string_equal(e.divisions[0].instruction, "idiv");
    /* callgrind names a function without a symbol by its address */
    assert_string_equal(e.divisions[0].where.function, "???");
    assert_null(e.divisions[0].where.file);
    assert_string_equal(e.divisions[0].where.object, "libsodium.so.23.3.0");
    assert_int_equal(e.divisions[0].executed, 4);
    cb_division_location(&e.divisions[0], where, sizeof where);
    assert_string_equal(where, "libsodium.so.23.3.0+0x31638");
    assert_string_equal(e.divisions[1].instruction, "div");
    assert_string_equal(e.divisions[1].where.function, "divide_1");
    assert_string_equal(e.divisions[1].where.file, "trial.c");
    assert_int_equal(e.divisions[1].where.line, 206);
    assert_int_equal(e.divisions[1].where.offset, 0x6efc);
    assert_int_equal(e.divisions[1].executed, 5);
    cb_division_location(&e.divisions[1], where, sizeof where);
    assert_string_equal(where, "trial.c:206");
    assert_string_equal(e.divisions[2].instruction, "divsd");
    assert_string_equal(e.divisions[2].where.function, "divide_8");
    assert_string_equal(e.divisions[2].where.file, "inlined.h");
    assert_int_equal(e.divisions[2].where.line, 7);
    cb_check_exact_free(&e);
    assert_int_equal(cb_divisions_find("x", "events: Ir\n0x10 1 1\n", NULL, fake_read, NULL, &e,
                                       &err), -1);
    assert_non_null(strstr(err.msg, "x:2: a cost line before 'positions: instr line'"));
    cb_check_exact_free(&e);
    cb_buf_free(&text);
}

/* A baseline written before findings were sites, its backtraces function
 * names alone, still loads: each finding sited at its first frame. */
static void test_findings_of_names_load(void **state)
{
    const char  *path = support_temp_file("");
    cb_run       run, back;
    cb_error     err;
    json_error_t jerr;
    json_t      *root, *finding, *names;

    (void) state;
    make_run(&run);
    assert_int_equal(cb_baseline_save(path, &run, &err), 0);
    cb_run_free(&run);
    root = json_load_file(path, 0, &jerr);
    assert_non_null(root);
    finding = json_array_get(json_object_get(json_object_get(json_object_get(
                  json_array_get(json_object_get(root, "benchmarks"), 0), "checks"),
                  "constant_time"), "findings"), 0);
    assert_non_null(finding);
    names = json_pack("[s, s]", "early_exit_compare", "compare_run");
    json_object_set_new(finding, "backtrace", names);
    json_object_del(finding, "site");
    json_object_del(finding, "paths");
    json_object_del(finding, "first_seen");
    json_object_del(finding, "input");
    json_object_del(json_object_get(json_object_get(json_array_get(json_object_get(root,
        "benchmarks"), 0), "checks"), "constant_time"), "inputs");
    assert_int_equal(json_dump_file(root, path, JSON_INDENT(2)), 0);
    json_decref(root);
    memset(&back, 0, sizeof back);
    if (cb_baseline_load(path, &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(back.results[0].checks.exact.nfindings, 1);
    assert_int_equal(back.results[0].checks.exact.findings[0].site, 0);
    assert_string_equal(back.results[0].checks.exact.findings[0].frames[1].function,
                        "compare_run");
    assert_null(back.results[0].checks.exact.findings[0].frames[0].file);
    cb_run_free(&back);
    remove(path);
}

/* An allow-list of text, which must load. */
static void allow(cb_allow_list *list, const char *text)
{
    cb_error err;

    if (cb_allow_list_parse("allow.txt", text, list, &err) != 0) {
        fail_msg("%s", err.msg);
    }
}

/* What the gate accepts: a site the baseline named with --baseline has (a
 * second site in the same function is new), one an allow-list entry
 * matches; never what a baseline the run merely saved before has, nor
 * anything when there is neither. */
static void test_gate_accepts(void **state)
{
    static const cb_frame second[] = { { "early_exit_compare", "bench/ct.c", 47, NULL, 0, 0 },
                                       { "compare_run", NULL, 0, "cryptbench", 1, 109 } };
    cb_run                old, now;
    cb_result            *r;
    cb_check_exact       *e;
    cb_allow_list         list;

    (void) state;
    make_run(&old);
    make_run(&now);
    r = &now.results[0];
    e = &r->checks.exact;
    assert_int_equal(cb_check_accept(&old, 1, NULL, r), 0);
    assert_true(e->nnew == 0 && e->nunaccepted == 0 && e->findings[0].accepted);
    assert_int_equal(cb_check_exact_add(e, CB_FINDING_BRANCH, second, 2, 0, CB_PHASE_CLASS0, 0),
                     0);
    assert_int_equal(cb_check_accept(&old, 1, NULL, r), 0);
    assert_true(e->nnew == 1 && e->nunaccepted == 1 && e->findings[1].is_new);
    assert_int_equal(cb_check_accept(&old, 0, NULL, r), 0); /* the run's own last save */
    assert_true(e->nnew == 1 && e->nunaccepted == 2);
    assert_int_equal(cb_check_accept(NULL, 0, NULL, r), 0);
    assert_true(e->nnew == 0 && e->nunaccepted == 2);

    allow(&list, "{\n  demo-early-exit\n  reason: the known answer\n  ...\n  src:ct.c:43\n}\n");
    assert_int_equal(cb_check_accept(NULL, 0, &list, r), 0);
    assert_true(e->nallowed == 1 && e->nunaccepted == 1);
    assert_string_equal(e->findings[0].allowed_by, "demo-early-exit");
    assert_null(e->findings[1].allowed_by);
    cb_allow_list_free(&list);

    allow(&list, "{\n  whole-function\n  reason: all of it\n  ...\n  fun:early_exit_*\n}\n");
    assert_int_equal(cb_check_accept(NULL, 0, &list, r), 0);
    assert_true(e->nallowed == 2 && e->nunaccepted == 0);
    cb_allow_list_free(&list);
    cb_run_free(&old);
    cb_run_free(&now);
}

/* An entry matches as a valgrind suppression does, from the innermost frame,
 * "..." for any frames; its kind and benchmark narrow it. */
static void test_allow_list_matching(void **state)
{
    static const char text[] =
        "# reviewed 2026-12\n"
        "{\n"
        "   bcmp-in-early-exit\n"
        "   reason: the suite's known answer: it must leak\n"
        "   reason: (two lines of reason)\n"
        "   benchmark: ^ct/compare/[0-9]+/early-exit$\n"
        "   kind: branch\n"
        "   fun:bcmp\n"
        "   obj:cryptbench\n"
        "}\n"
        "\n"
        "{\n"
        "  tables\n"
        "  reason: OpenSSL's AES\n"
        "  ...\n"
        "  obj:libcrypto.so.*\n"
        "}\n";
    cb_allow_list list;
    cb_run        run;
    cb_finding   *f;

    (void) state;
    allow(&list, text);
    assert_int_equal(list.n, 2);
    assert_string_equal(list.entries[0].reason,
                        "the suite's known answer: it must leak (two lines of reason)");
    assert_int_equal(list.entries[1].line, 12);
    make_run(&run);
    f = &run.results[0].checks.exact.findings[0];
    assert_ptr_equal(cb_allow_list_match(&list, "ct/compare/32/early-exit", f), &list.entries[0]);
    assert_ptr_equal(cb_allow_list_match(&list, "ct/compare/32/early-exit2", f), &list.entries[1]);
    f->kind = CB_FINDING_ACCESS;
    assert_ptr_equal(cb_allow_list_match(&list, "ct/compare/32/early-exit", f), &list.entries[1]);
    free(f->frames[3].object);
    f->frames[3].object = strdup("libsodium.so.23");
    assert_null(cb_allow_list_match(&list, "ct/compare/32/early-exit", f));
    cb_allow_list_free(&list);
    allow(&list, "{\n x\n reason: y\n fun:bcmp\n src:bench/ct.c\n fun:compare_run\n}\n");
    assert_non_null(cb_allow_list_match(&list, "any", f));
    cb_allow_list_free(&list);
    allow(&list, "{\n x\n reason: y\n fun:bcmp\n src:ct.c:44\n}\n");
    assert_null(cb_allow_list_match(&list, "any", f));
    cb_allow_list_free(&list);
    cb_run_free(&run);
}

/* text must be refused, the message naming want (file:line:column and what). */
static void allow_refused(const char *text, const char *want)
{
    cb_allow_list list;
    cb_error      err;

    assert_int_equal(cb_allow_list_parse("allow.txt", text, &list, &err), -1);
    if (strstr(err.msg, want) == NULL) {
        fail_msg("wanted \"%s\" in: %s", want, err.msg);
    }
}

static void test_allow_list_refused(void **state)
{
    (void) state;
    allow_refused("fun:f\n", "allow.txt:1:1: expected '{' to open an entry, got 'fun:f'");
    allow_refused("{\n  x\n  fun:f\n}\n", "allow.txt:4:1: entry 'x' (line 1) has no 'reason:'");
    allow_refused("{\n  x\n  reason: y\n}\n", "allow.txt:4:1: entry 'x' (line 1) has no frame");
    allow_refused("{\n  x\n  reason:\n  fun:f\n}\n", "allow.txt:3:10: expected the reason");
    allow_refused("{\n  x\n  reason: y\n  kind: leak\n  fun:f\n}\n",
                  "allow.txt:4:9: expected branch, memory-access or syscall, got 'leak'");
    allow_refused("{\n  x\n  reason: y\n  benchmark: (\n  fun:f\n}\n",
                  "allow.txt:4:14: '(' is not a regular expression");
    allow_refused("{\n  x\n  reason: y\n  src:ct.c:4x\n}\n",
                  "allow.txt:4:12: expected a line number after the file, got '4x'");
    allow_refused("{\n  x\n  reason: y\n  fun:f\n  reason: z\n}\n",
                  "allow.txt:5:3: expected 'reason:', 'benchmark:', 'kind:', a frame");
    allow_refused("{\n  x\n  reason: y\n  fun:\n}\n", "allow.txt:4:7: expected a name");
    allow_refused("{\n  x\n  reason: y\n  fun:f\n}\n{\n  x\n  reason: z\n  fun:g\n}\n",
                  "allow.txt:10:1: entry 'x' (line 6) has the name of the entry of line 1");
    allow_refused("{\n  x\n  reason: y\n  fun:f\n", "allow.txt:1:1: entry 'x' is not closed");
    allow_refused("{\n  x\n  reason: y\n{\n", "allow.txt:4:1: entry of line 1 is not closed");
}

/* The entry written for a finding matches it once someone gives it a
 * reason, and is refused until then. */
static void test_allow_list_suggestion(void **state)
{
    cb_run        run;
    cb_buf        text = { NULL, 0, 0, 0 };
    cb_allow_list list;
    cb_error      err;
    char         *reasoned, *at;

    (void) state;
    make_run(&run);
    cb_allow_list_suggest(&text, "ct/compare/32/early-exit", &run.results[0].checks.exact.findings[0]);
    assert_non_null(strstr(text.data, "   benchmark: ^ct/compare/32/early-exit$\n"));
    assert_non_null(strstr(text.data, "   fun:bcmp\n   src:bench/ct.c:43\n}\n"));
    assert_int_equal(cb_allow_list_parse("t", text.data, &list, &err), -1);
    assert_non_null(strstr(err.msg, "has no 'reason:'"));
    reasoned = malloc(text.len + 64);
    at = strstr(text.data, "   # reason");
    sprintf(reasoned, "%.*s   reason: reviewed\n%s", (int) (at - text.data), text.data, at);
    allow(&list, reasoned);
    assert_non_null(cb_allow_list_match(&list, "ct/compare/32/early-exit",
                                        &run.results[0].checks.exact.findings[0]));
    assert_null(cb_allow_list_match(&list, "ct/compare/32/early-exitX",
                                    &run.results[0].checks.exact.findings[0]));
    cb_allow_list_free(&list);
    free(reasoned);
    cb_buf_free(&text);
    cb_run_free(&run);
}

/* The API on the fake clock: a measurement's every call of run sees one input
 * of class 0, prepared once; the exact check runs inputs of both classes and
 * counts the bytes declared secret in setup, prepare_input and run. */
static int prepared[2], runs_with_input;

static int count_setup(cb_state *s)
{
    static unsigned char key[16];

    cb_secret(s, key, sizeof key);
    return 0;
}

static int count_prepare(cb_state *s, int input_class, void *input)
{
    prepared[input_class]++;
    memset(input, 0xc0 + input_class, 24);
    cb_secret(s, input, 24);
    return 0;
}

static int count_run(cb_state *s)
{
    static unsigned char nonce[8];
    const unsigned char *in = cb_state_input(s);

    runs_with_input += in != NULL && in[0] == 0xc0 && in[23] == 0xc0;
    cb_secret(s, nonce, sizeof nonce);
    CB_LOOP(s) {
        support_now += 100;
    }
    return 0;
}

static void test_inputs_and_secrets(void **state)
{
    static const cb_measure_config quick = { .warm_up_ns = 1e6, .measurement_ns = 1e8,
                                             .sample_size = 10 };
    cb_instance_list               list;
    cb_clock                       c = support_fake_clock();
    cb_result                      r;
    cb_error                       err;
    uint64_t                       secrets = 0;
    char                           why[256];
    int                            calls;

    (void) state;
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "t/inputs", .setup = count_setup,
                                              .run = count_run, .prepare_input = count_prepare,
                                              .input_size = 24 }),
                     0);
    assert_int_equal(cb_registry_expand(&list, &err), 0);
    memset(&r, 0, sizeof r);
    assert_int_equal(cb_measure_identify(&r, &list.items[0]), 0);
    support_now = 0;
    cb_measure_run(&list.items[0], &c, &quick, NULL, &r);
    assert_false(r.failed);
    assert_int_equal(prepared[0], 1);
    assert_int_equal(prepared[1], 0);
    calls = runs_with_input;
    assert_true(calls > 10); /* the warm-up's and every sample's calls */
    /* the exact check: three inputs of each class, class 0 first */
    assert_int_equal(cb_check_exact_once(&list.items[0], 0, 3, &secrets, why, sizeof why), 0);
    assert_int_equal(secrets, 16 + 24 + 8); /* setup's and the first call's */
    assert_int_equal(prepared[0], 1 + 3);
    assert_int_equal(prepared[1], 3);
    assert_int_equal(runs_with_input, calls + 3);
    cb_result_free(&r);
    cb_instance_list_free(&list);
    cb_registry_clear();
}

/* prepare_input and input_size come together, the size at most CB_INPUT_MAX. */
static void test_input_classes_registered_whole(void **state)
{
    (void) state;
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "t/no-size", .run = count_run,
                                              .prepare_input = count_prepare }),
                     -1);
    assert_non_null(strstr(cb_registry_error(), "prepare_input and input_size"));
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "t/too-big", .run = count_run,
                                              .prepare_input = count_prepare,
                                              .input_size = CB_INPUT_MAX + 1 }),
                     -1);
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "t/no-function", .run = count_run,
                                              .input_size = 8 }),
                     -1);
    cb_registry_clear();
}

static void test_check_options(void **state)
{
    char     *argv[] = { "cryptbench", "--check", "timing-leak", "--check=constant-time",
                         "--leak-measurements", "20000", "--leak-time", "2.5", NULL };
    char     *bad[] = { "cryptbench", "--check", "constant", NULL };
    cb_config cfg;
    cb_error  err;

    (void) state;
    assert_int_equal(cb_cli_parse(1, argv, &cfg, &err), 0);
    assert_int_equal(cfg.checks, 0);
    assert_int_equal(cfg.leak_measurements, CB_DEFAULT_LEAK_MEASUREMENTS);
    assert_true(cfg.leak_time_s == CB_DEFAULT_LEAK_TIME_S && !cfg.gate_constant_time);
    cb_cli_free(&cfg);
    assert_int_equal(cb_cli_parse(8, argv, &cfg, &err), 0);
    assert_int_equal(cfg.checks, CB_CHECK_CONSTANT_TIME | CB_CHECK_TIMING_LEAK);
    assert_int_equal(cfg.leak_measurements, 20000);
    assert_true(cfg.leak_time_s == 2.5);
    cb_cli_free(&cfg);
    assert_int_equal(cb_cli_parse(3, bad, &cfg, &err), -1);
    assert_string_equal(err.msg, "--check: expected constant-time|timing-leak, got 'constant'");
    cb_cli_free(&cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memcheck_log),
        cmocka_unit_test(test_suspects_settled_by_a_run_without_secrets),
        cmocka_unit_test(test_memcheck_log_is_deterministic),
        cmocka_unit_test(test_site_identity),
        cmocka_unit_test(test_division_decoding),
        cmocka_unit_test(test_divisions_in_a_callgrind_dump),
        cmocka_unit_test(test_verdicts_in_words),
        cmocka_unit_test(test_checks_through_a_baseline),
        cmocka_unit_test(test_malformed_checks_are_refused),
        cmocka_unit_test(test_failure_reasons_are_clean),
        cmocka_unit_test(test_findings_of_names_load),
        cmocka_unit_test(test_gate_accepts),
        cmocka_unit_test(test_allow_list_matching),
        cmocka_unit_test(test_allow_list_refused),
        cmocka_unit_test(test_allow_list_suggestion),
        cmocka_unit_test(test_inputs_and_secrets),
        cmocka_unit_test(test_input_classes_registered_whole),
        cmocka_unit_test(test_check_options),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
