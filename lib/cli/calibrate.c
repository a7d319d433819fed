#include <math.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats/analysis.h"
#include "cli/calibrate.h"
#include "cli/command.h"
#include "stats/compare.h"
#include "measure/isolate.h"
#include "stats/paired.h"
#include "measure/registry.h"
#include "cli/runner.h"
#include "stats/stats.h"

/* The workload: SHA-256 of 1 KiB through OpenSSL, made slower by known
 * fractions by digesting again every 100/p-th iteration. A register-only loop
 * would calibrate an ideal gate: real crypto code also feels where a process
 * happens to place its stack and buffers, which is most of what differs
 * between two processes running identical code. */
static const uint64_t slower[] = { 0, 0, 1, 2, 5, 10 }; /* percent more work */
static const char *const labels[] = { "A", "A'", "+1%", "+2%", "+5%", "+10%" };
#define NWORK (sizeof slower / sizeof slower[0])
#define NSLOW (NWORK - 2)
#define MESSAGE_BYTES 1024

static const double   thresholds[] = { 0.01, 0.02, 0.03, 0.05 };
static const size_t   round_counts[] = { 4, 6, 8, 12, 16, 20, 30 };
#define NTHRESHOLDS (sizeof thresholds / sizeof thresholds[0])
#define NROUNDS (sizeof round_counts / sizeof round_counts[0])

static int digest(EVP_MD_CTX *ctx, const EVP_MD *md, const unsigned char *in, unsigned char *out)
{
    return EVP_DigestInit_ex2(ctx, md, NULL) == 1 && EVP_DigestUpdate(ctx, in, MESSAGE_BYTES) == 1 &&
           EVP_DigestFinal_ex(ctx, out, NULL) == 1;
}

static int workload(cb_state *s)
{
    uint64_t      percent = cb_state_param(s), every = percent > 0 ? 100 / percent : 0, k = 0;
    unsigned char in[MESSAGE_BYTES] = { 1 }, out[EVP_MAX_MD_SIZE];
    EVP_MD       *md = EVP_MD_fetch(NULL, "SHA256", NULL);
    EVP_MD_CTX   *ctx = EVP_MD_CTX_new();
    int           ok = md != NULL && ctx != NULL;

    if (ok) {
        CB_LOOP(s) {
            ok &= digest(ctx, md, in, out);
            if (every != 0 && ++k == every) {
                k = 0;
                ok &= digest(ctx, md, in, out);
            }
            cb_black_box(out);
        }
    }
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
    return ok ? 0 : cb_state_fail(s, "EVP SHA-256 failed");
}

void cb_calibrate_register(void)
{
    static const uint64_t percents[] = { 0, 1, 2, 5, 10 };

    cb_register(&(cb_bench){ .name = CB_CALIBRATE_PREFIX "sha256-1k", .run = workload,
                             .params = percents, .nparams = 5, .param_name = "percent" });
}

typedef struct sample_set {
    cb_result results[NWORK]; /* one round: A, A', then the slowdowns */
} sample_set;

/* the instance of the workload `percent` slower */
static const cb_instance *find(const cb_instance_list *list, uint64_t percent)
{
    size_t i;

    for (i = 0; i < list->n; i++) {
        if (list->items[i].param == percent) {
            return &list->items[i];
        }
    }
    return NULL;
}

static int measure_round(const cb_config *cfg, const cb_instance_list *list, cb_clock *clock,
                         size_t round, sample_set *set, cb_error *err)
{
    cb_bootstrap_config boot = { cfg->nresamples, cfg->confidence, cfg->seed };
    cb_measure_config   mc;
    size_t              i;

    for (i = 0; i < NWORK; i++) {
        /* rotate the order each round: no workload always runs first or last */
        size_t             w = (i + round) % NWORK;
        const cb_instance *inst = find(list, slower[w]);
        cb_result         *r = &set->results[w];

        cb_runner_settings(cfg, inst, &mc);
        mc.fresh_process = 1;
        if (cb_measure_identify(r, inst) != 0 ||
            cb_isolate_run(inst, clock, &mc, NULL, cfg->timeout_s * 1e9, r, err) != 0) {
            return -1;
        }
        if (r->failed) {
            return cb_error_set(err, "calibration workload %s: %s", r->name, r->failure);
        }
        if (cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, err) != 0) {
            return -1;
        }
    }
    return 0;
}

/* each process's median time per iteration, as `ab` compares them */
static double typical(const cb_result *r)
{
    return r->analysis.median.point;
}

/* Rates over every window of k consecutive rounds, for threshold t: false
 * alarms on A'/A, detections (regressed) on each slowdown. */
