/*
 * Exact instruction counts: the hardware counter through perf_event_open where
 * the kernel allows it.
 */
#ifndef CB_PERF_H
#define CB_PERF_H

#include "measure/clock.h"

/* Opens c as a user-space instruction counter, or fails saying why (no
 * perf_event_open, perf_event_paranoid, a VM without a PMU). */
int cb_perf_open(cb_clock *c, cb_error *err);

#endif
