/*
 * What every page of the HTML report shares: the document around it (one
 * inline stylesheet, a path back to the index, a footer), links to other
 * pages, the table of results and the table of the machine a run ran on.
 */
#ifndef CB_HTML_PAGE_H
#define CB_HTML_PAGE_H

#include "html/chart.h"
#include "html/html.h"
#include "core/run.h"

/* Pages are named by prefix and cb_html_file_name(): bench-NAME.html for a
 * benchmark, group-NAME.html for a group, next to index.html. */
#define CB_HTML_BENCH "bench-"
#define CB_HTML_GROUP "group-"

/* Room for a group's name, as the runner keeps it: the hooks and the pages
 * must cut a long one alike. */
#define CB_HTML_GROUP_MAX CB_GROUP_NAME_MAX

/* Opens a page titled `title` (escaped here), with a trail back to the index
 * and, when group is not NULL, to the group's page. */
void cb_html_page_begin(cb_buf *h, const char *title, const char *group);

/* Closes the page with a footer naming the run. */
void cb_html_page_end(cb_buf *h, const cb_run *run);

/* <a href="FILE">NAME</a>: a link to the page of name, FILE its
 * cb_html_file_name() with prefix (CB_HTML_BENCH or CB_HTML_GROUP). */
void cb_html_link(cb_buf *h, const char *prefix, const char *name);

/* How a verdict is shown: its words in a table, the class of its words
 * ("regressed", "improved" or ""), the class of its marks on a chart
 * ("v-regressed", ...), and its rank where changes are listed, regressions
 * (0) first. Every page takes these from here: a new verdict is added in
 * one place (see page.c). */
typedef struct cb_html_verdict {
    const char *words;
    const char *cls;
    const char *mark;
    int         rank;
} cb_html_verdict;

cb_html_verdict cb_html_verdict_of(cb_verdict v);

/* What r's rate is called beside its value: "thrpt" for a time's units per
 * second, "instructions/byte", "cycles/element" for a count's per unit. */
const char *cb_html_rate_label(const cb_run *run, const cb_result *r);

/* A table with a row per result of rs[0..n): name (linked to its page unless
 * it failed), estimate with its interval, throughput, change with its
 * interval, p and verdict, and a sparkline of trends[i] (trends NULL, or an
 * entry NULL: none), each name with its quality flags (stats/quality.h, the
 * change held to `threshold`); a failed one with its reason. Below 760 px each row is a
 * card, its verdict and change first. */
void cb_html_results_table(cb_buf *h, const cb_run *run, const cb_result *const *rs, size_t n,
                           const cb_trend *const *trends, double threshold);

/* A table of the run's machine, build (compiler, libsodium and OpenSSL
 * versions) and settings. */
void cb_html_machine(cb_buf *h, const cb_run *run);

#endif
