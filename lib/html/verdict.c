#include <stdio.h>
#include <string.h>

#include "html/page.h"
#include "html/verdict.h"
#include "report/budget_text.h"
#include "report/format.h"
#include "report/memory_text.h"
#include "stats/budget_check.h"

/* Commits are shown to this many hex digits, whole in their hover titles. */
#define COMMIT_DIGITS 12

/* What the block counts, over the run or one result. */
typedef struct counts {
    size_t regressed, unresolved, improved, compared, broken, budgets, findings, failed;
    size_t more_memory; /* more memory than the baseline's, exact counts (--memory) */
} counts;

static void count(counts *c, const cb_result *r)
{
    c->failed += r->failed != 0;
    c->budgets += r->nbudgets;
    c->broken += cb_budget_broken(r);
    c->findings += r->checks.exact.nnew;
    if (!r->failed && r->has_change) {
        c->compared++;
        c->regressed += r->change.verdict == CB_VERDICT_REGRESSED;
        c->unresolved += r->change.verdict == CB_VERDICT_UNRESOLVED;
        c->improved += r->change.verdict == CB_VERDICT_IMPROVED;
    }
    c->more_memory += !r->failed && r->memory.has_change &&
                      r->memory.change.verdict == CB_MEMORY_MORE;
}

static void commit(cb_buf *h, const char *sha)
{
    char shown[COMMIT_DIGITS + 1];

    snprintf(shown, sizeof shown, "%s", sha[0] != '\0' ? sha : "unknown");
    cb_buf_puts(h, "<code title=\"");
    cb_html_escape(h, sha);
    cb_buf_puts(h, "\">");
    cb_html_escape(h, shown);
    cb_buf_puts(h, "</code>");
}

/* "baseline base, commit 2b2d0a5b1d21 (run of ...) -> this run, commit ..." */
static void endpoints(cb_buf *h, const cb_run *run, const cb_report_options *opt)
{
    cb_buf_puts(h, "<p class=\"endpoints\">");
    if (opt->baseline_name != NULL) {
        cb_buf_puts(h, "Baseline <b>");
        cb_html_escape(h, opt->baseline_name);
        cb_buf_puts(h, "</b>");
        if (opt->baseline != NULL) {
            cb_buf_puts(h, " at commit ");
            commit(h, opt->baseline->machine.git_commit);
            cb_buf_puts(h, ", run of ");
            cb_html_escape(h, opt->baseline->timestamp);
        }
        cb_buf_puts(h, " &rarr; ");
    } else {
        cb_buf_puts(h, "No baseline to compare with; ");
    }
    cb_buf_puts(h, "this run at commit ");
    commit(h, run->machine.git_commit);
    cb_buf_puts(h, ", ");
    cb_html_escape(h, run->timestamp);
    cb_buf_puts(h, ".</p>\n");
}

static void name(cb_buf *h, const cb_result *r, const cb_result *only)
{
    if (only != NULL || r->failed) {
        cb_html_name(h, r->name);
    } else {
        cb_html_link(h, CB_HTML_BENCH, r->name);
    }
}

static void regression(cb_buf *h, const cb_result *r, const cb_result *only)
{
    const cb_change *c = &r->change;
    char             lo[32], mid[32], hi[32], p[16];

    cb_format_percent(mid, sizeof mid, c->estimate.point);
    cb_buf_puts(h, "<li><span class=\"regressed\">regressed</span> ");
    name(h, r, only);
    cb_buf_printf(h, ": %s %s", cb_statistic_name(c->statistic), mid);
    if (c->p_value < 0.0) {
        cb_buf_puts(h, " (exact counts)");
    } else {
        cb_format_percent(lo, sizeof lo, c->estimate.lower);
        cb_format_percent(hi, sizeof hi, c->estimate.upper);
        cb_format_probability(p, sizeof p, c->p_value);
        cb_buf_printf(h, " [%s, %s], p = %s", lo, hi, p);
    }
    cb_buf_puts(h, "</li>\n");
}

static void broken_budgets(cb_buf *h, const cb_result *r, const cb_result *only)
{
    char   limit[96], measured[48], margin[48];
    size_t j;

    for (j = 0; j < r->nbudgets; j++) {
        const cb_budget_outcome *o = &r->budgets[j];

        if (o->held) {
            continue;
        }
        cb_budget_text_limit(limit, sizeof limit, o);
        cb_budget_text_measured(measured, sizeof measured, r, o);
        cb_budget_text_margin(margin, sizeof margin, o);
        cb_buf_puts(h, "<li><span class=\"broken\">budget broken</span> ");
        name(h, r, only);
        cb_buf_puts(h, ": ");
        cb_html_escape(h, limit);
        cb_buf_puts(h, ", measured ");
        cb_html_escape(h, measured);
        cb_buf_puts(h, " (");
        cb_html_escape(h, margin);
        cb_buf_puts(h, ")</li>\n");
    }
}

