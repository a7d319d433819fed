/*
 * Group summaries on a synthetic run whose answers are known: implementation
 * pairs and their speedup, parameter sweeps and their fit, variant costs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/group.h"
#include "report/summary.h"
#include "support.h"

/* A flat-sampled result of 20 samples of about `ns` per iteration (+-0.5%). */
static void add(cb_run *run, const char *name, const char *impl, int has_param, uint64_t param,
                double ns)
{
    cb_bootstrap_config boot = { 500, 0.95, 1 };
    cb_result          *r = cb_run_add(run);
    cb_error            err;
    size_t              i;

    cb_result_set_string(&r->name, name);
    cb_result_set_string(&r->impl, impl);
    if (has_param) {
        cb_result_set_param(r, "iterations", param);
    }
    r->plan.mode = CB_MODE_FLAT;
    cb_samples_alloc(&r->samples, 20);
    for (i = 0; i < 20; i++) {
        r->samples.iters[i] = 10.0;
        r->samples.values[i] = 10.0 * ns * (1.0 + ((double) (i % 5) - 2.0) / 400.0);
    }
    assert_int_equal(cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, &err), 0);
}

static void test_pairs_sweeps_costs(void **state)
{
    cb_bootstrap_config boot = { 2000, 0.95, 1 };
    cb_run              run;
    cb_groups           g;
    cb_error            err;
    char                line[512];

    (void) state;
    memset(&run, 0, sizeof run);
    run.unit = "ns";
    add(&run, "did/sha256/64/libsodium", "libsodium", 1, 64, 340.0);
    add(&run, "did/sha256/64/openssl", "openssl", 1, 64, 100.0);
    add(&run, "did/blake2b/64/libsodium", "libsodium", 1, 64, 150.0); /* no partner */
    /* 200 ns per iteration + 4000 ns fixed */
    add(&run, "kdf/pbkdf2/1000/openssl", "openssl", 1, 1000, 204000.0);
    add(&run, "kdf/pbkdf2/10000/openssl", "openssl", 1, 10000, 2004000.0);
    add(&run, "kdf/pbkdf2/100000/openssl", "openssl", 1, 100000, 20004000.0);
    add(&run, "mk/gcm-encrypt/32/openssl", "openssl", 1, 32, 150.0);
    add(&run, "mk/gcm-encrypt-fresh-ctx/32/openssl", "openssl", 1, 32, 400.0);
    /* a variant is what it was registered as, not what its name suggests */
    cb_result_set_string(&run.results[run.n - 1].variant_of, "mk/gcm-encrypt/32/openssl");
    cb_result_set_string(&run.results[run.n - 1].variant, "key set-up");
    add(&run, "mk/gcm-encrypt-fresh-ctx/1024/openssl", "openssl", 1, 1024, 400.0);

    assert_int_equal(cb_group_analyse(&run, NULL, &boot, &g, &err), 0);
    assert_int_equal(g.nratios, 1);
    assert_string_equal(g.ratios[0].primitive, "did/sha256/64");
    assert_string_equal(g.ratios[0].faster->impl, "openssl");
    support_close_rel(g.ratios[0].speedup.point, 3.4, 1e-9, "speedup");
    assert_true(g.ratios[0].speedup.lower < 3.4 && g.ratios[0].speedup.upper > 3.4);
    cb_summary_ratio(line, sizeof line, &g.ratios[0], "ns");
    assert_string_equal(line, "did/sha256/64: openssl 3.40x faster than libsodium [3.39x 3.41x]");
    /* a count is fewer, not faster */
    cb_summary_ratio(line, sizeof line, &g.ratios[0], "instructions");
    assert_string_equal(line, "did/sha256/64: openssl 3.40x fewer instructions than libsodium "
                              "[3.39x 3.41x]");

    /* the fresh context at 32 and 1024 bytes: two points, drawn, not fitted */
    assert_int_equal(g.nsweeps, 2);
    assert_string_equal(g.sweeps[1].series, "mk/gcm-encrypt-fresh-ctx/*/openssl");
    assert_int_equal(g.sweeps[1].n, 2);
    assert_false(g.sweeps[1].fitted);
    cb_summary_sweep(line, sizeof line, &g.sweeps[1], "ns");
    assert_string_equal(line, "mk/gcm-encrypt-fresh-ctx/*/openssl: 2 points, too few for a fit");
    assert_string_equal(g.sweeps[0].series, "kdf/pbkdf2/*/openssl");
    assert_true(g.sweeps[0].fitted);
    assert_int_equal(g.sweeps[0].n, 3);
    support_close_rel(g.sweeps[0].fit.slope, 200.0, 1e-9, "per-iteration cost");
    support_close_rel(g.sweeps[0].fit.intercept, 4000.0, 1e-6, "fixed cost");
    support_close_rel(g.sweeps[0].fit.r_squared, 1.0, 1e-12, "R^2");
    cb_summary_sweep(line, sizeof line, &g.sweeps[0], "ns");
    assert_string_equal(line, "kdf/pbkdf2/*/openssl: 200.00 ns per iteration + 4.0000 us fixed, R\u00b2 1.00000");

    assert_int_equal(g.ncosts, 1);
    assert_string_equal(g.costs[0].what, "key set-up");
    assert_string_equal(g.costs[0].base->name, "mk/gcm-encrypt/32/openssl");
    support_close_rel(g.costs[0].cost.point, 250.0, 1e-9, "set-up cost");
    cb_groups_free(&g);

    /* one group at a time */
    assert_int_equal(cb_group_analyse(&run, "kdf", &boot, &g, &err), 0);
    assert_int_equal(g.nratios + g.ncosts, 0);
    assert_int_equal(g.nsweeps, 1);
    cb_groups_free(&g);

    /* without resamples (the paired gate's view) no ratio or cost has an
     * interval, and none is claimed; the sweep's fit stands */
    boot.nresamples = 1;
    assert_int_equal(cb_group_analyse(&run, NULL, &boot, &g, &err), 0);
    assert_int_equal(g.nratios + g.ncosts, 0);
    assert_int_equal(g.nsweeps, 2);
    cb_groups_free(&g);
    cb_run_free(&run);
}

