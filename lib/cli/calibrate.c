#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/calibrate.h"
#include "cli/command.h"
#include "cli/filter.h"
#include "cli/runner.h"
#include "measure/isolate.h"
#include "report/progress.h"
#include "stats/analysis.h"
#include "stats/compare.h"
#include "stats/paired.h"
#include "stats/stats.h"

/*
 * Slowdowns are A' scaled, not code made slower: what a gate has to see
 * through is the difference between two processes running identical code
 * (where each places its stack and buffers, the neighbours of the moment),
 * and a scaled A' carries exactly that noise on top of a known change. It
 * also lets any benchmark be calibrated, not only one written to be.
 */
static const double      slowdowns[] = { 0.01, 0.02, 0.05, 0.10 };
static const char *const labels[] = { "+1%", "+2%", "+5%", "+10%" };
#define NSLOW (sizeof slowdowns / sizeof slowdowns[0])

static const double thresholds[] = { 0.01, 0.02, 0.03, 0.05 };
static const size_t round_counts[] = { 4, 6, 8, 12, 16, 20, 30 };
#define NTHRESHOLDS (sizeof thresholds / sizeof thresholds[0])
#define NROUNDS (sizeof round_counts / sizeof round_counts[0])

/* One benchmark in one round: A and A', each a fresh process. */
typedef struct trial {
    cb_result a, a2;
} trial;

typedef struct calibration {
    const cb_config          *cfg;
    const cb_instance *const *benches; /* the selected instances */
    size_t                    nbench, nrounds;
    trial                    *trials;  /* trials[round * nbench + bench] */
} calibration;

static trial *trial_at(const calibration *c, size_t round, size_t bench)
{
    return &c->trials[round * c->nbench + bench];
}

/* each process's median time per iteration, as `ab` compares them */
static double typical(const cb_result *r)
{
    return r->analysis.median.point;
}

static int measure_one(const calibration *c, const cb_instance *inst, cb_clock *clock,
                       cb_result *r, cb_error *err)
{
    cb_bootstrap_config boot = { c->cfg->nresamples, c->cfg->confidence, c->cfg->seed };
    cb_measure_config   mc;

    cb_runner_settings(c->cfg, inst, &mc);
    mc.fresh_process = 1;
    if (cb_measure_identify(r, inst) != 0 ||
        cb_isolate_run(inst, clock, &mc, NULL, c->cfg->timeout_s * 1e9, r, err) != 0) {
        return -1;
    }
    if (r->failed) {
        return cb_error_set(err, "%s: %s", r->name, r->failure);
    }
    return cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, err);
}

/* Every benchmark, A and A' back to back; who goes first alternates, across
 * rounds and along the list, so that a drift hits A first as often as A'. */
