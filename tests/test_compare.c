/*
 * Change detection against the reference files tests/data/ref_change_*.json:
 * Welch's t and the mean change to 1e-9, the bootstrap p-value within the
 * file's tolerance, the change interval close, the verdict exactly.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/compare.h"
#include "support.h"

#define EXACT 1e-9

static void test_reference(void **state)
{
    json_t             *root = support_load(*state);
    size_t              n_old, n_new, n;
    double             *old = support_numbers(root, "old_per_iteration", &n_old);
    double             *new_ = support_numbers(root, "new_per_iteration", &n_new);
    double             *ci = support_numbers(root, "expected.mean_change_ci95", &n);
    cb_compare_config   cfg = { .noise_threshold = support_number(root, "noise_threshold"),
                                .significance = support_number(root, "significance_level"),
                                .comparisons = 1, .boot = { 100000, 0.95, 11 } };
    cb_bootstrap_two    two;
    cb_error            err;
    const char         *want;

    cfg.resolution = 3.0 * cfg.noise_threshold;
    want = json_string_value(json_object_get(
        json_object_get(root, "expected"), "verdict"));

    assert_int_equal(cb_bootstrap_compare(old, n_old, new_, n_new, &cfg.boot, &two, &err), 0);
    support_close_rel(two.t, support_number(root, "expected.welch_t_new_vs_old"), EXACT,
                      "Welch t");
    support_close_rel(two.mean_change.point, support_number(root, "expected.mean_change"), EXACT,
                      "mean change");
    support_close_abs(two.p_value, support_number(root, "expected.p_value_bootstrap"),
                      support_number(root, "expected.p_tolerance_abs"), "p-value");
    /* the interval's bounds are themselves bootstrap estimates: within a tenth
     * of a percentage point of numpy's */
    support_close_abs(two.mean_change.lower, ci[0], 1e-3, "mean change CI lower");
    support_close_abs(two.mean_change.upper, ci[1], 1e-3, "mean change CI upper");
    assert_string_equal(cb_verdict_name(cb_compare_verdict(&two.mean_change, two.p_value, &cfg)),
                        want);
    free(old);
    free(new_);
    free(ci);
    json_decref(root);
}

/* The verdict rules, on their boundaries: regressed and improved beyond the
 * threshold, within noise inside it, and no change only where the interval
 * rules out a change of the resolution's size; unresolved elsewhere. */
static void test_verdict_rules(void **state)
{
    cb_compare_config cfg = { .noise_threshold = 0.02, .resolution = 0.06, .significance = 0.05,
                              .comparisons = 1, .boot = { 1, 0.95, 0 } };
    cb_estimate       up = { 0.05, 0.03, 0.07, 0 }, down = { -0.05, -0.07, -0.03, 0 };
    cb_estimate       straddle = { 0.03, 0.01, 0.05, 0 }, edge = { 0.03, 0.02, 0.05, 0 };
    cb_estimate       inside = { 0.005, -0.01, 0.015, 0 }, wide = { 0.0677, 0.0031, 0.1366, 0 };
    cb_estimate       unsure = { 0.02, -0.11, 0.157, 0 };

    (void) state;
    assert_int_equal(cb_compare_verdict(&up, 0.01, &cfg), CB_VERDICT_REGRESSED);
    assert_int_equal(cb_compare_verdict(&down, 0.01, &cfg), CB_VERDICT_IMPROVED);
    assert_int_equal(cb_compare_verdict(&inside, 0.01, &cfg), CB_VERDICT_WITHIN_NOISE);
    assert_int_equal(cb_compare_verdict(&inside, 0.5, &cfg), CB_VERDICT_NO_CHANGE);
    /* straddling the threshold: resolved within +-6%, but nothing established */
    assert_int_equal(cb_compare_verdict(&straddle, 0.01, &cfg), CB_VERDICT_NO_CHANGE);
    /* "wholly beyond" the threshold: touching it is not beyond */
    assert_int_equal(cb_compare_verdict(&edge, 0.01, &cfg), CB_VERDICT_NO_CHANGE);
    /* what was once "within noise" and "no change": intervals that reach far
     * past the resolution are unresolved, whatever p says */
    assert_int_equal(cb_compare_verdict(&wide, 0.01, &cfg), CB_VERDICT_UNRESOLVED);
    assert_int_equal(cb_compare_verdict(&unsure, 0.8, &cfg), CB_VERDICT_UNRESOLVED);
    /* not significant, and +7% not ruled out: unresolved, not "no change" */
    assert_int_equal(cb_compare_verdict(&up, 0.05, &cfg), CB_VERDICT_UNRESOLVED);
    /* family-wise: p = 0.01 is not enough over ten comparisons */
    cfg.comparisons = 10;
    assert_int_equal(cb_compare_verdict(&up, 0.01, &cfg), CB_VERDICT_UNRESOLVED);
    assert_int_equal(cb_compare_verdict(&up, 0.004, &cfg), CB_VERDICT_REGRESSED);
    assert_string_equal(cb_verdict_sentence(CB_VERDICT_UNRESOLVED),
                        "Unresolved: the interval is wider than the resolution.");
    assert_string_equal(cb_verdict_sentence(CB_VERDICT_NO_CHANGE),
                        "No change in performance detected.");
    assert_string_equal(cb_verdict_sentence(CB_VERDICT_REGRESSED), "Performance has regressed.");
    assert_string_equal(cb_verdict_sentence(CB_VERDICT_IMPROVED), "Performance has improved.");
    assert_string_equal(cb_verdict_sentence(CB_VERDICT_WITHIN_NOISE),
                        "Change within noise threshold.");
}

