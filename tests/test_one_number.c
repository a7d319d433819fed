/*
 * One number, one meaning: runs whose per-iteration mean and slope disagree by
 * 20% and move in opposite directions (a fixed cost per sample that the next
 * run sheds), fed through the comparison, the group summary and the
 * reporters. Every output must state the slope, the run's estimate, and the
 * change of it; the mean appears only labelled.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/config.h"
#include "cli/runner.h"
#include "report/report.h"
#include "stats/analysis.h"
#include "stats/compare.h"
#include "stats/group.h"
#include "support.h"

/* A linear run with `fixed` ns a sample and a per-iteration cost chosen so
 * that its slope through the origin is `slope` ns: its per-iteration mean is
 * well above that when fixed is large. */
static void add_result(cb_run *run, const char *name, const char *impl, double slope,
                       double fixed)
{
    cb_bootstrap_config boot = { 2000, 0.95, 3 };
    cb_result          *r = cb_run_add(run);
    cb_error            err;
    size_t              i, n = 20;
    double              sx = 0.0, sxx = 0.0;

    for (i = 0; i < n; i++) {
        sx += (double) (i + 1) * 10.0;
        sxx += (double) (i + 1) * 10.0 * (double) (i + 1) * 10.0;
    }
    slope -= fixed * sx / sxx; /* what the origin's fit adds of the fixed cost */

    assert_int_equal(cb_result_set_string(&r->name, name), 0);
    assert_int_equal(cb_result_set_string(&r->impl, impl), 0);
    assert_int_equal(cb_samples_alloc(&r->samples, n), 0);
    for (i = 0; i < n; i++) {
        double iters = (double) (i + 1) * 10.0, wobble = 1.0 + 0.002 * ((double) (i % 3) - 1.0);

        r->samples.iters[i] = iters;
        r->samples.values[i] = (iters * slope + fixed) * wobble;
    }
    r->plan = (cb_plan){ CB_MODE_LINEAR, n, 10, slope, 1e9, 1e8 };
    assert_int_equal(cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, &err), 0);
}

static void describe(cb_run *run)
{
    run->measure = CB_MEASURE_WALL;
    run->unit = "ns";
    run->sample_size = 20;
    run->nresamples = 2000;
    run->confidence = 0.95;
    run->seed = 3;
    snprintf(run->timestamp, sizeof run->timestamp, "2026-01-01T00:00:00Z");
}

/* Everything every reporter printed for run, against old. */
static char *report(const cb_run *run, const cb_run *old, const cb_compare_config *c,
                    int format, const char *gate_path)
{
    char             *text = NULL;
    size_t            size = 0;
    FILE             *out = open_memstream(&text, &size);
    int               write_failed = 0;
    cb_report_options opt = { .out = out, .err = stderr, .significance = c->significance,
                              .noise_threshold = c->noise_threshold,
                              .resolution = c->resolution, .comparisons = c->comparisons,
                              .baseline_name = "base", .baseline = old, .differences = "",
                              .gate_path = gate_path, .write_failed = &write_failed };
    cb_reporter       reps[2];

    assert_non_null(out);
    assert_int_equal(cb_report_open_format(&reps[0], format, &opt), 0);
    assert_int_equal(cb_report_gate_open(&reps[1], &opt), 0);
    cb_runner_replay(reps, 2, run);
    cb_report_close(&reps[0]);
    cb_report_close(&reps[1]);
    fclose(out);
    assert_int_equal(write_failed, 0);
    return text;
}

/* The HTML report of run against old, in build/tests/one-number-html. */
static void html(const cb_run *run, const cb_run *old, const cb_compare_config *c)
{
    int               write_failed = 0;
    cb_report_options opt = { .out = stdout, .err = stderr, .significance = c->significance,
                              .noise_threshold = c->noise_threshold,
                              .resolution = c->resolution, .comparisons = c->comparisons,
                              .baseline_name = "base", .baseline = old, .differences = "",
                              .html_dir = "build/tests/one-number-html",
                              .write_failed = &write_failed };
    cb_reporter       rep;

    mkdir(opt.html_dir, 0755);
    assert_int_equal(cb_report_html_open(&rep, &opt), 0);
    cb_runner_replay(&rep, 1, run);
    cb_report_close(&rep);
    assert_int_equal(write_failed, 0);
}