static int measure_round(const calibration *c, cb_clock *clock, size_t round, cb_error *err)
{
    size_t b;

    for (b = 0; b < c->nbench; b++) {
        trial *t = trial_at(c, round, b);
        int    a_first = (round + b) % 2 == 0;

        if (measure_one(c, c->benches[b], clock, a_first ? &t->a : &t->a2, err) != 0 ||
            measure_one(c, c->benches[b], clock, a_first ? &t->a2 : &t->a, err) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Rates over every window of k consecutive rounds of every benchmark, for
 * threshold t: false alarms on A'/A, detections (regressed) on each slowdown. */
static void paired_rates(const calibration *c, size_t k, double t, double *false_alarms,
                         double detected[NSLOW], size_t *trials)
{
    cb_compare_config cc = { .noise_threshold = t, .significance = c->cfg->significance,
                             .boot = { 1, c->cfg->confidence, 0 } };
    double            a[CB_PAIRED_MAX_ROUNDS], b[CB_PAIRED_MAX_ROUNDS];
    size_t            start, j, w, bench, windows = c->nrounds - k + 1, alarms = 0;
    size_t            hits[NSLOW] = { 0 };
    cb_change         ch;

    for (bench = 0; bench < c->nbench; bench++) {
        for (start = 0; start < windows; start++) {
            for (j = 0; j < k; j++) {
                a[j] = typical(&trial_at(c, start + j, bench)->a);
                b[j] = typical(&trial_at(c, start + j, bench)->a2);
            }
            cb_paired_compare(a, b, k, &cc, &ch);
            alarms += ch.verdict == CB_VERDICT_REGRESSED || ch.verdict == CB_VERDICT_IMPROVED;
            for (w = 0; w < NSLOW; w++) {
                for (j = 0; j < k; j++) {
                    b[j] = typical(&trial_at(c, start + j, bench)->a2) * (1.0 + slowdowns[w]);
                }
                cb_paired_compare(a, b, k, &cc, &ch);
                hits[w] += ch.verdict == CB_VERDICT_REGRESSED;
            }
        }
    }
    *trials = windows * c->nbench;
    *false_alarms = (double) alarms / (double) *trials;
    for (w = 0; w < NSLOW; w++) {
        detected[w] = (double) hits[w] / (double) *trials;
    }
}

/* A copy of r's samples scaled by f, analysed: a process f times slower. */
static int scaled(const cb_result *r, double f, cb_result *out, cb_error *err)
{
    cb_bootstrap_config point_only = { 1, 0.95, 0 };
    size_t              i;

    memset(out, 0, sizeof *out);
    out->plan = r->plan;
    if (cb_samples_alloc(&out->samples, r->samples.n) != 0) {
        return cb_error_set(err, "out of memory");
    }
    for (i = 0; i < r->samples.n; i++) {
        out->samples.iters[i] = r->samples.iters[i];
        out->samples.values[i] = r->samples.values[i] * f;
    }
    return cb_analysis_run(&out->samples, out->plan.mode, &point_only, &out->analysis, err);
}

/* The single-run gate (--baseline): each trial's A against its A' and its
 * slowdowns, the bootstrap t-test on the samples of one process each. Each
 * comparison is made once; the thresholds only change its verdict. */
static int single_rates(const calibration *c, double alarms[NTHRESHOLDS],
                        double detected[NTHRESHOLDS][NSLOW], cb_error *err)
{
    cb_compare_config cc = { .noise_threshold = 0.0, .significance = c->cfg->significance,
                             .boot = { c->cfg->nresamples, c->cfg->confidence, c->cfg->seed } };
    size_t            i, w, t, n = c->nrounds * c->nbench;
    cb_change         ch;

    memset(alarms, 0, NTHRESHOLDS * sizeof *alarms);
    memset(detected, 0, NTHRESHOLDS * sizeof *detected);
    for (i = 0; i < n; i++) {
        const trial *tr = &c->trials[i];

        for (w = 0; w <= NSLOW; w++) {
            cb_result slow;
            int       rc;

            if (w == 0) {
                rc = cb_compare_results(&tr->a, &tr->a2, &cc, &ch, err);
            } else {
                rc = scaled(&tr->a2, 1.0 + slowdowns[w - 1], &slow, err);
                rc = rc == 0 ? cb_compare_results(&tr->a, &slow, &cc, &ch, err) : rc;
                cb_result_free(&slow);
            }
            if (rc != 0) {
                return -1;
            }
            for (t = 0; t < NTHRESHOLDS; t++) {
                cb_compare_config at = cc;
                cb_verdict        v;

                at.noise_threshold = thresholds[t];
                v = cb_compare_verdict(&ch.mean, ch.p_value, &at);
                if (w == 0) {
                    alarms[t] += v == CB_VERDICT_REGRESSED || v == CB_VERDICT_IMPROVED;
                } else {
                    detected[t][w - 1] += v == CB_VERDICT_REGRESSED;
                }
            }
        }
    }
    for (t = 0; t < NTHRESHOLDS; t++) {
        alarms[t] /= (double) n;
        for (w = 0; w < NSLOW; w++) {
            detected[t][w] /= (double) n;
        }
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

/* |A'/A - 1| of the trials of one benchmark (or of all, bench == nbench):
 * their median and worst. */
static void spread(const calibration *c, size_t bench, double *median, double *worst)
{
    double *d = malloc(c->nrounds * c->nbench * sizeof *d);
    size_t  r, b, n = 0;

    *median = *worst = 0.0;
    if (d == NULL) {
        return;
    }
    for (r = 0; r < c->nrounds; r++) {
        for (b = 0; b < c->nbench; b++) {
            if (bench == c->nbench || b == bench) {
                const trial *t = trial_at(c, r, b);

                d[n] = fabs(typical(&t->a2) / typical(&t->a) - 1.0);
                *worst = d[n] > *worst ? d[n] : *worst;
                n++;
            }
        }
    }
    *median = cb_stats_percentile_select(d, n, 50.0);
    free(d);
}

static void print_spread(const calibration *c)
{
    double median, worst;
    size_t b;

    spread(c, c->nbench, &median, &worst);
    printf("Identical code in two processes (A'/A - 1): median %.2f%%, worst %.2f%% over %zu "
           "rounds.\n", 100.0 * median, 100.0 * worst, c->nrounds);
    for (b = 0; c->nbench > 1 && b < c->nbench; b++) {
        spread(c, b, &median, &worst);
        printf("  %s: median %.2f%%, worst %.2f%%\n", c->benches[b]->name, 100.0 * median,
               100.0 * worst);
    }
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
    for (w = 0; w < NSLOW; w++) {
        printf(" %6s", labels[w]);
    }
    printf("\n");
}

static int report(const calibration *c, const cb_measure_config *mc, cb_error *err)
{
    double alarms, detected[NSLOW], best_alarms = 1.0;
    double single_alarms[NTHRESHOLDS], single_detected[NTHRESHOLDS][NSLOW];
    size_t t, k, trials, best_k = 0, best_t = 0, best_w = NSLOW + 1;

    print_spread(c);
    if (single_rates(c, single_alarms, single_detected, err) != 0) {
        return -1;
    }
    printf("\nThe single-run gate (--baseline; a bootstrap t-test on one process's samples per "
           "side), over %zu rounds:\n", c->nrounds);
    print_header("threshold");
    for (t = 0; t < NTHRESHOLDS; t++) {
        char label[32];

        snprintf(label, sizeof label, "%.0f%%", 100.0 * thresholds[t]);
        print_rates(label, c->nrounds * c->nbench, single_alarms[t], single_detected[t]);
    }
    printf("\nThe paired A/B gate (ci/bench-ab), over every window of consecutive rounds:\n");
    for (t = 0; t < NTHRESHOLDS; t++) {
        printf(" noise threshold %.0f%%\n", 100.0 * thresholds[t]);
        print_header("rounds");
        for (k = 0; k < NROUNDS && round_counts[k] <= c->nrounds; k++) {
            char   label[32];
            size_t w;

            paired_rates(c, round_counts[k], thresholds[t], &alarms, detected, &trials);
            snprintf(label, sizeof label, "%zu", round_counts[k]);
            print_rates(label, trials, alarms, detected);
            w = smallest_reliable(detected);
            /* one that caught something first; then the fewest false alarms; then the
             * finest detection; then the fewest rounds */
            if (best_k == 0 || (w < NSLOW && best_w >= NSLOW) ||
                ((w < NSLOW) == (best_w < NSLOW) &&
                 (alarms < best_alarms || (alarms == best_alarms && w < best_w)))) {
                best_alarms = alarms;
                best_w = w;
                best_k = round_counts[k];
                best_t = t;
            }
        }
    }
    if (best_k == 0) {
        printf("\nToo few rounds to recommend a paired gate: calibrate with --rounds %zu or "
               "more.\n", round_counts[0]);
        return 0;
    }
    /* a setting that caught nothing is no setting to recommend */
    if (best_w >= NSLOW) {
        printf("\nNo setting caught even +10%% in every window of up to %zu rounds on this "
               "runner: wall time cannot gate these benchmarks here. Count instructions beside "
               "it (ci/bench-ab with --measure wall,instructions), or gate on a quieter "
               "runner.\n", c->nrounds < round_counts[NROUNDS - 1] ? c->nrounds
                                                                   : round_counts[NROUNDS - 1]);
        printf("  Rates are per comparison; calibrate --replay reports/gate-rounds.json counts "
               "whole runs.\n");
        return 0;
    }
    printf("\nRecommended on this runner:\n");
    printf("  ci/bench-ab with AB_NOISE_THRESHOLD=%.2f AB_MIN_ROUNDS=%zu, each round "
           "with --warm-up-time %.2f --measurement-time %.2f --sample-size %zu\n",
           thresholds[best_t], best_k, mc->warm_up_ns / 1e9, mc->measurement_ns / 1e9,
           mc->sample_size);
    printf("  because: %.0f%% false alarms on identical code; the smallest slowdown caught in "
           "every window of %zu rounds: %s.\n",
           100.0 * best_alarms, best_k, labels[best_w]);
    printf("  Rates are per comparison. The gate holds its level family-wise over all its "
           "benchmarks; to count whole runs, replay a gate's rounds: calibrate --replay "
           "reports/gate-rounds.json.\n");
    return 0;
}

/* The selected instances, in registration order; -1 when none is. */
static int select_benches(const cb_config *cfg, cb_instance_list *list,
                          const cb_instance ***benches, size_t *n, cb_error *err)
{
    cb_filter      f;
    unsigned char *selected = NULL;
    size_t         i, k = 0;
    int            rc = -1;

    *benches = NULL;
    if (cb_filter_init(&f, cfg->filters, cfg->nfilters, cfg->exact, err) != 0) {
        return -1;
    }
    if (cb_filter_select(&f, list, &selected, n, err) != 0) {
        goto done;
    }
    if (*n == 0) {
        cb_error_set(err, "calibrate: no benchmark matches%s%s", cfg->nfilters > 0 ? " " : "",
                     cfg->nfilters > 0 ? cfg->filters[0] : "");
        goto done;
    }
    *benches = calloc(*n, sizeof **benches);
    if (*benches == NULL) {
        cb_error_set(err, "out of memory");
        goto done;
    }
    for (i = 0; i < list->n; i++) {
        if (selected[i]) {
            (*benches)[k++] = &list->items[i];
        }
    }
    rc = 0;
done:
    free(selected);
    cb_filter_free(&f);
    return rc;
}

static void free_trials(calibration *c)
{
    size_t i;

    for (i = 0; c->trials != NULL && i < c->nrounds * c->nbench; i++) {
        cb_result_free(&c->trials[i].a);
        cb_result_free(&c->trials[i].a2);
    }
    free(c->trials);
}

int cb_command_calibrate(const cb_config *given, cb_error *err)
{
    cb_config          quick = *given;
    calibration        c = { &quick, NULL, 0, given->rounds, NULL };
    const cb_instance **benches = NULL;
    cb_instance_list   list = { NULL, 0 };
    cb_clock           clock;
    cb_measure_config  mc;
    size_t             r;
    int                status = CB_EXIT_USAGE, failed = 0;

    if (given->replay != NULL) {
        return cb_calibrate_replay(given, err);
    }
    /* by default, the settings ci/bench-ab runs its rounds with */
    if (!given->warm_up_s_set && !given->measurement_s_set && !given->sample_size_set) {
        quick.quick = 1;
        quick.warm_up_s = CB_QUICK_WARM_UP_S;
    }
    if (select_benches(&quick, &list, &benches, &c.nbench, err) != 0) {
        goto done;
    }
    c.benches = benches;
    c.trials = calloc(c.nrounds * c.nbench, sizeof *c.trials);
    if (c.trials == NULL) {
        cb_error_set(err, "out of memory");
        goto done;
    }
    if (cb_clock_open(&clock, CB_MEASURE_WALL, err) != 0) {
        goto done;
    }
    cb_runner_settings(&quick, benches[0], &mc);
    printf("Calibrating the wall-clock gate: %zu rounds of 2 fresh processes (A, A' identical; "
           "+1%% +2%% +5%% +10%% are A' scaled) for %zu benchmark%s, %.2f s warm-up, %.2f s "
           "measurement, %zu samples each.\n",
           c.nrounds, c.nbench, c.nbench == 1 ? "" : "s", mc.warm_up_ns / 1e9,
           mc.measurement_ns / 1e9, mc.sample_size);
    fflush(stdout);
    for (r = 0; r < c.nrounds && !failed; r++) {
        if (cb_progress_live(stderr)) {
            cb_progress_line(stderr, "round %zu/%zu", r + 1, c.nrounds);
        }
        failed = measure_round(&c, &clock, r, err) != 0;
    }
    if (cb_progress_live(stderr)) {
        cb_progress_clear(stderr);
    }
    if (!failed && report(&c, &mc, err) == 0) {
        status = CB_EXIT_OK;
    }
    cb_clock_close(&clock);
done:
    free_trials(&c);
    free(benches);
    cb_instance_list_free(&list);
    return status;
}
