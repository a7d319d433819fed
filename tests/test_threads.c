/*
 * A benchmark on N threads at once, on trivial primitives, checked by its
 * structure and never by its timings: each thread set up with a fixture of
 * its own and its state on pages of its own, every sample of N x d
 * iterations, single calls pooled from every thread, a thread's failure
 * named; the counts a benchmark is measured on; the rule that a measurement
 * on threads is compared only with one on as many; its efficiency and its
 * aggregate throughput; its fields through a baseline's JSON.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/runner.h"
#include "measure/threads.h"
#include "stats/compare.h"
#include "stats/scaling.h"
#include "store/result_json.h"
#include "support.h"

#define MAX_SEEN 64

/* What the threads' fixtures saw: every set-up's fixture and state, each
 * fixture's own count of iterations. */
typedef struct fixture {
    uint64_t iterations;
    size_t   id;
} fixture;

static pthread_mutex_t  seen_lock = PTHREAD_MUTEX_INITIALIZER;
static fixture         *fixtures[MAX_SEEN];
static const cb_state  *states[MAX_SEEN];
static size_t           setups, teardowns, checks;

static void forget(void)
{
    setups = teardowns = checks = 0;
    memset(fixtures, 0, sizeof fixtures);
    memset(states, 0, sizeof states);
}

static int setup(cb_state *s)
{
    fixture *f = calloc(1, sizeof *f);

    if (f == NULL) {
        return cb_state_fail(s, "out of memory");
    }
    pthread_mutex_lock(&seen_lock);
    f->id = setups;
    fixtures[setups] = f;
    states[setups++] = s;
    pthread_mutex_unlock(&seen_lock);
    cb_state_set_fixture(s, f);
    return 0;
}

static void teardown(cb_state *s)
{
    pthread_mutex_lock(&seen_lock);
    teardowns++;
    pthread_mutex_unlock(&seen_lock);
    (void) s; /* the fixtures are kept for the test to read, and freed by it */
}

static int check(cb_state *s)
{
    pthread_mutex_lock(&seen_lock);
    checks++;
    pthread_mutex_unlock(&seen_lock);
    return cb_state_fixture(s) != NULL ? 0 : cb_state_fail(s, "no fixture");
}

/* The trivial primitive: counts its iterations in its own fixture. */
static int count(cb_state *s)
{
    fixture *f = cb_state_fixture(s);

    CB_LOOP(s) {
        f->iterations++;
        cb_black_box(f);
    }
    return 0;
}

/* At least 20 us a call, whatever the machine: single calls are timed. */
static int slow(cb_state *s)
{
    const struct timespec pause = { 0, 20000 };
    fixture              *f = cb_state_fixture(s);

    CB_LOOP(s) {
        nanosleep(&pause, NULL);
        f->iterations++;
    }
    return 0;
}

/* The third thread's fixture fails its calls. */
static int fails_on_third(cb_state *s)
{
    fixture *f = cb_state_fixture(s);

    CB_LOOP(s) {
        f->iterations++;
    }
    return f->id == 2 ? cb_state_fail(s, "primitive returned -1") : 0;
}

static void free_fixtures(void)
{
    size_t i;

    for (i = 0; i < setups; i++) {
        free(fixtures[i]);
    }
    forget();
}

static void measure(cb_bench *def, size_t threads, const cb_measure_config *base,
                    cb_result *r)
{
    cb_instance       inst = { .name = (char *) def->name, .def = def };
    cb_measure_config cfg = *base;
    cb_clock          clock;
    cb_error          err;

    assert_int_equal(cb_clock_open(&clock, CB_MEASURE_WALL, &err), 0);
    cfg.threads = threads;
    memset(r, 0, sizeof *r);
    forget();
    cb_measure_run(&inst, &clock, &cfg, NULL, r);
    cb_clock_close(&clock);
}

