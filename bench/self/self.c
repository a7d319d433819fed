/*
 * cryptbench measuring itself (`make bench-self`): what the harness adds to an
 * iteration, and what the analysis of one benchmark costs. The second needs the
 * library's internals, which is why this is not part of the crypto suite.
 */
#include <stdlib.h>

#include <cryptbench.h>

#include "stats/analysis.h"
#include "stats/compare.h"
#include "stats/rng.h"

/* An empty, black-boxed body: whatever this reports is the harness's own cost. */
static int empty_loop(cb_state *s)
{
    CB_LOOP(s) {
        cb_black_box(s);
    }
    return 0;
}

/* The same, in batches: the batch's start/stop pair spread over its
 * iterations is what CB_BATCHES adds to each, against empty-loop. */
static int empty_batched(cb_state *s)
{
    CB_BATCHES(s, n, cb_state_param(s)) {
        CB_BATCH_LOOP(s, i, n) {
            cb_black_box(s);
        }
    }
    return 0;
}

/* Samples shaped like a real linear run: sample i ran i * 37 iterations of
 * about 113 ns with 1% noise. */
static void fake_samples(cb_samples *out, size_t n)
{
    cb_rng rng;
    size_t i;

    cb_rng_seed(&rng, 5);
    cb_samples_alloc(out, n);
    for (i = 0; i < n; i++) {
        double noise = (double) cb_rng_below(&rng, 2001) / 1000.0 - 1.0;

        out->iters[i] = (double) ((i + 1) * 37);
        out->values[i] = out->iters[i] * 113.0 * (1.0 + noise / 100.0);
    }
}

/* Everything the runner computes for one benchmark: point statistics,
 * percentiles, outliers, slope, and 100 000 bootstrap resamples. */
static int analysis_cost(cb_state *s)
{
    cb_bootstrap_config boot = { 100000, 0.95, 1 };
    cb_samples          samples;
    cb_analysis         a;
    cb_error            err;
    int                 rc = 0;

    fake_samples(&samples, (size_t) cb_state_param(s));
    CB_LOOP(s) {
        rc |= cb_analysis_run(&samples, CB_MODE_LINEAR, &boot, &a, &err);
        cb_black_box(&a);
    }
    cb_samples_free(&samples);
    return rc == 0 ? 0 : cb_state_fail(s, "%s", err.msg);
}

/* The change detection against a baseline: t-test and change intervals. */
static int compare_cost(cb_state *s)
{
    cb_compare_config cfg = { .noise_threshold = 0.02, .significance = 0.05,
                              .boot = { 100000, 0.95, 1 } };
    cb_result         old = { 0 }, new_ = { 0 };
    cb_change         cmp;
    cb_error          err;
    int               rc = 0;

    fake_samples(&old.samples, (size_t) cb_state_param(s));
    fake_samples(&new_.samples, (size_t) cb_state_param(s));
    old.name = new_.name = "fake";
    CB_LOOP(s) {
        rc |= cb_compare_results(&old, &new_, &cfg, &cmp, &err);
        cb_black_box(&cmp);
    }
    cb_samples_free(&old.samples);
    cb_samples_free(&new_.samples);
    return rc == 0 ? 0 : cb_state_fail(s, "%s", err.msg);
}

int main(int argc, char **argv)
{
    static const uint64_t samples[] = { 100 }, batch[] = { 16, 256 };

    cb_register(&(cb_bench){ .name = "self/empty-loop", .run = empty_loop });
    cb_register(&(cb_bench){ .name = "self/empty-batched", .run = empty_batched, .params = batch,
                             .nparams = 2, .param_name = "batch" });
    cb_register(&(cb_bench){ .name = "self/analysis", .run = analysis_cost, .params = samples,
                             .nparams = 1, .param_name = "samples", .sample_size = 10 });
    cb_register(&(cb_bench){ .name = "self/compare", .run = compare_cost, .params = samples,
                             .nparams = 1, .param_name = "samples", .sample_size = 10 });
    return cb_main(argc, argv);
}
