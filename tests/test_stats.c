/*
 * The statistics against numpy's and scipy's answers in tests/data/: point
 * statistics to 1e-9 relative, bootstrap intervals to each file's tolerance.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/kde.h"
#include "stats/outliers.h"
#include "stats/regression.h"
#include "stats/resample.h"
#include "stats/stats.h"
#include "support.h"

#define EXACT 1e-9

typedef struct reference {
    json_t    *root;
    cb_samples samples;
    double    *x; /* per iteration, sorted */
    int        linear;
} reference;

static void load(reference *ref, const char *file)
{
    size_t ni, nt, i;

    ref->root = support_load(file);
    ref->samples.iters = support_numbers(ref->root, "iterations", &ni);
    ref->samples.values = support_numbers(ref->root, "totals", &nt);
    assert_int_equal(ni, nt);
    ref->samples.n = ni;
    ref->x = cb_analysis_per_iteration(&ref->samples);
    cb_stats_sort(ref->x, ni);
    ref->linear = strcmp(json_string_value(json_object_get(ref->root, "mode")), "linear") == 0;
    for (i = 1; i < ni; i++) {
        assert_true(ref->x[i - 1] <= ref->x[i]);
    }
}

static void unload(reference *ref)
{
    json_decref(ref->root);
    cb_samples_free(&ref->samples);
    free(ref->x);
}

static void test_per_iteration(void **state)
{
    reference ref;
    size_t    n, i;
    double   *want, *got;

    load(&ref, *state);
    want = support_numbers(ref.root, "expected.per_iteration", &n);
    got = cb_analysis_per_iteration(&ref.samples);
    assert_int_equal(n, ref.samples.n);
    for (i = 0; i < n; i++) {
        support_close_rel(got[i], want[i], EXACT, "per_iteration");
    }
    free(want);
    free(got);
    unload(&ref);
}

static void test_point_statistics(void **state)
{
    reference ref;
    double   *scratch;
    size_t    n;

    load(&ref, *state);
    n = ref.samples.n;
    scratch = malloc(n * sizeof *scratch);
    support_close_rel(cb_stats_mean(ref.x, n), support_number(ref.root, "expected.mean"), EXACT,
                      "mean");
    support_close_rel(cb_stats_percentile_sorted(ref.x, n, 50.0),
                      support_number(ref.root, "expected.median"), EXACT, "median");
    support_close_rel(cb_stats_std_dev(ref.x, n), support_number(ref.root, "expected.std_dev"),
                      EXACT, "std_dev");
    support_close_rel(cb_stats_mad_sorted(ref.x, n, scratch),
                      support_number(ref.root, "expected.mad"), EXACT, "mad");
    support_close_rel(ref.x[0], support_number(ref.root, "expected.min"), EXACT, "min");
    support_close_rel(ref.x[n - 1], support_number(ref.root, "expected.max"), EXACT, "max");
    free(scratch);
    unload(&ref);
}

static void test_percentiles(void **state)
{
    static const char *const keys[] = { "50", "75", "90", "95", "99" };
    reference                ref;
    size_t                   i;
    char                     path[64];

    load(&ref, *state);
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        snprintf(path, sizeof path, "expected.percentiles.%s", keys[i]);
        support_close_rel(cb_stats_percentile_sorted(ref.x, ref.samples.n, atof(keys[i])),
                          support_number(ref.root, path), EXACT, path);
    }
    unload(&ref);
}

static void test_tukey(void **state)
{
    reference   ref;
    cb_outliers o;
    double     *fences;
    size_t      n, i;

    load(&ref, *state);
    cb_outliers_classify(ref.x, ref.samples.n, &o);
    fences = support_numbers(ref.root, "expected.tukey.fences", &n);
    assert_int_equal(n, 4);
    for (i = 0; i < 4; i++) {
        support_close_rel(o.fences[i], fences[i], EXACT, "tukey fence");
    }
    assert_int_equal(o.low_severe, support_number(ref.root, "expected.tukey.counts.low_severe"));
    assert_int_equal(o.low_mild, support_number(ref.root, "expected.tukey.counts.low_mild"));
    assert_int_equal(o.high_mild, support_number(ref.root, "expected.tukey.counts.high_mild"));
    assert_int_equal(o.high_severe, support_number(ref.root, "expected.tukey.counts.high_severe"));
    free(fences);
    unload(&ref);
}

