/*
 * The page of one benchmark in the HTML report: its density and samples
 * plotted, its estimates with their intervals, percentiles and outliers, its
 * change against the baseline (both densities overlaid), its history, and
 * the machine it ran on.
 */
#ifndef CB_HTML_BENCH_H
#define CB_HTML_BENCH_H

#include "html/chart.h"
#include "html/html.h"
#include "report/report.h"

/* Writes the page of r (measured, not failed) into h. The baseline's result of
 * the same name, in opt->baseline, is drawn when r has a change against it;
 * r's trend across the history (NULL: none yet) when opt->history is set.
 * Returns -1 when out of memory. */
int cb_html_bench_page(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                       const cb_result *r, const cb_trend *trend);

#endif
