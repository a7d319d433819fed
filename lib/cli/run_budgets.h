/*
 * --budgets FILE on a run: the file read and checked against the benchmarks
 * before anything is measured (a bad file is exit status 2, as a bad
 * baseline is), then each result checked as it comes, or a stored run's
 * results at once (--load-baseline).
 */
#ifndef CB_RUN_BUDGETS_H
#define CB_RUN_BUDGETS_H

#include "core/budget.h"
#include "cli/config.h"
#include "core/run.h"
#include "measure/registry.h"

/*
 * Reads cfg->budgets into set (left empty when it is NULL) and checks it
 * against the program's benchmarks: list, or the registry expanded afresh
 * when list is empty (--load-baseline selects none); which budgets apply to
 * each benchmark of list that selected[] marks (the ones measured) is kept
 * in set. Refuses budgets on a run that measures no time (--measure cycles
 * or instructions): they are times and rates. -1 with err naming the file,
 * line and column.
 */
int cb_run_budgets_open(const cb_config *cfg, const cb_instance_list *list,
                        const unsigned char *selected, cb_budget_set *set, cb_error *err);

/* Checks every result of a stored run against set, replacing the outcomes
 * it was stored with; nothing when no budgets file was given, so that a
 * re-report shows what the run was checked against. -1 on a run of another
 * measure, or out of memory. */
int cb_run_budgets_check(cb_budget_set *set, cb_run *run, cb_error *err);

#endif
