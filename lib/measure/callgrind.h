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

/* The runner's clock when instructions are counted under callgrind: it counts
 * nothing itself (its ops->child_tool says where the counting happens). -1
 * with a message that says what to install when valgrind is not usable. */
int cb_callgrind_open_parent(cb_clock *c, cb_error *err);

/* The child's clock, under valgrind: collection toggled by start/stop, a dump
 * per sample read back after it. -1 when not running under valgrind. */
int cb_callgrind_open_child(cb_clock *c, cb_error *err);

/* In a forked child: execs the runner's program under callgrind, its dumps
 * written as out_prefix.1, .2, ... With call_chains, each function context is
 * named by its callers (--separate-callers, for a profile's call tree); the
 * counts are the same either way. Returns only on failure. */
void cb_callgrind_exec(const char *out_prefix, int call_chains);

/* How many dumps out_prefix.1, .2, ... there are. */
size_t cb_callgrind_dumps(const char *out_prefix);

/* The instruction counts of the last n dumps, the samples, into values. */
int cb_callgrind_read(const char *out_prefix, size_t n, double *values, cb_error *err);

#endif
