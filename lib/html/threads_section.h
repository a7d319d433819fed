/*
 * Measurements on threads in the HTML report (measure/threads.h): on a
 * benchmark's page, its aggregate throughput, its scaling against one thread
 * and the percentiles of its single calls; on a group's page, every
 * measurement on threads in a table, so that a KDF that scales worse than a
 * hash shows beside it.
 */
#ifndef CB_HTML_THREADS_SECTION_H
#define CB_HTML_THREADS_SECTION_H

#include "core/run.h"
#include "html/html.h"

/* The threads section of r's page, when r was measured on threads. */
void cb_html_threads_section(cb_buf *h, const cb_run *run, const cb_result *r);

/* A table of the results of rs[0..n) measured on threads, if any. */
void cb_html_threads_table(cb_buf *h, const cb_run *run, const cb_result *const *rs, size_t n);

#endif
