/*
 * The child's side of a measurement: the process, forked or executed afresh,
 * that measures one benchmark and sends its report (protocol.h) to the
 * runner, which its crash or hang cannot harm.
 */
#ifndef CB_CHILD_H
#define CB_CHILD_H

#include "measure/measure.h"

/* What cb_child_measure() and cb_child_exec() are handed through
 * cb_process_start(). */
typedef struct cb_child_job {
    const cb_instance       *inst;
    cb_clock                *clock;
    const cb_measure_config *cfg;
    const cb_progress       *progress;
    const char              *tool_out; /* where a valgrind tool writes, for cb_child_exec() */
} cb_child_job;

/* In a forked child: measures job->inst, writes the report to fd and exits.
 * Its signature is cb_process_start()'s. */
void cb_child_measure(int fd, void *job);

/* In a forked child: executes this program afresh to measure job->inst alone,
 * under valgrind when the clock counts in children (job->clock's
 * ops->child_tool). Returns only by exiting, after a report of why the exec
 * failed. */
void cb_child_exec(int fd, void *job);

/*
 * The entry point of a program executed afresh by cb_child_exec(): when the
 * environment says this process is one benchmark's measurement, measures it,
 * reports to the runner and returns the exit status; otherwise returns -1 and
 * the program goes on.
 */
int cb_child_main(void);

#endif
