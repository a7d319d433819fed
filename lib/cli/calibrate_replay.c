#include <stdio.h>
#include <stdlib.h>

#include "cli/calibrate.h"
#include "cli/command.h"
#include "stats/rng.h"
#include "stats/sequential.h"
#include "store/rounds.h"

/*
 * `calibrate --replay ROUNDS`: how often gates over rounds like a stored
 * gate's fail. The stored rounds of a gate of identical code (A/A) are drawn
 * again, with replacement and a round's two sides kept together, as many as
 * the gate's stopping rule asks for, run after run: every run that declares a
 * change is a false alarm of a whole gate, counted per run, not per
 * benchmark. A drawn round's sides are swapped at random: with identical
 * code either side may be called A, and without the swap the stored rounds'
 * own chance difference would be replayed as if it were real. The same runs
 * with one benchmark 2% and 5% slower on the head's side say what the gate
 * catches.
 */

static const double slowdowns[] = { 0.0, 0.02, 0.05 };
#define NSLOW (sizeof slowdowns / sizeof slowdowns[0])

typedef struct replay_stats {
    size_t failed;     /* runs with a false alarm (a benchmark not slowed declared changed) */
    size_t caught;     /* runs in which the slowed benchmark regressed */
    size_t unresolved; /* benchmarks left unresolved, over all runs */
    size_t rounds;     /* rounds measured, over all runs and benchmarks */
} replay_stats;

/* One gate run over resampled rounds; benchmark `slow` (or none: nbenches)
 * made `change` slower on the head's side. */
static void replay_run(const cb_rounds *r, const cb_sequential *seq, cb_rng *rng, size_t slow,
                       double change, replay_stats *st)
{
    double    a[CB_PAIRED_MAX_ROUNDS], b[CB_PAIRED_MAX_ROUNDS];
    cb_change ch;
    size_t    k, n;
    int       alarm = 0;

    for (k = 0; k < r->nbenches; k++) {
        const cb_rounds_bench *bench = &r->benches[k];
        int                    more = 1;

        for (n = 0; more && n < seq->max_rounds; n++) {
            uint32_t i = cb_rng_below(rng, (uint32_t) bench->n);
            int      swap = (int) (cb_rng_next(rng) >> 63);

            a[n] = swap ? bench->b[i] : bench->a[i];
            b[n] = (swap ? bench->a[i] : bench->b[i]) * (k == slow ? 1.0 + change : 1.0);
            more = cb_sequential_look(seq, a, b, n + 1, &ch) == CB_LOOK_MORE;
        }
        st->rounds += n;
        st->unresolved += ch.verdict == CB_VERDICT_UNRESOLVED;
        if (k == slow) {
            st->caught += ch.verdict == CB_VERDICT_REGRESSED;
        } else {
            alarm |= ch.verdict == CB_VERDICT_REGRESSED || ch.verdict == CB_VERDICT_IMPROVED;
        }
    }
    st->failed += (size_t) alarm;
}

int cb_calibrate_replay(const cb_config *cfg, cb_error *err)
{
    cb_config     c = *cfg;
    cb_sequential seq;
    cb_rounds     r;
    cb_rng        rng;
    replay_stats  st[NSLOW] = { { 0, 0, 0, 0 } };
    size_t        run, w;

    if (cb_rounds_load(cfg->replay, &r, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (r.nbenches == 0) {
        cb_rounds_free(&r);
        cb_error_set(err, "%s: no benchmark has rounds to replay", cfg->replay);
        return CB_EXIT_USAGE;
    }
    /* the gate's own defaults, as command_gate.c applies them */
    if (!c.noise_threshold_set && r.measure != CB_MEASURE_INSTRUCTIONS) {
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
    cb_rng_seed(&rng, cfg->seed);
    for (w = 0; w < NSLOW; w++) {
        for (run = 0; run < cfg->runs; run++) {
            size_t slow = w == 0 ? r.nbenches : cb_rng_below(&rng, (uint32_t) r.nbenches);

            replay_run(&r, &seq, &rng, slow, slowdowns[w], &st[w]);
        }
    }
    printf("Replaying %zu gate runs over the rounds of %zu benchmarks in %s (%zu to %zu rounds, "
           "threshold %.3g%%, resolution %.3g%%, family-wise level %.3g):\n",
           cfg->runs, r.nbenches, cfg->replay, seq.min_rounds, seq.max_rounds,
           100.0 * seq.compare.noise_threshold, 100.0 * seq.compare.resolution,
           seq.compare.significance);
    printf("  identical code: %zu of %zu runs failed; %.1f unresolved and %.1f rounds a run "
           "per benchmark\n",
           st[0].failed, cfg->runs, (double) st[0].unresolved / (double) cfg->runs,
           (double) st[0].rounds / (double) (cfg->runs * r.nbenches));
    for (w = 1; w < NSLOW; w++) {
        printf("  one benchmark +%.0f%% slower: caught in %zu of %zu runs; %zu runs with a false "
               "alarm elsewhere\n",
               100.0 * slowdowns[w], st[w].caught, cfg->runs, st[w].failed);
    }
    cb_rounds_free(&r);
    return CB_EXIT_OK;
}
