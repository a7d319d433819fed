/*
 * The page of one group ("kdf", "did") in the HTML report: its benchmarks,
 * its parameter sweeps charted against the parameter with their fitted lines,
 * the implementations of each primitive side by side with the speedup, and
 * what each costly variant adds.
 */
#ifndef CB_HTML_GROUP_H
#define CB_HTML_GROUP_H

#include "stats/group.h"
#include "html/html.h"

/* Writes the page of `group` into h: run's results in that group, and g's
 * summaries of them (cb_group_analyse(); NULL when there are none), the
 * results flagged with changes held to `threshold`. Returns -1
 * when out of memory. */
int cb_html_group_page(cb_buf *h, const cb_run *run, const char *group, const cb_groups *g,
                       double threshold);

#endif
