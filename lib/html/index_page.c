#include <math.h>
#include <stdlib.h>

#include "html/budget_table.h"
#include "html/checks.h"
#include "html/memory_section.h"
#include "html/index_page.h"
#include "html/flags.h"
#include "html/page.h"
#include "html/verdict.h"

/* The last rank listed apart in the table: beyond it, the rest in the run's
 * order, which keeps a group's benchmarks together. */
#define RANK_IMPROVED 2

/* Where r comes in the table: regressions first (rank 0), then whatever the
 * verdicts rank before the improvements, the improvements, then the rest. */
static int rank(const cb_result *r)
{
    int k = r->has_change ? cb_html_verdict_of(r->change.verdict).rank : RANK_IMPROVED + 1;

    return k <= RANK_IMPROVED ? k : RANK_IMPROVED + 1;
}

/* The verdict first, then what the run was and what it was compared with. */
static void summary(cb_buf *h, const cb_run *run, const cb_report_options *opt)
{
    cb_html_verdict_block(h, run, opt, NULL);
    cb_html_flags_banner(h, run, opt->noise_threshold);
    cb_buf_printf(h, "<p>%zu benchmark%s measured", run->n, run->n == 1 ? "" : "s");
    if (opt->baseline_name != NULL) {
        cb_buf_puts(h, ", compared with baseline <b>");
        cb_html_escape(h, opt->baseline_name);
        cb_buf_puts(h, "</b>");
    }
    cb_buf_puts(h, ".</p>\n");
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
            cb_html_name(h, run->results[i].name);
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
        cb_html_name(h, opt->missing[i]);
        cb_buf_puts(h, "</li>\n");
    }
    cb_buf_puts(h, "</ul>\n");
}

/* Forest order: by verdict's rank, regressions first, then by the size of
 * the change. */
static int by_change(const void *a, const void *b)
{
    const cb_result *x = *(const cb_result *const *) a, *y = *(const cb_result *const *) b;
    int              rx = cb_html_verdict_of(x->change.verdict).rank;
    int              ry = cb_html_verdict_of(y->change.verdict).rank;
    double           sx = fabs(x->change.estimate.point), sy = fabs(y->change.estimate.point);

    if (rx != ry) {
        return rx - ry;
    }
    return (sx < sy) - (sx > sy);
}

/* The change summary at the top: every compared benchmark's change. */
static int changes(cb_buf *h, const cb_run *run, const cb_report_options *opt)
{
    const cb_result **rs = malloc((run->n + 1) * sizeof *rs);
    size_t            i, n = 0;

    if (rs == NULL) {
        return -1;
    }
    for (i = 0; i < run->n; i++) {
        if (!run->results[i].failed && run->results[i].has_change) {
            rs[n++] = &run->results[i];
        }
    }
    if (n > 0) {
        qsort(rs, n, sizeof *rs, by_change);
        cb_buf_puts(h, "<h2>Changes</h2>\n");
        cb_html_rule rule = { opt->noise_threshold, opt->resolution, opt->significance,
                              opt->comparisons, 0 };

        cb_html_chart_changes(h, rs, n, &rule);
    }
    free(rs);
    return 0;
}

/* The baseline's benchmarks that this (filtered) run did not measure, as
 * they were last measured. */
static int others_table(cb_buf *h, const cb_html_others *o, double threshold)
{
    const cb_trend **ts = malloc((o->n + 1) * sizeof *ts);
    size_t           i;

    if (ts == NULL) {
        return -1;
    }
    for (i = 0; i < o->n; i++) {
        ts[i] = o->trends[i].n > 0 ? &o->trends[i] : NULL;
    }
    cb_buf_printf(h, "<h2>Not measured in this run</h2>\n<p>%zu benchmark%s of the baseline "
                     "this run's filter left out, as measured ", o->n, o->n == 1 ? "" : "s");
    cb_html_escape(h, o->run->timestamp[0] != '\0' ? o->run->timestamp : "earlier");
    cb_buf_puts(h, " at commit ");
    cb_html_escape(h, o->run->machine.git_commit);
    cb_buf_puts(h, "; the baseline keeps them.</p>\n");
    cb_html_results_table(h, o->run, o->rs, o->n, ts, threshold);
    free(ts);
    return 0;
}

int cb_html_index_page(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                       const char *const *groups, size_t ngroups, const cb_trend *trends,
                       const cb_html_others *others)
{
    const cb_result     **rs = malloc((run->n + 1) * sizeof *rs);
    const cb_trend **ts = malloc((run->n + 1) * sizeof *ts);
    size_t                i, n = 0, failed = 0;
    int                   r, rc = -1;

    if (rs == NULL || ts == NULL) {
        goto done;
    }
    for (r = 0; r <= RANK_IMPROVED + 1; r++) {
        for (i = 0; i < run->n; i++) {
            if (!run->results[i].failed && rank(&run->results[i]) == r) {
                ts[n] = trends != NULL ? &trends[i] : NULL;
                rs[n++] = &run->results[i];
            }
        }
    }
    failed = run->n - n;
    cb_html_page_begin(h, "cryptbench report", NULL);
    summary(h, run, opt);
    if (changes(h, run, opt) != 0) {
        goto done;
    }
    if (ngroups > 0) {
        groups_list(h, groups, ngroups);
    }
    if (failed > 0) {
        failures(h, run);
    }
    cb_html_budget_summary(h, run);
    cb_buf_puts(h, "<h2>Benchmarks</h2>\n");
    cb_html_results_table(h, run, rs, n, trends != NULL ? ts : NULL, opt->noise_threshold);
    if (others != NULL && others->n > 0 && others_table(h, others, opt->noise_threshold) != 0) {
        goto done;
    }
    cb_html_checks_index(h, run);
    cb_html_memory_index(h, run);
    if (opt->nmissing > 0) {
        missing(h, opt);
    }
    cb_buf_puts(h, "<h2>Machine</h2>\n");
    cb_html_machine(h, run);
    cb_html_page_end(h, run);
    rc = 0;
done:
    free(rs);
    free(ts);
    return rc;
}
