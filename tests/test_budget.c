/*
 * Budgets per operation on fixed data: the budgets file read or refused with
 * line and column; each budget checked against results built by hand, its
 * statistic of calls or of samples, its margin and verdict exact; the
 * outcomes kept in a baseline and read back; and the gate's budget rows byte
 * for byte against tests/data/gate_budgets.md.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/sysinfo.h"
#include "cli/runner.h"
#include "report/report.h"
#include "stats/analysis.h"
#include "stats/budget_check.h"
#include "store/baseline.h"
#include "core/strbuf.h"
#include "store/budgets.h"
#include "support.h"

#define EXACT 1e-12

/* Budgets for "svc/login": a P99 it keeps, a median floor it breaks, an
 * estimate it keeps, a rate at its p90 it falls short of, and one budget
 * for another benchmark. */
static const char budgets_text[] =
    "{\n"
    "  \"schema_version\": 1,\n"
    "  \"comment\": \"fixed data\",\n"
    "  \"budgets\": [\n"
    "    { \"match\": \"^svc/\", \"statistic\": \"p99\", \"max\": \"100 us\",\n"
    "      \"comment\": \"a service owner's P99\" },\n"
    "    { \"match\": \"login$\", \"statistic\": \"median\", \"min\": \"60 us\" },\n"
    "    { \"match\": \"^svc/login$\", \"statistic\": \"estimate\", \"max\": \"1 us\" },\n"
    "    { \"match\": \"^svc/\", \"statistic\": \"p90\", \"min_throughput\": \"1 MB/s\" },\n"
    "    { \"match\": \"^other/\", \"statistic\": \"upper\", \"max\": \"2 ms\" }\n"
    "  ]\n"
    "}\n";

/* The names the tests ask about: which budgets apply to each is found once. */
static const char *const names[] = { "svc/login", "svc/login/2", "other/x" };

static void parse_budgets(cb_budget_set *set)
{
    cb_error err;

    if (cb_budgets_parse("budgets.json", budgets_text, strlen(budgets_text), set, &err) != 0 ||
        cb_budget_set_match(set, names, sizeof names / sizeof names[0], &err) != 0) {
        fail_msg("%s", err.msg);
    }
}

/* Expects the budgets that apply to name to be want[0..n), in that order. */
static void expect_applying(const cb_budget_set *set, const char *name, const size_t *want,
                            size_t n)
{
    const size_t *applying;
    size_t        i;

    assert_int_equal(cb_budget_applying(set, name, &applying), n);
    for (i = 0; i < n; i++) {
        assert_int_equal(applying[i], want[i]);
    }
}

/*
 * "svc/login": ten flat samples of one iteration, 100 to 1000 ns (mean 550),
 * a throughput of 64 bytes an iteration, and `calls` single calls of 1, 2,
 * ... us (numpy: p99 of 1..100 us is 99.01 us, p90 90.1 us, the median
 * 50.5 us).
 */
static void make_result(cb_result *r, size_t calls)
{
    cb_bootstrap_config boot = { 1000, 0.95, 7 };
    cb_error            err;
    size_t              i;

    memset(r, 0, sizeof *r);
    cb_result_set_string(&r->name, "svc/login");
    assert_int_equal(cb_samples_alloc(&r->samples, 10), 0);
    for (i = 0; i < 10; i++) {
        r->samples.iters[i] = 1.0;
        r->samples.values[i] = 100.0 * (double) (i + 1);
    }
    r->plan.mode = CB_MODE_FLAT;
    r->plan.n = 10;
    r->plan.d = 1;
    r->throughput = CB_THROUGHPUT_BYTES;
    r->per_iteration = 64;
    assert_int_equal(cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, &err), 0);
    cb_analysis_throughput(r, "ns");
    if (calls > 0) {
        r->calls.values = malloc(calls * sizeof *r->calls.values);
        assert_non_null(r->calls.values);
        for (i = 0; i < calls; i++) {
            r->calls.values[i] = 1000.0 * (double) (i + 1);
        }
        r->calls.n = calls;
        assert_int_equal(cb_analysis_calls(&r->calls, &err), 0);
    }
}