static const cb_measure_config quick = { .warm_up_ns = 1e6, .measurement_ns = 2e6,
                                         .sample_size = 10 };

static void test_structure(void **state)
{
    cb_bench  def = { .name = "t/count", .run = count, .setup = setup, .check = check,
                      .teardown = teardown };
    cb_result r;
    long      page = sysconf(_SC_PAGESIZE);
    size_t    i, j, n = 3;

    (void) state;
    measure(&def, n, &quick, &r);
    assert_false(r.failed);
    /* one fixture, one check and one tear-down per thread, each its own */
    assert_int_equal(setups, n);
    assert_int_equal(checks, n);
    assert_int_equal(teardowns, n);
    for (i = 0; i < n; i++) {
        assert_true(fixtures[i]->iterations > 0); /* every thread ran */
        /* each thread's state on pages no other thread's touches */
        assert_int_equal((uintptr_t) states[i] % (uintptr_t) page, 0);
        for (j = 0; j < i; j++) {
            assert_ptr_not_equal(fixtures[i], fixtures[j]);
            assert_true((uintptr_t) states[i] / (uintptr_t) page !=
                        (uintptr_t) states[j] / (uintptr_t) page);
        }
    }
    /* flat samples, each every thread's d iterations */
    assert_int_equal(r.plan.mode, CB_MODE_FLAT);
    assert_int_equal(r.samples.n, quick.sample_size);
    for (i = 0; i < r.samples.n; i++) {
        assert_true(r.samples.iters[i] == (double) (n * r.plan.d));
        assert_true(r.samples.values[i] > 0.0);
    }
    /* a fast primitive has no single calls */
    assert_int_equal(r.calls.n, 0);
    free_fixtures();
    cb_result_free(&r);
}

/* Threads that cannot run at once (more of them than cores; here a lock
 * each holds for its whole timed loop), on the fake clock: 10 ns an
 * iteration, one thread after the other. */
static pthread_mutex_t one_at_a_time = PTHREAD_MUTEX_INITIALIZER;

static int serialised(cb_state *s)
{
    pthread_mutex_lock(&one_at_a_time);
    CB_LOOP(s) {
        support_now += 10;
    }
    pthread_mutex_unlock(&one_at_a_time);
    return 0;
}

static void test_taking_turns_is_no_speed_up(void **state)
{
    cb_bench          def = { .name = "t/serialised", .run = serialised };
    cb_instance       inst = { .name = "t/serialised", .def = &def };
    cb_measure_config cfg = quick;
    cb_clock          clock = support_fake_clock();
    cb_result         r;
    size_t            i;

    (void) state;
    cfg.threads = 4;
    memset(&r, 0, sizeof r);
    cb_measure_run(&inst, &clock, &cfg, NULL, &r);
    assert_false(r.failed);
    /* each sample the time all four took, not the one turn of the slowest:
     * 10 ns an iteration of the four threads' together, not 2.5 */
    for (i = 0; i < r.samples.n; i++) {
        support_close_rel(r.samples.values[i] / r.samples.iters[i], 10.0, 1e-12,
                          "ns per iteration");
    }
    cb_result_free(&r);
}

static void test_calls_pooled(void **state)
{
    cb_bench          def = { .name = "t/slow", .run = slow, .setup = setup };
    cb_measure_config cfg = quick;
    cb_result         r;

    (void) state;
    /* 20 calls a thread when they fit in the measurement time, at least 10
     * when a loaded machine makes them slow: either way as many from each
     * thread, pooled */
    cfg.measurement_ns = 1e8;
    cfg.calls = 40;
    measure(&def, 2, &cfg, &r);
    assert_false(r.failed);
    assert_int_equal(r.calls.n % 2, 0);
    assert_in_range(r.calls.n, 20, 40);
    free_fixtures();
    cb_result_free(&r);
}

