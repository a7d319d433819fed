#include "html/budget_table.h"
#include "html/page.h"
#include "report/budget_text.h"
#include "stats/budget_check.h"

/* One outcome's cells after the first: budget, measured (of what), margin,
 * verdict. */
static void cells(cb_buf *h, const cb_result *r, const cb_budget_outcome *o)
{
    char limit[96], measured[48], source[96], margin[48];

    cb_budget_text_limit(limit, sizeof limit, o);
    cb_budget_text_measured(measured, sizeof measured, r, o);
    cb_budget_text_source(source, sizeof source, o);
    cb_budget_text_margin(margin, sizeof margin, o);
    cb_buf_puts(h, "<td data-label=\"budget\">");
    cb_html_escape(h, limit);
    cb_buf_puts(h, "</td><td class=\"n\" data-label=\"measured\">");
    cb_html_escape(h, measured);
    cb_buf_puts(h, "<span class=\"ci\">");
    cb_html_escape(h, source);
    cb_buf_puts(h, "</span></td><td class=\"n\" data-label=\"margin\">");
    cb_html_escape(h, margin);
    cb_buf_printf(h, "</td><td class=\"verdict %s\">%s</td>", o->held ? "held" : "broken",
                  o->held ? "held" : "broken");
}

void cb_html_budget_table(cb_buf *h, const cb_result *r)
{
    size_t i;

    if (r->nbudgets == 0) {
        return;
    }
    cb_buf_puts(h, "<h2>Budgets</h2>\n<table class=\"cards budgets\">\n<thead><tr><th>Budget</th>"
                   "<th class=\"n\">Measured</th><th class=\"n\">Margin</th><th>Verdict</th>"
                   "<th>Set by</th></tr></thead>\n");
    for (i = 0; i < r->nbudgets; i++) {
        const cb_budget_outcome *o = &r->budgets[i];

        cb_buf_puts(h, "<tr>");
        cells(h, r, o);
        cb_buf_puts(h, "<td class=\"why\" data-label=\"set by\"><code>");
        cb_html_escape(h, o->match);
        cb_buf_puts(h, "</code>");
        if (o->comment != NULL) {
            cb_buf_puts(h, " ");
            cb_html_escape(h, o->comment);
        }
        cb_buf_puts(h, "</td></tr>\n");
    }
    cb_buf_puts(h, "</table>\n<p class=\"note\">A percentile is of single calls timed one by one "
                   "where a call takes 10 us or more, else of the samples' per-iteration times, "
                   "each the average of a sample's calls, whose tail is thinner than that of "
                   "calls. The margin is how far inside its limit the measured value lies.</p>\n");
}

void cb_html_budget_summary(cb_buf *h, const cb_run *run)
{
    size_t i, j, total = 0, broken = 0;

    for (i = 0; i < run->n; i++) {
        total += run->results[i].nbudgets;
        broken += cb_budget_broken(&run->results[i]);
    }
    if (total == 0) {
        return;
    }
    cb_buf_printf(h, "<h2>Budgets</h2>\n<p>%zu budget%s checked: %zu held, <span class=\"count "
                     "%s\">%zu broken</span>.</p>\n",
                  total, total == 1 ? "" : "s", total - broken, broken > 0 ? "broken" : "",
                  broken);
    if (broken == 0) {
        return;
    }
    cb_buf_puts(h, "<table class=\"cards budgets\">\n<thead><tr><th>Benchmark</th><th>Budget"
                   "</th><th class=\"n\">Measured</th><th class=\"n\">Margin</th><th>Verdict</th>"
                   "</tr></thead>\n");
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        for (j = 0; j < r->nbudgets; j++) {
            if (r->budgets[j].held) {
                continue;
            }
            cb_buf_puts(h, "<tr><td class=\"name\">");
            cb_html_link(h, CB_HTML_BENCH, r->name);
            cb_buf_puts(h, "</td>");
            cells(h, r, &r->budgets[j]);
            cb_buf_puts(h, "</tr>\n");
        }
    }
    cb_buf_puts(h, "</table>\n");
}
