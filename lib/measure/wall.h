/*
 * The wall clock, CLOCK_MONOTONIC in nanoseconds: the default backend, and the
 * real time every other backend budgets warm-up and measurement in.
 */
#ifndef CB_WALL_H
#define CB_WALL_H

#include <stdint.h>
#include "measure/clock.h"

/* Opens c as the wall clock; it cannot fail. */
void cb_wall_open(cb_clock *c);

#endif
