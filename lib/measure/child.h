/*
 * The child's side of a measurement: the process, forked or executed afresh,
 * that measures one benchmark and sends its report (protocol.h) to the
 * runner, which its crash or hang cannot harm. The other children executed
 * afresh for one benchmark (the exact constant-time check, the count of
 * memory) start and report through the request below.
 */
#ifndef CB_CHILD_H
#define CB_CHILD_H

#include <stdio.h>
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

/*
 * What a runner asks of this program executed afresh as one benchmark's
 * child of another kind than a measurement, through an environment variable
 * of that kind's: "FD NUMBER COUNT NAME".
 */
typedef struct cb_child_request {
    FILE  *report;    /* FD, the runner's pipe, opened */
    int    number;    /* the kind's own: the secrets marked (check), the counter's file (memory) */
    size_t count;     /* the kind's own: inputs of each class (check), threads (memory) */
    char   name[512]; /* the benchmark */
} cb_child_request;

/* In the forked child, before it executes the program afresh: env set to the
 * request. 0, or -1 with errno. */
int cb_child_request_set(const char *env, int fd, int number, size_t count, const char *name);

/* In the program executed afresh: -1 when env is not set (this process is no
 * such child); 3, the exit status, when env is malformed or FD cannot be
 * opened; else 0 with *req, and env unset so that a benchmark that runs
 * programs does not pass it on. */
int cb_child_request_read(const char *env, cb_child_request *req);

/* What a child of a kind does with its benchmark: writes its report's lines
 * to req->report, "end" not included; or -1 with why. */
typedef int cb_child_work(const cb_instance *inst, const cb_child_request *req, char *why,
                          size_t size);

/*
 * Finds req->name among the registered benchmarks and hands it to work; the
 * report ends with "end", "failed WHY" before it when the benchmark is not
 * there or work failed. Returns the exit status: 0, or 3 when the report
 * could not be written.
 */
int cb_child_serve(cb_child_request *req, cb_child_work *work);

#endif
