#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/calibrate.h"
#include "cli/command.h"
#include "stats/rng.h"
#include "stats/sequential.h"
#include "store/rounds.h"

/*
 * `calibrate --replay ROUNDS`: how often gates over rounds like a stored
 * gate's fail. The stored rounds of a gate of identical code (A/A) are drawn
 * again, with replacement and a round's two sides kept together, round after
 * round over the benchmarks as the gate takes them, under the gate's rule
 * (sequential.h) and its time budget (each round costing what the stored
 * gate's last round of that benchmark took): every run that declares a change
 * is a false alarm of a whole gate, counted per run, not per benchmark. A
 * drawn round's sides are swapped at random: with identical code either side
 * may be called A, and without the swap the stored rounds' own chance
 * difference would be replayed as if it were real. The same runs with one
 * benchmark 2% and 5% slower on the head's side say what the gate catches.
 */

static const double slowdowns[] = { 0.0, 0.02, 0.05 };
#define NSLOW (sizeof slowdowns / sizeof slowdowns[0])

typedef struct replay_stats {
    size_t failed;     /* runs with a false alarm (a benchmark not slowed declared changed) */
    size_t caught;     /* runs in which the slowed benchmark regressed */
    size_t unresolved; /* benchmarks left unresolved, over all runs */
    size_t rounds;     /* rounds measured, over all runs and benchmarks */
    double seconds;    /* the rounds' time, over all runs */
} replay_stats;

/* A run's state: each benchmark's drawn rounds and comparison. */
typedef struct replay {
    double    (*a)[CB_PAIRED_MAX_ROUNDS], (*b)[CB_PAIRED_MAX_ROUNDS];
    size_t    *n;
    int       *active;
    cb_change *ch;
} replay;

/* One gate run over resampled rounds; benchmark `slow` (or none: nbenches)
 * made `change` slower on the head's side. */
static void replay_run(const cb_rounds *r, const cb_sequential *seq, double budget_s,
                       replay *w, cb_rng *rng, size_t slow, double change, replay_stats *st)
{
    size_t k, need;
    double spent = 0.0;
    int    any = 1, alarm = 0;

    for (k = 0; k < r->nbenches; k++) {
        w->n[k] = 0;
        w->active[k] = 1;
        memset(&w->ch[k], 0, sizeof w->ch[k]);
    }
    while (any) {
        any = 0;
        for (k = 0; k < r->nbenches; k++) {
            const cb_rounds_bench *bench = &r->benches[k];
            uint32_t               i;
            int                    swap;

            if (!w->active[k]) {
                continue;
            }
            if (cb_sequential_room(seq, &w->ch[k], w->n[k], bench->seconds, budget_s - spent,
                                   &need) != CB_LOOK_MORE) {
                w->active[k] = 0;
                continue;
            }
            i = cb_rng_below(rng, (uint32_t) bench->n);
            swap = (int) (cb_rng_next(rng) >> 63);
            w->a[k][w->n[k]] = swap ? bench->b[i] : bench->a[i];
            w->b[k][w->n[k]] = (swap ? bench->a[i] : bench->b[i]) * (k == slow ? 1.0 + change : 1.0);
            w->n[k]++;
            spent += bench->seconds;
            w->active[k] = cb_sequential_look(seq, w->a[k], w->b[k], w->n[k], &w->ch[k]) ==
                           CB_LOOK_MORE;
            any |= w->active[k];
        }
    }
    for (k = 0; k < r->nbenches; k++) {
        const cb_change *ch = &w->ch[k];

        st->rounds += w->n[k];
        st->unresolved += ch->verdict == CB_VERDICT_UNRESOLVED;
        if (k == slow) {
            st->caught += ch->verdict == CB_VERDICT_REGRESSED;
        } else {
            alarm |= ch->verdict == CB_VERDICT_REGRESSED || ch->verdict == CB_VERDICT_IMPROVED;
        }
    }
    st->seconds += spent;
    st->failed += (size_t) alarm;
}

