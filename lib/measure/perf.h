/*
 * Exact instruction counts: the hardware counter through perf_event_open where
 * the kernel allows it.
 */
#ifndef CB_INSTRUCTIONS_H
#define CB_INSTRUCTIONS_H

#include "measure/clock.h"

/* Fills c's start/stop with a user-space instruction counter, or fails saying
 * why (no perf_event_open, perf_event_paranoid, a VM without a PMU). */
int cb_instructions_open(cb_clock *c, cb_error *err);

void cb_instructions_close(cb_clock *c);

#endif