static char *slurp(const char *path)
{
    FILE  *f = fopen(path, "rb");
    char  *text = calloc(1, 65536);
    size_t n;

    assert_non_null(f);
    n = fread(text, 1, 65535, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

static void expect_text(const char *text, const char *want, const char *where)
{
    if (strstr(text, want) == NULL) {
        fail_msg("%s lacks \"%s\":\n%s", where, want, text);
    }
}

static void test_every_output_states_the_slope(void **state)
{
    cb_compare_config c = { .noise_threshold = 0.02, .resolution = 0.06, .significance = 0.05,
                            .comparisons = 2, .boot = { 2000, 0.95, 3 } };
    cb_run            old, run;
    cb_groups         g;
    cb_error          err;
    char              gate_path[] = "build/tests/one-number-gate.md", *text, *gate;
    size_t            i;

    (void) state;
    memset(&old, 0, sizeof old);
    memset(&run, 0, sizeof run);
    describe(&old);
    describe(&run);
    /* baseline: 100 ns an iteration, 2 us a sample fixed: a mean 20% above */
    add_result(&old, "xor/4k/bytes", "bytes", 100.0, 2000.0);
    add_result(&old, "xor/4k/words", "words", 90.0, 0.0);
    /* this run: 110 ns (+10%) without the fixed cost: its mean fell */
    add_result(&run, "xor/4k/bytes", "bytes", 110.0, 0.0);
    add_result(&run, "xor/4k/words", "words", 90.0, 3000.0);
    assert_true(run.results[0].analysis.mean.point < old.results[0].analysis.mean.point);
    for (i = 0; i < run.n; i++) {
        assert_int_equal(cb_compare_into(&old.results[i], &run.results[i], &c, &err), 0);
    }

    /* the comparison is of the slope: +10%, regressed */
    assert_int_equal(run.results[0].change.statistic, CB_STATISTIC_SLOPE);
    support_close_rel(run.results[0].change.old_typical, 100.0, 0.01, "old slope");
    support_close_rel(run.results[0].change.new_typical, 110.0, 0.01, "new slope");
    support_close_rel(run.results[0].change.estimate.point, 0.10, 0.02, "change of the slope");
    assert_int_equal(run.results[0].change.verdict, CB_VERDICT_REGRESSED);
    assert_true(run.results[0].change.mean.point < 0.0); /* the mean says otherwise */

    /* the group's ratio is of the slopes too: words (90) faster than bytes (110),
     * though words' mean is the higher */
    assert_true(run.results[1].analysis.mean.point > run.results[0].analysis.mean.point);
    assert_int_equal(cb_group_analyse(&run, NULL, &c.boot, &g, &err), 0);
    assert_int_equal(g.nratios, 1);
    assert_string_equal(g.ratios[0].faster->impl, "words");
    support_close_rel(g.ratios[0].speedup.point,
                      cb_result_typical(&run.results[0])->point /
                          cb_result_typical(&run.results[1])->point,
                      1e-12, "speedup of the estimates");
    cb_groups_free(&g);

    /* the terminal: the time and the change it prints are the slope's */
    text = report(&run, &old, &c, 0, gate_path);
    expect_text(text, "time:   [", "terminal");
    expect_text(text, " 109.99 ns ", "terminal's estimate");
    expect_text(text, "change: [", "terminal");
    expect_text(text, " +10.", "terminal's change");
    expect_text(text, "words 1.22x faster than bytes", "terminal's group summary");
    gate = slurp(gate_path);
    /* the gate's Old and New are the slopes, and its change theirs */
    expect_text(gate, "| `xor/4k/bytes` | 99.99", "gate row");
    expect_text(gate, " | 109.99", "gate's New");
    expect_text(gate, " | +10.", "gate's change");
    expect_text(gate, "**regressed**", "gate's verdict");
    free(gate);
    free(text);

    /* JSON: the change's estimate is the slope's, the mean labelled as such */
    text = report(&run, &old, &c, 1, gate_path);
    expect_text(text, "\"change\":{\"statistic\":\"slope\",\"estimate\":{\"point_estimate\":0.09", "json");
    free(text);

    /* the line formats: each states the slope, none the 20%-higher mean */
    text = report(&run, &old, &c, CB_FORMAT_MARKDOWN, gate_path);
    expect_text(text, "| xor/4k/bytes | 109.99 ns [", "markdown's estimate");
    expect_text(text, "| +10.00% [", "markdown's change");
    expect_text(text, "words 1.22x faster than bytes", "markdown's group summary");
    free(text);
    text = report(&run, &old, &c, CB_FORMAT_CSV, gate_path);
    expect_text(text, "xor/4k/bytes,ok,ns,linear,20,109.8", "csv's estimate");
    expect_text(text, ",0.09999", "csv's change");
    free(text);
    text = report(&run, &old, &c, CB_FORMAT_BENCHER, gate_path);
    expect_text(text, "test xor/4k/bytes ... bench:      109.99 ns/iter", "bencher's estimate");
    free(text);
    text = report(&run, &old, &c, CB_FORMAT_GITHUB, gate_path);
    expect_text(text, "\"value\": 109.98", "github's estimate");
    free(text);

    /* HTML: the benchmark page's change section and the index agree with the rest */
    html(&run, &old, &c);
    text = slurp("build/tests/one-number-html/bench-xor.4k.bytes.html");
    expect_text(text, "109.99 ns", "benchmark page's estimate");
    expect_text(text, "+10.00%", "benchmark page's change");
    free(text);
    text = slurp("build/tests/one-number-html/index.html");
    expect_text(text, "data-label=\"change (slope)\">+10.00%", "index's change");
    free(text);
    unlink(gate_path);
    cb_run_free(&old);
    cb_run_free(&run);
}

/* A baseline sampled flat against a linear run: compared on the mean, which
 * both have, and said so. */
static void test_modes_that_differ_say_so(void **state)
{
    cb_compare_config   c = { .noise_threshold = 0.02, .resolution = 0.06, .significance = 0.05,
                              .comparisons = 1, .boot = { 2000, 0.95, 3 } };
    cb_bootstrap_config boot = { 2000, 0.95, 3 };
    cb_run              old, run;
    cb_error            err;
    cb_result          *r;
    char                gate_path[] = "build/tests/one-number-modes.md", *text;

    (void) state;
    memset(&old, 0, sizeof old);
    memset(&run, 0, sizeof run);
    describe(&old);
    describe(&run);
    add_result(&old, "k/f/x", "x", 100.0, 0.0);
    r = &old.results[0];
    r->plan.mode = CB_MODE_FLAT;
    assert_int_equal(cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, &err), 0);
    add_result(&run, "k/f/x", "x", 100.0, 0.0);
    assert_int_equal(cb_compare_into(&old.results[0], &run.results[0], &c, &err), 0);
    assert_true(run.results[0].change.mode_differs);
    assert_int_equal(run.results[0].change.statistic, CB_STATISTIC_MEAN);
    text = report(&run, &old, &c, 0, gate_path);
    expect_text(text, "of the mean: the baseline was sampled in the other mode", "terminal");
    free(text);
    text = slurp(gate_path);
    expect_text(text, " (mean) |", "gate");
    free(text);
    unlink(gate_path);
    cb_run_free(&old);
    cb_run_free(&run);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_output_states_the_slope),
        cmocka_unit_test(test_modes_that_differ_say_so),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
