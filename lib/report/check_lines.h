/*
 * The constant-time checks of a result in words, as the terminal and the
 * --test output print them under the benchmark's speed:
 *
 *     constant-time: secret-dependent branch at 2 sites (memcheck, 32 secret bytes, 4 inputs of each class)
 *       branch at bench/ct.c:41 in early_exit_compare < compare_run (new)
 *       branch at bench/ct.c:45 in early_exit_compare < compare_run (class 1 only; allowed: ct-demo)
 *     timing-leak:   leak likely: max |t| = 412.77 > 5 (raw timings) at 1000000 measurements
 *                    tau = 0.41: a leak that size needs about 150 measurements for |t| = 5; medians 84 and 31 cycles a call
 *
 * and the run's tally of them at the end. Never "constant time": a check
 * that finds nothing says what it could not find.
 */
#ifndef CB_CHECK_LINES_H
#define CB_CHECK_LINES_H

#include <stdio.h>
#include "core/run.h"
#include "report/report.h"

/* The lines of r's checks, each indented by indent columns; nothing when no
 * check ran. color: ANSI colours for the verdicts. */
void cb_check_lines(FILE *out, const cb_result *r, int indent, int color);

/* What stands beside the statistical check's verdict when it has one
 * (passed or leaks), into buf: "tau = 0.0016: a leak that size needs about
 * 9.8M measurements for |t| = 5; medians 84 and 31 cycles a call"; empty
 * otherwise. */
void cb_check_leak_figures(const cb_check_leak *l, char *buf, size_t size);

/* The run's tally, when a check ran: per check, how many benchmarks it
 * flagged, found nothing in, skipped (declaring nothing) and could not
 * check, and the names of the flagged ones; then what the constant-time
 * gate accepts and what it does not, and why. */
void cb_check_lines_summary(FILE *out, const cb_run *run, const cb_report_options *opt);

#endif