static void expect_outcome(const cb_budget_outcome *o, cb_budget_limit limit, double budget,
                           double measured, cb_budget_source source, size_t n, int held)
{
    double margin = limit == CB_BUDGET_MAX_TIME ? (budget - measured) / budget
                                                : (measured - budget) / budget;

    assert_int_equal(o->limit, limit);
    support_close_rel(o->budget, budget, EXACT, "budget");
    support_close_rel(o->measured, measured, EXACT, "measured");
    support_close_rel(o->margin, margin, EXACT, "margin");
    assert_int_equal(o->source, source);
    assert_int_equal(o->n, n);
    assert_int_equal(o->held, held);
}

static void test_statistic_names(void **state)
{
    static const char *const good[] = { "estimate", "lower", "upper", "median", "min", "max",
                                        "p99", "p99.9", "p1", "p50", "p99.99999",
                                        "p0.0000001", "p99.990", "p012.5" };
    static const char *const want[] = { "estimate", "lower", "upper", "median", "min", "max",
                                        "p99", "p99.9", "p1", "median", "p99.99999",
                                        "p0.0000001", "p99.99", "p12.5" };
    /* the last two would be written as p100 and p0: no percentile to read back */
    static const char *const bad[] = { "p", "p100", "p0", "p-1", "p 99", "pinf", "p99x", "P99",
                                       "mean", "", "p1e1", "p0x10", "p99.99999999999999",
                                       "p0.0000000000001" };
    cb_budget_statistic      st;
    char                     name[32];
    size_t                   i;

    (void) state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        cb_budget_statistic back;

        assert_int_equal(cb_budget_statistic_parse(good[i], &st), 0);
        cb_budget_statistic_name(name, sizeof name, st);
        assert_string_equal(name, want[i]);
        /* and what is written is read back as the same statistic */
        assert_int_equal(cb_budget_statistic_parse(name, &back), 0);
        assert_true(back.kind == st.kind && back.level == st.level);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (cb_budget_statistic_parse(bad[i], &st) == 0) {
            fail_msg("\"%s\" was taken for a statistic", bad[i]);
        }
    }
}

static void test_file_is_read(void **state)
{
    cb_budget_set set;

    (void) state;
    parse_budgets(&set);
    assert_int_equal(set.n, 5);
    assert_string_equal(set.file, "budgets.json");
    assert_string_equal(set.items[0].match, "^svc/");
    assert_string_equal(set.items[0].comment, "a service owner's P99");
    assert_int_equal(set.items[0].statistic.kind, CB_BUDGET_PERCENTILE);
    support_close_rel(set.items[0].statistic.level, 99.0, EXACT, "level");
    assert_true(set.items[0].has[CB_BUDGET_MAX_TIME]);
    assert_false(set.items[0].has[CB_BUDGET_MIN_TIME]);
    support_close_rel(set.items[0].value[CB_BUDGET_MAX_TIME], 1e5, EXACT, "100 us in ns");
    assert_string_equal(set.items[0].written[CB_BUDGET_MAX_TIME], "100 us");
    assert_null(set.items[0].written[CB_BUDGET_MIN_TIME]);
    assert_int_equal(set.items[0].line, 5);
    assert_int_equal(set.items[0].column, 16);
    support_close_rel(set.items[1].value[CB_BUDGET_MIN_TIME], 6e4, EXACT, "60 us in ns");
    assert_int_equal(set.items[3].throughput, CB_THROUGHPUT_BYTES);
    support_close_rel(set.items[3].value[CB_BUDGET_MIN_THROUGHPUT], 1e6, EXACT, "1 MB/s");
    assert_null(set.items[1].comment);
    expect_applying(&set, "svc/login", (const size_t[]){ 0, 1, 2, 3 }, 4);
    expect_applying(&set, "svc/login/2", (const size_t[]){ 0, 3 }, 2);
    expect_applying(&set, "other/x", (const size_t[]){ 4 }, 1);
    /* a name the set was not matched against has none */
    expect_applying(&set, "svc/logout", NULL, 0);
    cb_budget_set_free(&set);
}