static void test_failure_named(void **state)
{
    cb_bench  def = { .name = "t/fails", .run = fails_on_third, .setup = setup,
                      .teardown = teardown };
    cb_result r;

    (void) state;
    measure(&def, 3, &quick, &r);
    assert_true(r.failed);
    assert_non_null(strstr(r.failure, "of 3: "));
    assert_non_null(strstr(r.failure, "primitive returned -1"));
    assert_int_equal(teardowns, 3); /* every fixture torn down all the same */
    free_fixtures();
    cb_result_free(&r);
}

static void test_test_only(void **state)
{
    cb_bench          def = { .name = "t/count", .run = count, .setup = setup, .check = check };
    cb_measure_config cfg = quick;
    cb_result         r;
    size_t            i;

    (void) state;
    cfg.test_only = 1;
    measure(&def, 2, &cfg, &r);
    assert_false(r.failed);
    assert_int_equal(checks, 2);
    assert_int_equal(r.samples.n, 0);
    for (i = 0; i < 2; i++) {
        assert_true(fixtures[i]->iterations == 1);
    }
    free_fixtures();
    cb_result_free(&r);
}

static void test_counts(void **state)
{
    static const unsigned own[] = { 3, 1, 3 };
    cb_bench              def = { .name = "t/count", .run = count, .threads = own, .nthreads = 3 };
    cb_instance           inst = { .name = "t/count", .def = &def };
    cb_config             cfg;
    size_t                counts[CB_MAX_THREAD_COUNTS + 1];

    (void) state;
    memset(&cfg, 0, sizeof cfg);
    /* the benchmark's own, 1 first, each once */
    assert_int_equal(cb_runner_thread_counts(&cfg, &inst, counts), 2);
    assert_int_equal(counts[0], 1);
    assert_int_equal(counts[1], 3);
    /* the command line's replace them */
    cfg.threads[0] = 2;
    cfg.threads[1] = 4;
    cfg.nthreads = 2;
    assert_int_equal(cb_runner_thread_counts(&cfg, &inst, counts), 3);
    assert_int_equal(counts[0], 1);
    assert_int_equal(counts[1], 2);
    assert_int_equal(counts[2], 4);
    /* and other measures have none */
    cfg.measure = CB_MEASURE_INSTRUCTIONS;
    assert_int_equal(cb_runner_thread_counts(&cfg, &inst, counts), 0);
}

/* A result of n threads whose samples are per-operation times per_op. */
static void threaded(cb_result *r, size_t n, double per_op)
{
    size_t i;

    memset(r, 0, sizeof *r);
    assert_int_equal(cb_samples_alloc(&r->samples, 10), 0);
    for (i = 0; i < 10; i++) {
        r->samples.iters[i] = 100.0 * (double) n;
        r->samples.values[i] = per_op * 100.0 * (double) n * (1.0 + 0.001 * (double) i);
    }
    r->plan.mode = CB_MODE_FLAT;
    r->plan.n = 10;
    r->plan.d = 100;
    r->analysis.mean = (cb_estimate){ per_op * 1.0045, per_op, per_op * 1.009, 0.0 };
    r->threads.n = n;
    r->threads.cores = 2;
}

static void test_compare_same_count_only(void **state)
{
    cb_compare_config c = { .noise_threshold = 0.02, .resolution = 0.06, .significance = 0.05,
                            .comparisons = 1, .boot = { 1000, 0.95, 1 } };
    cb_result         old, now;
    cb_error          err;

    (void) state;
    threaded(&old, 2, 10.0);
    threaded(&now, 3, 10.0);
    assert_int_equal(cb_compare_into(&old, &now, &c, &err), 0);
    assert_false(now.has_change);
    old.threads.n = 3;
    assert_int_equal(cb_compare_into(&old, &now, &c, &err), 0);
    assert_true(now.has_change);
    cb_result_free(&old);
    cb_result_free(&now);
}

