/*
 * E-divisive means on synthetic histories with known steps (none, one, two),
 * on noise alone (none found, and the false alarms of 500 noise series within
 * the level), and on what a benchmark's history really looks like: a short
 * series, a few odd slow runs. Every series and every permutation comes from
 * a fixed seed, so each test gives the same answer on every machine.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/trend.h"
#include "stats/changepoint.h"
#include "stats/rng.h"
#include "support.h"

#define MAX_POINTS 200

/* A standard normal draw (Box-Muller), from the project's generator. */
static double normal(cb_rng *rng)
{
    double u = ((double) (cb_rng_next(rng) >> 11) + 0.5) / 9007199254740992.0;
    double v = ((double) (cb_rng_next(rng) >> 11) + 0.5) / 9007199254740992.0;

    return sqrt(-2.0 * log(u)) * cos(2.0 * acos(-1.0) * v);
}

/* x[0..n) around level[i] with a relative noise of sd, as a benchmark's
 * estimates are: level 100 ns with sd 0.01 is 100 ns +- 1 ns. */
static void series(double *x, size_t n, const double *level, double sd, uint64_t seed)
{
    cb_rng rng;
    size_t i;

    cb_rng_seed(&rng, seed);
    for (i = 0; i < n; i++) {
        x[i] = level[i] * (1.0 + sd * normal(&rng));
    }
}

/* levels[i] for steps: `at`[k] starts level `to`[k]; before the first, 100. */
static void levels(double *level, size_t n, const size_t *at, const double *to, size_t nsteps)
{
    size_t i, k = 0;
    double v = 100.0;

    for (i = 0; i < n; i++) {
        if (k < nsteps && i == at[k]) {
            v = to[k++];
        }
        level[i] = v;
    }
}

static size_t find(const double *x, size_t n, uint64_t seed, cb_changepoint *out)
{
    cb_changepoint_config cfg = cb_changepoint_defaults(seed);
    size_t                found;

    assert_int_equal(cb_changepoint_find(x, n, &cfg, out, &found), 0);
    return found;
}

static void test_no_step(void **state)
{
    double         flat[40];
    cb_changepoint cp[40];
    size_t         i;

    (void) state;
    /* identical values: nothing differs, nothing to test */
    for (i = 0; i < 40; i++) {
        flat[i] = 123.0;
    }
    assert_int_equal(find(flat, 40, 1, cp), 0);
    /* two levels that alternate run by run are one level, noisy */
    for (i = 0; i < 40; i++) {
        flat[i] = i % 2 == 0 ? 100.0 : 101.0;
    }
    assert_int_equal(find(flat, 40, 2, cp), 0);
    /* a step, but too short a series for two segments of the minimum size */
    flat[0] = flat[1] = 50.0;
    assert_int_equal(find(flat, 2 * CB_CHANGEPOINT_MIN_SIZE - 1, 3, cp), 0);
}

static void test_noise_alone(void **state)
{
    static const size_t lengths[] = { 10, 20, 30, 50 };
    double              x[MAX_POINTS], level[MAX_POINTS];
    cb_changepoint      cp[MAX_POINTS];
    size_t              i, k, found, alarms = 0;
    uint64_t            seed;

    (void) state;
    for (i = 0; i < MAX_POINTS; i++) {
        level[i] = 100.0;
    }
    /* 40 series of noise, 2% per run: not one change point */
    for (k = 0; k < sizeof lengths / sizeof lengths[0]; k++) {
        for (seed = 0; seed < 10; seed++) {
            series(x, lengths[k], level, 0.02, 1000 * k + seed);
            found = find(x, lengths[k], seed, cp);
            if (found != 0) {
                fail_msg("noise alone, %zu points, seed %llu: a change point at %zu (p %g)",
                         lengths[k], (unsigned long long) seed, cp[0].index, cp[0].p_value);
            }
        }
    }
    /* the level is what it says: at 1%, about 5 of 500 noise series show a
     * step that is not there (8 do), never many more */
    for (seed = 0; seed < 500; seed++) {
        series(x, 30, level, 0.02, 7000 + seed);
        alarms += find(x, 30, seed, cp) > 0;
    }
    assert_in_range(alarms, 0, 10);
    /* heavy tails: a few runs 20% slow, as a noisy neighbour makes them */
    series(x, 60, level, 0.01, 77);
    x[13] *= 1.2;
    x[37] *= 1.25;
    x[38] *= 1.2;
    assert_int_equal(find(x, 60, 5, cp), 0);
}

static void test_one_step(void **state)
{
    static const size_t at[] = { 20 };
    static const double to[] = { 110.0 };
    double              x[40], level[40];
    cb_changepoint      cp[40];

    (void) state;
    levels(level, 40, at, to, 1);
    series(x, 40, level, 0.01, 11);
    assert_int_equal(find(x, 40, 12, cp), 1);
    assert_int_equal(cp[0].index, 20);
    assert_true(cp[0].p_value <= CB_CHANGEPOINT_SIGNIFICANCE);
    support_close_rel(cp[0].before, 100.0, 0.01, "the level before");
    support_close_rel(cp[0].after, 110.0, 0.01, "the level after");
}

/* A history longer than CB_TREND_RUNS_SEARCHED runs is searched among its
 * newest only: a step before them is not found, one among them is, at its
 * index in the whole history. */
