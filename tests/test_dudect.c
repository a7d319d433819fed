/*
 * dudect's statistics on simulated timings, seeded: nothing is timed, so
 * nothing can flake. Welch's t against a hand-checked value; timings of one
 * distribution pass, a shift of one cycle in a thousand is a leak; a leak
 * that outliers hide from the raw test is found by a cropped one; a leak in
 * the spread alone by the second-order test; too few measurements give no
 * verdict; the effect size, the measurements it needs and the classes'
 * medians beside the verdict.
 */
#include <math.h>
#include <string.h>

#include "stats/dudect.h"
#include "stats/histogram.h"
#include "stats/rng.h"
#include "support.h"

static double uniform(cb_rng *rng)
{
    return ((double) (cb_rng_next(rng) >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(cb_rng *rng)
{
    return sqrt(-2.0 * log(uniform(rng))) * cos(6.283185307179586 * uniform(rng));
}

/* A timing model: class c's call takes mean[c] + sd[c] * N(0, 1) cycles, and
 * any call is interrupted with probability `outliers`, for 100 000 cycles. */
typedef struct model {
    double mean[2], sd[2], outliers;
} model;

static double draw(cb_rng *rng, const model *m, int c)
{
    double t = m->mean[c] + m->sd[c] * normal(rng);

    return uniform(rng) < m->outliers ? t + 100000.0 : t;
}

/* As the check runs: a first batch of 10 000 calibrates and is thrown away,
 * then n measurements, classes drawn at random. */
static void simulate(cb_dudect *d, const model *m, size_t n, uint64_t seed)
{
    static double first[10000];
    cb_rng        rng;
    size_t        i;

    cb_rng_seed(&rng, seed);
    assert_int_equal(cb_dudect_init(d), 0);
    for (i = 0; i < 10000; i++) {
        first[i] = draw(&rng, m, (int) (cb_rng_next(&rng) >> 63));
    }
    cb_dudect_calibrate(d, first, 10000);
    for (i = 0; i < n; i++) {
        int c = (int) (cb_rng_next(&rng) >> 63);

        cb_dudect_push(d, c, draw(&rng, m, c));
    }
}

/* scipy.stats.ttest_ind([1..5], [2, 4, .. 10], equal_var=False).statistic */
static void test_welch_t_of_known_samples(void **state)
{
    static const double a[] = { 1, 2, 3, 4, 5 }, b[] = { 2, 4, 6, 8, 10 };
    cb_welch            w;
    size_t              i;

    (void) state;
    memset(&w, 0, sizeof w);
    assert_true(cb_welch_t(&w) == 0.0);
    for (i = 0; i < 5; i++) {
        cb_welch_push(&w, 0, a[i]);
        cb_welch_push(&w, 1, b[i]);
    }
    support_close_rel(cb_welch_t(&w), -1.8973665961010275, 1e-12, "Welch's t");
}

/* dudect's ladder, 1 - 0.5^(k/10), and its percentile without interpolation. */
static void test_cropping_ladder(void **state)
{
    static double times[1000];
    cb_dudect     d;
    size_t        i;

    (void) state;
    support_close_rel(cb_dudect_crop_level(0), 6.696700846319259, 1e-12, "first level");
    support_close_rel(cb_dudect_crop_level(9), 50.0, 1e-12, "tenth level");
    support_close_rel(cb_dudect_crop_level(99), 99.90234375, 1e-12, "last level");
    for (i = 0; i < 1000; i++) {
        times[i] = (double) (1000 - i); /* 1000 .. 1, sorted by the calibration */
    }
    assert_int_equal(cb_dudect_init(&d), 0);
    cb_dudect_calibrate(&d, times, 1000);
    assert_true(d.crop[9] == 501.0);           /* rank floor(1000 * 0.5) */
    assert_true(d.crop[0] == 67.0);            /* rank floor(1000 * 0.067) = 66 */
    assert_true(d.crop[99] == 1000.0);         /* rank 999 */
    cb_dudect_free(&d);
}

static void test_one_distribution_passes(void **state)
{
    const model   m = { { 1000.0, 1000.0 }, { 30.0, 30.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 400000, 1);
    cb_dudect_verdict(&d, 1, &v);
    assert_int_equal(v.status, CB_CHECK_PASSED);
    assert_true(v.max_t < CB_DUDECT_THRESHOLD);
    assert_int_equal(v.measurements, 400000);
    cb_dudect_free(&d);
}

/* One cycle in a thousand, at 400 000 measurements: t of about 10. */
static void test_a_shift_of_one_cycle_leaks(void **state)
{
    const model   m = { { 1000.0, 1001.0 }, { 30.0, 30.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 400000, 2);
    cb_dudect_verdict(&d, 1, &v);
    assert_int_equal(v.status, CB_CHECK_LEAKS);
    assert_true(v.max_t > CB_DUDECT_THRESHOLD);
    cb_dudect_free(&d);
}

/* Interrupts in 2% of the calls of both classes swamp a two-cycle leak in the
 * raw timings; cropped below the interrupts, it stands out. */
static void test_cropping_finds_what_outliers_hide(void **state)
{
    const model   m = { { 1000.0, 1002.0 }, { 10.0, 10.0 }, 0.02 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 400000, 3);
    assert_true(fabs(cb_welch_t(&d.tests[0])) < CB_DUDECT_THRESHOLD);
    cb_dudect_verdict(&d, 1, &v);
    assert_int_equal(v.status, CB_CHECK_LEAKS);
    assert_int_equal(v.test, CB_LEAK_TEST_CROPPED);
    assert_true(v.crop > 0.0 && v.crop < 98.0);
    cb_dudect_free(&d);
}

/* The same mean, twice the spread: the raw test sees nothing, the
 * second-order test does. */
static void test_second_order_finds_a_leak_in_the_spread(void **state)
{
    const model m = { { 1000.0, 1000.0 }, { 10.0, 20.0 }, 0.0 };
    cb_dudect   d;

    (void) state;
    simulate(&d, &m, 100000, 4);
    assert_true(fabs(cb_welch_t(&d.tests[0])) < CB_DUDECT_THRESHOLD);
    assert_true(fabs(cb_welch_t(&d.tests[CB_DUDECT_TESTS - 1])) > CB_DUDECT_THRESHOLD);
    cb_dudect_free(&d);
}

/* 15 000 measurements: about 7 500 per class, fewer than a test needs. */
static void test_too_few_measurements_are_inconclusive(void **state)
{
    const model   m = { { 1000.0, 2000.0 }, { 30.0, 30.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 15000, 5);
    cb_dudect_verdict(&d, 1, &v);
    assert_int_equal(v.status, CB_CHECK_INCONCLUSIVE);
    assert_int_equal(v.measurements, 15000);
    cb_dudect_free(&d);
}

/* dudect's figures: a leak of one cycle against a spread of 10 is an effect
 * tau of about 1 / (2 * 10) on balanced classes (t = delta / sqrt(2 sd^2 / (N
 * / 2))), which reaches |t| = 5 at (5 / tau)^2 = 10 000 measurements; each
 * class's median; a timing of 8 calls counted as 8. */
static void test_effect_size_and_what_it_needs(void **state)
{
    const model   m = { { 1000.0, 1001.0 }, { 10.0, 10.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 400000, 6);
    cb_dudect_verdict(&d, 1, &v);
    assert_int_equal(v.status, CB_CHECK_LEAKS);
    support_close_rel(v.tau, v.max_t / sqrt((double) v.test_measurements), 1e-12, "tau");
    support_close_rel(v.needed, 25.0 / (v.tau * v.tau) * 400000.0 / (double) v.test_measurements,
                      1e-12, "measurements needed");
    support_close_abs(v.tau, 0.05, 0.01, "tau of a one-cycle leak in a spread of 10");
    assert_true(v.needed > 5000.0 && v.needed < 20000.0);
    support_close_abs(v.median[0], 1000.0, 0.5, "class 0's median");
    support_close_abs(v.median[1], 1001.0, 0.5, "class 1's median");
    assert_int_equal(v.calls, 1);
    cb_dudect_verdict(&d, 8, &v);
    support_close_abs(v.median[1], 1001.0 / 8.0, 0.1, "a call's median, of 8 a measurement");
    assert_int_equal(v.calls, 8);
    cb_dudect_free(&d);
}

/* No difference at all: tau 0, nothing that would ever reach 5. */
static void test_no_difference_needs_forever(void **state)
{
    const model   m = { { 500.0, 500.0 }, { 0.0, 0.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 30000, 7);
    cb_dudect_verdict(&d, 1, &v);
    assert_int_equal(v.status, CB_CHECK_PASSED);
    assert_true(v.tau == 0.0 && isinf(v.needed));
    assert_true(v.median[0] == 500.0 && v.median[1] == 500.0);
    cb_dudect_free(&d);
}

/* A cropped test says which share of the run it kept and below what. */
static void test_cropped_test_names_its_threshold(void **state)
{
    const model   m = { { 1000.0, 1002.0 }, { 10.0, 10.0 }, 0.02 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 400000, 3);
    cb_dudect_verdict(&d, 1, &v);
    assert_int_equal(v.test, CB_LEAK_TEST_CROPPED);
    assert_true(v.crop_cycles > 900.0 && v.crop_cycles < 1100.0);
    assert_true(v.test_measurements < v.measurements);
    cb_dudect_free(&d);
}

/* The histogram behind the medians: whole values exact, large ones within a
 * part in 1024 of theirs. */
static void test_histogram_quantiles(void **state)
{
    cb_histogram h;
    uint64_t     i;

    (void) state;
    assert_int_equal(cb_histogram_init(&h), 0);
    assert_true(isnan(cb_histogram_quantile(&h, 0.5)));
    for (i = 1; i <= 101; i++) {
        cb_histogram_add(&h, (double) i);
    }
    assert_true(cb_histogram_quantile(&h, 0.5) == 51.0);
    assert_true(cb_histogram_quantile(&h, 0.0) == 1.0);
    assert_true(cb_histogram_quantile(&h, 1.0) == 101.0);
    cb_histogram_add(&h, -3.0);     /* a counter that went back: 0 */
    cb_histogram_add(&h, NAN);
    assert_true(cb_histogram_quantile(&h, 0.0) == 0.0);
    cb_histogram_free(&h);
    assert_int_equal(cb_histogram_init(&h), 0);
    for (i = 0; i < 3; i++) {
        cb_histogram_add(&h, 123456789.0);
    }
    cb_histogram_add(&h, 1e30);
    support_close_rel(cb_histogram_quantile(&h, 0.5), 123456789.0, 1.0 / 1024.0, "a large value");
    support_close_rel(cb_histogram_quantile(&h, 1.0), 18446744073709551615.0, 1.0 / 1024.0,
                      "the largest");
    cb_histogram_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_welch_t_of_known_samples),
        cmocka_unit_test(test_cropping_ladder),
        cmocka_unit_test(test_one_distribution_passes),
        cmocka_unit_test(test_a_shift_of_one_cycle_leaks),
        cmocka_unit_test(test_cropping_finds_what_outliers_hide),
        cmocka_unit_test(test_second_order_finds_a_leak_in_the_spread),
        cmocka_unit_test(test_too_few_measurements_are_inconclusive),
        cmocka_unit_test(test_effect_size_and_what_it_needs),
        cmocka_unit_test(test_no_difference_needs_forever),
        cmocka_unit_test(test_cropped_test_names_its_threshold),
        cmocka_unit_test(test_histogram_quantiles),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