static void test_scaling(void **state)
{
    cb_bootstrap_config boot = { 1000, 0.95, 1 };
    cb_result           one, two;
    cb_error            err;

    (void) state;
    threaded(&one, 1, 10.0);
    threaded(&two, 2, 5.0); /* twice the operations a second: perfect scaling */
    cb_scaling_ops(&two);
    support_close_rel(two.threads.ops.point, 1e9 / (5.0 * 1.0045), 1e-12, "ops per second");
    assert_true(two.threads.ops.lower < two.threads.ops.point &&
                two.threads.ops.point < two.threads.ops.upper);
    assert_int_equal(cb_scaling_efficiency(&one, &one, &boot, &err), 0);
    assert_true(one.threads.efficiency.point == 1.0);
    assert_int_equal(cb_scaling_efficiency(&one, &two, &boot, &err), 0);
    support_close_rel(two.threads.efficiency.point, 1.0, 1e-12, "efficiency");
    assert_true(two.threads.efficiency.lower <= 1.0 && two.threads.efficiency.upper >= 1.0);
    assert_int_equal(cb_scaling_efficiency(NULL, &two, &boot, &err), 0);
    assert_true(isnan(two.threads.efficiency.point));
    cb_result_free(&one);
    cb_result_free(&two);
}

static void test_json(void **state)
{
    cb_result       r, back;
    json_t         *obj;
    char           *text;
    cb_error        err;
    cb_json_reader  rd = { "mem.json", NULL, 0, &err };
    size_t          k, i;

    (void) state;
    for (k = 0; k < 2; k++) {
        threaded(&r, 3, 5.0);
        assert_int_equal(cb_result_set_string(&r.name, "t/x/threads:3"), 0);
        r.analysis.median = r.analysis.mean;
        r.analysis.min = r.analysis.max = 5.0;
        for (i = 0; i < CB_NPERCENTILES; i++) {
            r.analysis.percentiles[i] = 5.0;
        }
        r.threads.ops = (cb_estimate){ 2e8, 1.9e8, 2.1e8, 1e6 };
        r.threads.efficiency = k == 0 ? (cb_estimate){ 0.7, 0.65, 0.75, 0.02 }
                                      : (cb_estimate){ NAN, NAN, NAN, NAN };
        obj = cb_result_json_encode(&r, "ns", 1);
        assert_non_null(obj);
        text = json_dumps(obj, JSON_REAL_PRECISION(17));
        rd.text = text;
        rd.len = strlen(text);
        memset(&back, 0, sizeof back);
        if (cb_result_json_decode(&rd, obj, NULL, "ns", &back) != 0) {
            fail_msg("%s", err.msg);
        }
        assert_int_equal(back.threads.n, 3);
        assert_int_equal(back.threads.cores, 2);
        assert_true(back.threads.ops.point == 2e8);
        if (k == 0) {
            assert_true(back.threads.efficiency.point == 0.7);
        } else {
            assert_true(isnan(back.threads.efficiency.point));
        }
        free(text);
        json_decref(obj);
        cb_result_free(&r);
        cb_result_free(&back);
    }
}

static void test_registry_refuses(void **state)
{
    static const unsigned zero[] = { 0 }, many[] = { 2000 };
    cb_bench              b = { .name = "t/x", .run = count };

    (void) state;
    b.threads = zero;
    b.nthreads = 1;
    assert_int_equal(cb_register(&b), -1);
    cb_registry_clear();
    b.threads = many;
    assert_int_equal(cb_register(&b), -1);
    cb_registry_clear();
    b.threads = NULL;
    assert_int_equal(cb_register(&b), -1);
    cb_registry_clear();
    assert_true(cb_threads_cores() >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_calls_pooled),
        cmocka_unit_test(test_taking_turns_is_no_speed_up),
        cmocka_unit_test(test_failure_named),
        cmocka_unit_test(test_test_only),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_compare_same_count_only),
        cmocka_unit_test(test_scaling),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_registry_refuses),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
