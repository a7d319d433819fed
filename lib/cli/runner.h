/*
 * The runner: for each selected benchmark, measure it in its own process, analyse
 * its samples, compare it with the baseline, and hand the result to every
 * reporter. Owns the order of the pipeline, none of its steps.
 */
#ifndef CB_RUNNER_H
#define CB_RUNNER_H

#include "check/check.h"
#include "stats/compare.h"
#include "cli/config.h"
#include "measure/measure.h"
#include "measure/registry.h"
#include "report/report.h"

typedef struct cb_runner {
    const cb_config   *cfg;
    cb_clock          *clock;
    cb_reporter       *reporters;
    size_t             nreporters;
    cb_progress        progress;
    const cb_run      *baseline;  /* NULL: nothing to compare with */
    const cb_budget_set *budgets; /* NULL: none to check */
    cb_compare_config  compare;
    int                isolate;   /* fork per benchmark (tests may measure in-process) */
    const cb_check_config *checks; /* --check, after each benchmark's speed; NULL: none */
    const cb_allow_list   *allow;  /* --allow-findings; NULL: none */
    /* the history the run's trends are found across once it is measured, and
     * where they go for the reporters' end hooks (report/trend.h); NULL: none */
    const cb_history      *history;
    cb_trends             *trends;
} cb_runner;

/* Fills the run's settings from cfg and the clock, and stamps it (the
 * machine is the caller's to fill: cb_sysinfo_read). */
void cb_runner_describe(const cb_runner *rn, cb_run *run);

/* Measures, analyses and reports every selected instance into run. -1 only
 * when the harness itself failed (err set); failed benchmarks are results. */
int cb_runner_run(const cb_runner *rn, const cb_instance_list *list,
                  const unsigned char *selected, cb_run *run, cb_error *err);

/* Hands a finished run (a stored one, one analysed from files) to every
 * reporter as a measured run is: begin, each result, each group's summaries
 * when the group is whole, end (its trends, if any, are the caller's to find
 * before: cb_trends_open). */
void cb_runner_replay(cb_reporter *reps, size_t n, const cb_run *run);

/* The thread counts inst is measured on besides its ordinary measurement,
 * ascending, 1 first, into counts: --threads, else the benchmark's own;
 * none under a measure other than wall time. Returns how many. */
size_t cb_runner_thread_counts(const cb_config *cfg, const cb_instance *inst,
                               size_t counts[CB_MAX_THREAD_COUNTS + 1]);

/* The measurement settings for one instance: the command line when given
 * there, else --quick's, else the point's own (its definition's, as its
 * configure() left them), else the defaults. */
void cb_runner_settings(const cb_config *cfg, const cb_instance *inst, cb_measure_config *out);

#endif
