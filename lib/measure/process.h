/*
 * Process control for a benchmark's child: started with a pipe back to the
 * runner and tied to the runner's life, its report read until it is whole or
 * a deadline passes, then waited for (and killed if it lingers). Nothing here
 * knows what the child measures.
 */
#ifndef CB_PROCESS_H
#define CB_PROCESS_H

#include <stdint.h>
#include <sys/types.h>
#include "core/error.h"
#include "core/strbuf.h"

typedef struct cb_process {
    pid_t pid;
    int   fd;    /* the read end of the child's pipe */
    int   group; /* a benchmark's: a process group of its own, the interrupt armed */
} cb_process;

/*
 * Forks a child that runs fn(fd, arg) with the write end of a pipe and must
 * not return (it execs or _exits); a runner that dies takes the child with
 * it, and the child leads a process group that cb_process_reap() kills whole,
 * so that nothing the benchmark forked runs on. Until the reap a signal to
 * the runner cleans up first (measure/interrupt.h). The child's standard output is the runner's standard error, so that
 * nothing the child prints mixes with the runner's report on stdout. In the
 * runner: 0 with p filled, or -1 (no pipe, no fork) with err.
 */
int cb_process_start(cb_process *p, void (*fn)(int fd, void *arg), void *arg, cb_error *err);

/*
 * Starts argv[0] (found through the PATH when it has no '/') with argv, its
 * standard input and output connected to the caller: *to_child is written
 * to, p->fd read from; its standard error is the caller's. 0, or -1 with
 * err. The child dies with the caller, as cb_process_start()'s.
 */
int cb_process_exec(cb_process *p, char *const *argv, int *to_child, cb_error *err);

/* Reads the child's report into buf until complete(buf) holds, the pipe
 * closes or the deadline (CLOCK_MONOTONIC ns) passes (*timed_out); closes the
 * pipe. NULL, or why the report is unreadable. */
const char *cb_process_collect(cb_process *p, uint64_t deadline, cb_buf *buf,
                               int (*complete)(const char *text, size_t len), int *timed_out);

/* Reads a stream of lines from a process (a gate's server) without waiting
 * for ever: zero-initialise with fd set; free with cb_buf_free(&buf). */
typedef struct cb_line_reader {
    int    fd;
    cb_buf buf;
    size_t taken; /* the front of buf already handed out as a line */
} cb_line_reader;

typedef enum cb_read_status {
    CB_READ_LINE,      /* *line is the next line */
    CB_READ_CLOSED,    /* the other end closed before a whole line */
    CB_READ_TIMED_OUT, /* the deadline passed before a whole line */
    CB_READ_TOO_LONG,  /* max bytes came and no line end among them */
    CB_READ_INTERRUPTED, /* the run got a signal (measure/interrupt.h) */
    CB_READ_FAILED     /* read, poll or memory failed */
} cb_read_status;

/*
 * The next line from r->fd, read until the deadline (CLOCK_MONOTONIC ns):
 * CB_READ_LINE with *line pointing into r->buf, NUL-terminated without its
 * '\n', valid until the next call; what was read beyond it is kept for then.
 * A line longer than max bytes is CB_READ_TOO_LONG, so that a process that
 * floods its output costs at most max bytes.
 */
cb_read_status cb_process_read_line(cb_line_reader *r, uint64_t deadline, size_t max,
                                    char **line);

/* Waits for the child until the deadline, then kills it (at once when
 * kill_now, or when the run got a signal): after its report it only has to
 * exit. A benchmark's process group goes with it. *status as waitpid's. */
void cb_process_reap(cb_process *p, uint64_t deadline, int kill_now, int *status,
                     int *timed_out);

/*
 * The three steps above for a child that reports and exits: runs fn(fd, arg)
 * in a child, reads its report into `report` until complete() holds or
 * timeout_ns passes, and reaps it. 0 when the report is whole and the child
 * exited with status 0; 1 when not, the reason in why ("timed out after 60 s
 * (--timeout)", "crashed: signal 11 (Segmentation fault)"); -1 when no child
 * could be started (err).
 */
int cb_process_run(void (*fn)(int fd, void *arg), void *arg, double timeout_ns,
                   int (*complete)(const char *text, size_t len), cb_buf *report, char *why,
                   size_t size, cb_error *err);

/* Why a child that left no good report ended: "crashed: signal 11
 * (Segmentation fault)", "exited with status 3 before reporting", or "benchmark
 * process sent an <why>". */
void cb_process_describe(char *buf, size_t size, int status, const char *why);

#endif
