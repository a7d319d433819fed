/*
 * The paired gate's sequential design: how many rounds each benchmark gets.
 *
 * Every benchmark runs min_rounds rounds. After each later round, one whose
 * comparison is settled without a rejection (within noise, or no change
 * inside the resolution) stops; the others go on, up to max_rounds or until
 * the gate's time runs out. A regression or an improvement is declared only
 * at a benchmark's last round, by the fixed-sample paired test on all its
 * rounds. Stopping early only ever forgoes a rejection, so a false alarm
 * needs the test at the last round to reject, and the false-alarm rate stays
 * that of the fixed design. Checking the p-value after every round and
 * stopping at the first p < 0.05 would not: that is optional stopping, and it
 * raises the rate several-fold (tests/test_sequential.c shows both).
 *
 * So that a clear regression need not run to the last round, the level is
 * spent over looks (Bonferroni over the looks, which holds whatever their
 * dependence): at 2, 4, 8 ... times min_rounds a rejection at 1/8, 1/16,
 * 1/32 ... of the level stops a benchmark; the last round's test has 3/4 of
 * it. Together they never exceed the level.
 *
 * An exact measure (compare.exact) whose rounds agree is decided after
 * exact_rounds, whatever its verdict, regressions included: its change is
 * certain (paired.h), so there is no rate to keep. One whose counts vary
 * takes the rule above, as a time does.
 *
 * A benchmark is also stopped, unresolved, when even twice max_rounds could
 * not settle it (cb_sequential_rounds_needed() says how many it would need:
 * a projection from its rounds so far, rough, hence the margin); the gate
 * stops it too when the rounds it needs would take more than twice the time
 * left (cb_sequential_room()). Both only forgo a rejection, as settling does.
 */
#ifndef CB_SEQUENTIAL_H
#define CB_SEQUENTIAL_H

#include "stats/compare.h"
#include "stats/paired.h"

typedef struct cb_sequential {
    size_t            min_rounds;   /* >= 2 */
    size_t            exact_rounds; /* >= 2: an exact measure's rounds that agree decide */
    size_t            max_rounds;   /* >= min_rounds, <= CB_PAIRED_MAX_ROUNDS */
    cb_compare_config compare;
} cb_sequential;

/* the share of the level the last round's test has */
#define CB_SEQUENTIAL_FINAL 0.75

/* The family-wise level a rejection after `rounds` rounds is held to: an
 * interim look's share (0 where no look falls), or with last set the last
 * round's test's (3/4, or the look's if that is more). */
double cb_sequential_level(const cb_sequential *seq, size_t rounds, int last);

/* What a look decided. */
typedef enum cb_look {
    CB_LOOK_MORE = 0, /* needs another round */
    CB_LOOK_SETTLED,  /* decided: settled without a rejection, an exact measure's rounds
                       * agreeing, or max_rounds reached (the verdict is the test's) */
    CB_LOOK_FUTILE,   /* unresolved, and even max_rounds (or the time left) would not
                       * settle it */
    CB_LOOK_BUDGET    /* the time left has no room for its next round */
} cb_look;

/*
 * Looks at one benchmark after `rounds` rounds, a[k] and b[k] each round's
 * statistics (all > 0): out gets the paired comparison of them all (from two
 * rounds on; before, an unresolved nothing), and the return says whether it
 * needs another round.
 */
cb_look cb_sequential_look(const cb_sequential *seq, const double *a, const double *b,
                           size_t rounds, cb_change *out);

/*
 * About how many rounds in all c (a comparison over `rounds` rounds, not
 * exact) would need to be settled either way, were its change and spread to
 * stay as they are: its interval then inside the resolution, or clear of the
 * noise threshold at the significance level. 0 when not even
 * CB_PAIRED_MAX_ROUNDS would do; `rounds` when it is settled already.
 */
size_t cb_sequential_rounds_needed(const cb_sequential *seq, const cb_change *c, size_t rounds);

/*
 * Before a benchmark's next round: whether the time left (left_s) has room
 * for it (next_s) and for the rounds it would need to settle (at next_s
 * each): CB_LOOK_MORE when it has, CB_LOOK_BUDGET when not even the next
 * round fits, CB_LOOK_FUTILE (and *need, the rounds it would need in all,
 * 0 for more than a comparison holds) when the rounds it needs do not.
 * c: its comparison after `rounds` rounds (any before min_rounds).
 */
cb_look cb_sequential_room(const cb_sequential *seq, const cb_change *c, size_t rounds,
                           double next_s, double left_s, size_t *need);

#endif
