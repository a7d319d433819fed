/*
 * The constant-time checks' pieces that need neither valgrind nor a clock:
 * memcheck's log read into findings (stored logs), the verdicts in words,
 * the checks through a baseline and back, refused when malformed, findings
 * compared with a baseline's, the API's inputs and secrets on the fake
 * clock, and --check on the command line.
 */
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/exact.h"
#include "check/memcheck_log.h"
#include "measure/measure.h"
#include "measure/sysinfo.h"
#include "stats/analysis.h"
#include "cli/options.h"
#include "store/baseline.h"
#include "core/text_file.h"
#include "support.h"

static const char *const harness[] = { "cb_state_call", "cb_input_prepare", "cb_check_exact_once",
                                       "cb_check_child_main" };

static void expect_frames(const cb_finding *f, cb_finding_kind kind, const char *const *frames,
                          size_t n)
{
    size_t i;

    assert_int_equal(f->kind, kind);
    assert_int_equal(f->nframes, n);
    for (i = 0; i < n; i++) {
        assert_string_equal(f->frames[i], frames[i]);
    }
}

/* tests/data/<name> read into out and suspects. */
static void parse_stored_log(const char *name, cb_check_exact *out, cb_check_exact *suspects)
{
    char     path[256];
    cb_buf   text = { NULL, 0, 0, 0 };
    cb_error err;

    snprintf(path, sizeof path, "tests/data/%s", name);
    memset(out, 0, sizeof *out);
    memset(suspects, 0, sizeof *suspects);
    if (cb_text_file_read(path, &text, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(cb_memcheck_log_parse(text.data, harness, 4, out, suspects, &err), 0);
    cb_buf_free(&text);
}

/* Each finding once, its backtrace cut where the harness called the
 * benchmark; an error memcheck blamed on anything but a declared secret a
 * suspect; other errors counted; notes ignored. */
static void test_memcheck_log(void **state)
{
    static const char *const branch[] = { "early_exit_compare", "compare_run" };
    static const char *const access[] = { "table_run" };
    static const char *const syscall[] = {
        "sendto", "??? (libleaky.so.1)",
        "std::vector<int, std::allocator<int> >::push_back(int const&)"
    };
    static const char *const heap_branch[] = { "main" };
    static const char *const heap_write[] = { "write", "main" };
    static const char *const returned[] = { "cb_state_call" };
    cb_check_exact           e, suspects;

    (void) state;
    parse_stored_log("memcheck_ct.log", &e, &suspects);
    assert_int_equal(e.nfindings, 3);
    expect_frames(&e.findings[0], CB_FINDING_BRANCH, branch, 2);
    expect_frames(&e.findings[1], CB_FINDING_ACCESS, access, 1);
    expect_frames(&e.findings[2], CB_FINDING_SYSCALL, syscall, 3);
    assert_int_equal(e.other_errors, 1);
    assert_int_equal(suspects.nfindings, 3);
    expect_frames(&suspects.findings[0], CB_FINDING_BRANCH, heap_branch, 1);
    expect_frames(&suspects.findings[1], CB_FINDING_SYSCALL, heap_write, 2);
    expect_frames(&suspects.findings[2], CB_FINDING_BRANCH, returned, 1);
    cb_check_exact_free(&e);
    cb_check_exact_free(&suspects);
}

/* The run without the secrets marked has the heap errors too: they are the
 * program's own; the branch it lacks is the secrets' doing. */
static void test_suspects_settled_by_a_run_without_secrets(void **state)
{
    static const char *const returned[] = { "cb_state_call" };
    cb_check_exact           e, suspects, plain, unused;
    cb_error                 err;

    (void) state;
    parse_stored_log("memcheck_ct.log", &e, &suspects);
    parse_stored_log("memcheck_plain.log", &unused, &plain);
    assert_int_equal(unused.nfindings, 0);
    assert_int_equal(plain.nfindings, 2);
    assert_int_equal(cb_memcheck_confirm(&suspects, &plain, &e, &err), 0);
    assert_int_equal(e.nfindings, 4);
    expect_frames(&e.findings[3], CB_FINDING_BRANCH, returned, 1);
    assert_int_equal(e.other_errors, 3);
    cb_check_exact_free(&e);
    cb_check_exact_free(&suspects);
    cb_check_exact_free(&plain);
    cb_check_exact_free(&unused);
}

/* Two readings of one log agree: the findings depend on names, not on
 * addresses or the process's id. */
static void test_memcheck_log_is_deterministic(void **state)
{
    cb_check_exact a, b, sa, sb;
    size_t         i;

    (void) state;
    parse_stored_log("memcheck_ct.log", &a, &sa);
    parse_stored_log("memcheck_ct.log", &b, &sb);
    assert_int_equal(a.nfindings, b.nfindings);
    for (i = 0; i < a.nfindings; i++) {
        expect_frames(&b.findings[i], a.findings[i].kind,
                      (const char *const *) a.findings[i].frames, a.findings[i].nframes);
    }
    cb_check_exact_free(&a);
    cb_check_exact_free(&b);
    cb_check_exact_free(&sa);
    cb_check_exact_free(&sb);
}

static void test_verdicts_in_words(void **state)
{
    static const char *const frames[] = { "f" };
    cb_checks                c;
    char                     buf[256];

    (void) state;
    memset(&c, 0, sizeof c);
    c.exact.status = CB_CHECK_PASSED;
    cb_check_exact_verdict(&c.exact, buf, sizeof buf);
    assert_string_equal(buf, "no secret-dependent branch or memory access");
    c.exact.status = CB_CHECK_LEAKS;
    assert_int_equal(cb_check_exact_add(&c.exact, CB_FINDING_ACCESS, frames, 1), 0);
    cb_check_exact_verdict(&c.exact, buf, sizeof buf);
    assert_string_equal(buf, "secret-dependent memory access");
    assert_int_equal(cb_check_exact_add(&c.exact, CB_FINDING_BRANCH, frames, 1), 0);
    cb_check_exact_verdict(&c.exact, buf, sizeof buf);
    assert_string_equal(buf, "secret-dependent branch and memory access");
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
    c.leak.crop = 50.0;
    cb_check_leak_verdict(&c.leak, buf, sizeof buf);
    assert_string_equal(buf, "leak likely: max |t| = 412.50 > 5 (the fastest 50% of timings) at "
                             "1000000 measurements");
    cb_checks_free(&c);
}

/* A run of one benchmark, analysed from reference samples, with both checks. */
static void make_run(cb_run *run)
{
    static const char *const frames[] = { "early_exit_compare", "compare_run" };
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
    assert_int_equal(cb_check_exact_add(&r->checks.exact, CB_FINDING_BRANCH, frames, 2), 0);
    r->checks.leak = (cb_check_leak){ .status = CB_CHECK_LEAKS, .measurements = 1000000,
                                      .max_t = 674.25, .test = CB_LEAK_TEST_CROPPED,
                                      .crop = 99.7, .test_measurements = 997000,
                                      .threshold = 5.0, .seconds = 1.5 };
}

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
    expect_frames(&r->checks.exact.findings[0], CB_FINDING_BRANCH,
                  (const char *const *) run.results[0].checks.exact.findings[0].frames, 2);
    assert_int_equal(r->checks.leak.status, CB_CHECK_LEAKS);
    assert_int_equal(r->checks.leak.measurements, 1000000);
    assert_true(r->checks.leak.max_t == 674.25 && r->checks.leak.crop == 99.7);
    assert_int_equal(r->checks.leak.test, CB_LEAK_TEST_CROPPED);
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
    refused("\"early_exit_compare\"", "\"a\\u0007b\"", "backtrace[0]");
    refused("\"early_exit_compare\"", "\"a\\u0085b\"", "backtrace[0]");
    refused("\"measurements\": 1000000", "\"measurements\": -1", "checks.timing_leak.measurements");
    refused("\"crop_percentile\": 99.7", "\"crop_percentile\": 140", "from 0 to 100");
    refused("\"test_measurements\": 997000", "\"test_measurements\": 2000000", "at most");
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

/* A finding is new when the baseline's result lacks it, whatever the
 * addresses were; without a baseline result every finding is. */
static void test_findings_compared_with_the_baseline(void **state)
{
    static const char *const other[] = { "table_run" };
    cb_run                   old, now;

    (void) state;
    make_run(&old);
    make_run(&now);
    cb_check_compare(&old.results[0], &now.results[0]);
    assert_int_equal(now.results[0].checks.exact.nnew, 0);
    assert_int_equal(cb_check_exact_add(&now.results[0].checks.exact, CB_FINDING_ACCESS, other,
                                        1), 0);
    cb_check_compare(&old.results[0], &now.results[0]);
    assert_int_equal(now.results[0].checks.exact.nnew, 1);
    assert_true(now.results[0].checks.exact.findings[1].is_new);
    cb_check_compare(NULL, &now.results[0]);
    assert_int_equal(now.results[0].checks.exact.nnew, 2);
    cb_run_free(&old);
    cb_run_free(&now);
}

/* The API on the fake clock: a measurement's every call of run sees one input
 * of class 0, prepared once; the exact check's native run counts the bytes
 * declared secret in setup, prepare_input and run. */
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
    assert_int_equal(cb_check_exact_once(&list.items[0], 0, &secrets, why, sizeof why), 0);
    assert_int_equal(secrets, 16 + 24 + 8);
    assert_int_equal(runs_with_input, calls + 1);
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
        cmocka_unit_test(test_verdicts_in_words),
        cmocka_unit_test(test_checks_through_a_baseline),
        cmocka_unit_test(test_malformed_checks_are_refused),
        cmocka_unit_test(test_failure_reasons_are_clean),
        cmocka_unit_test(test_findings_compared_with_the_baseline),
        cmocka_unit_test(test_inputs_and_secrets),
        cmocka_unit_test(test_input_classes_registered_whole),
        cmocka_unit_test(test_check_options),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
