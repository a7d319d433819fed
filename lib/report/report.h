/*
 * Reporters: hooks called as a run goes (begin, progress, one result at a time,
 * end), fanned out to the terminal and the files. A reporter only formats; every
 * number it prints was computed before it was called.
 */
#ifndef CB_REPORT_H
#define CB_REPORT_H

#include <stdio.h>
#include "stats/compare.h"
#include "stats/group.h"
#include "core/run.h"
#include "report/trend.h"

/* --format: what a run prints on stdout */
typedef enum cb_format {
    CB_FORMAT_HUMAN = 0,
    CB_FORMAT_JSON,
    CB_FORMAT_CSV,
    CB_FORMAT_MARKDOWN,
    CB_FORMAT_BENCHER, /* Rust's libtest lines, read by github-action-benchmark and others */
    CB_FORMAT_GITHUB   /* github-action-benchmark's customSmallerIsBetter JSON */
} cb_format;

typedef struct cb_reporter {
    void (*begin)(void *self, const cb_run *run);
    /* r->has_change when there was a baseline result to compare with */
    void (*result)(void *self, const cb_run *run, const cb_result *r);
    /* after the last result of a group: its implementation ratios, sweeps, costs */
    void (*group)(void *self, const cb_run *run, const char *group, const cb_groups *g);
    void (*end)(void *self, const cb_run *run);
    void (*close)(void *self);
    void *self;
} cb_reporter;

typedef struct cb_report_options {
    FILE         *out;   /* results */
    FILE         *err;   /* progress and warnings */
    int           color; /* ANSI colour on out and err */
    double        significance;    /* family-wise, over `comparisons` */
    double        noise_threshold;
    double        resolution;      /* an interval wider is unresolved */
    size_t        comparisons;     /* made together, against the baseline */
    const char   *gate_note;       /* said once by the gate about itself, or NULL */
    int           via_ab;          /* the gate runs under ci/bench-ab: advice names its
                                    * settings (AB_TIME_BUDGET), not the options */
    const char   *head_name;       /* what the gate compared the baseline with, or NULL */
    const char   *gate_html;       /* the gate's HTML page, relative to gate.md, or NULL */
    const char   *baseline_name; /* what the run was compared with, or NULL */
    const cb_run *baseline;      /* its stored run, or NULL */
    const char *const *missing;  /* selected benchmarks in the baseline, not in this run */
    size_t        nmissing;
    const char   *differences;   /* machine or build differences from the baseline, or "" */
    const char   *gate_path;     /* the gate's markdown summary */
    const char   *html_dir;      /* where the HTML report goes: DIR/html */
    int          *write_failed;  /* set to 1 by a reporter whose file could not be written */
    int           live;          /* the results are being measured now, not read from files */
    /* the past runs of the baseline the run belongs to (store/history.h),
     * for trends; NULL when none was read */
    const struct cb_history *history;
    const char              *history_name; /* that baseline's name */
    /* each result's trend across that history, found before the reporters'
     * end hooks by whoever runs them (cli/runner.h); NULL or n 0: none */
    const cb_trends         *trends;
    /* the constant-time gate: on (--gate-constant-time), its allow-list and the
     * baseline named with --baseline, whose findings it accepts (NULL: none) */
    int                      gate_constant_time;
    const char              *allow_findings;
    const char              *accepted_baseline;
    /* a filtered run: the stored run its baseline file holds, whose
     * benchmarks this run did not measure are kept in it; the HTML report
     * lists them too, so that its index stays whole. NULL otherwise */
    const cb_run            *kept;
    /* the summaries of the kept run's groups this run measured nothing of,
     * made before the run as the runner makes the run's own, for their pages */
    const cb_group_summary  *kept_groups;
    size_t                   nkept_groups;
    const cb_trends         *kept_trends; /* kept's results' trends; NULL: none */
} cb_report_options;

/* Criterion's terminal output. */
int cb_report_terminal_open(cb_reporter *rep, const cb_report_options *opt);

/* One JSON object per benchmark and line, with a baseline's field names. */
int cb_report_json_open(cb_reporter *rep, const cb_report_options *opt);

/* A header line, then one row per benchmark. */
int cb_report_csv_open(cb_reporter *rep, const cb_report_options *opt);

/* A markdown table of every benchmark, written at the end. */
int cb_report_markdown_open(cb_reporter *rep, const cb_report_options *opt);

/* Rust's libtest lines: "test NAME ... bench: 1,234 ns/iter (+/- 56)". */
int cb_report_bencher_open(cb_reporter *rep, const cb_report_options *opt);

/* github-action-benchmark's customSmallerIsBetter: one JSON array at the end. */
int cb_report_github_open(cb_reporter *rep, const cb_report_options *opt);

/* The regression gate's markdown table, written to opt->gate_path at the end,
 * regressions first, for a pull-request comment. */
int cb_report_gate_open(cb_reporter *rep, const cb_report_options *opt);

/* --test: "Testing NAME ... Success" (or FAILED and why) per benchmark;
 * with json, one object per benchmark and line: its name, "test" (success
 * or failed), "failure" and its "checks". */
int cb_report_test_open(cb_reporter *rep, const cb_report_options *opt, int json);

/* The HTML report: opt->html_dir/index.html and a page per benchmark and per
 * group, self-contained, written at the end of the run (report_html.c). */
int cb_report_html_open(cb_reporter *rep, const cb_report_options *opt);

/* The reporter for a --format. */
int cb_report_open_format(cb_reporter *rep, cb_format format, const cb_report_options *opt);

/*
 * Hands what a run produced to every reporter, in order: begin, each result,
 * each finished group's summaries (computed before, once, by the runner:
 * cli/runner.h), end.
 */
typedef struct cb_fanout {
    cb_reporter *reps;
    size_t       n;
} cb_fanout;

void cb_fanout_begin(const cb_fanout *f, const cb_run *run);

void cb_fanout_result(const cb_fanout *f, const cb_run *run, const cb_result *r);

/* Whether any reporter has a group hook: else no group need be summarised. */
int cb_fanout_wants_groups(const cb_fanout *f);

void cb_fanout_group(const cb_fanout *f, const cb_run *run, const char *group,
                     const cb_groups *g);

void cb_fanout_end(const cb_fanout *f, const cb_run *run);

/* Calls rep->close and zeroes rep. */
void cb_report_close(cb_reporter *rep);

#endif
