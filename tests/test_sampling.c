/*
 * The harness on a fake clock: warm-up, the choice of linear or flat sampling,
 * the iteration counts of each sample, set-up kept out of the timing, and the
 * ways a benchmark can fail. No real time is read, so nothing here can flake.
 */
#include <string.h>

#include "stats/analysis.h"
#include "measure/measure.h"
#include "measure/sampling.h"
#include "support.h"

/* Beside support_now, the wall clock, counters a test's clock may measure:
 * the one c->state points at. */
static uint64_t fake_read(cb_clock *c)
{
    (void) c;
    return support_now;
}

static uint64_t counter_read(cb_clock *c)
{
    return *(const uint64_t *) c->state;
}

static uint64_t counter_stop(cb_clock *c, uint64_t mark)
{
    return counter_read(c) - mark;
}


/* 100 ns per iteration, plus 5 us of set-up per call that must not count. */
static int bench_100ns(cb_state *s)
{
    support_now += 5000;
    CB_LOOP(s) {
        support_now += 100;
    }
    support_now += 5000;
    return 0;
}

static int bench_fails(cb_state *s)
{
    return cb_state_fail(s, "primitive returned %d", 7);
}

static int bench_returns(cb_state *s)
{
    (void) s;
    return 3;
}

static int bench_never_times(cb_state *s)
{
    (void) s;
    return 0;
}

static int bench_leaves_running(cb_state *s)
{
    cb_state_start(s);
    return 0;
}

static int check_mismatch(cb_state *s)
{
    return cb_state_fail(s, "known-answer mismatch");
}

static int calls;

static int bench_counts_calls(cb_state *s)
{
    calls++;
    return bench_100ns(s);
}

static cb_instance instance(cb_bench *def, const char *name)
{
    return (cb_instance){ .name = (char *) name, .def = def };
}

static void test_plan_linear(void **state)
{
    cb_plan p;

    (void) state;
    /* 100 ns/iter, 100 samples, 1 s: d = ceil(1e9 / 100 / 5050) = 1981 */
    cb_sampling_plan(100.0, 100, 1e9, &p);
    assert_int_equal(p.mode, CB_MODE_LINEAR);
    assert_int_equal(p.d, 1981);
    assert_int_equal(cb_sampling_iterations(&p, 0), 1981);
    assert_int_equal(cb_sampling_iterations(&p, 99), 198100);
    support_close_rel(p.expected_ns, 5050.0 * 1981 * 100.0, 1e-12, "expected time");
    assert_false(cb_plan_overruns(&p));
}

static void test_plan_flat_for_slow_routines(void **state)
{
    cb_plan p;

    (void) state;
    /* a 50 ms KDF: linear with d = 1 would take 5050 * 50 ms, far over 2 x 1 s */
    cb_sampling_plan(50e6, 100, 1e9, &p);
    assert_int_equal(p.mode, CB_MODE_FLAT);
    assert_int_equal(p.d, 1);
    assert_int_equal(cb_sampling_iterations(&p, 0), 1);
    assert_int_equal(cb_sampling_iterations(&p, 99), 1);
    support_close_rel(p.expected_ns, 100 * 50e6, 1e-12, "expected time");
    assert_true(cb_plan_overruns(&p)); /* Criterion's warning */

    /* 10 samples in 1 s: a 1 ms routine fits linear sampling, a 40 ms one does not */
    cb_sampling_plan(1e6, 10, 1e9, &p);
    assert_int_equal(p.mode, CB_MODE_LINEAR);
    cb_sampling_plan(40e6, 10, 1e9, &p);
    assert_int_equal(p.mode, CB_MODE_FLAT);
    assert_int_equal(p.d, 3);
    assert_false(cb_plan_overruns(&p));
}

static void test_plan_linear_overrun(void **state)
{
    cb_plan p;

    (void) state;
    /* 1.5 x the target with d = 1: still linear (under 2x), but it overruns */
    cb_sampling_plan(1.5e9 / 5050.0, 100, 1e9, &p);
    assert_int_equal(p.mode, CB_MODE_LINEAR);
    assert_int_equal(p.d, 1);
    assert_true(cb_plan_overruns(&p));
}

