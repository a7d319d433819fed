#include <stdlib.h>

#include "html/checks.h"
#include "html/index_page.h"
#include "html/page.h"

/* Regressions first, then improvements, then the rest in the run's order,
 * which keeps a group's benchmarks together. */
static int rank(const cb_result *r)
{
    if (r->has_change && r->change.verdict == CB_VERDICT_REGRESSED) {
        return 0;
    }
    return r->has_change && r->change.verdict == CB_VERDICT_IMPROVED ? 1 : 2;
}

static void summary(cb_buf *h, const cb_run *run, const cb_report_options *opt)
{
    size_t i, failed = 0, regressed = 0, improved = 0;

    for (i = 0; i < run->n; i++) {
        failed += run->results[i].failed != 0;
        regressed += rank(&run->results[i]) == 0;
        improved += rank(&run->results[i]) == 1;
    }
    cb_buf_printf(h, "<p>%zu benchmark%s, measured ", run->n, run->n == 1 ? "" : "s");
    cb_html_escape(h, run->timestamp);
    cb_buf_puts(h, " at commit ");
    cb_html_escape(h, run->machine.git_commit);
    if (opt->baseline_name != NULL) {
        cb_buf_puts(h, ", compared with baseline <b>");
        cb_html_escape(h, opt->baseline_name);
        cb_buf_puts(h, "</b>");
        if (opt->baseline != NULL && opt->baseline->timestamp[0] != '\0') {
            cb_buf_puts(h, " of ");
            cb_html_escape(h, opt->baseline->timestamp);
        }
        cb_buf_printf(h, ": <span class=\"count %s\">%zu regressed</span>, "
                          "<span class=\"count %s\">%zu improved</span>",
                       regressed > 0 ? "regressed" : "", regressed,
                       improved > 0 ? "improved" : "", improved);
    } else {
        cb_buf_puts(h, ", with no baseline to compare with");
    }
    cb_buf_printf(h, "%s<span class=\"count %s\">%zu failed</span>.</p>\n",
                   opt->baseline_name != NULL ? ", " : ": ", failed > 0 ? "failed" : "", failed);
    if (opt->differences != NULL && opt->differences[0] != '\0') {
        cb_buf_puts(h, "<p class=\"warn\">The baseline was measured on another machine or "
                       "build: ");
        cb_html_escape(h, opt->differences);
        cb_buf_puts(h, ". Changes may not be the code's.</p>\n");
    }
}

static void groups_list(cb_buf *h, const char *const *groups, size_t n)
{
    size_t i;

    cb_buf_puts(h, "<h2>Groups</h2>\n<ul class=\"groups\">\n");
    for (i = 0; i < n; i++) {
        cb_buf_puts(h, "<li>");
        cb_html_link(h, CB_HTML_GROUP, groups[i]);
        cb_buf_puts(h, "</li>\n");
    }
    cb_buf_puts(h, "</ul>\n");
}

static void failures(cb_buf *h, const cb_run *run)
{
    size_t i;

    cb_buf_puts(h, "<h2>Failed</h2>\n<table>\n<thead><tr><th>Benchmark</th><th>Reason</th>"
                   "</tr></thead>\n");
    for (i = 0; i < run->n; i++) {
        if (run->results[i].failed) {
            cb_buf_puts(h, "<tr class=\"failed\"><td class=\"name\">");
            cb_html_escape(h, run->results[i].name);
            cb_buf_puts(h, "</td><td class=\"why\">");
            cb_html_escape(h, run->results[i].failure);
            cb_buf_puts(h, "</td></tr>\n");
        }
    }
    cb_buf_puts(h, "</table>\n");
}

static void missing(cb_buf *h, const cb_report_options *opt)
{
    size_t i;

    cb_buf_puts(h, "<h2>In the baseline, not in this run</h2>\n<ul>\n");
    for (i = 0; i < opt->nmissing; i++) {
        cb_buf_puts(h, "<li class=\"name\">");
        cb_html_escape(h, opt->missing[i]);
        cb_buf_puts(h, "</li>\n");
    }
    cb_buf_puts(h, "</ul>\n");
}

int cb_html_index_page(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                       const char *const *groups, size_t ngroups)
{
    const cb_result **rs = malloc((run->n + 1) * sizeof *rs);
    size_t            i, n = 0, failed = 0;
    int               r;

    if (rs == NULL) {
        return -1;
    }
    for (r = 0; r <= 2; r++) {
        for (i = 0; i < run->n; i++) {
            if (!run->results[i].failed && rank(&run->results[i]) == r) {
                rs[n++] = &run->results[i];
            }
        }
    }
    failed = run->n - n;
    cb_html_page_begin(h, "cryptbench report", NULL);
    summary(h, run, opt);
    if (ngroups > 0) {
        groups_list(h, groups, ngroups);
    }
    if (failed > 0) {
        failures(h, run);
    }
    cb_buf_puts(h, "<h2>Benchmarks</h2>\n");
    cb_html_results_table(h, run, rs, n);
    cb_html_checks_index(h, run);
    if (opt->nmissing > 0) {
        missing(h, opt);
    }
    cb_buf_puts(h, "<h2>Machine</h2>\n");
    cb_html_machine(h, run);
    cb_html_page_end(h, run);
    free(rs);
    return 0;
}
