/*
 * The cycle counter, read inline so that a read costs tens of cycles, not a
 * call, and the clock backend built on it (tsc.c).
 *
 * Caveats, which the report states rather than hides:
 * - x86's TSC counts reference cycles at a constant rate (constant_tsc), not the
 *   core's actual clock: with turbo or power saving the two differ. On the VM
 *   this project was measured on it ticks at 2.596 GHz whatever the core does.
 * - RDTSC is not serialising: the start reading is fenced with LFENCE so that
 *   earlier work has finished, the stop reading uses RDTSCP (waits for the
 *   measured work) followed by LFENCE (later work waits for the read).
 * - AArch64's CNTVCT_EL0 is a generic timer, often 24-100 MHz: coarse, but
 *   constant-rate. Elsewhere there is no counter and --measure cycles is refused.
 */
#ifndef CB_TSC_H
#define CB_TSC_H

#include <stdint.h>
#include "measure/clock.h"

/* The cycles backend: measures the counter's rate, about 60 ms. -1 where
 * there is no counter cb_cycles_start() can read. */
int cb_tsc_open(cb_clock *c, cb_error *err);

/* The rate that cb_tsc_open() measured, in GHz. */
double cb_tsc_ghz(const cb_clock *c);

#if defined(__x86_64__) || defined(__i386__)
#  define CB_CYCLES_AVAILABLE 1
static inline uint64_t cb_cycles_start(void)
{
    uint32_t lo, hi;

    __asm__ __volatile__("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) : : "memory");
    return ((uint64_t) hi << 32) | lo;
}

static inline uint64_t cb_cycles_stop(void)
{
    uint32_t lo, hi, aux;

    __asm__ __volatile__("rdtscp\n\tlfence" : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
    (void) aux;
    return ((uint64_t) hi << 32) | lo;
}
#elif defined(__aarch64__)
#  define CB_CYCLES_AVAILABLE 1
static inline uint64_t cb_cycles_start(void)
{
    uint64_t v;

    __asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
    return v;
}

static inline uint64_t cb_cycles_stop(void)
{
    return cb_cycles_start();
}
#else
#  define CB_CYCLES_AVAILABLE 0
static inline uint64_t cb_cycles_start(void)
{
    return 0;
}

static inline uint64_t cb_cycles_stop(void)
{
    return 0;
}
#endif

#endif