/* A bad file is refused with file:line:column and what was expected. */
static void test_bad_files_are_refused(void **state)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        { "", "b.json:1:1: empty file" },
        { "{\"schema_version\": 1, \"budgets\": [}", "b.json:1:35: not valid JSON" },
        { "[]", "b.json:1:1: (document): expected a budgets file" },
        { "{\"schema_version\": 2, \"budgets\": []}",
          "b.json:1:20: schema_version: unsupported schema version 2" },
        { "{\"schema_version\": 1}", "missing field 'budgets'" },
        { "{\"schema_version\": 1, \"budget\": []}",
          "b.json:1:33: budget: unknown field 'budget' (a budgets file has schema_version, comment and budgets)" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"maxx\": \"1 s\"}]}",
          "b.json:2:46: budgets[0].maxx: unknown field 'maxx' (a budget has match, statistic, "
          "max, min, min_throughput and comment)" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"max\": \"1 s\"}]}",
          "b.json:2:3: budgets[0]: missing field 'statistic'" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"max\": \"1\"}]}",
          "b.json:2:45: budgets[0].max: expected a unit such as \"250 ms\"" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"max\": \"1 kg\"}]}",
          "b.json:2:45: budgets[0].max: expected a unit" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"max\": \"-1 s\"}]}",
          "b.json:2:45: budgets[0].max: expected a number and a unit" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"max\": \"0x10 s\"}]}",
          "b.json:2:45: budgets[0].max: expected a number and a unit" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"max\": 1}]}",
          "b.json:2:45: budgets[0].max: expected a string, got a number" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"min_throughput\": \"1 s\"}]}",
          "b.json:2:56: budgets[0].min_throughput: expected a unit such as \"500 MiB/s\"" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"max\": \"1 ms\", \"min\": \"2 ms\"}]}",
          "b.json:2:60: budgets[0].min: the minimum is above the maximum" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\"}]}",
          "b.json:2:3: budgets[0]: expected a limit" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"(\", \"statistic\": \"p99\","
          " \"max\": \"1 s\"}]}",
          "b.json:2:13: budgets[0].match: not a valid POSIX extended regular expression" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"((a{1,100}){1,100}){1,100}\", "
          "\"statistic\": \"p99\", \"max\": \"1 s\"}]}",
          "b.json:2:13: budgets[0].match: its repetitions, copied out" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"\", \"statistic\": \"p99\","
          " \"max\": \"1 s\"}]}",
          "b.json:2:13: budgets[0].match: expected a non-blank string" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p101\","
          " \"max\": \"1 s\"}]}",
          "b.json:2:31: budgets[0].statistic: expected \"estimate\"" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\\u001b[31m\", "
          "\"statistic\": \"p99\", \"max\": \"1 s\"}]}",
          "b.json:2:13: budgets[0].match: expected text without control characters" },
        { "{\"schema_version\": 1, \"budgets\": [\n  {\"match\": \"a\", \"statistic\": \"p99\","
          " \"max\": \"1 s\", \"comment\": \"C1 \\u0085 too\"}]}",
          "b.json:2:63: budgets[0].comment: expected text without control characters" },
        { "{\"schema_version\": 1, \"budgets\": [\n  7]}",
          "b.json:2:3: budgets[0]: expected a budget" },
    };
    cb_budget_set set;
    cb_error      err;
    size_t        i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (cb_budgets_parse("b.json", cases[i].text, strlen(cases[i].text), &set, &err) == 0) {
            fail_msg("case %zu was read: %s", i, cases[i].text);
        }
        if (strstr(err.msg, cases[i].want) == NULL) {
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.msg, cases[i].want);
        }
        assert_null(set.items);
    }
    assert_int_equal(cb_budgets_load("tests/data/no-such-budgets.json", &set, &err), -1);
    assert_non_null(strstr(err.msg, "tests/data/no-such-budgets.json: "));
}

/* A budget must apply to something, and a rate to a benchmark that has one. */
static void test_targets(void **state)
{
    cb_budget_target good[] = { { "svc/login", CB_THROUGHPUT_BYTES, 64, 1 },
                                { "other/x", CB_THROUGHPUT_NONE, 0, 0 } };
    cb_budget_target no_rate[] = { { "svc/login", CB_THROUGHPUT_NONE, 0, 1 },
                                   { "other/x", CB_THROUGHPUT_NONE, 0, 0 } };
    cb_budget_set    set;
    cb_error         err;

    (void) state;
    parse_budgets(&set);
    assert_int_equal(cb_budgets_check_targets(&set, good, 2, &err), 0);
    assert_int_equal(cb_budgets_check_targets(&set, good, 1, &err), -1);
    assert_string_equal(err.msg, "budgets.json:10:16: budgets[4].match: '^other/' matches none of "
                                 "the 1 benchmarks (see --list)");
    assert_int_equal(cb_budgets_check_targets(&set, no_rate, 2, &err), -1);
    assert_string_equal(err.msg, "budgets.json:9:16: budgets[3].min_throughput: svc/login "
                                 "declares no throughput, and the budget is in bytes per second");
    cb_budget_set_free(&set);
}

