/*
 * The commands of the command line, each returning the process exit status:
 * 0, 1 (a benchmark failed, or regressed under --gate) or 2 (bad usage or
 * input, with err set). A file holds a command with those it is a variant of:
 * run, --profile-time and report (command_run.c); analyze and compare, over
 * stored samples (command_samples.c); gate; serve; trend.
 */
#ifndef CB_COMMAND_H
#define CB_COMMAND_H

#include "cli/config.h"
#include "measure/registry.h"
#include "report/report.h"

#define CB_EXIT_OK 0
#define CB_EXIT_FAILED 1
#define CB_EXIT_USAGE 2
/* with --gate: nothing regressed or failed, but some comparisons were
 * unresolved, so that a workflow can make it a warning or a failure */
#define CB_EXIT_UNRESOLVED 3

/* Measure (or, with --load-baseline, re-report), compare, save, gate. */
int cb_command_run(const char *prog, const cb_config *cfg, cb_error *err);

/* `analyze FILE`: the estimates of samples in a CSV or a baseline. */
int cb_command_analyze(const cb_config *cfg, cb_error *err);

/* `compare OLD NEW`: change detection between two sample files or baselines. */
int cb_command_compare(const cb_config *cfg, cb_error *err);

/* `report`: the HTML report rewritten from stored baselines, nothing measured. */
int cb_command_report(const cb_config *cfg, cb_error *err);

/* `gate BASE HEAD [FILTER...]`: the paired gate between two benchmark
 * programs, each serving its measurements (command_gate.c). */
int cb_command_gate(const cb_config *cfg, cb_error *err);

/* `serve [FILTER...]`: measures what the gate asks, a line at a time. */
int cb_command_serve(const cb_config *cfg, cb_error *err);

/* `trend [FILTER...]`: a baseline's history, each benchmark's estimate in
 * every run with its commit, and the change points found in them. */
int cb_command_trend(const cb_config *cfg, cb_error *err);

/* ---- shared by the commands (command.c) ---- */

/* The files a command's reporters write besides stdout, and whether one of
 * them could not be written: the command owns them, the report options point
 * into them. */
typedef struct cb_command_files {
    char gate_path[4096]; /* DIR/gate.md */
    char html_dir[4096];  /* DIR/html */
    int  write_failed;
} cb_command_files;

/* Report options for cfg on stdout/stderr. Their paths and write_failed point
 * into files, which is reset here and must outlive every reporter given them. */
cb_report_options cb_command_report_options(const cb_config *cfg, cb_command_files *files);

#define CB_MAX_REPORTERS 3

/* Opens cfg's --format reporter, the gate's with --gate, the HTML report's
 * unless --no-html: *n of them. */
int cb_command_open_reporters(const cb_config *cfg, const cb_report_options *opt,
                              cb_reporter reps[CB_MAX_REPORTERS], size_t *n, cb_error *err);

/* Closes the n reporters opened by cb_command_open_reporters; -1 when one of
 * them could not write its file (the gate's table, the HTML report), which
 * the command turns into exit status 2: CI must not go on with a stale one. */
int cb_command_close_reporters(cb_reporter *reps, size_t n, const cb_report_options *opt,
                               cb_error *err);

/* 1 when a result failed or (gate) regressed or broke a budget; with --gate
 * 3 when none did but some comparison was unresolved; else 0. */
int cb_command_status(const cb_config *cfg, const cb_run *run);

/* The seconds a benchmark's process is given: --timeout, or by default
 * longer when slowed (run under callgrind, which runs code ~50x slower). */
double cb_command_timeout_s(const cb_config *cfg, int slowed);

/* The baseline a run of `measure` saves when not told: "base", "base-cycles"
 * or "base-instructions", so that runs of different measures never overwrite
 * each other; `report` and `trend` read the same one. */
const char *cb_command_default_baseline(cb_measure measure);

/* The comparison settings for cfg and a run's measure, for `comparisons`
 * comparisons made together (the family their significance level holds over). */
cb_compare_config cb_command_compare_config(const cb_config *cfg, cb_measure measure,
                                            size_t comparisons);

/* Tells the reporters the comparison settings: threshold, resolution,
 * family-wise significance and how many comparisons it holds over. */
void cb_command_describe_compare(cb_report_options *opt, const cb_compare_config *c);

/* True when the baseline old has a measured result named `name`: one of the
 * comparisons a run makes. */
int cb_command_comparable(const cb_run *old, const char *name);

#endif
