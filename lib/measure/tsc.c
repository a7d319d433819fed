#include <stdlib.h>

#include "measure/tsc.h"

typedef struct tsc {
    double ghz; /* counter ticks per nanosecond */
} tsc;

static uint64_t tsc_start(cb_clock *c)
{
    (void) c;
    return cb_cycles_start();
}

static uint64_t tsc_stop(cb_clock *c, uint64_t mark)
{
    (void) c;
    return cb_cycles_stop() - mark;
}

static void tsc_close(cb_clock *c)
{
    free(c->state);
}

static const cb_clock_ops tsc_ops = {
    .kind = CB_MEASURE_CYCLES,
    .unit = "cycles",
    .now_ns = cb_clock_wall_now,
    .start = tsc_start,
    .stop = tsc_stop,
    .close = tsc_close,
};

/* Counts ticks over 20 ms of CLOCK_MONOTONIC, three times, keeping the
 * median: one descheduling in the middle of a window skews only that window. */
static double measure_ghz(void)
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

int cb_tsc_open(cb_clock *c, cb_error *err)
{
    tsc *t;

    if (!CB_CYCLES_AVAILABLE) {
        return cb_error_set(err, "--measure cycles: this CPU architecture has no cycle counter "
                                 "cryptbench can read (x86 TSC or AArch64 CNTVCT)");
    }
    t = malloc(sizeof *t);
    if (t == NULL) {
        return cb_error_set(err, "out of memory");
    }
    t->ghz = measure_ghz();
    *c = (cb_clock){ .ops = &tsc_ops, .state = t };
    return 0;
}

double cb_tsc_ghz(const cb_clock *c)
{
    return ((const tsc *) c->state)->ghz;
}