static void test_trend_searches_newest(void **state)
{
    enum { RUNS = CB_TREND_RUNS_SEARCHED + 50 };
    static const size_t at[] = { 20, CB_TREND_RUNS_SEARCHED };
    static const double to[] = { 120.0, 110.0 };
    double              x[RUNS], level[RUNS];
    cb_history_point    points[RUNS];
    cb_history_series   s = { "s", points, RUNS, RUNS };
    cb_trend            t;
    char                rule[160];
    size_t              i;

    (void) state;
    levels(level, RUNS, at, to, 2);
    series(x, RUNS, level, 0.01, 31);
    memset(points, 0, sizeof points);
    for (i = 0; i < RUNS; i++) {
        points[i].estimate.point = x[i];
    }
    assert_int_equal(cb_trend_open(&t, &s, NULL, NULL, 0.02, 32), 0);
    assert_int_equal(t.n, RUNS);
    assert_int_equal(t.from, 50);
    assert_int_equal(t.nchanges, 1);
    assert_int_equal(t.changes[0].index, CB_TREND_RUNS_SEARCHED);
    cb_trend_rule(rule, sizeof rule, &t);
    assert_non_null(strstr(rule, "among the newest 250 runs"));
    cb_trend_free(&t);
}

static void test_two_steps(void **state)
{
    static const size_t at[] = { 15, 30 };
    static const double to[] = { 105.0, 100.0 };
    double              x[45], level[45];
    cb_changepoint      cp[45];

    (void) state;
    /* up 5% and back: a regression fixed */
    levels(level, 45, at, to, 2);
    series(x, 45, level, 0.01, 21);
    assert_int_equal(find(x, 45, 22, cp), 2);
    assert_int_equal(cp[0].index, 15);
    assert_int_equal(cp[1].index, 30);
    support_close_rel(cp[0].after, 105.0, 0.01, "the level between");
    support_close_rel(cp[1].after, 100.0, 0.01, "the level after");
    /* the segment between is the same one either side of it */
    assert_true(cp[0].after == cp[1].before);
}

static void test_short_history(void **state)
{
    static const size_t at[] = { 6 };
    static const double to[] = { 95.0 };
    double              x[12], level[12];
    cb_changepoint      cp[12];

    (void) state;
    /* twelve runs, 5% faster from the seventh, 1% noise: found, where it began */
    levels(level, 12, at, to, 1);
    series(x, 12, level, 0.01, 31);
    assert_int_equal(find(x, 12, 32, cp), 1);
    assert_int_equal(cp[0].index, 6);
    assert_true(cp[0].after < cp[0].before);
}

static void test_seeded(void **state)
{
    static const size_t at[] = { 25 };
    static const double to[] = { 102.0 };
    double              x[50], level[50];
    cb_changepoint      a[50], b[50];
    size_t              na, nb, i;

    (void) state;
    /* a step of 2% in 1% noise, near what the test can see: one seed, one answer */
    levels(level, 50, at, to, 1);
    series(x, 50, level, 0.01, 41);
    na = find(x, 50, 42, a);
    nb = find(x, 50, 42, b);
    assert_int_equal(na, nb);
    for (i = 0; i < na; i++) {
        assert_int_equal(a[i].index, b[i].index);
        assert_true(a[i].p_value == b[i].p_value);
    }
}

/* Exact counts: a step of two instructions in 59 968 is significant (there is
 * no noise at all) but no change point once held to the noise threshold
 * (0.1% for instruction counts); a step beyond it still is. */
static void test_held_to_threshold(void **state)
{
    double                x[12];
    cb_changepoint        cp[12];
    cb_changepoint_config cfg = cb_changepoint_defaults(7);
    size_t                found, i;

    (void) state;
    for (i = 0; i < 12; i++) {
        x[i] = i < 6 ? 59968.0 : 59970.0;
    }
    assert_int_equal(cb_changepoint_find(x, 12, &cfg, cp, &found), 0);
    assert_int_equal(found, 1);
    cfg.min_step = 0.001;
    assert_int_equal(cb_changepoint_find(x, 12, &cfg, cp, &found), 0);
    assert_int_equal(found, 0);
    for (i = 6; i < 12; i++) {
        x[i] = 60100.0;
    }
    assert_int_equal(cb_changepoint_find(x, 12, &cfg, cp, &found), 0);
    assert_int_equal(found, 1);
    assert_int_equal(cp[0].index, 6);
    assert_true(fabs(cb_changepoint_step(&cp[0]) - (60100.0 / 59968.0 - 1.0)) < 1e-12);
}

/* Two steps, the first within a 2% threshold: only the second is kept, and
 * its level before is measured from the start, the small step merged in. */
static void test_small_step_merged(void **state)
{
    double                x[18];
    cb_changepoint        cp[18];
    cb_changepoint_config cfg = cb_changepoint_defaults(9);
    size_t                found, i;

    (void) state;
    for (i = 0; i < 18; i++) {
        x[i] = i < 6 ? 100.0 : i < 12 ? 100.5 : 110.0;
    }
    assert_int_equal(cb_changepoint_find(x, 18, &cfg, cp, &found), 0);
    assert_int_equal(found, 2);
    cfg.min_step = 0.02;
    assert_int_equal(cb_changepoint_find(x, 18, &cfg, cp, &found), 0);
    assert_int_equal(found, 1);
    assert_int_equal(cp[0].index, 12);
    assert_true(fabs(cp[0].before - 100.25) < 1e-12);
    assert_true(fabs(cp[0].after - 110.0) < 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_step),       cmocka_unit_test(test_noise_alone),
        cmocka_unit_test(test_one_step),      cmocka_unit_test(test_two_steps),
        cmocka_unit_test(test_short_history), cmocka_unit_test(test_seeded),
        cmocka_unit_test(test_held_to_threshold), cmocka_unit_test(test_small_step_merged),
        cmocka_unit_test(test_trend_searches_newest),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
