/*
 * --profile-time (Criterion's): a benchmark's loop run for a given time in
 * this process, with nothing timed for a report, nothing analysed and nothing
 * saved, so that an external profiler attached to the process (perf record,
 * a valgrind tool, a debugger) sees the loop and little else.
 */
#ifndef CB_PROFILE_TIME_H
#define CB_PROFILE_TIME_H

#include "measure/clock.h"
#include "measure/registry.h"

/*
 * Runs inst's fixture and known-answer check, then calls of its run function
 * with doubling iteration counts (warm-up's, the last capped to end near the
 * deadline) for about `seconds` of wall time, then its tear-down. 0 with the
 * wall time per iteration in *ns_per_iteration; -1 with why in err when the
 * benchmark failed.
 */
int cb_profile_time_run(const cb_instance *inst, cb_clock *clock, double seconds,
                        double *ns_per_iteration, cb_error *err);

#endif
