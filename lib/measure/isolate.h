/*
 * Runs a benchmark in a child process, so that one that crashes (a signal) or
 * hangs past its time limit is reported as FAILED while the others go on. The
 * child measures and sends its samples back over a pipe; the parent, whose
 * state the child cannot damage, analyses them.
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

/*
 * The other end of a measurement in a fresh process (cfg->fresh_process, or
 * under callgrind): when this process is the program re-executed for one
 * benchmark (the environment says so), measures it, reports to the runner and
 * returns the exit status; otherwise returns -1 and the program goes on.
 */
int cb_isolate_child(void);

#endif
