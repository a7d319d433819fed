/*
 * Memory counts (--memory) away from any process: a baseline keeps every
 * figure, failure and change bit for bit (and loads files written before
 * memory was counted); a malformed "memory" is refused where it is; the
 * comparison of exact counts; the words the terminal prints; budgets on
 * memory, read, checked, kept and refused. The counting
 * itself is tests/e2e/memory.sh's, on a fixture whose allocations are known.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/budget_text.h"
#include "report/format.h"
#include "report/memory_text.h"
#include "stats/budget_check.h"
#include "stats/analysis.h"
#include "stats/memory_change.h"
#include "store/baseline.h"
#include "store/budgets.h"
#include "support.h"

/* The figures of tests/fixtures/allocating.c's mem/leaky. */
static const double leaky[CB_MEMORY_NFIGURES] = { 3, 2, 300, 200, 100, 300, 4096 };

static void set_figures(cb_memory *m, const double *f)
{
    memcpy(m->figures, f, sizeof m->figures);
    m->iterations = 1;
    m->status = CB_MEMORY_COUNTED;
}

/* A result measured on made-up samples, named name. */
static cb_result *add_result(cb_run *run, const char *name)
{
    cb_bootstrap_config boot = { 200, 0.95, 1 };
    cb_result          *r = cb_run_add(run);
    cb_error            err;
    size_t              i;

    cb_result_set_string(&r->name, name);
    assert_int_equal(cb_samples_alloc(&r->samples, 10), 0);
    for (i = 0; i < 10; i++) {
        r->samples.iters[i] = (double) (i + 1) * 10.0;
        r->samples.values[i] = r->samples.iters[i] * 100.0 + (double) (i % 3);
    }
    r->plan = (cb_plan){ CB_MODE_LINEAR, 10, 10, 100.0, 1e9, 1e9 };
    assert_int_equal(cb_analysis_run(&r->samples, CB_MODE_LINEAR, &boot, &r->analysis, &err), 0);
    return r;
}

static void make_run(cb_run *run)
{
    cb_memory old;
    cb_result *r;

    memset(run, 0, sizeof *run);
    run->measure = CB_MEASURE_WALL;
    run->unit = "ns";
    run->warm_up_s = 0.5;
    run->measurement_s = 1.5;
    run->sample_size = 10;
    run->nresamples = 200;
    run->confidence = 0.95;
    cb_run_stamp(run);
    /* counted, against a baseline of one allocation less; the resident set unknown */
    r = add_result(run, "mem/leaky");
    set_figures(&r->memory, leaky);
    r->memory.figures[CB_MEMORY_PEAK_RESIDENT] = NAN;
    memset(&old, 0, sizeof old);
    set_figures(&old, (const double[]){ 2, 2, 236, 200, 36, 236, 0 });
    cb_memory_compare(&old, &r->memory);
    /* could not be counted */
    r = add_result(run, "mem/static");
    cb_memory_fail(&r->memory, "the allocation counter was not loaded");
    /* not counted, as every result of a file written before --memory */
    add_result(run, "mem/plain");
}

static char *encode(const cb_run *run)
{
    json_t *doc = cb_baseline_encode(run);
    char   *text = json_dumps(doc, JSON_INDENT(1) | JSON_REAL_PRECISION(17));

    json_decref(doc);
    return text;
}

