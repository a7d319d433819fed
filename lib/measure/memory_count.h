/*
 * What a benchmark costs in memory (--memory, core/memory.h), counted after
 * its time in a process of its own: this program executed afresh with the
 * allocation counter (memory_counter.h) preloaded, which the timed processes
 * never load, so that counting costs their timing nothing.
 *
 * The counting process builds the benchmark's fixture, calls it once
 * uncounted (what a first call allocates once, OpenSSL's caches, is not an
 * iteration's cost), then with CB_MEMORY_ITERATIONS iterations and with twice
 * as many, counting only between the timer's start and stop: the difference
 * is what the extra iterations cost, exactly, without the loop's fixed costs.
 * The peaks are of the shorter call. The resident set's is the kernel's
 * high-water mark, reset (/proc/self/clear_refs) where the timer starts.
 *
 * The counter is embedded in the library and written to an anonymous file
 * (memfd) for each counting process: a program linked with the library
 * carries its own, wherever either is installed.
 */
#ifndef CB_MEASURE_MEMORY_COUNT_H
#define CB_MEASURE_MEMORY_COUNT_H

#include "core/error.h"
#include "core/memory.h"
#include "measure/registry.h"

/* Tells a program executed afresh what to count and where to report:
 * "FD COUNTER_FD THREADS NAME", the counter's file to close once loaded. */
#define CB_MEMORY_ENV "CRYPTBENCH_MEMORY"

/* The shorter loop counted; the longer one runs twice as many. One
 * iteration: the peaks are then of one iteration, and a KDF of a second a
 * call costs four calls in all. */
#define CB_MEMORY_ITERATIONS 1

/*
 * Counts inst (on `threads` threads at once when > 0: each thread's figures,
 * averaged over the threads, its peak the largest thread's, the resident
 * set's of all together) into *out, giving up after timeout_ns. 0 when out
 * holds the outcome, counted or failed with its reason; -1 when the harness
 * could not work (no fork, no pipe), with err.
 */
int cb_memory_run(const cb_instance *inst, size_t threads, double timeout_ns, cb_memory *out,
                  cb_error *err);

/*
 * The entry point of a program executed afresh to count: when the
 * environment says this process is one benchmark's count, counts it,
 * reports to the runner and returns the exit status; otherwise -1 and the
 * program goes on.
 */
int cb_memory_child_main(void);

#endif
