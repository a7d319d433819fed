/*
 * The constant-time checks of a run (--check, docs/constant-time.md),
 * made for each benchmark after its speed, each in a process of
 * its own so that a crash or a hang harms neither the runner nor the other
 * benchmarks:
 *   - constant-time (exact.c): the benchmark once under valgrind's memcheck,
 *     its declared secrets marked undefined; what memcheck reports
 *     (memcheck_log.c) are the findings;
 *   - timing-leak (leak.c): dudect's statistics (stats/dudect.c) on the
 *     cycle counts of calls with inputs of two classes, interleaved at random.
 */
#ifndef CB_CHECK_H
#define CB_CHECK_H

#include <stdint.h>
#include "core/result.h"
#include "core/run.h"
#include "measure/clock.h"
#include "measure/registry.h"
#include "store/allow_list.h"

typedef struct cb_check_config {
    unsigned which;             /* CB_CHECK_CONSTANT_TIME | CB_CHECK_TIMING_LEAK */
    uint64_t leak_measurements; /* the timing-leak check stops after this many... */
    double   leak_time_ns;      /* ...or this much wall time, whichever comes first */
    uint64_t leak_calls;        /* calls of the same input each measurement times */
    uint64_t seed;              /* of the order of the classes */
    size_t   inputs;            /* the exact check's inputs of each class */
    int      divisions;         /* the exact check lists the calls' divisions */
    double   timeout_ns;        /* a check's process is killed after this long */
    cb_clock cycles;            /* the timing-leak check's clock, opened by cb_check_open */
} cb_check_config;

/* Makes sure the checks cfg->which asks for can run here, before anything is
 * measured: valgrind with its headers built in (constant-time), the cycle
 * counter (timing-leak). -1 with a message naming what to install. */
int cb_check_open(cb_check_config *cfg, cb_error *err);

void cb_check_close(cb_check_config *cfg);

/* Runs cfg's checks of inst into r->checks (r identified, not failed). -1
 * only when the harness itself could not work (no fork, no pipe, no
 * directory), with err; a check that could not run is a status. */
int cb_check_run(const cb_check_config *cfg, const cb_instance *inst, cb_result *r,
                 cb_error *err);

/*
 * What the gate makes of r's exact findings, computed once for every
 * reporter: each is new when baseline (the run compared with, or NULL: none)
 * lacks its site in its result of r's name; allowed when an entry of allow (or
 * NULL) accepts it; accepted when allowed or, if baseline_accepts (the
 * baseline was named with --baseline: a reviewed run the team keeps, not
 * whatever the last run saw), not new. Counts them into r's nnew, nallowed
 * and nunaccepted, which --gate-constant-time fails on. -1 out of memory.
 */
int cb_check_accept(const cb_run *baseline, int baseline_accepts, const cb_allow_list *allow,
                    cb_result *r);

/*
 * The entry point of a program executed afresh under memcheck by the exact
 * check: when the environment says this process is one benchmark's check,
 * runs it, reports to the runner and returns the exit status; otherwise -1
 * and the program goes on.
 */
int cb_check_child_main(void);

#endif