/* What a reviewer must look at, by kind, in this order. */
enum kind { REGRESSION, BUDGET, FINDING, FAILURE, NKINDS };

static void items(cb_buf *h, const cb_result *r, const cb_result *only, enum kind k)
{
    if (k == FAILURE && r->failed) {
        cb_buf_puts(h, "<li><span class=\"failed\">FAILED</span> ");
        name(h, r, only);
        cb_buf_puts(h, ": ");
        cb_html_escape(h, r->failure);
        cb_buf_puts(h, "</li>\n");
    }
    if (r->failed) {
        return;
    }
    if (k == REGRESSION && r->has_change && r->change.verdict == CB_VERDICT_REGRESSED) {
        regression(h, r, only);
    }
    if (k == REGRESSION && r->memory.has_change && r->memory.change.verdict == CB_MEMORY_MORE) {
        char change[512];

        cb_memory_text_change(change, sizeof change, &r->memory.change);
        cb_buf_puts(h, "<li><span class=\"regressed\">regressed</span> ");
        name(h, r, only);
        cb_buf_puts(h, ": ");
        cb_html_escape(h, change);
        cb_buf_puts(h, " (exact counts)</li>\n");
    }
    if (k == BUDGET) {
        broken_budgets(h, r, only);
    }
    if (k == FINDING && r->checks.exact.nnew > 0) {
        cb_buf_printf(h, "<li><span class=\"broken\">constant-time</span> ");
        name(h, r, only);
        cb_buf_printf(h, ": %zu new secret-dependent finding%s that the baseline did not have"
                         "</li>\n", r->checks.exact.nnew, r->checks.exact.nnew == 1 ? "" : "s");
    }
}

/* The first sentence: what needs a reviewer, counted. */
static void headline(cb_buf *h, const counts *c, const cb_report_options *opt,
                     const cb_result *only)
{
    size_t bad = c->regressed + c->more_memory + c->broken + c->findings + c->failed;

    cb_buf_printf(h, "<p class=\"verdict-line %s\"><b>", bad > 0 ? "bad" : "good");
    if (bad == 0) {
        cb_buf_puts(h, only != NULL ? "Nothing wrong found" : "Nothing wrong found in this run");
    } else {
        const char *sep = "";

        if (c->regressed > 0) {
            cb_buf_printf(h, "%zu regressed", c->regressed);
            sep = ", ";
        }
        if (c->more_memory > 0) {
            cb_buf_printf(h, "%s%zu using more memory", sep, c->more_memory);
            sep = ", ";
        }
        if (c->broken > 0) {
            cb_buf_printf(h, "%s%zu of %zu budgets broken", sep, c->broken, c->budgets);
            sep = ", ";
        }
        if (c->findings > 0) {
            cb_buf_printf(h, "%s%zu new constant-time finding%s", sep, c->findings,
                          c->findings == 1 ? "" : "s");
            sep = ", ";
        }
        if (c->failed > 0) {
            cb_buf_printf(h, "%s%zu failed", sep, c->failed);
        }
    }
    cb_buf_puts(h, "</b>");
    if (opt->baseline_name != NULL && only == NULL) {
        cb_buf_printf(h, ". %zu compared: %zu regressed, %zu unresolved, %zu improved", c->compared,
                      c->regressed, c->unresolved, c->improved);
    } else if (only != NULL && only->has_change && c->regressed == 0) {
        cb_buf_printf(h, ". %s", cb_html_verdict_of(only->change.verdict).words);
    }
    if (c->budgets > 0 && c->broken == 0) {
        cb_buf_printf(h, "; %zu budget%s held", c->budgets, c->budgets == 1 ? "" : "s");
    }
    cb_buf_puts(h, ".</p>\n");
}

void cb_html_verdict_block(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                           const cb_result *only)
{
    counts c;
    size_t i, bad;
    int    k;

    memset(&c, 0, sizeof c);
    if (only != NULL) {
        count(&c, only);
    } else {
        for (i = 0; i < run->n; i++) {
            count(&c, &run->results[i]);
        }
    }
    bad = c.regressed + c.more_memory + c.broken + c.findings + c.failed;
    cb_buf_printf(h, "<section class=\"verdict-block %s\" aria-label=\"verdict\">\n",
                  bad > 0 ? "bad" : "good");
    headline(h, &c, opt, only);
    if (bad > 0) {
        cb_buf_puts(h, "<ul>\n");
        for (k = 0; k < NKINDS; k++) {
            if (only != NULL) {
                items(h, only, only, (enum kind) k);
            }
            for (i = 0; only == NULL && i < run->n; i++) {
                items(h, &run->results[i], NULL, (enum kind) k);
            }
        }
        cb_buf_puts(h, "</ul>\n");
    }
    endpoints(h, run, opt);
    cb_buf_puts(h, "</section>\n");
}
