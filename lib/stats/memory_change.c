#include <math.h>
#include <string.h>

#include "stats/memory_change.h"

/* In the order that names what decided: what an iteration allocates first. */
static const cb_memory_figure judged[] = { CB_MEMORY_ALLOCATIONS, CB_MEMORY_NET_BYTES,
                                           CB_MEMORY_BYTES, CB_MEMORY_PEAK_BYTES };

#define NJUDGED (sizeof judged / sizeof judged[0])

void cb_memory_compare(const cb_memory *old, cb_memory *new_)
{
    cb_memory_change *c = &new_->change;
    size_t            i, k;

    new_->has_change = 0;
    if (old == NULL || old->status != CB_MEMORY_COUNTED || new_->status != CB_MEMORY_COUNTED) {
        return;
    }
    memset(c, 0, sizeof *c);
    for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
        c->old[k] = old->figures[k];
        /* an unknown figure (NaN) on either side leaves its change unknown */
        c->delta[k] = new_->figures[k] - old->figures[k];
    }
    c->verdict = CB_MEMORY_SAME;
    c->decided_by = CB_MEMORY_ALLOCATIONS;
    for (i = 0; i < NJUDGED && c->verdict != CB_MEMORY_MORE; i++) {
        double d = c->delta[judged[i]];

        if (d > 0.0) {
            c->verdict = CB_MEMORY_MORE;
            c->decided_by = judged[i];
        } else if (d < 0.0 && c->verdict == CB_MEMORY_SAME) {
            c->verdict = CB_MEMORY_LESS;
            c->decided_by = judged[i];
        }
    }
    new_->has_change = 1;
}
