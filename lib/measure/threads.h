/*
 * A benchmark on N threads at once (--threads), the load-test question asked
 * of one machine: how many operations a second it sustains, and at what
 * latency per call.
 *
 * Each thread has its own cb_state and runs the benchmark's setup for a
 * fixture of its own; each thread's block is aligned to and padded to whole
 * pages, so that no two threads' state shares a cache line or a page. A
 * coordinator (the calling thread) hands every phase out at a barrier, so
 * that the threads start each one together: a warm-up of doubling calls, then
 * flat samples (every thread runs d iterations), then single calls. A
 * sample's value is the slowest thread's timed wall time and its iteration
 * count every thread's in all: its per-iteration value is the machine's wall
 * time per operation, whose inverse is the aggregate throughput.
 */
#ifndef CB_THREADS_H
#define CB_THREADS_H

#include "measure/measure.h"

/* Single calls timed per thread count when --calls does not say: enough for
 * a p99.9 of calls, within the measurement time. */
#define CB_THREADS_CALLS 1000

/*
 * Measures inst on cfg->threads threads into r (identified already): the
 * plan (flat), the samples, and, for operations of CB_CALLS_MIN_NS or more,
 * single calls of every thread (cfg->calls in all, else CB_THREADS_CALLS, at
 * least ten a thread, within the measurement time) pooled in r->calls. With
 * cfg->test_only, each thread runs its check and one iteration. A failure of
 * any thread fails r, naming the thread. Runs in the benchmark's child.
 */
void cb_threads_measure(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                        const cb_progress *progress, cb_result *r);

/*
 * Runs inst on `threads` threads at once, each with its state and fixture as
 * above, for ncalls calls: call k runs iterations[k] iterations on every
 * thread, started together, and between(arg, k) runs here after it, while
 * the threads wait. What the calls measure is the clock's business (memory
 * counts, measure/memory_count.h). A failure of any thread fails r, naming it, and
 * ends the calls.
 */
void cb_threads_calls(const cb_instance *inst, cb_clock *clock, size_t threads,
                      const uint64_t *iterations, size_t ncalls,
                      void (*between)(void *arg, size_t k), void *arg, cb_result *r);

/* The name of inst's measurement on n threads, "NAME/threads:n" (Google
 * Benchmark's), into buf: the baseline compares it with its own count's. */
void cb_threads_name(char *buf, size_t size, const char *name, size_t n);

/* The cores this process may run on (its affinity), at least 1. */
long cb_threads_cores(void);

#endif