/*
 * Which budgets apply is found once, each pattern compiled for one pass over
 * the names and freed: the targets checked get exactly the budgets a match
 * against them alone finds, in the file's order, for regular expressions as
 * for plain names, however many budgets; the others none; and a budget that
 * only an unchecked target matches still matches something.
 */
static void test_which_apply(void **state)
{
    enum { N = 600 };
    static const char *const kinds[] = { "did/sha256/(64|1024)/openssl$|never-%d",
                                         "^did/sha256/64/openssl$", "never-%d|^kdf/.*/openssl",
                                         "sha256", "^kdf/pbkdf2-sha256/[0-9]+/openssl$" };
    cb_budget_target targets[] = {
        { "kdf/pbkdf2-sha256/600000/openssl", CB_THROUGHPUT_NONE, 0, 0 },
        { "did/sha256/64/openssl", CB_THROUGHPUT_BYTES, 64, 1 },
        { "did/sha256/1024/openssl", CB_THROUGHPUT_BYTES, 1024, 0 },
        { "did/sha256/64/libsodium", CB_THROUGHPUT_BYTES, 64, 1 },
    };
    const char   *checked[] = { "did/sha256/64/openssl", "did/sha256/64/libsodium" };
    cb_budget_set set, alone;
    cb_buf        text = { NULL, 0, 0, 0 };
    cb_error      err;
    size_t        i, k;

    (void) state;
    cb_buf_puts(&text, "{\"schema_version\": 1, \"budgets\": [\n");
    for (i = 0; i < N; i++) {
        char match[96];

        snprintf(match, sizeof match, kinds[i % 5], (int) i);
        cb_buf_printf(&text, "%s{\"match\": \"%s\", \"statistic\": \"p99\", "
                                "\"max\": \"1 s\"}\n", i > 0 ? "," : "", match);
    }
    cb_buf_puts(&text, "]}");
    assert_int_equal(cb_budgets_parse("b.json", text.data, text.len, &set, &err), 0);
    assert_int_equal(cb_budgets_parse("b.json", text.data, text.len, &alone, &err), 0);
    assert_int_equal(cb_budgets_check_targets(&set, targets, 4, &err), 0);
    assert_int_equal(cb_budget_set_match(&alone, checked, 2, &err), 0);
    for (k = 0; k < 2; k++) {
        const size_t *a, *b;
        size_t        n = cb_budget_applying(&set, checked[k], &a);

        assert_int_equal(n, cb_budget_applying(&alone, checked[k], &b));
        for (i = 0; i < n; i++) {
            assert_int_equal(a[i], b[i]);
            assert_true(i == 0 || a[i] > a[i - 1]);
        }
    }
    /* did/sha256/64/openssl: the first, second and fourth kinds; libsodium the fourth */
    assert_int_equal(cb_budget_applying(&set, checked[0], &(const size_t *){ NULL }), 3 * N / 5);
    assert_int_equal(cb_budget_applying(&set, checked[1], &(const size_t *){ NULL }), N / 5);
    expect_applying(&set, "kdf/pbkdf2-sha256/600000/openssl", NULL, 0);
    /* matched again, the answer is replaced */
    assert_int_equal(cb_budget_set_match(&alone, &targets[0].name, 1, &err), 0);
    expect_applying(&alone, checked[0], NULL, 0);
    assert_int_equal(cb_budget_applying(&alone, targets[0].name, &(const size_t *){ NULL }),
                     3 * N / 5);
    cb_budget_set_free(&alone);
    cb_budget_set_free(&set);
    cb_buf_free(&text);
}

