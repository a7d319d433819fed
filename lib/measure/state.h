/*
 * cb_state, the handle a benchmark function receives: the iteration count the
 * harness asks for, the timer it accumulates into, the batches it hands out,
 * the fixture it keeps, and what the function reports back (a failure, a note,
 * its counters).
 */
#ifndef CB_STATE_H
#define CB_STATE_H

#include <stdint.h>
#include "measure/clock.h"
#include "core/result.h"
#include "measure/registry.h"

#define CB_NOTE_MAX 256
#define CB_MAX_COUNTERS CB_RESULT_MAX_COUNTERS
#define CB_COUNTER_NAME_MAX 31

/* A custom counter: what cb_state_counter() added in the current call, and
 * over the calls since cb_state_tally_reset(). */
typedef struct cb_state_counter_ {
    char   name[CB_COUNTER_NAME_MAX + 1];
    double call, total;
} cb_state_counter_;

struct cb_state {
    const cb_instance *inst;
    cb_clock          *clock;
    uint64_t           iterations;
    uint64_t           batched;  /* iterations cb_state_batch() handed out this call */
    uint64_t           pending;  /* the last batch handed out, not yet run by CB_BATCH_LOOP */
    uint64_t           batch_run; /* iterations CB_BATCH_LOOP ran this call */
    unsigned           batch_loops; /* CB_BATCH_LOOPs this call */
    uint64_t           mark, wall_mark;
    uint64_t           measured; /* in the clock's unit, summed over start/stop pairs */
    uint64_t           wall_ns;  /* wall time of the same timed sections */
    uint64_t           first_ns, last_ns; /* this call's first start and last stop, wall
                                           * clock: a span other threads' can be set
                                           * against */
    int                running;
    unsigned           starts;
    void              *fixture;
    cb_state_counter_  counters[CB_MAX_COUNTERS];
    size_t             ncounters;
    uint64_t           tally_wall_ns; /* the timed sections' wall time since the reset */
    int                failed;
    char               failure[CB_ERROR_MAX];
    char               note[CB_NOTE_MAX];
    void              *input;        /* what prepare_input filled for this call, or NULL */
    uint64_t           secret_bytes; /* declared with cb_secret() so far */
    int                mark_secrets; /* under memcheck: cb_secret() marks them undefined */
};

void cb_state_init(cb_state *s, const cb_instance *inst, cb_clock *clock);

/*
 * Calls fn (the run or check function) once for `iterations` iterations and
 * checks how it went: 0 on success, with s->measured and s->wall_ns filled;
 * -1 with s->failure set if it returned nonzero, left its timer running or
 * (when must_time) never started it.
 */
int cb_state_call(cb_state *s, int (*fn)(cb_state *), uint64_t iterations, int must_time);

/* Adds the last call's counters and timed wall time to their totals: the
 * samples are tallied, not the warm-up. */
void cb_state_tally_add(cb_state *s);

/* Zeroes those totals. */
void cb_state_tally_reset(cb_state *s);

#endif
