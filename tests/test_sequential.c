/*
 * The paired gate's stopping rule on simulated rounds, seeded, no timing:
 * whole-suite runs of identical code (94 benchmarks, per-process noise of 1.5%
 * with the odd wild process) fail at most 1 time in 100, runs counted and not
 * comparisons; a +5% change is caught; and the rule this replaces, stopping at
 * the first p < 0.05, fails far more often.
 */
#include <math.h>
#include <string.h>

#include "stats/rng.h"
#include "stats/sequential.h"
#include "support.h"

#define BENCHES 94
/* enough runs that 1 in 100 is a count, not a coin toss */
#define RUNS 500
#define MIN_ROUNDS 6
#define MAX_ROUNDS 30

static double uniform(cb_rng *rng)
{
    return ((double) (cb_rng_next(rng) >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(cb_rng *rng)
{
    return sqrt(-2.0 * log(uniform(rng))) * cos(6.283185307179586 * uniform(rng));
}

/* One process's median: a round's drift (shared by A and B, as back-to-back
 * processes share the machine), the process's own 1.5%, and one process in
 * twenty thrown off by a neighbour by up to 30%. */
static double process(cb_rng *rng, double drift, double change)
{
    double wild = uniform(rng) < 0.05 ? 1.0 + 0.3 * uniform(rng) : 1.0;

    return 1000.0 * drift * (1.0 + change) * exp(0.015 * normal(rng)) * wild;
}

static const cb_sequential seq = {
    MIN_ROUNDS, MAX_ROUNDS,
    { .noise_threshold = 0.01, .resolution = 0.03, .significance = 0.01,
      .comparisons = BENCHES, .boot = { 1, 0.95, 0 } }
};

/* One gate run: every benchmark through the stopping rule; benchmark 0
 * changed by `change`. How many were declared changed, how many rounds all
 * took, and whether benchmark 0 was caught regressed. */
static size_t gate_run(cb_rng *rng, double change, size_t *rounds_spent, int *caught)
{
    double    a[BENCHES][MAX_ROUNDS], b[BENCHES][MAX_ROUNDS];
    int       active[BENCHES];
    cb_change ch[BENCHES];
    size_t    r, k, alarms = 0;

    for (k = 0; k < BENCHES; k++) {
        active[k] = 1;
    }
    for (r = 0; r < MAX_ROUNDS; r++) {
        for (k = 0; k < BENCHES; k++) {
            double drift = exp(0.05 * normal(rng));

            if (!active[k]) {
                continue;
            }
            a[k][r] = process(rng, drift, 0.0);
            b[k][r] = process(rng, drift, k == 0 ? change : 0.0);
            (*rounds_spent)++;
            active[k] = cb_sequential_look(&seq, a[k], b[k], r + 1, &ch[k]);
        }
    }
    for (k = 0; k < BENCHES; k++) {
        alarms += ch[k].verdict == CB_VERDICT_REGRESSED || ch[k].verdict == CB_VERDICT_IMPROVED;
    }
    *caught = ch[0].verdict == CB_VERDICT_REGRESSED;
    return alarms;
}

static void test_identical_code_fails_at_most_one_run_in_100(void **state)
{
    cb_rng rng;
    size_t run, failed = 0, spent = 0;
    int    caught;

    (void) state;
    cb_rng_seed(&rng, 2026);
    for (run = 0; run < RUNS; run++) {
        failed += gate_run(&rng, 0.0, &spent, &caught) > 0;
    }
    print_message("A/A: %zu of %d whole-suite runs failed; %.1f rounds a benchmark\n", failed,
                  RUNS, (double) spent / (RUNS * BENCHES));
    assert_true(failed <= RUNS / 100);
    /* and the rule saved rounds: most benchmarks settled before the last */
    assert_true((double) spent / (RUNS * BENCHES) < 0.75 * MAX_ROUNDS);
}

static void test_five_percent_is_caught(void **state)
{
    cb_rng rng;
    size_t run, spent = 0, hits = 0, others = 0;
    int    caught;

    (void) state;
    cb_rng_seed(&rng, 7);
    for (run = 0; run < RUNS / 2; run++) {
        size_t alarms = gate_run(&rng, 0.05, &spent, &caught);

        hits += (size_t) caught;
        others += alarms - (size_t) caught;
    }
    print_message("+5%%: caught in %zu of %d runs; %zu false alarms elsewhere\n", hits, RUNS / 2,
                  others);
    assert_true(hits >= RUNS / 2 * 95 / 100);
    assert_true(others <= RUNS / 2 / 100);
}

/* What the rule replaces: a look after every round from the second, a
 * benchmark declared changed at the first p < 0.05 beyond the threshold. */
static void test_stopping_at_the_first_small_p_cries_wolf(void **state)
{
    cb_compare_config per_comparison = seq.compare;
    cb_rng            rng;
    size_t            run, failed = 0;

    (void) state;
    per_comparison.comparisons = 1;
    cb_rng_seed(&rng, 2026);
    for (run = 0; run < RUNS / 5; run++) {
        double    a[MAX_ROUNDS], b[MAX_ROUNDS];
        cb_change ch;
        size_t    k, r, alarms = 0;

        for (k = 0; k < BENCHES && alarms == 0; k++) {
            for (r = 0; r < MAX_ROUNDS; r++) {
                double drift = exp(0.05 * normal(&rng));

                a[r] = process(&rng, drift, 0.0);
                b[r] = process(&rng, drift, 0.0);
                if (r >= 1) {
                    cb_paired_compare(a, b, r + 1, &per_comparison, &ch);
                    if (ch.verdict == CB_VERDICT_REGRESSED || ch.verdict == CB_VERDICT_IMPROVED) {
                        alarms++;
                        break;
                    }
                }
            }
        }
        failed += alarms > 0;
    }
    print_message("optional stopping: %zu of %d whole-suite runs failed\n", failed, RUNS / 5);
    assert_true(failed > RUNS / 5 / 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical_code_fails_at_most_one_run_in_100),
        cmocka_unit_test(test_five_percent_is_caught),
        cmocka_unit_test(test_stopping_at_the_first_small_p_cries_wolf),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