/* Every limit that applies, in the file's order, each judged exactly. */
static void test_check_of_calls(void **state)
{
    cb_budget_set set;
    cb_result     r;
    cb_error      err;

    (void) state;
    parse_budgets(&set);
    make_result(&r, 100);
    assert_true(cb_budget_wants_calls(&set, "svc/login"));
    assert_false(cb_budget_wants_calls(&set, "other/x"));
    assert_int_equal(cb_budget_check(&set, &r, &err), 0);
    assert_int_equal(r.nbudgets, 4);
    expect_outcome(&r.budgets[0], CB_BUDGET_MAX_TIME, 1e5, 99010.0, CB_BUDGET_OF_CALLS, 100, 1);
    expect_outcome(&r.budgets[1], CB_BUDGET_MIN_TIME, 6e4, 50500.0, CB_BUDGET_OF_CALLS, 100, 0);
    expect_outcome(&r.budgets[2], CB_BUDGET_MAX_TIME, 1e3, 550.0, CB_BUDGET_OF_ESTIMATE, 0, 1);
    /* 64 bytes in the p90 call's 90.1 us */
    expect_outcome(&r.budgets[3], CB_BUDGET_MIN_THROUGHPUT, 1e6, 64e9 / 90100.0,
                   CB_BUDGET_OF_CALLS, 100, 0);
    assert_string_equal(r.budgets[0].match, "^svc/");
    assert_string_equal(r.budgets[3].written, "1 MB/s");
    assert_string_equal(r.budgets[0].comment, "a service owner's P99");
    assert_null(r.budgets[1].comment);
    assert_int_equal(cb_budget_broken(&r), 2);
    support_close_rel(cb_budget_limit_ns(&r, &r.budgets[3]), 64e9 / 1e6, EXACT,
                      "the time a rate allows");
    /* checked again, the outcomes are replaced, not added to */
    assert_int_equal(cb_budget_check(&set, &r, &err), 0);
    assert_int_equal(r.nbudgets, 4);
    cb_result_free(&r);
    cb_budget_set_free(&set);
}

/* Without calls (a fast operation), percentiles are of the samples'
 * per-iteration times, and say so; a failed result is not judged. */
static void test_check_of_samples(void **state)
{
    cb_budget_set set;
    cb_result     r;
    cb_error      err;

    (void) state;
    parse_budgets(&set);
    make_result(&r, 0);
    assert_int_equal(cb_budget_check(&set, &r, &err), 0);
    assert_int_equal(r.nbudgets, 4);
    /* numpy: p99 of 100, 200, ..., 1000 is 991, the median 550 */
    expect_outcome(&r.budgets[0], CB_BUDGET_MAX_TIME, 1e5, 991.0, CB_BUDGET_OF_SAMPLES, 10, 1);
    expect_outcome(&r.budgets[1], CB_BUDGET_MIN_TIME, 6e4, 550.0, CB_BUDGET_OF_SAMPLES, 10, 0);
    cb_result_free(&r);

    make_result(&r, 100);
    cb_result_fail(&r, "a known-answer check did not match");
    assert_int_equal(cb_budget_check(&set, &r, &err), 0);
    assert_int_equal(r.nbudgets, 0);
    assert_int_equal(cb_budget_broken(&r), 0);
    cb_result_free(&r);
    cb_budget_set_free(&set);
}

/* A run holding r (moved into it), as a baseline describes one. */
static void make_run(cb_run *run, cb_result *r)
{
    cb_result *slot;

    memset(run, 0, sizeof *run);
    run->measure = CB_MEASURE_WALL;
    run->unit = "ns";
    run->warm_up_s = 0.5;
    run->measurement_s = 1.5;
    run->sample_size = 10;
    run->nresamples = 1000;
    run->confidence = 0.95;
    run->seed = 7;
    cb_sysinfo_read(&run->machine);
    snprintf(run->timestamp, sizeof run->timestamp, "2026-01-01T00:00:00Z");
    slot = cb_run_add(run);
    assert_non_null(slot);
    *slot = *r;
    memset(r, 0, sizeof *r);
}

static char *replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    char       *out = malloc(strlen(text) + strlen(to) + 1);

    assert_non_null(at);
    assert_non_null(out);
    memcpy(out, text, (size_t) (at - text));
    strcpy(out + (at - text), to);
    strcat(out, at + strlen(from));
    return out;
}

