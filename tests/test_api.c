/*
 * What the public API promises, on the fake clock: a fixture set up once per
 * process, batch preparation kept out of the timing, named axes and their
 * product, per-point settings, custom counters, variants, context.
 */
#include <string.h>

#include "cli/runner.h"
#include "measure/context.h"
#include "measure/measure.h"
#include "measure/registry.h"
#include "stats/analysis.h"
#include "support.h"

static const cb_measure_config quick = { .warm_up_ns = 1e6, .measurement_ns = 1e8,
                                         .sample_size = 20 };

/* Registers def alone and measures instance k of it into r. */
static void measure_one(const cb_bench *def, size_t k, cb_result *r)
{
    cb_instance_list list;
    cb_clock         c = support_fake_clock();
    cb_error         err;

    cb_registry_clear();
    assert_int_equal(cb_register(def), 0);
    assert_int_equal(cb_registry_expand(&list, &err), 0);
    assert_true(k < list.n);
    support_now = 0;
    assert_int_equal(cb_measure_identify(r, &list.items[k]), 0);
    cb_measure_run(&list.items[k], &c, &quick, NULL, r);
    cb_instance_list_free(&list);
}

static int setups, teardowns, runs;
static int fixture_value = 42;

static int fixture_setup(cb_state *s)
{
    setups++;
    support_now += 1000000; /* slow set-up: it must not be timed */
    cb_state_set_fixture(s, &fixture_value);
    return 0;
}

static void fixture_teardown(cb_state *s)
{
    assert_ptr_equal(cb_state_fixture(s), &fixture_value);
    teardowns++;
}

static int fixture_run(cb_state *s)
{
    int *v = cb_state_fixture(s);

    runs++;
    if (v == NULL || *v != 42) {
        return cb_state_fail(s, "no fixture");
    }
    CB_LOOP(s) {
        support_now += 50;
    }
    return 0;
}

static void test_fixture_runs_once(void **state)
{
    cb_result r = { 0 };

    (void) state;
    setups = teardowns = runs = 0;
    measure_one(&(cb_bench){ .name = "t/fixture", .run = fixture_run, .setup = fixture_setup,
                             .teardown = fixture_teardown },
                0, &r);
    assert_false(r.failed);
    assert_int_equal(setups, 1);
    assert_int_equal(teardowns, 1);
    /* warm-up and twenty samples: many calls, one set-up */
    assert_true(runs > 20);
    assert_true(r.samples.values[0] == 50.0 * r.samples.iters[0]);
    cb_result_free(&r);
}

static int failing_setup(cb_state *s)
{
    setups++;
    return cb_state_fail(s, "no key");
}

static void test_failed_setup_fails_untimed(void **state)
{
    cb_result r = { 0 };

    (void) state;
    setups = teardowns = runs = 0;
    measure_one(&(cb_bench){ .name = "t/fixture", .run = fixture_run, .setup = failing_setup,
                             .teardown = fixture_teardown },
                0, &r);
    assert_true(r.failed);
    assert_string_equal(r.failure, "no key");
    assert_int_equal(runs, 0);
    assert_int_equal(teardowns, 0); /* set-up never succeeded */
    cb_result_free(&r);
}

/* 30 ns an input, 1 us of preparation per batch of 16, which must not count */
static uint64_t prepared, batches;

static int batched_run(cb_state *s)
{
    uint64_t inputs[16];

    CB_BATCHES(s, n, 16) {
        uint64_t k;

        assert_true(n >= 1 && n <= 16);
        for (k = 0; k < n; k++) {
            inputs[k] = prepared++;
        }
        support_now += 1000;
        batches++;
        CB_BATCH_LOOP(s, i, n) {
            cb_black_box(&inputs[i]);
            support_now += 30;
        }
    }
    return 0;
}

