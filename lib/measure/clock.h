/*
 * The clock behind a measurement: one small interface over every platform
 * specific. A backend is an operations table with state of its own (the
 * kernel's file_operations, Google Benchmark's reporters): CLOCK_MONOTONIC
 * (wall.c), the cycle counter (tsc.c), perf_event's instruction counter
 * (perf.c), callgrind's instruction counts inside a child under valgrind
 * (callgrind.c). Tests plug in a fake clock through the same table.
 */
#ifndef CB_CLOCK_H
#define CB_CLOCK_H

#include <stdint.h>
#include "core/error.h"
#include "core/run.h"

typedef struct cb_clock cb_clock;

typedef struct cb_clock_ops {
    cb_measure  kind;
    const char *unit;
    /* wall time in nanoseconds: the harness budgets warm-up and measurement
     * in real time whatever it measures */
    uint64_t (*now_ns)(cb_clock *c);
    /* start() returns a mark, stop() the amount measured since that mark, in
     * unit; a read that fails sets c->failed rather than returning a zero */
    uint64_t (*start)(cb_clock *c);
    uint64_t (*stop)(cb_clock *c, uint64_t mark);
    /* start() and stop() read now_ns()'s clock: the wall time of a timed
     * section costs no second read */
    int start_is_wall;
    /* optional, around each sample, for a counter read only after the fact
     * (callgrind): sample_begin() zeroes it, sample_end() returns the count of
     * the sample just taken; -1 with a message when it cannot. Without them
     * a sample's value is what stop() returned. */
    void (*sample_begin)(cb_clock *c);
    int (*sample_end)(cb_clock *c, double *value, cb_error *err);
    /* a counter whose counts repeat (instructions): the time the plan
     * budgets per count, about this counter's pace; nonzero makes the plan
     * come from one counted iteration rather than the warm-up's wall time,
     * so that it depends on the count alone */
    double plan_ns_per_count;
    /* the tool children must run under to be counted ("callgrind"): this
     * process counts nothing itself, and its start() and stop() keep only
     * --test, which runs natively, sound. NULL: children count themselves */
    const char *child_tool;
    /* optional: re-opens, in a forked child, what a fork does not carry (a
     * perf counter counts the thread that opened it) */
    int (*reopen)(cb_clock *c, cb_error *err);
    /* optional: releases the backend's state */
    void (*close)(cb_clock *c);
} cb_clock_ops;

struct cb_clock {
    const cb_clock_ops *ops;
    void               *state;  /* the backend's own */
    int                 failed; /* a read failed: the measurement must not be trusted */
};

/*
 * Opens the clock for `kind`: wall time; the cycle counter, whose rate it
 * measures against CLOCK_MONOTONIC (about 60 ms); or instruction counts
 * through perf_event_open, else through callgrind in the children. Fails with
 * a message naming what is missing when no backend works here; never returns
 * a clock that reads 0.
 */
int cb_clock_open(cb_clock *c, cb_measure kind, cb_error *err);

/* Re-opens, in a forked child, what cannot be inherited. */
int cb_clock_reopen(cb_clock *c, cb_error *err);

void cb_clock_close(cb_clock *c);

/* The clock's kind and unit. */
cb_measure cb_clock_kind(const cb_clock *c);
const char *cb_clock_unit(const cb_clock *c);

/* The cycle counter's rate in GHz for a cycles clock (reference cycles per
 * nanosecond), 0 for any other. */
double cb_clock_tsc_ghz(const cb_clock *c);

/* CLOCK_MONOTONIC in nanoseconds (wall.c). */
uint64_t cb_clock_monotonic_ns(void);

/* The wall-clock backend's now_ns() and stop(), for backends that count
 * something else and budget in real time (wall.c). */
uint64_t cb_clock_wall_now(cb_clock *c);
uint64_t cb_clock_wall_since(cb_clock *c, uint64_t mark);

#endif
