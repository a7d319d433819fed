/*
 * The first page of the HTML report: a change summary (every compared
 * benchmark's change as a forest plot, regressions first); every benchmark of
 * the run with its estimate, throughput, change, verdict and a sparkline of
 * its history, regressions first; the failed ones with their reason; the
 * baseline's benchmarks this run did not have; the machine or build
 * differences from the baseline; links to every page.
 */
#ifndef CB_HTML_INDEX_H
#define CB_HTML_INDEX_H

#include "html/chart.h"
#include "html/html.h"
#include "report/report.h"

/* The benchmarks of the baseline that a filtered run did not measure (the
 * run opt->kept): rs[0..n) of `run`, each with its trend (trends NULL: no
 * history). */
typedef struct cb_html_others {
    const cb_run     *run;
    const cb_result **rs;
    cb_trend         *trends;
    size_t            n;
} cb_html_others;

/* Writes index.html's text into h; groups[0..ngroups) are the groups that
 * have a page; trends[i] is the trend of run->results[i] (trends NULL: no
 * history); others (NULL or n 0: none) are listed after this run's, as of
 * the run they were measured in. Returns -1 when out of memory. */
int cb_html_index_page(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                       const char *const *groups, size_t ngroups, const cb_trend *trends,
                       const cb_html_others *others);

#endif