static void test_batch_preparation_is_untimed(void **state)
{
    cb_result r = { 0 };
    double    iters = 0.0;
    size_t    i;

    (void) state;
    prepared = batches = 0;
    measure_one(&(cb_bench){ .name = "t/batched", .run = batched_run }, 0, &r);
    assert_false(r.failed);
    for (i = 0; i < r.samples.n; i++) {
        assert_true(r.samples.values[i] == 30.0 * r.samples.iters[i]);
        iters += r.samples.iters[i];
    }
    /* every iteration had an input of its own, in batches of 16 at most */
    assert_true((double) prepared >= iters);
    assert_true((double) batches >= iters / 16.0);
    cb_result_free(&r);
}

static int short_batches(cb_state *s)
{
    CB_BATCHES(s, n, 8) {
        CB_BATCH_LOOP(s, i, n) {
            support_now += 1;
        }
        break; /* leaves the iterations unfinished */
    }
    return 0;
}

static void test_unfinished_batches_fail(void **state)
{
    cb_result r = { 0 };

    (void) state;
    measure_one(&(cb_bench){ .name = "t/short", .run = short_batches }, 0, &r);
    assert_true(r.failed);
    assert_non_null(strstr(r.failure, "the batches covered 8 of"));
    cb_result_free(&r);
}

/* CB_BATCH_LOOP without CB_BATCHES: a loop of its own count, which the harness
 * must not time as if it were the iterations it asked for */
static int batch_loop_alone(cb_state *s)
{
    CB_BATCH_LOOP(s, i, 256) {
        support_now += 1;
    }
    return 0;
}

/* a batch loop longer than its batch, and one shorter */
static int batch_loop_too_long(cb_state *s)
{
    CB_BATCHES(s, n, 8) {
        CB_BATCH_LOOP(s, i, n + 1) {
            support_now += 1;
        }
    }
    return 0;
}

static int batch_loop_too_short(cb_state *s)
{
    CB_BATCHES(s, n, 8) {
        CB_BATCH_LOOP(s, i, n - 1) {
            support_now += 1;
        }
    }
    return 0;
}

static void test_batch_loop_misuse_fails(void **state)
{
    cb_result r = { 0 };

    (void) state;
    measure_one(&(cb_bench){ .name = "t/alone", .run = batch_loop_alone }, 0, &r);
    assert_true(r.failed);
    assert_non_null(strstr(r.failure, "CB_BATCH_LOOP outside CB_BATCHES: it runs 256 iterations"));
    assert_int_equal(r.samples.n, 0);
    cb_result_free(&r);
    measure_one(&(cb_bench){ .name = "t/long", .run = batch_loop_too_long }, 0, &r);
    assert_true(r.failed);
    assert_non_null(strstr(r.failure, "CB_BATCH_LOOP of "));
    cb_result_free(&r);
    measure_one(&(cb_bench){ .name = "t/short", .run = batch_loop_too_short }, 0, &r);
    assert_true(r.failed);
    assert_non_null(strstr(r.failure, "CB_BATCH_LOOP ran "));
    cb_result_free(&r);
}

static uint64_t seen_mem, seen_passes;

static int axes_run(cb_state *s)
{
    seen_mem = cb_state_arg(s, "mem_kib");
    seen_passes = cb_state_arg(s, "passes");
    CB_LOOP(s) {
        support_now += seen_mem * seen_passes;
    }
    return 0;
}

static void configure_kdf(cb_point *p)
{
    /* the dearest point gets more time, and fewer samples */
    if (p->args[0] * p->args[1] >= 64 * 3) {
        p->measurement_time = 2.5;
        p->sample_size = 10;
    }
}