static void test_warm_up_estimates_loop_time_only(void **state)
{
    cb_clock    c = support_fake_clock();
    cb_bench    def = { .name = "t/100ns", .run = bench_100ns };
    cb_instance inst = instance(&def, "t/100ns");
    cb_state    s;
    double      met;

    (void) state;
    support_now = 0;
    cb_state_init(&s, &inst, &c);
    assert_int_equal(cb_sampling_warm_up(&s, 1e6, &met), 0);
    /* the 10 us of set-up per call is excluded: exactly the loop's 100 ns */
    support_close_rel(met, 100.0, 1e-12, "warm-up estimate");
    /* and the warm-up stopped near its 1 ms budget, not at twice it */
    assert_true(support_now >= 1000000 && support_now < 1300000);
}

static void test_measure_linear_samples_exact(void **state)
{
    cb_clock            c = support_fake_clock();
    cb_bench            def = { .name = "t/100ns", .run = bench_100ns };
    cb_instance         inst = instance(&def, "t/100ns");
    cb_measure_config   cfg = { .warm_up_ns = 1e6, .measurement_ns = 1e8, .sample_size = 50 };
    cb_bootstrap_config boot = { 1000, 0.95, 1 };
    cb_result           r = { 0 };
    cb_error            err;
    size_t              i;

    (void) state;
    support_now = 0;
    cb_measure_run(&inst, &c, &cfg, NULL, &r);
    assert_false(r.failed);
    assert_int_equal(r.plan.mode, CB_MODE_LINEAR);
    assert_int_equal(r.samples.n, 50);
    for (i = 0; i < r.samples.n; i++) {
        assert_true(r.samples.iters[i] == (double) ((i + 1) * r.plan.d));
        assert_true(r.samples.values[i] == 100.0 * r.samples.iters[i]);
    }
    assert_int_equal(cb_analysis_run(&r.samples, r.plan.mode, &boot, &r.analysis, &err), 0);
    support_close_rel(r.analysis.slope.point, 100.0, 1e-12, "slope");
    support_close_rel(r.analysis.slope.lower, 100.0, 1e-12, "slope lower");
    support_close_rel(r.analysis.r_squared, 1.0, 1e-12, "R^2");
    assert_int_equal(cb_outliers_total(&r.analysis.outliers), 0);
    cb_result_free(&r);
}

/* An instruction counter beside the wall clock: the benchmark counts 250
 * instructions an iteration whatever the wall clock does, which moves by
 * wall_per_iter, as a loaded machine would move it more. */
static uint64_t fake_count, wall_per_iter, sample_mark;

static int bench_250_instructions(cb_state *s)
{
    /* a plan gone wrong fails here rather than running for hours */
    if (cb_state_iterations(s) > 100000) {
        return cb_state_fail(s, "planned %llu iterations",
                             (unsigned long long) cb_state_iterations(s));
    }
    CB_LOOP(s) {
        fake_count += 250;
        support_now += wall_per_iter;
    }
    return 0;
}

/* callgrind's shape: nothing readable in the loop, a count per sample after it */
static uint64_t deferred_none(cb_clock *c)
{
    (void) c;
    return 0;
}

static uint64_t deferred_stop(cb_clock *c, uint64_t mark)
{
    (void) c;
    (void) mark;
    return 0;
}

static void deferred_begin(cb_clock *c)
{
    (void) c;
    sample_mark = fake_count;
}

static int deferred_end(cb_clock *c, double *value, cb_error *err)
{
    (void) c;
    (void) err;
    *value = (double) (fake_count - sample_mark);
    return 0;
}

/* perf's shape and callgrind's */
static const cb_clock_ops counting_ops = { .kind = CB_MEASURE_INSTRUCTIONS,
                                           .unit = "instructions", .now_ns = fake_read,
                                           .start = counter_read, .stop = counter_stop,
                                           .plan_ns_per_count = 3.0 };