static void test_kde(void **state)
{
    reference ref;
    double   *at, *density, h;
    size_t    n, m, i;

    load(&ref, *state);
    h = cb_kde_bandwidth(ref.x, ref.samples.n);
    support_close_rel(h, support_number(ref.root, "expected.kde.bandwidth"), EXACT, "bandwidth");
    at = support_numbers(ref.root, "expected.kde.at", &n);
    density = support_numbers(ref.root, "expected.kde.density", &m);
    assert_int_equal(n, m);
    for (i = 0; i < n; i++) {
        support_close_rel(cb_kde_density(ref.x, ref.samples.n, h, at[i]), density[i], EXACT,
                          "kde density");
    }
    free(at);
    free(density);
    unload(&ref);
}

static void test_slope(void **state)
{
    reference ref;
    cb_fit    fit;

    load(&ref, *state);
    if (!ref.linear) {
        unload(&ref);
        skip();
    }
    fit = cb_regression_origin(ref.samples.iters, ref.samples.values, ref.samples.n);
    support_close_rel(fit.slope, support_number(ref.root, "expected.slope"), EXACT, "slope");
    support_close_rel(fit.r_squared, support_number(ref.root, "expected.r_squared"), EXACT,
                      "r_squared");
    unload(&ref);
}

static void test_bootstrap_intervals(void **state)
{
    reference           ref;
    cb_bootstrap_config cfg = { 100000, 0.95, 42 };
    cb_analysis         a;
    cb_error            err;
    double              tol, *mean_ci, *median_ci;
    size_t              n;

    load(&ref, *state);
    assert_int_equal(cb_analysis_run(&ref.samples, ref.linear ? CB_MODE_LINEAR : CB_MODE_FLAT,
                                     &cfg, &a, &err),
                     0);
    tol = support_number(ref.root, "expected.ci95_bootstrap_tolerance_rel");
    mean_ci = support_numbers(ref.root, "expected.mean_ci95", &n);
    median_ci = support_numbers(ref.root, "expected.median_ci95", &n);
    support_close_rel(a.mean.lower, mean_ci[0], tol, "mean CI lower");
    support_close_rel(a.mean.upper, mean_ci[1], tol, "mean CI upper");
    support_close_rel(a.median.lower, median_ci[0], tol, "median CI lower");
    support_close_rel(a.median.upper, median_ci[1], tol, "median CI upper");
    /* the points are the sample's own, and every interval holds its point */
    support_close_rel(a.mean.point, support_number(ref.root, "expected.mean"), EXACT, "mean");
    assert_true(a.mean.lower <= a.mean.point && a.mean.point <= a.mean.upper);
    assert_true(a.median.lower <= a.median.point && a.median.point <= a.median.upper);
    assert_true(a.std_dev.lower <= a.std_dev.upper && a.mad.lower <= a.mad.upper);
    if (ref.linear) {
        assert_true(a.slope.lower <= a.slope.point && a.slope.point <= a.slope.upper);
    }
    free(mean_ci);
    free(median_ci);
    unload(&ref);
}