static void paired_rates(const sample_set *sets, size_t nrounds, size_t k, double t,
                         const cb_config *cfg, double *false_alarms, double detected[NSLOW])
{
    cb_compare_config c = { .noise_threshold = t, .significance = cfg->significance,
                            .boot = { 1, cfg->confidence, 0 } };
    double            a[CB_PAIRED_MAX_ROUNDS], b[CB_PAIRED_MAX_ROUNDS];
    size_t            start, j, w, windows = nrounds - k + 1, alarms = 0, hits[NSLOW] = { 0 };
    cb_change         ch;

    for (start = 0; start < windows; start++) {
        for (w = 1; w < NWORK; w++) {
            for (j = 0; j < k; j++) {
                a[j] = typical(&sets[start + j].results[0]);
                b[j] = typical(&sets[start + j].results[w]);
            }
            cb_paired_compare(a, b, k, &c, &ch);
            if (w == 1) {
                alarms += ch.verdict == CB_VERDICT_REGRESSED || ch.verdict == CB_VERDICT_IMPROVED;
            } else {
                hits[w - 2] += ch.verdict == CB_VERDICT_REGRESSED;
            }
        }
    }
    *false_alarms = (double) alarms / (double) windows;
    for (w = 0; w < NSLOW; w++) {
        detected[w] = (double) hits[w] / (double) windows;
    }
}

/* The single-run gate (--baseline): each round's A against its A' and its
 * slowdowns, the bootstrap t-test on the samples of one process each. */
static int single_rates(const sample_set *sets, size_t nrounds, double t, const cb_config *cfg,
                        double *false_alarms, double detected[NSLOW], cb_error *err)
{
    cb_compare_config c = { .noise_threshold = t, .significance = cfg->significance,
                            .boot = { cfg->nresamples, cfg->confidence, cfg->seed } };
    size_t            r, w, alarms = 0, hits[NSLOW] = { 0 };
    cb_change         ch;

    for (r = 0; r < nrounds; r++) {
        for (w = 1; w < NWORK; w++) {
            if (cb_compare_results(&sets[r].results[0], &sets[r].results[w], &c, &ch, err) != 0) {
                return -1;
            }
            if (w == 1) {
                alarms += ch.verdict == CB_VERDICT_REGRESSED || ch.verdict == CB_VERDICT_IMPROVED;
            } else {
                hits[w - 2] += ch.verdict == CB_VERDICT_REGRESSED;
            }
        }
    }
    *false_alarms = (double) alarms / (double) nrounds;
    for (w = 0; w < NSLOW; w++) {
        detected[w] = (double) hits[w] / (double) nrounds;
    }
    return 0;
}

/* The smallest slowdown caught in every trial, as an index into the
 * slowdowns, or NSLOW when none is: a gate that misses a regression one time
 * in twenty is one the team learns to distrust. */
static size_t smallest_reliable(const double detected[NSLOW])
{
    size_t w;

    for (w = 0; w < NSLOW; w++) {
        if (detected[w] >= 1.0) {
            return w;
        }
    }
    return NSLOW;
}

static void print_spread(const sample_set *sets, size_t nrounds)
{
    double d[1024], worst = 0.0;
    size_t r, n = nrounds < 1024 ? nrounds : 1024;

    for (r = 0; r < n; r++) {
        d[r] = fabs(typical(&sets[r].results[1]) / typical(&sets[r].results[0]) - 1.0);
        worst = d[r] > worst ? d[r] : worst;
    }
    printf("Identical code in two processes (A'/A - 1): median %.2f%%, worst %.2f%% over %zu "
           "rounds.\n", 100.0 * cb_stats_percentile_select(d, n, 50.0), 100.0 * worst, n);
}

static void print_rates(const char *first, size_t trials, double alarms,
                        const double detected[NSLOW])
{
    size_t w;

    printf("  %-10s %6zu %8.0f%%     ", first, trials, 100.0 * alarms);
    for (w = 0; w < NSLOW; w++) {
        printf(" %5.0f%%", 100.0 * detected[w]);
    }
    printf("\n");
}

static void print_header(const char *first)
{
    size_t w;

    printf("  %-10s trials false alarms", first);
    for (w = 2; w < NWORK; w++) {
        printf(" %6s", labels[w]);
    }
    printf("\n");
}

