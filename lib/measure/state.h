/*
 * cb_state, the handle a benchmark function receives: the iteration count the
 * harness asks for, the timer it accumulates into, and what the function
 * reports back (a failure, a note).
 */
#ifndef CB_STATE_H
#define CB_STATE_H

#include <stdint.h>
#include "measure/clock.h"
#include "measure/registry.h"

#define CB_NOTE_MAX 256

struct cb_state {
    const cb_instance *inst;
    cb_clock          *clock;
    uint64_t           iterations;
    uint64_t           mark, wall_mark;
    uint64_t           measured; /* in clock->unit, summed over start/stop pairs */
    uint64_t           wall_ns;  /* wall time of the same timed sections */
    int                running;
    unsigned           starts;
    int                failed;
    char               failure[CB_ERROR_MAX];
    char               note[CB_NOTE_MAX];
};

void cb_state_init(cb_state *s, const cb_instance *inst, cb_clock *clock);

/*
 * Calls fn (the run or check function) once for `iterations` iterations and
 * checks how it went: 0 on success, with s->measured and s->wall_ns filled;
 * -1 with s->failure set if it returned nonzero, left its timer running or
 * (when must_time) never started it.
 */
int cb_state_call(cb_state *s, int (*fn)(cb_state *), uint64_t iterations, int must_time);

#endif
