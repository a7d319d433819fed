/*
 * Runs a benchmark in a child process, so that one that crashes (a signal) or
 * hangs past its time limit is reported as FAILED while the others go on. The
 * child (child.c: forked, executed afresh, or under valgrind) measures and
 * sends its report back (protocol.c) through process control (process.c); the
 * runner, whose state the child cannot damage, analyses the samples.
 */
#ifndef CB_ISOLATE_H
#define CB_ISOLATE_H

#include "measure/measure.h"

/*
 * Measures inst in a forked child into r (identified already), giving up after
 * timeout_ns of wall time. Returns 0 when r holds the outcome (samples, or a
 * failure with its reason: the benchmark's own, a signal, a timeout); -1 when
 * the harness itself could not work (no fork, no pipe), with err set.
 */
int cb_isolate_run(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                   const cb_progress *progress, double timeout_ns, cb_result *r,
                   cb_error *err);

#endif