static int report(const cb_config *cfg, const cb_measure_config *mc, const sample_set *sets,
                  size_t nrounds, cb_error *err)
{
    double alarms, detected[NSLOW], best_alarms = 1.0;
    size_t t, k, best_k = 0, best_t = 0, best_w = NSLOW + 1;

    print_spread(sets, nrounds);
    printf("\nThe single-run gate (--baseline; a bootstrap t-test on one process's samples per "
           "side), over %zu rounds:\n", nrounds);
    print_header("threshold");
    for (t = 0; t < NTHRESHOLDS; t++) {
        char label[32];

        if (single_rates(sets, nrounds, thresholds[t], cfg, &alarms, detected, err) != 0) {
            return -1;
        }
        snprintf(label, sizeof label, "%.0f%%", 100.0 * thresholds[t]);
        print_rates(label, nrounds, alarms, detected);
    }
    printf("\nThe paired A/B gate (ci/bench-ab), over every window of consecutive rounds:\n");
    for (t = 0; t < NTHRESHOLDS; t++) {
        printf(" noise threshold %.0f%%\n", 100.0 * thresholds[t]);
        print_header("rounds");
        for (k = 0; k < NROUNDS && round_counts[k] <= nrounds; k++) {
            char   label[32];
            size_t w;

            paired_rates(sets, nrounds, round_counts[k], thresholds[t], cfg, &alarms, detected);
            snprintf(label, sizeof label, "%zu", round_counts[k]);
            print_rates(label, nrounds - round_counts[k] + 1, alarms, detected);
            w = smallest_reliable(detected);
            /* no false alarm first; then the finest detection; then the fewest rounds */
            if (alarms < best_alarms || (alarms == best_alarms && w < best_w)) {
                best_alarms = alarms;
                best_w = w;
                best_k = round_counts[k];
                best_t = t;
            }
        }
    }
    printf("\nRecommended on this runner:\n");
    printf("  ci/bench-ab with AB_ROUNDS=%zu AB_NOISE_THRESHOLD=%.2f, each run with "
           "--warm-up-time %.2f --measurement-time %.2f --sample-size %zu\n",
           best_k, thresholds[best_t], mc->warm_up_ns / 1e9, mc->measurement_ns / 1e9,
           mc->sample_size);
    printf("  because: %.0f%% false alarms on identical code; the smallest slowdown caught in "
           "every window: %s.\n",
           100.0 * best_alarms, best_w < NSLOW ? labels[best_w + 2] : "none of +1% to +10%");
    printf("  Rates are per comparison: a gate over N benchmarks raises a false alarm about N "
           "times as often.\n");
    return 0;
}

int cb_command_calibrate(const cb_config *given, cb_error *err)
{
    cb_config         quick = *given, *cfg = &quick;
    cb_instance_list  list;
    cb_clock          clock;
    cb_measure_config mc;
    sample_set       *sets;
    size_t            r, w, nrounds = cfg->rounds;
    int               status = CB_EXIT_USAGE;

    /* by default, the settings ci/bench-ab runs its rounds with */
    if (!given->warm_up_s_set && !given->measurement_s_set && !given->sample_size_set) {
        quick.quick = 1;
        quick.warm_up_s = CB_QUICK_WARM_UP_S;
    }
    cb_registry_clear();
    cb_calibrate_register();
    if (cb_registry_expand(&list, err) != 0) {
        return CB_EXIT_USAGE;
    }
    sets = calloc(nrounds, sizeof *sets);
    if (sets == NULL || cb_clock_open(&clock, CB_MEASURE_WALL, err) != 0) {
        free(sets);
        cb_instance_list_free(&list);
        return sets == NULL ? (cb_error_set(err, "out of memory"), CB_EXIT_USAGE) : CB_EXIT_USAGE;
    }
    cb_runner_settings(cfg, find(&list, 0), &mc);
    printf("Calibrating the wall-clock gate: %zu rounds of %zu fresh processes (A, A' identical; "
           "+1%% +2%% +5%% +10%% slower), %.2f s warm-up, %.2f s measurement, %zu samples "
           "each.\n", nrounds, NWORK, mc.warm_up_ns / 1e9, mc.measurement_ns / 1e9,
           mc.sample_size);
    fflush(stdout);
    for (r = 0; r < nrounds; r++) {
        if (isatty(fileno(stderr))) {
            fprintf(stderr, "\r\033[Kround %zu/%zu", r + 1, nrounds);
        }
        if (measure_round(cfg, &list, &clock, r, &sets[r], err) != 0) {
            nrounds = r + 1;
            goto done;
        }
    }
    if (isatty(fileno(stderr))) {
        fprintf(stderr, "\r\033[K");
    }
    if (report(cfg, &mc, sets, nrounds, err) == 0) {
        status = CB_EXIT_OK;
    }
done:
    for (r = 0; r < nrounds; r++) {
        for (w = 0; w < NWORK; w++) {
            cb_result_free(&sets[r].results[w]);
        }
    }
    free(sets);
    cb_clock_close(&clock);
    cb_instance_list_free(&list);
    return status;
}