/* The outcomes are kept in the baseline and read back as they were; one
 * whose verdict disagrees with its numbers is refused. */
static void test_baseline_keeps_outcomes(void **state)
{
    cb_budget_set set;
    cb_result     r;
    cb_run        run, back;
    cb_error      err;
    json_t       *doc;
    char         *text, *bad;
    size_t        i;

    (void) state;
    parse_budgets(&set);
    make_result(&r, 100);
    assert_int_equal(cb_budget_check(&set, &r, &err), 0);
    make_run(&run, &r);
    doc = cb_baseline_encode(&run);
    text = json_dumps(doc, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
    if (cb_baseline_parse("b.json", text, strlen(text), &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(back.results[0].nbudgets, 4);
    for (i = 0; i < 4; i++) {
        const cb_budget_outcome *a = &run.results[0].budgets[i], *b = &back.results[0].budgets[i];

        assert_string_equal(a->match, b->match);
        assert_int_equal(a->limit, b->limit);
        assert_int_equal(a->source, b->source);
        assert_int_equal(a->n, b->n);
        assert_int_equal(a->held, b->held);
        assert_true(a->budget == b->budget && a->measured == b->measured);
    }
    /* the calls' percentiles come back too */
    support_close_rel(back.results[0].calls.percentiles[3], 99010.0, EXACT, "p99 of calls");
    cb_run_free(&back);

    bad = replace(text, "\"held\": true", "\"held\": false");
    assert_int_equal(cb_baseline_parse("b.json", bad, strlen(bad), &back, &err), -1);
    assert_non_null(strstr(err.msg, "benchmarks[0].budgets[0].held: held is false, but the "
                                    "measured value keeps the budget"));
    free(bad);
    bad = replace(text, "\"of\": \"calls\"", "\"of\": \"guesses\"");
    assert_int_equal(cb_baseline_parse("b.json", bad, strlen(bad), &back, &err), -1);
    assert_non_null(strstr(err.msg, "benchmarks[0].budgets[0].of: expected \"estimate\", "
                                    "\"calls\", \"samples\" or \"memory\""));
    free(bad);
    free(text);
    json_decref(doc);
    cb_run_free(&run);
    cb_budget_set_free(&set);
}

static char *slurp(const char *path)
{
    FILE  *f = fopen(path, "rb");
    char  *text = calloc(1, 65536);
    size_t n;

    assert_non_null(f);
    assert_non_null(text);
    n = fread(text, 1, 65535, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

/* gate.md: the headline counts the broken budgets, and the Budgets table
 * lists every outcome, broken first, byte for byte as the golden file. */
static void test_gate_rows(void **state)
{
    char              dir[] = "/tmp/cryptbench-budget-XXXXXX", path[64];
    cb_budget_set     set;
    cb_result         r;
    cb_run            run;
    cb_error          err;
    cb_reporter       rep;
    int               write_failed = 0;
    cb_report_options opt = { .out = stdout, .err = stderr, .gate_path = path,
                              .write_failed = &write_failed, .differences = "" };
    char             *got, *want;

    (void) state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/gate.md", dir);
    parse_budgets(&set);
    make_result(&r, 100);
    assert_int_equal(cb_budget_check(&set, &r, &err), 0);
    make_run(&run, &r);
    assert_int_equal(cb_report_gate_open(&rep, &opt), 0);
    cb_runner_replay(&rep, 1, &run);
    cb_report_close(&rep);
    assert_int_equal(write_failed, 0);
    got = slurp(path);
    want = slurp("tests/data/gate_budgets.md");
    if (strcmp(got, want) != 0) {
        fail_msg("gate.md differs from tests/data/gate_budgets.md:\n%s", got);
    }
    free(got);
    free(want);
    unlink(path);
    rmdir(dir);
    cb_run_free(&run);
    cb_budget_set_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statistic_names),   cmocka_unit_test(test_file_is_read),
        cmocka_unit_test(test_bad_files_are_refused), cmocka_unit_test(test_targets),
        cmocka_unit_test(test_which_apply),
        cmocka_unit_test(test_check_of_calls),    cmocka_unit_test(test_check_of_samples),
        cmocka_unit_test(test_baseline_keeps_outcomes), cmocka_unit_test(test_gate_rows),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