/* The same seed gives the same intervals to the last bit; another seed does not. */
static void test_bootstrap_reproducible(void **state)
{
    reference           ref;
    cb_bootstrap_config cfg = { 20000, 0.95, 7 };
    cb_analysis         a, b, c;
    cb_error            err;

    (void) state;
    load(&ref, "ref_linear_outliers.json");
    assert_int_equal(cb_analysis_run(&ref.samples, CB_MODE_LINEAR, &cfg, &a, &err), 0);
    assert_int_equal(cb_analysis_run(&ref.samples, CB_MODE_LINEAR, &cfg, &b, &err), 0);
    cfg.seed = 8;
    assert_int_equal(cb_analysis_run(&ref.samples, CB_MODE_LINEAR, &cfg, &c, &err), 0);
    assert_memory_equal(&a, &b, sizeof a);
    assert_true(a.mean.lower != c.mean.lower || a.slope.upper != c.slope.upper);
    unload(&ref);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* Quickselect against a full sort, on sizes and shapes that break naive pivots. */
static void test_select_matches_sort(void **state)
{
    cb_rng rng;
    size_t n, k, i, shape;

    (void) state;
    cb_rng_seed(&rng, 1);
    for (shape = 0; shape < 4; shape++) {
        for (n = 1; n < 60; n++) {
            double *x = malloc(n * sizeof *x), *sorted = malloc(n * sizeof *sorted);

            for (k = 0; k < n; k++) {
                for (i = 0; i < n; i++) {
                    x[i] = shape == 0   ? (double) cb_rng_below(&rng, 1000)
                           : shape == 1 ? (double) cb_rng_below(&rng, 3) /* many ties */
                           : shape == 2 ? (double) i                     /* sorted */
                                        : (double) (n - i);              /* reversed */
                    sorted[i] = x[i];
                }
                qsort(sorted, n, sizeof *sorted, cmp);
                assert_true(cb_stats_select(x, n, k) == sorted[k]);
                for (i = 0; i < n; i++) {
                    assert_true(i <= k ? x[i] <= sorted[k] : x[i] >= sorted[k]);
                }
            }
            free(x);
            free(sorted);
        }
    }
}

/* The O(n) resample median and MAD against materialising the resample. */
static void test_resample_matches_naive(void **state)
{
    cb_rng   rng;
    size_t   n, trial, i, j, k, lo;
    double   sorted[41], flat[41], scratch[41], median, mad, want_median, want_mad;
    uint32_t counts[41];

    (void) state;
    cb_rng_seed(&rng, 3);
    for (n = 1; n <= 41; n++) {
        for (trial = 0; trial < 200; trial++) {
            for (i = 0; i < n; i++) {
                sorted[i] = (double) cb_rng_below(&rng, trial % 2 ? 5 : 1000);
            }
            qsort(sorted, n, sizeof *sorted, cmp);
            cb_resample_draw(&rng, counts, n);
            for (i = 0, k = 0; i < n; i++) {
                for (j = 0; j < counts[i]; j++) {
                    flat[k++] = sorted[i];
                }
            }
            assert_int_equal(k, n);
            want_median = cb_stats_percentile_sorted(flat, n, 50.0);
            want_mad = cb_stats_mad_sorted(flat, n, scratch);
            lo = cb_resample_median(sorted, counts, n, &median);
            mad = cb_resample_mad(sorted, counts, n, median, lo);
            support_close_rel(median, want_median, EXACT, "resample median");
            support_close_rel(mad, want_mad, EXACT, "resample mad");
        }
    }
}

static void test_select_percentile(void **state)
{
    double x[] = { 5, 1, 4, 2, 3 }, s[] = { 1, 2, 3, 4, 5 };

    (void) state;
    support_close_rel(cb_stats_percentile_select(x, 5, 25.0), cb_stats_percentile_sorted(s, 5, 25.0),
                      EXACT, "p25");
    support_close_rel(cb_stats_percentile_select(x, 5, 62.5), 3.5, EXACT, "p62.5");
    support_close_rel(cb_stats_percentile_select(x, 5, 100.0), 5.0, EXACT, "p100");
}

/* libtest's "+/-": winsorized at 5% each end, max - min is p95 - p5. */
static void test_winsorized_range(void **state)
{
    cb_bootstrap_config boot = { 100, 0.95, 1 };
    cb_samples          s;
    cb_analysis         a;
    cb_error            err;
    size_t              i;

    (void) state;
    assert_int_equal(cb_samples_alloc(&s, 20), 0);
    for (i = 0; i < 20; i++) {
        s.iters[i] = 4.0;
        s.values[i] = 4.0 * (double) (20 - i); /* per iteration 20 down to 1 */
    }
    /* p5 = 1 + 0.95, p95 = 19 + 0.05 */
    support_close_rel(cb_analysis_winsorized_range(&s), 17.1, EXACT, "winsorized range");
    assert_int_equal(cb_analysis_run(&s, CB_MODE_FLAT, &boot, &a, &err), 0);
    support_close_rel(a.winsorized_range, 17.1, EXACT, "the analysis's winsorized range");
    cb_samples_free(&s);
}

#define PER_FILE(fn, file) { #fn "(" file ")", fn, NULL, NULL, (void *) file }
#define FOR_EACH_FILE(fn)                                                                  \
    PER_FILE(fn, "ref_linear_clean.json"), PER_FILE(fn, "ref_linear_outliers.json"),       \
        PER_FILE(fn, "ref_flat_kdf.json")

int main(void)
{
    const struct CMUnitTest tests[] = {
        FOR_EACH_FILE(test_per_iteration),
        FOR_EACH_FILE(test_point_statistics),
        FOR_EACH_FILE(test_percentiles),
        FOR_EACH_FILE(test_tukey),
        FOR_EACH_FILE(test_kde),
        PER_FILE(test_slope, "ref_linear_clean.json"),
        PER_FILE(test_slope, "ref_linear_outliers.json"),
        FOR_EACH_FILE(test_bootstrap_intervals),
        cmocka_unit_test(test_bootstrap_reproducible),
        cmocka_unit_test(test_select_matches_sort),
        cmocka_unit_test(test_select_percentile),
        cmocka_unit_test(test_resample_matches_naive),
        cmocka_unit_test(test_winsorized_range),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