static const cb_clock_ops deferred_ops = { .kind = CB_MEASURE_INSTRUCTIONS,
                                           .unit = "instructions", .now_ns = fake_read,
                                           .start = deferred_none, .stop = deferred_stop,
                                           .sample_begin = deferred_begin,
                                           .sample_end = deferred_end,
                                           .plan_ns_per_count = 3.0 };

static cb_plan plan_counting(int deferred, uint64_t wall)
{
    cb_clock          c = { .ops = deferred ? &deferred_ops : &counting_ops,
                            .state = &fake_count };
    cb_bench          def = { .name = "t/count", .run = bench_250_instructions };
    cb_instance       inst = instance(&def, "t/count");
    cb_measure_config cfg = { .warm_up_ns = 1e6, .measurement_ns = 1e8, .sample_size = 20 };
    cb_result         r = { 0 };
    cb_plan           plan;

    support_now = 0;
    wall_per_iter = wall;
    cb_measure_run(&inst, &c, &cfg, NULL, &r);
    assert_string_equal(r.failure != NULL ? r.failure : "", "");
    plan = r.plan;
    cb_result_free(&r);
    return plan;
}

static void test_instruction_plan_ignores_the_wall_clock(void **state)
{
    int deferred;

    (void) state;
    for (deferred = 0; deferred <= 1; deferred++) {
        cb_plan quiet = plan_counting(deferred, 100), loaded = plan_counting(deferred, 700);

        support_close_rel(quiet.met_ns, 750.0, 1e-12, "plan's cost");
        assert_int_equal(quiet.mode, loaded.mode);
        assert_int_equal(quiet.d, loaded.d);
        /* 1e8 ns at 750 ns an iteration over 210 sample-iterations: d = 635 */
        assert_int_equal(quiet.d, 635);
    }
}

static void test_check_runs_once_before_timing(void **state)
{
    cb_clock          c = support_fake_clock();
    cb_bench          def = { .name = "t/kat", .run = bench_counts_calls, .check = check_mismatch };
    cb_instance       inst = instance(&def, "t/kat");
    cb_measure_config cfg = { .warm_up_ns = 1e6, .measurement_ns = 1e7, .sample_size = 10 };
    cb_result         r = { 0 };

    (void) state;
    calls = 0;
    cb_measure_run(&inst, &c, &cfg, NULL, &r);
    assert_true(r.failed);
    assert_string_equal(r.failure, "known-answer mismatch");
    assert_int_equal(calls, 0); /* never timed */
    assert_int_equal(r.samples.n, 0);
    cb_result_free(&r);
}

static void expect_failure(int (*run)(cb_state *), const char *want)
{
    cb_clock          c = support_fake_clock();
    cb_bench          def = { .name = "t/fail", .run = run };
    cb_instance       inst = instance(&def, "t/fail");
    cb_measure_config cfg = { .warm_up_ns = 1e6, .measurement_ns = 1e7, .sample_size = 10 };
    cb_result         r = { 0 };

    cb_measure_run(&inst, &c, &cfg, NULL, &r);
    assert_true(r.failed);
    assert_non_null(strstr(r.failure, want));
    cb_result_free(&r);
}

static void test_failures_are_reported(void **state)
{
    (void) state;
    expect_failure(bench_fails, "primitive returned 7");
    expect_failure(bench_returns, "returned 3");
    expect_failure(bench_never_times, "never started the timer");
    expect_failure(bench_leaves_running, "timer was left running");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_linear),
        cmocka_unit_test(test_plan_flat_for_slow_routines),
        cmocka_unit_test(test_plan_linear_overrun),
        cmocka_unit_test(test_warm_up_estimates_loop_time_only),
        cmocka_unit_test(test_measure_linear_samples_exact),
        cmocka_unit_test(test_instruction_plan_ignores_the_wall_clock),
        cmocka_unit_test(test_check_runs_once_before_timing),
        cmocka_unit_test(test_failures_are_reported),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
