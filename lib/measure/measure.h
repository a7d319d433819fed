/*
 * Measuring one benchmark instance, in the calling process: its known-answer
 * check, the warm-up, the plan, the samples. Analysis comes later, elsewhere.
 */
#ifndef CB_MEASURE_H
#define CB_MEASURE_H

#include "measure/registry.h"
#include "core/result.h"
#include "measure/sampling.h"

typedef struct cb_measure_config {
    double warm_up_ns;
    double measurement_ns;
    size_t sample_size;
    int    test_only;     /* --test: check and one iteration, nothing timed */
    int    fresh_process; /* measure in a newly executed copy of the program, not a fork */
    int    checked;       /* its check passed in an earlier measurement: not run again */
    /* after the samples, up to this many single calls timed one by one, for
     * operations of CB_CALLS_MIN_NS or more an iteration, within
     * measurement_ns more; 0: none */
    size_t calls;
    /* under callgrind: name contexts by their call chains, for a profile */
    int profile;
    /* > 0: measure on that many threads at once (threads.h) */
    size_t threads;
} cb_measure_config;

/* Below this an iteration, a single call's timing is mostly the clock's
 * own cost (two reads, tens of nanoseconds): no single calls. */
#define CB_CALLS_MIN_NS 10000.0

/* Copies the instance's identity (name, impl, parameter, throughput) into r. */
int cb_measure_identify(cb_result *r, const cb_instance *inst);

/*
 * Runs check, warm-up and sampling of inst into r (identified already): on
 * success r->plan and r->samples; on failure r->failed and r->failure. A note
 * from the benchmark lands in r->note either way. With cfg->test_only, runs the
 * check and a single iteration, and leaves r without samples. With
 * cfg->threads, all of it on that many threads at once (threads.h).
 */
void cb_measure_run(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                    const cb_progress *progress, cb_result *r);

#endif
