/*
 * Memory counts (--memory) in the HTML report: a line under the time and a
 * table of the figures, with their change, on a benchmark's page; on the
 * index, every counted benchmark with its figures and the run's verdict on
 * leaks; on a group's page, the peak of each sweep against its parameter
 * (Argon2id's memory against mem_kib) and what each variant adds. Nothing
 * where nothing was counted.
 */
#ifndef CB_HTML_MEMORY_SECTION_H
#define CB_HTML_MEMORY_SECTION_H

#include "core/run.h"
#include "core/strbuf.h"
#include "stats/group.h"

/* The headline table's row for r's memory, "memory | 3 allocations ..." */
void cb_html_memory_headline(cb_buf *h, const cb_result *r);

/* A benchmark page's "Memory" section for r. */
void cb_html_memory_section(cb_buf *h, const cb_result *r);

/* The index's "Memory" section. */
void cb_html_memory_index(cb_buf *h, const cb_run *run);

/* A group page's chart of the peaks of sweeps[0..n) (which share a
 * parameter) against it, for those whose memory was counted, with each fit
 * in the key. */
void cb_html_memory_sweeps(cb_buf *h, const cb_sweep *const *sweeps, size_t n);

/* A group page's list of what its variants add in memory. */
void cb_html_memory_costs(cb_buf *h, const cb_groups *g);

#endif
