/*
 * Reporters: hooks called as a run goes (begin, progress, one result at a time,
 * end), fanned out to the terminal and the files. A reporter only formats; every
 * number it prints was computed before it was called.
 */
#ifndef CB_REPORT_H
#define CB_REPORT_H

#include <stdio.h>
#include "compare.h"
#include "run.h"
#include "sampling.h"

typedef struct cb_reporter {
    void (*begin)(void *self, const cb_run *run);
    /* cmp is NULL when there is no baseline result to compare with */
    void (*result)(void *self, const cb_run *run, const cb_result *r, const cb_comparison *cmp);
    void (*end)(void *self, const cb_run *run);
    void (*close)(void *self);
    void *self;
} cb_reporter;

typedef struct cb_report_options {
    FILE  *out;      /* results */
    FILE  *err;      /* progress and warnings */
    int    color;    /* ANSI colour on out and err */
    double significance;
} cb_report_options;

/* Criterion's terminal output. */
int cb_report_terminal_open(cb_reporter *rep, const cb_report_options *opt);

/* One JSON object per benchmark and line, with a baseline's field names. */
int cb_report_json_open(cb_reporter *rep, const cb_report_options *opt);

/* A header line, then one row per benchmark. */
int cb_report_csv_open(cb_reporter *rep, const cb_report_options *opt);

/* A markdown table of every benchmark, written at the end. */
int cb_report_markdown_open(cb_reporter *rep, const cb_report_options *opt);

/* Calls rep->close and zeroes rep. */
void cb_report_close(cb_reporter *rep);

#endif
