/*
 * The A/B rounds' paired comparison, and the Student t distribution under it,
 * against values from statistical tables (scipy.stats.t agrees to 1e-10).
 */
#include <math.h>

#include "stats/paired.h"
#include "stats/student_t.h"
#include "support.h"

static void test_student_t_quantiles(void **state)
{
    (void) state;
    support_close_rel(cb_student_t_quantile(0.975, 1), 12.706204736174698, 1e-9, "t(0.975, 1)");
    support_close_rel(cb_student_t_quantile(0.975, 2), 4.302652729749464, 1e-9, "t(0.975, 2)");
    support_close_rel(cb_student_t_quantile(0.975, 5), 2.5705818356363146, 1e-9, "t(0.975, 5)");
    support_close_rel(cb_student_t_quantile(0.975, 9), 2.2621571628540993, 1e-9, "t(0.975, 9)");
    support_close_rel(cb_student_t_quantile(0.995, 30), 2.7499956535670305, 1e-9, "t(0.995, 30)");
    support_close_rel(cb_student_t_quantile(0.025, 5), -2.5705818356363146, 1e-9, "t(0.025, 5)");
    /* cdf(2, 1) = 1/2 + atan(2)/pi */
    support_close_rel(cb_student_t_cdf(2.0, 1), 0.5 + atan(2.0) / acos(-1.0), 1e-12, "cdf");
    support_close_rel(cb_student_t_cdf(0.0, 7), 0.5, 1e-15, "cdf(0)");
}

static void test_identical_ratios_are_certain(void **state)
{
    double            a[] = { 100, 102, 98 }, b[] = { 105, 107.1, 102.9 };
    cb_compare_config cfg = { .noise_threshold = 0.02, .resolution = 3 * 0.02,
                              .significance = 0.05, .comparisons = 1,
                              .boot = { 1, 0.95, 0 } };
    cb_change         c;

    (void) state;
    cb_paired_compare(a, b, 3, &cfg, &c);
    support_close_rel(c.mean.point, 0.05, 1e-12, "change");
    assert_true(c.mean.lower == c.mean.point && c.mean.upper == c.mean.point);
    assert_true(c.p_value == 0.0);
    assert_int_equal(c.verdict, CB_VERDICT_REGRESSED);
    assert_int_equal(c.rounds, 3);
    support_close_rel(c.old_typical, 100.0, 1e-12, "median of A");
}

static void test_noisy_rounds(void **state)
{
    /* log-ratios 0.01, 0.03, -0.01, 0.02: mean 0.0125, sd 0.0170783, se 0.0085391,
     * t 1.46385, p = 2 * (1 - tcdf(1.46385, 3)) = 0.2394 */
    double            a[4] = { 1, 1, 1, 1 }, b[4];
    double            l[4] = { 0.01, 0.03, -0.01, 0.02 };
    cb_compare_config cfg = { .noise_threshold = 0.02, .resolution = 3 * 0.02,
                              .significance = 0.05, .comparisons = 1,
                              .boot = { 1, 0.95, 0 } };
    cb_change         c;
    int               k;

    (void) state;
    for (k = 0; k < 4; k++) {
        b[k] = exp(l[k]);
    }
    cb_paired_compare(a, b, 4, &cfg, &c);
    support_close_rel(c.t, 1.4638501094227998, 1e-9, "t");
    support_close_abs(c.p_value, 0.23944, 1e-4, "p");
    support_close_rel(c.mean.point, exp(0.0125) - 1.0, 1e-12, "change");
    support_close_rel(c.mean.lower, exp(0.0125 - 3.182446305284263 * 0.008539125638299665) - 1.0,
                      1e-9, "lower");
    assert_int_equal(c.verdict, CB_VERDICT_NO_CHANGE);
}

/* Yuen's trimmed test: one wild round (+49%) among nine at +1% to +3% neither
 * hides the change nor inflates it. By hand: trimmed mean 0.0216667, winsorized
 * variance 7.6667e-5, se 0.0047958, t 4.5178 with 5 degrees of freedom. */
static void test_one_wild_round(void **state)
{
    double            l[10] = { 0.01, 0.02, 0.03, 0.01, 0.40, 0.02, 0.03, 0.01, 0.02, 0.03 };
    double            a[10], b[10];
    cb_compare_config cfg = { .noise_threshold = 0.005, .resolution = 3 * 0.005,
                              .significance = 0.05, .comparisons = 1,
                              .boot = { 1, 0.95, 0 } };
    cb_change         c;
    int               k;

    (void) state;
    for (k = 0; k < 10; k++) {
        a[k] = 100.0;
        b[k] = 100.0 * exp(l[k]);
    }
    cb_paired_compare(a, b, 10, &cfg, &c);
    support_close_rel(c.mean.point, exp(0.13 / 6.0) - 1.0, 1e-9, "trimmed change");
    support_close_rel(c.mean.std_err, sqrt(0.00069 / 30.0), 1e-9, "Yuen's standard error");
    support_close_rel(c.t, (0.13 / 6.0) / sqrt(0.00069 / 30.0), 1e-9, "t");
    support_close_rel(c.mean.lower, exp(0.13 / 6.0 - 2.5705818356363146 * sqrt(0.00069 / 30.0)) - 1.0,
                      1e-9, "lower");
    assert_true(c.p_value < 0.01);
    assert_int_equal(c.verdict, CB_VERDICT_REGRESSED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_student_t_quantiles),
        cmocka_unit_test(test_identical_ratios_are_certain),
        cmocka_unit_test(test_noisy_rounds),
        cmocka_unit_test(test_one_wild_round),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
