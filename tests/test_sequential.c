/*
 * The paired gate's stopping rule on simulated rounds, seeded, no timing:
 * whole-suite runs of identical code (94 benchmarks, per-process noise of 1.5%
 * with the odd wild process) fail at most 1 time in 100, runs counted and not
 * comparisons; a +5% change is caught; and the rule this replaces, stopping at
 * the first p < 0.05, fails far more often. Then the rule as the gate runs it
 * by default: up to 256 rounds within a time budget, benchmarks stopped when
 * the budget could not settle them; and an exact measure's rounds that agree
 * deciding at once.
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
    MIN_ROUNDS, 2, MAX_ROUNDS,
    { .noise_threshold = 0.01, .resolution = 0.03, .significance = 0.01,
      .comparisons = BENCHES, .boot = { 1, 0.95, 0 } }
};

/* One gate run: every benchmark through the stopping rule; benchmark 0
 * changed by `change`. How many were declared changed, how many rounds all
 * took, and whether benchmark 0 was caught regressed. */
static size_t gate_run(cb_rng *rng, const cb_sequential *rule, double change,
                       size_t *rounds_spent, int *caught)
{
    static double a[BENCHES][CB_PAIRED_MAX_ROUNDS], b[BENCHES][CB_PAIRED_MAX_ROUNDS];
    int       active[BENCHES];
    cb_change ch[BENCHES];
    size_t    r, k, alarms = 0;

    for (k = 0; k < BENCHES; k++) {
        active[k] = 1;
    }
    for (r = 0; r < rule->max_rounds; r++) {
        for (k = 0; k < BENCHES; k++) {
            double drift = exp(0.05 * normal(rng));

            if (!active[k]) {
                continue;
            }
            a[k][r] = process(rng, drift, 0.0);
            b[k][r] = process(rng, drift, k == 0 ? change : 0.0);
            (*rounds_spent)++;
            active[k] = cb_sequential_look(rule, a[k], b[k], r + 1, &ch[k]) == CB_LOOK_MORE;
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
        failed += gate_run(&rng, &seq, 0.0, &spent, &caught) > 0;
    }
    print_message("A/A: %zu of %d whole-suite runs failed; %.1f rounds a benchmark\n", failed,
                  RUNS, (double) spent / (RUNS * BENCHES));
    assert_true(failed <= RUNS / 100);
    /* and the rule saved rounds: most benchmarks settled before the last */
    assert_true((double) spent / (RUNS * BENCHES) < 0.75 * MAX_ROUNDS);
}

/* within the rounds a comparison holds (no budget here: the test below has one) */
static void test_five_percent_is_caught(void **state)
{
    cb_sequential rule = seq;
    cb_rng rng;
    size_t run, spent = 0, hits = 0, others = 0;
    int    caught;

    (void) state;
    rule.max_rounds = CB_PAIRED_MAX_ROUNDS;
    cb_rng_seed(&rng, 7);
    for (run = 0; run < RUNS / 2; run++) {
        size_t alarms = gate_run(&rng, &rule, 0.05, &spent, &caught);

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

/* The gate's loop (command_gate.c) on simulated rounds: round-robin over the
 * benchmarks still active, each round costing `cost` (a unit of time) and the
 * budget `budget` of them, cb_sequential_room() before each round and
 * cb_sequential_look() after. Benchmarks 0-9 are noisy (a process's spread
 * 8%, as under load): the budget cannot settle them. */
typedef struct budget_run {
    size_t alarms, rounds, futile, budget_stops, caught, unresolved;
} budget_run;

static void budget_gate(cb_rng *rng, const cb_sequential *rule, double change, double budget,
                        budget_run *out)
{
    static double a[BENCHES][CB_PAIRED_MAX_ROUNDS], b[BENCHES][CB_PAIRED_MAX_ROUNDS];
    cb_change     ch[BENCHES];
    size_t        n[BENCHES] = { 0 }, k, need;
    int           active[BENCHES], any = 1;
    double        spent = 0.0;

    memset(ch, 0, sizeof ch);
    for (k = 0; k < BENCHES; k++) {
        active[k] = 1;
    }
    while (any) {
        any = 0;
        for (k = 0; k < BENCHES; k++) {
            double  drift = exp(0.05 * normal(rng)), noise = k < 10 ? 0.08 : 0.015;
            cb_look room, look;

            if (!active[k]) {
                continue;
            }
            room = cb_sequential_room(rule, &ch[k], n[k], 1.0, budget - spent, &need);
            if (room != CB_LOOK_MORE) {
                active[k] = 0;
                out->futile += room == CB_LOOK_FUTILE;
                out->budget_stops += room == CB_LOOK_BUDGET;
                continue;
            }
            a[k][n[k]] = 1000.0 * drift * exp(noise * normal(rng));
            b[k][n[k]] = 1000.0 * drift * (k == 20 ? 1.0 + change : 1.0) * exp(noise * normal(rng));
            n[k]++;
            spent += 1.0;
            out->rounds++;
            look = cb_sequential_look(rule, a[k], b[k], n[k], &ch[k]);
            active[k] = look == CB_LOOK_MORE;
            out->futile += look == CB_LOOK_FUTILE;
            any |= active[k];
        }
    }
    for (k = 0; k < BENCHES; k++) {
        int rejected = ch[k].verdict == CB_VERDICT_REGRESSED || ch[k].verdict == CB_VERDICT_IMPROVED;

        out->alarms += rejected && !(k == 20 && change != 0.0);
        out->unresolved += ch[k].verdict == CB_VERDICT_UNRESOLVED;
    }
    out->caught += ch[20].verdict == CB_VERDICT_REGRESSED;
}

/* Up to 256 rounds, within a budget of 30 rounds a benchmark: identical code
 * still fails at most 1 run in 100; the noisy benchmarks get the rounds they
 * need or are stopped early as futile, never left unresolved at the budget's
 * end; +5% is caught, and +30% at an interim look, long before the budget
 * ends. */
static void test_budget_spends_rounds_where_they_help(void **state)
{
    cb_sequential rule = seq;
    cb_rng        rng;
    budget_run    aa = { 0 }, five = { 0 }, thirty = { 0 };
    size_t        run, runs = RUNS / 5;

    (void) state;
    rule.max_rounds = CB_PAIRED_MAX_ROUNDS;
    cb_rng_seed(&rng, 18);
    for (run = 0; run < runs; run++) {
        budget_run one = { 0 };

        budget_gate(&rng, &rule, 0.0, 30.0 * BENCHES, &one);
        aa.alarms += one.alarms > 0;
        aa.rounds += one.rounds;
        aa.futile += one.futile;
        aa.budget_stops += one.budget_stops;
        aa.unresolved += one.unresolved;
        budget_gate(&rng, &rule, 0.05, 30.0 * BENCHES, &five);
        budget_gate(&rng, &rule, 0.30, 30.0 * BENCHES, &thirty);
    }
    print_message("budget, A/A: %zu of %zu runs failed; %.1f rounds a benchmark; %.1f stopped "
                  "as futile, %.1f by the budget, %.1f unresolved a run\n", aa.alarms, runs,
                  (double) aa.rounds / (double) (runs * BENCHES),
                  (double) aa.futile / (double) runs, (double) aa.budget_stops / (double) runs,
                  (double) aa.unresolved / (double) runs);
    print_message("budget: +5%% caught in %zu of %zu runs, +30%% in %zu\n", five.caught, runs,
                  thirty.caught);
    assert_true(aa.alarms <= runs / 100);
    /* the noisy ten settle or are found futile: none is left to the budget's end */
    assert_true(aa.budget_stops == 0 && aa.unresolved <= aa.futile);
    assert_true((double) aa.rounds / (double) (runs * BENCHES) < 30.0);
    assert_true(five.caught >= runs * 95 / 100);
    assert_true(thirty.caught == runs);
}

/* An exact measure: rounds whose counts agree decide at two, regressions
 * included; counts that vary take the test, and more rounds. */
static void test_exact_rounds_that_agree_decide_at_two(void **state)
{
    cb_sequential exact = seq;
    double        a[4] = { 1000, 1000, 1000, 1000 }, same[4] = { 1000, 1000, 1000, 1000 };
    double        more[4] = { 1049, 1049, 1049, 1049 }, vary[4] = { 1000, 1003, 998, 1001 };
    cb_change     c;

    (void) state;
    exact.compare.exact = 1;
    assert_int_equal(cb_sequential_look(&exact, a, same, 1, &c), CB_LOOK_MORE);
    assert_int_equal(cb_sequential_look(&exact, a, same, 2, &c), CB_LOOK_SETTLED);
    assert_int_equal(c.verdict, CB_VERDICT_NO_CHANGE);
    assert_true(c.p_value < 0.0 && c.resolution == 0.0);
    assert_int_equal(cb_sequential_look(&exact, a, more, 2, &c), CB_LOOK_SETTLED);
    assert_int_equal(c.verdict, CB_VERDICT_REGRESSED);
    assert_true(c.estimate.lower == c.estimate.point && c.estimate.upper == c.estimate.point);
    /* New / Old - 1 is the change */
    assert_true(fabs(c.new_typical / c.old_typical - 1.0 - c.estimate.point) < 1e-12);
    assert_int_equal(cb_sequential_look(&exact, a, vary, 4, &c), CB_LOOK_MORE);
    assert_true(c.p_value >= 0.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical_code_fails_at_most_one_run_in_100),
        cmocka_unit_test(test_five_percent_is_caught),
        cmocka_unit_test(test_stopping_at_the_first_small_p_cries_wolf),
        cmocka_unit_test(test_budget_spends_rounds_where_they_help),
        cmocka_unit_test(test_exact_rounds_that_agree_decide_at_two),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