int cb_calibrate_replay(const cb_config *cfg, cb_error *err)
{
    cb_config     c = *cfg;
    cb_sequential seq;
    cb_rounds     r;
    cb_rng        rng;
    replay        w;
    replay_stats  st[NSLOW] = { { 0, 0, 0, 0, 0.0 } };
    size_t        run, k, timed = 0;
    int           status = CB_EXIT_USAGE;

    if (cb_rounds_load(cfg->replay, &r, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (r.nbenches == 0) {
        cb_rounds_free(&r);
        cb_error_set(err, "%s: no benchmark has rounds to replay", cfg->replay);
        return CB_EXIT_USAGE;
    }
    w.a = calloc(r.nbenches, sizeof *w.a);
    w.b = calloc(r.nbenches, sizeof *w.b);
    w.n = calloc(r.nbenches, sizeof *w.n);
    w.active = calloc(r.nbenches, sizeof *w.active);
    w.ch = calloc(r.nbenches, sizeof *w.ch);
    if (w.a == NULL || w.b == NULL || w.n == NULL || w.active == NULL || w.ch == NULL) {
        cb_error_set(err, "out of memory");
        goto done;
    }
    /* the gate's own defaults, as command_gate.c applies them */
    if (!c.noise_threshold_set && !cb_measure_exact(r.measure)) {
        c.noise_threshold = CB_GATE_NOISE_THRESHOLD;
        c.noise_threshold_set = 1;
    }
    if (!c.significance_set) {
        c.significance = CB_GATE_SIGNIFICANCE;
    }
    seq.compare = cb_command_compare_config(&c, r.measure, r.nbenches);
    seq.min_rounds = cfg->min_rounds;
    seq.exact_rounds = cfg->min_rounds_set ? cfg->min_rounds : CB_GATE_EXACT_ROUNDS;
    seq.max_rounds = cfg->max_rounds;
    for (k = 0; k < r.nbenches; k++) {
        timed += r.benches[k].seconds > 0.0;
    }
    cb_rng_seed(&rng, cfg->seed);
    for (k = 0; k < NSLOW; k++) {
        for (run = 0; run < cfg->runs; run++) {
            size_t slow = k == 0 ? r.nbenches : cb_rng_below(&rng, (uint32_t) r.nbenches);

            replay_run(&r, &seq, cfg->time_budget_s, &w, &rng, slow, slowdowns[k], &st[k]);
        }
    }
    printf("Replaying %zu gate runs over the rounds of %zu benchmarks in %s: the gate's rule (%zu "
           "rounds each, up to %zu; threshold %.3g%%, resolution %.3g%%, family-wise level "
           "%.3g) and ",
           cfg->runs, r.nbenches, cfg->replay, seq.min_rounds, seq.max_rounds,
           100.0 * seq.compare.noise_threshold, 100.0 * seq.compare.resolution,
           seq.compare.significance);
    if (timed == r.nbenches) {
        printf("its time budget (%.0f s, each round costing what the stored one took).\n",
               cfg->time_budget_s);
    } else {
        printf("no time budget (the file does not record the rounds' times).\n");
    }
    printf("  per run:       identical code failed %zu of %zu runs (a false alarm on any "
           "benchmark fails a run); on average %.0f s of rounds and %.2f benchmarks "
           "unresolved\n",
           st[0].failed, cfg->runs, st[0].seconds / (double) cfg->runs,
           (double) st[0].unresolved / (double) cfg->runs);
    printf("  per benchmark: %.1f rounds on average\n",
           (double) st[0].rounds / (double) (cfg->runs * r.nbenches));
    for (k = 1; k < NSLOW; k++) {
        printf("  per run:       one benchmark +%.0f%% slower: caught in %zu of %zu runs; %zu runs "
               "with a false alarm elsewhere\n",
               100.0 * slowdowns[k], st[k].caught, cfg->runs, st[k].failed);
    }
    status = CB_EXIT_OK;
done:
    free(w.a);
    free(w.b);
    free(w.n);
    free(w.active);
    free(w.ch);
    cb_rounds_free(&r);
    return status;
}