static void test_named_axes(void **state)
{
    static const uint64_t mem[] = { 19, 64 }, passes[] = { 1, 2, 3 };
    static const cb_axis  axes[] = { { "mem_kib", mem, 2, "KiB" }, { "passes", passes, 3, NULL } };
    cb_bench              def = { .name = "kdf/argon2id", .impl = "libsodium", .run = axes_run,
                                  .axes = axes, .naxes = 2, .configure = configure_kdf,
                                  .sample_size = 20, .measurement_time = 0.5 };
    cb_instance_list      list;
    cb_result             r = { 0 };
    cb_error              err;
    cb_config             cli;
    cb_measure_config     mc;

    (void) state;
    cb_registry_clear();
    assert_int_equal(cb_register(&def), 0);
    assert_int_equal(cb_registry_expand(&list, &err), 0);
    /* the product, the last axis varying fastest */
    assert_int_equal(list.n, 6);
    assert_string_equal(list.items[0].name, "kdf/argon2id/mem_kib=19/passes=1/libsodium");
    assert_string_equal(list.items[2].name, "kdf/argon2id/mem_kib=19/passes=3/libsodium");
    assert_string_equal(list.items[5].name, "kdf/argon2id/mem_kib=64/passes=3/libsodium");
    /* each point's own settings */
    assert_int_equal(list.items[0].sample_size, 20);
    assert_true(list.items[0].measurement_time == 0.5);
    assert_int_equal(list.items[5].sample_size, 10);
    assert_true(list.items[5].measurement_time == 2.5);
    /* and what the runner measures each point with */
    memset(&cli, 0, sizeof cli);
    cli.warm_up_s = 0.5;
    cb_runner_settings(&cli, &list.items[5], &mc);
    assert_true(mc.measurement_ns == 2.5e9);
    assert_int_equal(mc.sample_size, 10);
    cb_runner_settings(&cli, &list.items[0], &mc);
    assert_true(mc.measurement_ns == 0.5e9);
    assert_int_equal(mc.sample_size, 20);
    cb_instance_list_free(&list);

    measure_one(&def, 4, &r);
    assert_false(r.failed);
    assert_int_equal(seen_mem, 64);
    assert_int_equal(seen_passes, 2);
    assert_int_equal(r.nargs, 2);
    assert_true(r.named_args);
    assert_string_equal(r.args[0].name, "mem_kib");
    assert_string_equal(r.args[0].unit, "KiB");
    assert_int_equal(r.args[1].value, 2);
    cb_result_free(&r);
}

static int unknown_axis(cb_state *s)
{
    (void) cb_state_arg(s, "passes");
    CB_LOOP(s) {
        support_now += 1;
    }
    return 0;
}

static void test_axis_misuse(void **state)
{
    static const uint64_t v[] = { 1 };
    static const cb_axis  dup[] = { { "a", v, 1, NULL }, { "a", v, 1, NULL } };
    cb_result             r = { 0 };

    (void) state;
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "t/x", .run = unknown_axis, .axes = dup,
                                               .naxes = 2 }),
                     -1);
    assert_non_null(strstr(cb_registry_error(), "two axes of the same name"));
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "t/x", .run = unknown_axis, .params = v,
                                               .nparams = 1, .axes = dup, .naxes = 1 }),
                     -1);
    assert_non_null(strstr(cb_registry_error(), "params or axes, not both"));
    measure_one(&(cb_bench){ .name = "t/x", .run = unknown_axis, .axes = dup, .naxes = 1 }, 0, &r);
    assert_true(r.failed);
    assert_string_equal(r.failure, "cb_state_arg: no axis named \"passes\"; its axes are \"a\"");
    cb_result_free(&r);
}

/* 4 blocks an iteration, 100 ns an iteration: 40 M blocks a second */
static int counting_run(cb_state *s)
{
    CB_LOOP(s) {
        support_now += 100;
    }
    cb_state_counter(s, "blocks", 4.0 * (double) cb_state_iterations(s));
    return 0;
}

