/*
 * Instruction counts where the kernel refuses perf_event_open (this project's
 * VM among them): each benchmark's child process runs under valgrind's
 * callgrind with collection off, switched on by client requests only between
 * cb_state_start() and cb_state_stop(), and dumped once per sample. The
 * parent reads the dumps back as the samples' values; the child reads the
 * first, one counted iteration, to plan the samples by count.
 *
 * Caveat, stated in the report: valgrind emulates a CPU of its own, without
 * some extensions (SHA-NI, AVX-512 among them), so libraries that choose code
 * by CPU feature take other paths than natively. Counts compare builds on the
 * same valgrind, not machines.
 */
#ifndef CB_CALLGRIND_H
#define CB_CALLGRIND_H

#include <stddef.h>
#include "measure/clock.h"

/* 0 when this build can count under callgrind and valgrind is on the PATH;
 * otherwise -1 and a message that says what to install. */
int cb_callgrind_available(cb_error *err);

/* True when this process runs under valgrind. */
int cb_callgrind_running(void);

/* The child's clock: collection toggled by start/stop, a dump per sample,
 * values deferred to the parent. -1 when not running under valgrind. */
int cb_callgrind_clock(cb_clock *c, cb_error *err);

/* In a child forked by the runner: execs valgrind on the runner's program,
 * with out_prefix for callgrind's dumps. Returns only on failure. */
void cb_callgrind_exec(const char *out_prefix);

/* The instruction counts of the last n dumps, the samples, into values. */
int cb_callgrind_read(const char *out_prefix, size_t n, double *values, cb_error *err);

/* Creates a fresh directory for a child's dumps, in $TMPDIR (or /tmp), its
 * name in dir. -1 and errno when it cannot. */
int cb_callgrind_mkdir(char *dir, size_t size);

/* Removes the directory of a child's dumps, and the dumps. */
void cb_callgrind_cleanup(const char *dir);

#endif