/* A summary says no more than its interval: a cost or a ratio it cannot tell
 * from none is "no measurable difference", a negative cost is not a cost, a
 * line that fits badly says so, and units are made singular properly. */
static void test_sentences_the_intervals_support(void **state)
{
    cb_result        base = { .name = "mk/x/32/o" }, variant = { .name = "mk/x-fresh/32/o" };
    cb_result        a = { .name = "h/64/a", .impl = "a" }, b = { .name = "h/64/b", .impl = "b" };
    cb_variant_cost  c = { "key set-up", &base, &variant, { -13.0, -38.4, 10.6, 1.0 }, 0, { 0 } };
    cb_impl_ratio    ratio = { "h/64", &a, &b, { 1.01, 0.98, 1.04, 0.01 } };
    cb_sweep         sw = { .series = "kdf/argon2id/mem_kib=19456/passes=*", .param_name = "passes",
                            .fit = { -290.49e3, 60e6, 0.38548 }, .fitted = 1 };
    char             line[512];

    (void) state;
    cb_summary_cost(line, sizeof line, &c, "ns");
    assert_string_equal(line, "mk/x-fresh/32/o: key set-up: no measurable difference from "
                              "mk/x/32/o [-38.400 ns 10.600 ns]");
    c.cost = (cb_estimate){ -20.0, -30.0, -10.0, 1.0 };
    cb_summary_cost(line, sizeof line, &c, "ns");
    assert_string_equal(line, "mk/x-fresh/32/o: 20.000 ns faster than mk/x/32/o [-30.000 ns "
                              "-10.000 ns]: no key set-up cost is measurable");
    cb_summary_ratio(line, sizeof line, &ratio, "ns");
    assert_string_equal(line, "h/64: no measurable difference between a and b [0.98x 1.04x]");
    cb_summary_sweep(line, sizeof line, &sw, "ns");
    assert_string_equal(line, "kdf/argon2id/mem_kib=19456/passes=*: -290.49 us per pass + "
                              "60.000 ms fixed, R\u00b2 0.38548 (poor fit: not a straight line)");
}

/* An Argon2id grid on two named axes, memory by passes, at 1 ms per MiB-pass. */
static void add_grid(cb_run *run, const uint64_t *mem, size_t nmem, const uint64_t *passes,
                     size_t npasses)
{
    char   name[128];
    size_t i, j;

    memset(run, 0, sizeof *run);
    run->unit = "ns";
    for (i = 0; i < nmem; i++) {
        for (j = 0; j < npasses; j++) {
            cb_result *r;

            snprintf(name, sizeof name, "kdf/argon2id/mem_kib=%llu/passes=%llu/libsodium",
                     (unsigned long long) mem[i], (unsigned long long) passes[j]);
            add(run, name, "libsodium", 0, 0, 1e6 * (double) (mem[i] * passes[j]));
            r = &run->results[run->n - 1];
            r->nargs = 2;
            r->named_args = 1;
            r->args[0] = (cb_arg){ "mem_kib", "KiB", mem[i] };
            r->args[1] = (cb_arg){ "passes", "", passes[j] };
        }
    }
}

