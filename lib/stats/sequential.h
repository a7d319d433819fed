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
 */
#ifndef CB_SEQUENTIAL_H
#define CB_SEQUENTIAL_H

#include "stats/compare.h"
#include "stats/paired.h"

typedef struct cb_sequential {
    size_t            min_rounds; /* >= 2 */
    size_t            max_rounds; /* >= min_rounds, <= CB_PAIRED_MAX_ROUNDS */
    cb_compare_config compare;
} cb_sequential;

/*
 * Looks at one benchmark after `rounds` rounds, a[k] and b[k] each round's
 * statistics (all > 0): out gets the paired comparison of them all (from two
 * rounds on; before, an unresolved nothing), and the return says whether it
 * needs another round (1) or is done (0).
 */
int cb_sequential_look(const cb_sequential *seq, const double *a, const double *b,
                       size_t rounds, cb_change *out);

#endif
