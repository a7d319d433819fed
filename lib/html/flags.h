/*
 * Quality flags (stats/quality.h) in the HTML report, worded by
 * report/quality_text.h: under a benchmark page's headline, beside a name in
 * a table of results, and a banner on the index when the runner was busy.
 */
#ifndef CB_HTML_FLAGS_H
#define CB_HTML_FLAGS_H

#include "core/run.h"
#include "html/html.h"

/* r's flags as a list under its headline; nothing when it has none. */
void cb_html_flags_list(cb_buf *h, const cb_run *run, double threshold, const cb_result *r);

/* r's flags as short marks for a table cell, each with its sentence as its
 * hover title. */
void cb_html_flags_inline(cb_buf *h, const cb_run *run, double threshold, const cb_result *r);

/* The index's banner when the machine was busy during any benchmark. */
void cb_html_flags_banner(cb_buf *h, const cb_run *run, double threshold);

#endif