static void test_counters(void **state)
{
    cb_result r = { 0 };

    (void) state;
    measure_one(&(cb_bench){ .name = "t/blocks", .run = counting_run }, 0, &r);
    assert_false(r.failed);
    assert_int_equal(r.ncounters, 1);
    assert_string_equal(r.counters[0].name, "blocks");
    support_close_rel(r.counters[0].per_iteration, 4.0, 1e-12, "blocks per iteration");
    support_close_rel(r.counters[0].per_second, 4e7, 1e-12, "blocks per second");
    cb_result_free(&r);
}

/* 20 us a call, and every tenth call 30 us: single calls see the tail that
 * samples of many calls average away. */
static uint64_t call_number;

static int tail_run(cb_state *s)
{
    CB_LOOP(s) {
        support_now += ++call_number % 10 == 0 ? 30000 : 20000;
    }
    return 0;
}

static void test_single_calls(void **state)
{
    cb_measure_config cfg = quick;
    cb_instance_list  list;
    cb_clock          c = support_fake_clock();
    cb_result         r = { 0 };
    cb_error          err;

    (void) state;
    cfg.calls = 100;
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "t/tail", .run = tail_run }), 0);
    assert_int_equal(cb_registry_expand(&list, &err), 0);
    call_number = 0;
    cb_measure_run(&list.items[0], &c, &cfg, NULL, &r);
    assert_false(r.failed);
    assert_int_equal(r.calls.n, 100);
    assert_int_equal(cb_analysis_calls(&r.calls, &err), 0);
    assert_true(r.calls.percentiles[0] == 20000.0); /* p50 */
    assert_true(r.calls.percentiles[5] == 30000.0); /* max */
    cb_result_free(&r);
    cb_instance_list_free(&list);
}

static void test_variants_and_context(void **state)
{
    static const uint64_t sizes[] = { 32, 1024 };
    cb_instance_list      list;
    cb_error              err;

    (void) state;
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "mk/seal", .impl = "x", .run = counting_run,
                                               .params = sizes, .nparams = 2 }),
                     0);
    assert_int_equal(cb_register(&(cb_bench){ .name = "mk/seal-fresh", .impl = "x",
                                               .run = counting_run, .params = sizes,
                                               .nparams = 2, .variant_of = "mk/seal",
                                               .variant = "key set-up" }),
                     0);
    assert_int_equal(cb_registry_expand(&list, &err), 0);
    assert_string_equal(list.items[3].name, "mk/seal-fresh/1024/x");
    assert_string_equal(list.items[3].variant_of, "mk/seal/1024/x");
    cb_instance_list_free(&list);
    assert_int_equal(cb_register(&(cb_bench){ .name = "mk/bad", .run = counting_run,
                                               .variant_of = "mk/seal" }),
                     -1);

    cb_context_clear();
    assert_int_equal(cb_context_add("zstd", "1.5.4"), 0);
    assert_int_equal(cb_context_add("zstd", "1.5.5"), 0);
    assert_string_equal(cb_context_get(cb_context_registered(), "zstd"), "1.5.5");
    assert_int_equal(cb_context_registered()->n, 1);
    assert_int_equal(cb_context_add("bad key", "x"), -1);
    assert_non_null(cb_context_error());
    cb_context_clear();
}

static int teardown_registry(void **state)
{
    (void) state;
    cb_registry_clear();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_fixture_runs_once, teardown_registry),
        cmocka_unit_test_teardown(test_failed_setup_fails_untimed, teardown_registry),
        cmocka_unit_test_teardown(test_batch_preparation_is_untimed, teardown_registry),
        cmocka_unit_test_teardown(test_unfinished_batches_fail, teardown_registry),
        cmocka_unit_test_teardown(test_batch_loop_misuse_fails, teardown_registry),
        cmocka_unit_test_teardown(test_named_axes, teardown_registry),
        cmocka_unit_test_teardown(test_axis_misuse, teardown_registry),
        cmocka_unit_test_teardown(test_counters, teardown_registry),
        cmocka_unit_test_teardown(test_single_calls, teardown_registry),
        cmocka_unit_test_teardown(test_variants_and_context, teardown_registry),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