static void test_round_trip(void **state)
{
    cb_run           run, back;
    cb_error         err;
    char            *text;
    const cb_memory *a, *b;
    int              k;

    (void) state;
    make_run(&run);
    text = encode(&run);
    if (cb_baseline_parse("m.json", text, strlen(text), &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    a = &run.results[0].memory;
    b = &back.results[0].memory;
    assert_int_equal(b->status, CB_MEMORY_COUNTED);
    assert_int_equal(b->iterations, 1);
    for (k = 0; k < CB_MEMORY_NFIGURES - 1; k++) {
        assert_true(a->figures[k] == b->figures[k]);
    }
    assert_true(isnan(b->figures[CB_MEMORY_PEAK_RESIDENT]));
    assert_true(b->has_change);
    assert_int_equal(b->change.verdict, CB_MEMORY_MORE);
    assert_int_equal(b->change.decided_by, CB_MEMORY_ALLOCATIONS);
    for (k = 0; k < CB_MEMORY_NFIGURES - 1; k++) {
        assert_true(a->change.old[k] == b->change.old[k]);
        assert_true(a->change.delta[k] == b->change.delta[k]);
    }
    assert_int_equal(back.results[1].memory.status, CB_MEMORY_FAILED);
    assert_string_equal(back.results[1].memory.why, "the allocation counter was not loaded");
    assert_int_equal(back.results[2].memory.status, CB_MEMORY_NOT_COUNTED);
    assert_null(strstr(strstr(text, "mem/plain"), "\"memory\""));
    cb_run_free(&back);
    free(text);
    cb_run_free(&run);
}

/* Replaces the first `from` in text with `to` and expects the loader to
 * refuse the result, saying `why`. */
static void expect_refused(const char *text, const char *from, const char *to, const char *why)
{
    const char *at = strstr(text, from);
    size_t      head = (size_t) (at - text);
    char       *bad = malloc(strlen(text) + strlen(to) + 1);
    cb_run      back;
    cb_error    err;

    assert_non_null(at);
    memcpy(bad, text, head);
    strcpy(bad + head, to);
    strcat(bad, at + strlen(from));
    if (cb_baseline_parse("m.json", bad, strlen(bad), &back, &err) == 0) {
        cb_run_free(&back);
        fail_msg("accepted %s", to);
    }
    if (strstr(err.msg, why) == NULL) {
        fail_msg("'%s' does not say '%s'", err.msg, why);
    }
    free(bad);
}

static void test_refuses_bad_memory(void **state)
{
    cb_run run;
    char  *text;

    (void) state;
    make_run(&run);
    text = encode(&run);
    expect_refused(text, "\"net_bytes\": 100", "\"net_bytes\": 99",
                   "memory.net_bytes: expected bytes - freed_bytes, 100, got 99");
    expect_refused(text, "\"status\": \"counted\"", "\"status\": \"guessed\"", "memory.status");
    expect_refused(text, "\"allocations\": 3", "\"allocations\": \"3\"", "memory.allocations");
    expect_refused(text, "\"iterations\": 1,", "\"iterations\": 0,", "memory.iterations");
    expect_refused(text, "\"verdict\": \"more\"", "\"verdict\": \"worse\"",
                   "memory.change.verdict");
    expect_refused(text, "\"bytes\": 300", "\"bytes\": 1e300", "memory.bytes: expected at most 2^53");
    free(text);
    cb_run_free(&run);
}

static void compare(const double *old, const double *new_, cb_memory *out)
{
    cb_memory before;

    memset(&before, 0, sizeof before);
    memset(out, 0, sizeof *out);
    set_figures(&before, old);
    set_figures(out, new_);
    cb_memory_compare(&before, out);
}

static void test_compare(void **state)
{
    cb_memory m;
    double    grown_peak[CB_MEMORY_NFIGURES], resident[CB_MEMORY_NFIGURES];

    (void) state;
    compare(leaky, leaky, &m);
    assert_true(m.has_change);
    assert_int_equal(m.change.verdict, CB_MEMORY_SAME);
    /* one allocation more, one less: exact, either way */
    compare((const double[]){ 2, 2, 236, 200, 36, 236, 0 }, leaky, &m);
    assert_int_equal(m.change.verdict, CB_MEMORY_MORE);
    assert_int_equal(m.change.decided_by, CB_MEMORY_ALLOCATIONS);
    assert_true(m.change.delta[CB_MEMORY_BYTES] == 64.0);
    compare(leaky, (const double[]){ 2, 2, 236, 200, 36, 236, 0 }, &m);
    assert_int_equal(m.change.verdict, CB_MEMORY_LESS);
    /* fewer bytes, but a higher peak: more */
    memcpy(grown_peak, leaky, sizeof grown_peak);
    grown_peak[CB_MEMORY_BYTES] = 280.0;
    grown_peak[CB_MEMORY_NET_BYTES] = 80.0;
    grown_peak[CB_MEMORY_PEAK_BYTES] = 400.0;
    compare(leaky, grown_peak, &m);
    assert_int_equal(m.change.verdict, CB_MEMORY_MORE);
    assert_int_equal(m.change.decided_by, CB_MEMORY_PEAK_BYTES);
    /* the resident set is shown, not judged; unknown stays unknown */
    memcpy(resident, leaky, sizeof resident);
    resident[CB_MEMORY_PEAK_RESIDENT] = NAN;
    compare(leaky, resident, &m);
    assert_int_equal(m.change.verdict, CB_MEMORY_SAME);
    assert_true(isnan(m.change.delta[CB_MEMORY_PEAK_RESIDENT]));
    /* nothing to compare with */
    m.status = CB_MEMORY_COUNTED;
    cb_memory_compare(NULL, &m);
    assert_false(m.has_change);
}

static void test_words(void **state)
{
    cb_memory m;
    char      line[512];

    (void) state;
    compare((const double[]){ 2, 2, 236, 200, 36, 236, 0 }, leaky, &m);
    cb_memory_text_counts(line, sizeof line, &m, 0);
    assert_string_equal(line, "3 allocations (300 B) and 2 frees per iteration, leaks 100 B per "
                              "iteration; peak 300 B, resident 4 KiB");
    cb_memory_text_change(line, sizeof line, &m.change);
    assert_string_equal(line, "+1 allocation, +64 B allocated, +64 B leaked per iteration, +64 B "
                              "peak: more memory");
    cb_memory_text_counts(line, sizeof line, &m, 2);
    assert_non_null(strstr(line, "(each of 2 threads; resident: all together)"));
    compare((const double[]){ 1, 1, 1048576, 1048576, 0, 1048576, 962560 },
            (const double[]){ 0, 0, 0, 0, 0, 0, 0 }, &m);
    cb_memory_text_counts(line, sizeof line, &m, 0);
    assert_string_equal(line, "no allocation; peak 0 B, resident 0 B");
    cb_memory_text_change(line, sizeof line, &m.change);
    assert_string_equal(line, "-1 allocation, -1 MiB allocated per iteration, -1 MiB peak: less "
                              "memory");
    cb_memory_fail(&m, "no counter");
    cb_memory_text_counts(line, sizeof line, &m, 0);
    assert_string_equal(line, "not counted: no counter");
    cb_memory_free(&m);
    /* a count is exact to its last digit (PBKDF2 at 600 000 iterations in
     * OpenSSL); an average over threads keeps its fraction */
    cb_memory_text_figure(line, sizeof line, CB_MEMORY_ALLOCATIONS, 2400011.0);
    assert_string_equal(line, "2400011");
    cb_memory_text_figure(line, sizeof line, CB_MEMORY_FREES, 0.5);
    assert_string_equal(line, "0.5");
    cb_memory_text_figure(line, sizeof line, CB_MEMORY_PEAK_BYTES, 19963904.0);
    assert_string_equal(line, "19.04 MiB");
}

static void test_format_bytes(void **state)
{
    char buf[32];

    (void) state;
    cb_format_bytes(buf, sizeof buf, 300.0);
    assert_string_equal(buf, "300 B");
    cb_format_bytes(buf, sizeof buf, -64.0);
    assert_string_equal(buf, "-64 B");
    cb_format_bytes(buf, sizeof buf, 1.5);
    assert_string_equal(buf, "1.5 B");
    cb_format_bytes(buf, sizeof buf, 1048576.0);
    assert_string_equal(buf, "1 MiB");
    cb_format_bytes(buf, sizeof buf, 19961912.0);
    assert_string_equal(buf, "19.04 MiB");
    cb_format_bytes(buf, sizeof buf, NAN);
    assert_string_equal(buf, "n/a");
}

static void test_summary(void **state)
{
    cb_run            run;
    cb_memory_summary sum;

    (void) state;
    make_run(&run);
    sum = cb_memory_summarize(&run);
    assert_int_equal(sum.counted, 1);
    assert_int_equal(sum.failed, 1);
    assert_int_equal(sum.leaking, 1);
    assert_int_equal(sum.more, 1);
    assert_int_equal(sum.less, 0);
    cb_run_free(&run);
}

/* Parses a budgets file of one budget and expects it refused, saying why. */
static void expect_budget_refused(const char *budget, const char *why)
{
    char          text[512];
    cb_budget_set set;
    cb_error      err;

    snprintf(text, sizeof text, "{\"schema_version\": 1, \"budgets\": [%s]}", budget);
    if (cb_budgets_parse("b.json", text, strlen(text), &set, &err) == 0) {
        cb_budget_set_free(&set);
        fail_msg("accepted %s", budget);
    }
    if (strstr(err.msg, why) == NULL) {
        fail_msg("'%s' does not say '%s'", err.msg, why);
    }
}

static void test_budgets(void **state)
{
    static const char *text =
        "{\"schema_version\": 1, \"budgets\": ["
        "{\"match\": \"^mem/(leaky|static)$\", \"statistic\": \"allocations\", \"max\": \"0\"},"
        "{\"match\": \"^mem/leaky$\", \"statistic\": \"peak_bytes\", \"min\": \"1 KiB\","
        " \"max\": \"1 MiB\"}]}";
    static const char *const names[] = { "mem/leaky", "mem/plain", "mem/static" };
    cb_budget_set set;
    cb_run        run, back;
    cb_error      err;
    json_t       *doc;
    char         *saved, buf[128];
    const cb_budget_outcome *o;

    (void) state;
    if (cb_budgets_parse("b.json", text, strlen(text), &set, &err) != 0 ||
        cb_budget_set_match(&set, names, sizeof names / sizeof names[0], &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(set.items[0].statistic.kind, CB_BUDGET_MEMORY);
    assert_int_equal(set.items[0].statistic.figure, CB_MEMORY_ALLOCATIONS);
    assert_true(set.items[0].value[CB_BUDGET_MAX_TIME] == 0.0);
    assert_true(set.items[1].value[CB_BUDGET_MIN_TIME] == 1024.0);
    assert_true(set.items[1].value[CB_BUDGET_MAX_TIME] == 1048576.0);
    assert_true(cb_budget_wants_memory(&set, "mem/leaky"));
    assert_false(cb_budget_wants_memory(&set, "mem/plain"));
    assert_true(cb_budget_wants_memory(&set, NULL));
    assert_false(cb_budget_wants_calls(&set, "mem/leaky"));

    make_run(&run);
    assert_int_equal(cb_budget_check(&set, &run.results[0], &err), 0);
    assert_int_equal(run.results[0].nbudgets, 3);
    o = &run.results[0].budgets[0]; /* 3 allocations, none allowed */
    assert_false(o->held);
    assert_true(o->measured == 3.0 && o->margin == -1.0);
    assert_int_equal(o->source, CB_BUDGET_OF_MEMORY);
    assert_true(isnan(cb_budget_limit_ns(&run.results[0], o)));
    cb_budget_text_limit(buf, sizeof buf, o);
    assert_string_equal(buf, "allocations at most 0");
    cb_budget_text_margin(buf, sizeof buf, o);
    assert_string_equal(buf, "over a limit of none");
    o = &run.results[0].budgets[2]; /* a peak of 300 B, 1 KiB at least */
    assert_int_equal(o->limit, CB_BUDGET_MIN_TIME);
    assert_false(o->held);
    cb_budget_text_limit(buf, sizeof buf, o);
    assert_string_equal(buf, "peak at least 1 KiB");
    cb_budget_text_measured(buf, sizeof buf, &run.results[0], o);
    assert_string_equal(buf, "300 B");
    assert_true(run.results[0].budgets[1].held); /* at most 1 MiB */
    /* what could not be counted holds nothing */
    assert_int_equal(cb_budget_check(&set, &run.results[1], &err), 0);
    assert_false(run.results[1].budgets[0].held);
    cb_budget_text_measured(buf, sizeof buf, &run.results[1], &run.results[1].budgets[0]);
    assert_string_equal(buf, "not counted");

    /* the outcomes round-trip through a baseline */
    doc = cb_baseline_encode(&run);
    saved = json_dumps(doc, JSON_REAL_PRECISION(17));
    if (cb_baseline_parse("m.json", saved, strlen(saved), &back, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    assert_int_equal(back.results[0].nbudgets, 3);
    assert_int_equal(back.results[0].budgets[2].statistic.figure, CB_MEMORY_PEAK_BYTES);
    assert_true(back.results[0].budgets[0].budget == 0.0);
    assert_false(back.results[0].budgets[0].held);
    assert_true(isnan(back.results[1].budgets[0].measured));
    cb_run_free(&back);
    free(saved);
    json_decref(doc);
    cb_run_free(&run);
    cb_budget_set_free(&set);

    expect_budget_refused("{\"match\": \"x\", \"statistic\": \"allocations\", \"min_throughput\": "
                          "\"1 MB/s\"}",
                          "budgets[0].min_throughput: allocations is counted, not timed");
    expect_budget_refused("{\"match\": \"x\", \"statistic\": \"allocations\", \"max\": \"3 ms\"}",
                          "budgets[0].max: expected a unit such as \"0\"");
    expect_budget_refused("{\"match\": \"x\", \"statistic\": \"peak_bytes\", \"max\": \"-1 B\"}",
                          "budgets[0].max: expected a number and a unit");
    expect_budget_refused("{\"match\": \"x\", \"statistic\": \"peak_bytes\", \"min\": \"2 MiB\", "
                          "\"max\": \"1 MiB\"}",
                          "no count could hold both");
    expect_budget_refused("{\"match\": \"x\", \"statistic\": \"median\", \"max\": \"0 ms\"}",
                          "budgets[0].max: expected a positive finite number");
    expect_budget_refused("{\"match\": \"x\", \"statistic\": \"leaks\", \"max\": \"0\"}",
                          "or a memory figure such as \"allocations\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),  cmocka_unit_test(test_refuses_bad_memory),
        cmocka_unit_test(test_compare),     cmocka_unit_test(test_words),
        cmocka_unit_test(test_format_bytes), cmocka_unit_test(test_summary),
        cmocka_unit_test(test_budgets),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
