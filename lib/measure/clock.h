/*
 * The clock behind a measurement, one small interface over every platform
 * specific: CLOCK_MONOTONIC, the cycle counter, and (see instructions.h) the
 * instruction counters. Tests plug in a fake clock through the same struct.
 */
#ifndef CB_CLOCK_H
#define CB_CLOCK_H

#include <stdint.h>
#include "core/error.h"
#include "core/run.h"

typedef struct cb_clock cb_clock;

/*
 * start() returns a mark, stop() the amount measured since that mark, in
 * `unit`. now_ns() is wall time in nanoseconds: the harness budgets warm-up and
 * measurement in real time whatever it measures.
 */
struct cb_clock {
    cb_measure  kind;
    const char *unit;
    uint64_t (*now_ns)(cb_clock *c);
    uint64_t (*start)(cb_clock *c);
    uint64_t (*stop)(cb_clock *c, uint64_t mark);
    int         wall_is_measure; /* start()/stop() read the now_ns() clock */
    /* optional, around each sample: a counter read only after the fact
     * (callgrind) zeroes before a sample and saves its count after */
    void (*sample_begin)(cb_clock *c);
    void (*sample_end)(cb_clock *c);
    int         deferred;        /* values come from outside the process (callgrind) */
    /* required when deferred: the count of the sample sample_end just closed,
     * read back in the process; -1 with a message when it cannot be */
    int (*sample_value)(cb_clock *c, double *value, cb_error *err);
    /* a counter whose counts repeat (instructions): the time the plan budgets
     * per count, about this counter's pace; nonzero makes the plan come from
     * one counted iteration rather than the warm-up's wall time, so that it
     * depends on the count alone */
    double      plan_ns_per_count;
    int         via_callgrind;   /* the runner's side: measure children under callgrind */
    int         failed;          /* a read failed: the measurement must not be trusted */
    double      ticks_per_ns;    /* cycles: the measured TSC rate in GHz */
    int         fd;              /* instructions: the perf_event descriptor */
    void       *user;            /* for a test's fake clock */
};

/*
 * Opens the clock for `kind`. For cycles it measures the counter's rate against
 * CLOCK_MONOTONIC (about 20 ms). Fails with a message naming what is missing
 * when the backend is unavailable here; never returns a clock that reads 0.
 */
int cb_clock_open(cb_clock *c, cb_measure kind, cb_error *err);

/*
 * Re-opens, in a forked child, what cannot be inherited (a perf counter counts
 * the thread that opened it). The TSC rate measured by the parent is kept.
 */
int cb_clock_reopen(cb_clock *c, cb_error *err);

void cb_clock_close(cb_clock *c);

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t cb_clock_monotonic_ns(void);


#endif
