#include <string.h>

#include "stats/sequential.h"

int cb_sequential_look(const cb_sequential *seq, const double *a, const double *b,
                       size_t rounds, cb_change *out)
{
    if (rounds < 2) {
        /* one round is no comparison yet */
        memset(out, 0, sizeof *out);
        out->verdict = CB_VERDICT_UNRESOLVED;
        return 1;
    }
    cb_paired_compare(a, b, rounds, &seq->compare, out);
    if (rounds < seq->min_rounds) {
        return 1;
    }
    if (rounds >= seq->max_rounds) {
        return 0;
    }
    /* settled without a rejection: no later round can make it a false alarm */
    return !(out->verdict == CB_VERDICT_WITHIN_NOISE || out->verdict == CB_VERDICT_NO_CHANGE);
}
