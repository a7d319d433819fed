/*
 * A budget outcome (core/budget.h) in words, the same in the terminal, the
 * gate's table and the HTML report: what the budget is, what was measured
 * and from what (calls or samples), and the margin.
 */
#ifndef CB_BUDGET_TEXT_H
#define CB_BUDGET_TEXT_H

#include <stddef.h>
#include "core/result.h"

/* The budget, its limit as the budgets file has it: "p99 at most 1 s",
 * "median at least 50 ms", "estimate throughput at least 500 MiB/s",
 * "allocations at most 0", "peak at least 19 MiB". */
void cb_budget_text_limit(char *buf, size_t size, const cb_budget_outcome *o);

/* The budget in a few characters, for a label on a chart: "p99 \u2264 1 s",
 * "median \u2265 50 ms", "estimate thrpt \u2265 500 MiB/s". */
void cb_budget_text_short(char *buf, size_t size, const cb_budget_outcome *o);

/* The measured value: "135.24 ms", "512.3 MiB/s", "3", "19.04 MiB", "not
 * counted". */
void cb_budget_text_measured(char *buf, size_t size, const cb_result *r,
                             const cb_budget_outcome *o);

/* What it is of: "p99 of 11 single calls", "p99 of 100 samples' per-iteration
 * times", "the estimate's upper bound", "per iteration, counted by --memory". */
void cb_budget_text_source(char *buf, size_t size, const cb_budget_outcome *o);

/* The margin: "86% to spare", "35% over", "40% short"; from ten times the
 * limit on, or a tenth of it, a ratio: "1051x the maximum", "44x the
 * minimum", "1/1089 of the maximum"; a limit of 0, "none allowed" or "over
 * a limit of none". */
void cb_budget_text_margin(char *buf, size_t size, const cb_budget_outcome *o);

#endif
