/*
 * Group summaries on a synthetic run whose answers are known: implementation
 * pairs and their speedup, parameter sweeps and their fit, variant costs.
 */
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
    cb_summary_ratio(line, sizeof line, &g.ratios[0]);
    assert_string_equal(line, "did/sha256/64: openssl 3.40x faster than libsodium [3.39x 3.41x]");

    assert_int_equal(g.nsweeps, 1);
    assert_string_equal(g.sweeps[0].series, "kdf/pbkdf2/*/openssl");
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
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
