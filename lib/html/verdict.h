/*
 * The verdict first: the block at the top of the index and of every
 * benchmark page that says what a reviewer must know before any number:
 * what was compared with what (the baseline's commit and run, this run's),
 * then each regression with its change, interval and p (or, for a growth
 * of memory counted by --memory, its exact change), each broken budget,
 * each new constant-time finding and each failure; or, when there is none of
 * these, that there is none, with the unresolved comparisons counted. It
 * states the facts every output states (core/run.h's tally, the results'
 * verdicts and outcomes); it computes nothing.
 */
#ifndef CB_HTML_VERDICT_H
#define CB_HTML_VERDICT_H

#include "html/html.h"
#include "report/report.h"

/* The block for the whole run (only NULL), or for the one result `only`. */
void cb_html_verdict_block(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                           const cb_result *only);

#endif
