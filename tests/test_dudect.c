/*
 * dudect's statistics on simulated timings, seeded: nothing is timed, so
 * nothing can flake. Welch's t against a hand-checked value; timings of one
 * distribution pass, a shift of one cycle in a thousand is a leak; a leak
 * that outliers hide from the raw test is found by a cropped one; a leak in
 * the spread alone by the second-order test; too few measurements give no
 * verdict.
 */
#include <math.h>
#include <string.h>

#include "stats/dudect.h"
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
    cb_dudect_init(d);
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
    cb_dudect_init(&d);
    cb_dudect_calibrate(&d, times, 1000);
    assert_true(d.crop[9] == 501.0);           /* rank floor(1000 * 0.5) */
    assert_true(d.crop[0] == 67.0);            /* rank floor(1000 * 0.067) = 66 */
    assert_true(d.crop[99] == 1000.0);         /* rank 999 */
}

static void test_one_distribution_passes(void **state)
{
    const model   m = { { 1000.0, 1000.0 }, { 30.0, 30.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 400000, 1);
    cb_dudect_verdict(&d, &v);
    assert_int_equal(v.status, CB_CHECK_PASSED);
    assert_true(v.max_t < CB_DUDECT_THRESHOLD);
    assert_int_equal(v.measurements, 400000);
}

/* One cycle in a thousand, at 400 000 measurements: t of about 10. */
static void test_a_shift_of_one_cycle_leaks(void **state)
{
    const model   m = { { 1000.0, 1001.0 }, { 30.0, 30.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 400000, 2);
    cb_dudect_verdict(&d, &v);
    assert_int_equal(v.status, CB_CHECK_LEAKS);
    assert_true(v.max_t > CB_DUDECT_THRESHOLD);
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
    cb_dudect_verdict(&d, &v);
    assert_int_equal(v.status, CB_CHECK_LEAKS);
    assert_int_equal(v.test, CB_LEAK_TEST_CROPPED);
    assert_true(v.crop > 0.0 && v.crop < 98.0);
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
}

/* 15 000 measurements: about 7 500 per class, fewer than a test needs. */
static void test_too_few_measurements_are_inconclusive(void **state)
{
    const model   m = { { 1000.0, 2000.0 }, { 30.0, 30.0 }, 0.0 };
    cb_dudect     d;
    cb_check_leak v;

    (void) state;
    simulate(&d, &m, 15000, 5);
    cb_dudect_verdict(&d, &v);
    assert_int_equal(v.status, CB_CHECK_INCONCLUSIVE);
    assert_int_equal(v.measurements, 15000);
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
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
