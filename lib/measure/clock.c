#include <string.h>
#include <time.h>

#include "measure/callgrind.h"
#include "measure/clock.h"
#include "measure/tsc.h"
#include "measure/perf.h"

uint64_t cb_clock_monotonic_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

static uint64_t wall_now(cb_clock *c)
{
    (void) c;
    return cb_clock_monotonic_ns();
}

static uint64_t wall_stop(cb_clock *c, uint64_t mark)
{
    (void) c;
    return cb_clock_monotonic_ns() - mark;
}

static uint64_t cycles_start(cb_clock *c)
{
    (void) c;
    return cb_cycles_start();
}

static uint64_t cycles_stop(cb_clock *c, uint64_t mark)
{
    (void) c;
    return cb_cycles_stop() - mark;
}

/* Counts TSC ticks over 20 ms of CLOCK_MONOTONIC, three times, keeping the
 * median: one descheduling in the middle of a window skews only that window. */
static double measure_tsc_ghz(void)
{
    double rates[3], t;
    int    i, j;

    for (i = 0; i < 3; i++) {
        uint64_t ns0 = cb_clock_monotonic_ns(), c0 = cb_cycles_start(), ns1, c1;

        do {
            ns1 = cb_clock_monotonic_ns();
        } while (ns1 - ns0 < 20000000u);
        c1 = cb_cycles_stop();
        rates[i] = (double) (c1 - c0) / (double) (ns1 - ns0);
    }
    for (i = 1; i < 3; i++) {
        for (j = i; j > 0 && rates[j - 1] > rates[j]; j--) {
            t = rates[j];
            rates[j] = rates[j - 1];
            rates[j - 1] = t;
        }
    }
    return rates[1];
}

int cb_clock_open(cb_clock *c, cb_measure kind, cb_error *err)
{
    *c = (cb_clock){ .kind = kind, .now_ns = wall_now, .fd = -1, .ticks_per_ns = 1.0 };
    switch (kind) {
    case CB_MEASURE_WALL:
        c->unit = "ns";
        c->start = wall_now;
        c->stop = wall_stop;
        c->wall_is_measure = 1;
        return 0;
    case CB_MEASURE_CYCLES:
        if (!CB_CYCLES_AVAILABLE) {
            return cb_error_set(err, "--measure cycles: this CPU architecture has no cycle "
                                     "counter cryptbench can read (x86 TSC or AArch64 CNTVCT)");
        }
        c->unit = "cycles";
        c->start = cycles_start;
        c->stop = cycles_stop;
        c->ticks_per_ns = measure_tsc_ghz();
        return 0;
    case CB_MEASURE_INSTRUCTIONS: {
        cb_error perf, grind;

        c->unit = "instructions";
        if (cb_instructions_open(c, &perf) == 0) {
            return 0;
        }
        if (cb_callgrind_available(&grind) == 0) {
            /* the counting happens in children under valgrind; here (--test,
             * which runs natively) the wall clock keeps start and stop sound */
            c->via_callgrind = 1;
            c->start = wall_now;
            c->stop = wall_stop;
            return 0;
        }
        return cb_error_set(err, "%s, and %s", perf.msg, grind.msg);
    }
    }
    return cb_error_set(err, "unknown measurement kind %d", (int) kind);
}

int cb_clock_reopen(cb_clock *c, cb_error *err)
{
    if (c->kind != CB_MEASURE_INSTRUCTIONS || c->via_callgrind || c->deferred) {
        return 0;
    }
    cb_instructions_close(c);
    return cb_instructions_open(c, err);
}

void cb_clock_close(cb_clock *c)
{
    if (c->kind == CB_MEASURE_INSTRUCTIONS) {
        cb_instructions_close(c);
    }
}
