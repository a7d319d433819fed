/*
 * The constant-time checks in the HTML report: on the index, a table of every
 * checked benchmark with its speed and both verdicts; on a benchmark's page,
 * the verdicts under its speed, each finding with its backtrace, and what
 * the statistical check measured. Nothing when no check ran.
 */
#ifndef CB_HTML_CHECKS_H
#define CB_HTML_CHECKS_H

#include "core/run.h"
#include "core/strbuf.h"

/* The index's "Constant-time checks" section. */
void cb_html_checks_index(cb_buf *h, const cb_run *run);

/* A benchmark page's "Constant-time checks" section for r. */
void cb_html_checks_bench(cb_buf *h, const cb_result *r);

#endif