/* Quantised data: two constant groups with different means differ beyond
 * doubt; two equal ones do not differ at all. */
static void test_constant_groups(void **state)
{
    double              twelve[20], thirteen[20];
    cb_bootstrap_config boot = { 1000, 0.95, 1 };
    cb_compare_config   cfg = { .noise_threshold = 0.02, .resolution = 0.06,
                                .significance = 0.05, .comparisons = 1, .boot = boot };
    cb_bootstrap_two    two;
    cb_error            err;
    int                 i;

    (void) state;
    for (i = 0; i < 20; i++) {
        twelve[i] = 12.0;
        thirteen[i] = 13.0;
    }
    assert_int_equal(cb_bootstrap_compare(twelve, 20, thirteen, 20, &boot, &two, &err), 0);
    assert_true(two.p_value == 0.0);
    support_close_rel(two.mean_change.point, 1.0 / 12.0, 1e-12, "change");
    assert_int_equal(cb_compare_verdict(&two.mean_change, two.p_value, &cfg), CB_VERDICT_REGRESSED);
    assert_int_equal(cb_bootstrap_compare(twelve, 20, twelve, 20, &boot, &two, &err), 0);
    assert_true(two.p_value == 1.0);
    assert_int_equal(cb_compare_verdict(&two.mean_change, two.p_value, &cfg), CB_VERDICT_NO_CHANGE);
    /* one sample a side cannot be compared */
    assert_int_equal(cb_bootstrap_compare(twelve, 1, thirteen, 20, &boot, &two, &err), -1);
}

/* A flat result of n samples of one iteration each, value x (1 + i / 100). */
static void flat_result(cb_result *r, const char *name, size_t n, double x)
{
    size_t i;

    memset(r, 0, sizeof *r);
    cb_result_set_string(&r->name, name);
    assert_int_equal(cb_samples_alloc(&r->samples, n), 0);
    for (i = 0; i < n; i++) {
        r->samples.iters[i] = 1.0;
        r->samples.values[i] = x * (1.0 + (double) i / 100.0);
    }
    r->plan = (cb_plan){ .mode = CB_MODE_FLAT, .n = n, .d = 1 };
}

/* Values too large for double arithmetic: refused with a message, never
 * an infinite or NaN statistic, never a verdict a gate would pass. */
static void test_overflow_is_refused(void **state)
{
    cb_bootstrap_config boot = { 200, 0.95, 1 };
    cb_compare_config   cfg = { .noise_threshold = 0.02, .significance = 0.05, .boot = boot };
    cb_result           old, huge;
    cb_error            err;

    (void) state;
    flat_result(&huge, "x/huge", 30, 1e160); /* its variance is 1e316 */
    assert_int_equal(cb_analysis_run(&huge.samples, CB_MODE_FLAT, &boot, &huge.analysis, &err),
                     -1);
    assert_string_equal(err.msg, "the statistics of these samples overflow: their values are too "
                                 "large or too small for double arithmetic");
    cb_result_free(&huge);

    flat_result(&old, "x/huge", 30, 100.0);
    flat_result(&huge, "x/huge", 30, 1e307); /* its sum is beyond DBL_MAX */
    assert_int_equal(cb_analysis_run(&old.samples, CB_MODE_FLAT, &boot, &old.analysis, &err), 0);
    huge.analysis = old.analysis; /* an analysis that does not show it */
    assert_int_equal(cb_compare_into(&old, &huge, &cfg, &err), -1);
    assert_false(huge.has_change);
    assert_string_equal(err.msg, "x/huge: the change overflows: the values are too large or too "
                                 "small to compare");
    cb_result_free(&old);
    cb_result_free(&huge);
}

#define PER_FILE(file) { "test_reference(" file ")", test_reference, NULL, NULL, (void *) file }

int main(void)
{
    const struct CMUnitTest tests[] = {
        PER_FILE("ref_change_aa_same.json"),
        PER_FILE("ref_change_improved_8pct.json"),
        PER_FILE("ref_change_regressed_10pct.json"),
        PER_FILE("ref_change_within_noise_1pct.json"),
        cmocka_unit_test(test_verdict_rules),
        cmocka_unit_test(test_constant_groups),
        cmocka_unit_test(test_overflow_is_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
