/*
 * Budgets in the HTML report, in words: a benchmark page's table of its
 * budget outcomes, and the index's list of the broken ones. (The lines on
 * the plots are chart_budgets.c's.)
 */
#ifndef CB_HTML_BUDGET_TABLE_H
#define CB_HTML_BUDGET_TABLE_H

#include "core/run.h"
#include "html/html.h"

/* The section "Budgets" of r's page: each outcome with its budget, the
 * pattern that applied it, the measured value and what it is of (calls or
 * samples), the margin, the verdict and the budget's comment. Nothing when r
 * has none. */
void cb_html_budget_table(cb_buf *h, const cb_result *r);

/* The index's section "Budgets": how many held and broke over the run, and
 * each broken one with a link to its benchmark. Nothing when no result has
 * an outcome. */
void cb_html_budget_summary(cb_buf *h, const cb_run *run);

#endif