/* Two named axes: a sweep along each, the other fixed, fitted on its own. */
static void test_sweeps_along_each_axis(void **state)
{
    static const uint64_t mem[] = { 19, 38, 64 }, passes[] = { 1, 2, 3 };
    cb_bootstrap_config   boot = { 500, 0.95, 1 };
    cb_run                run;
    cb_groups             g;
    cb_error              err;
    size_t                i, along_mem = 0, along_passes = 0;

    (void) state;
    add_grid(&run, mem, 3, passes, 3);
    assert_int_equal(cb_group_analyse(&run, NULL, &boot, &g, &err), 0);
    assert_int_equal(g.nsweeps, 6);
    for (i = 0; i < g.nsweeps; i++) {
        along_mem += g.sweeps[i].axis == 0;
        along_passes += g.sweeps[i].axis == 1;
    }
    assert_int_equal(along_mem, 3);
    assert_int_equal(along_passes, 3);
    assert_string_equal(g.sweeps[0].series, "kdf/argon2id/mem_kib=*/passes=1/libsodium");
    support_close_rel(g.sweeps[0].fit.slope, 1e6, 1e-6, "per KiB at one pass");
    assert_string_equal(g.sweeps[3].series, "kdf/argon2id/mem_kib=19/passes=*/libsodium");
    support_close_rel(g.sweeps[3].fit.slope, 19e6, 1e-6, "per pass at 19");
    cb_groups_free(&g);
    cb_run_free(&run);
}

/* A grid of 2 memory sizes by 3 passes: the 3 sweeps along memory have 2
 * points each and are said too short once, for all of them; the 2 along
 * passes are fitted, each its own line. */
static void test_short_sweeps_said_once(void **state)
{
    static const uint64_t mem[] = { 19, 46 }, passes[] = { 1, 2, 3 };
    cb_bootstrap_config   boot = { 500, 0.95, 1 };
    cb_run                run;
    cb_groups             g;
    cb_error              err;
    char                  line[512];
    size_t                i, said = 0;

    (void) state;
    add_grid(&run, mem, 2, passes, 3);
    assert_int_equal(cb_group_analyse(&run, NULL, &boot, &g, &err), 0);
    assert_int_equal(g.nsweeps, 5);
    for (i = 0; i < g.nsweeps; i++) {
        if (!cb_summary_sweep_once(line, sizeof line, &g.sweeps[i], run.unit)) {
            continue;
        }
        said++;
        if (!g.sweeps[i].fitted) {
            assert_string_equal(line, "kdf/argon2id/mem_kib=*/passes=*/libsodium: 3 sweeps along "
                                      "mem_kib of 2 points each, too few for a fit");
        }
    }
    assert_int_equal(said, 3);
    /* a chart's key still names each series it draws */
    cb_summary_sweep(line, sizeof line, &g.sweeps[1], run.unit);
    assert_string_equal(line, "kdf/argon2id/mem_kib=*/passes=2/libsodium: 2 points, too few for a fit");
    cb_groups_free(&g);
    cb_run_free(&run);
}

static void test_fits(void **state)
{
    double x[] = { 1, 2, 3, 4 }, y[] = { 5, 8, 11, 14 }, noisy[] = { 2, 4.1, 5.9, 8.2 };
    cb_fit f;

    (void) state;
    f = cb_regression_ols(x, y, 4);
    support_close_rel(f.slope, 3.0, 1e-12, "slope");
    support_close_rel(f.intercept, 2.0, 1e-12, "intercept");
    support_close_rel(f.r_squared, 1.0, 1e-12, "R^2");
    f = cb_regression_relative(x, y, 4);
    support_close_rel(f.slope, 3.0, 1e-12, "slope");
    support_close_rel(f.intercept, 2.0, 1e-12, "intercept");
    /* numpy.polyfit(x, noisy, 1): slope 2.04, intercept -0.05 */
    f = cb_regression_ols(x, noisy, 4);
    support_close_rel(f.slope, 2.04, 1e-12, "slope");
    support_close_rel(f.intercept, -0.05, 1e-9, "intercept");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairs_sweeps_costs),
        cmocka_unit_test(test_fits),
        cmocka_unit_test(test_sweeps_along_each_axis),
        cmocka_unit_test(test_short_sweeps_said_once),
        cmocka_unit_test(test_sentences_the_intervals_support),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
