/*
 * The gate's rows of budgets (gate.md): every budget outcome of a run, broken
 * first, each with the budget, what was measured and from what, and the
 * margin.
 */
#ifndef CB_GATE_BUDGETS_H
#define CB_GATE_BUDGETS_H

#include "core/run.h"
#include "core/strbuf.h"

/* How many of run's budget outcomes broke, and (into *total) how many there are. */
size_t cb_gate_budgets_count(const cb_run *run, size_t *total);

/* Appends the section "### Budgets" with its table to t; nothing when no
 * result of run has a budget outcome. */
void cb_gate_budgets_write(cb_buf *t, const cb_run *run);

#endif
