#include <stdlib.h>

#include "cli/run_budgets.h"
#include "stats/budget_check.h"
#include "store/budgets.h"

static int refuse_measure(const cb_budget_set *set, cb_measure measure, cb_error *err)
{
    return cb_error_set(err, "%s: budgets are times and rates, and this run counts %s: use "
                             "--measure wall with --budgets",
                        set->file, cb_measure_name(measure));
}

/* The benchmarks of list as the targets the budgets are checked against,
 * those selected (none when selected is NULL) to be measured and checked. */
static int check_list(cb_budget_set *set, const cb_instance_list *list,
                      const unsigned char *selected, cb_error *err)
{
    cb_budget_target *t = calloc(list->n + 1, sizeof *t);
    size_t            i;
    int               rc;

    if (t == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (i = 0; i < list->n; i++) {
        t[i] = (cb_budget_target){ list->items[i].name, list->items[i].def->throughput,
                                   list->items[i].per_iteration,
                                   selected != NULL && selected[i] };
    }
    rc = cb_budgets_check_targets(set, t, list->n, err);
    free(t);
    return rc;
}

int cb_run_budgets_open(const cb_config *cfg, const cb_instance_list *list,
                        const unsigned char *selected, cb_budget_set *set, cb_error *err)
{
    cb_instance_list all = { NULL, 0 };
    int              rc;

    if (cfg->budgets == NULL) {
        return 0;
    }
    if (cb_budgets_load(cfg->budgets, set, err) != 0) {
        return -1;
    }
    /* a stored run's measure is checked when it is read */
    if (cfg->load_baseline == NULL && cfg->measure != CB_MEASURE_WALL) {
        return refuse_measure(set, cfg->measure, err);
    }
    if (list->n > 0) {
        return check_list(set, list, selected, err);
    }
    if (cb_registry_expand(&all, err) != 0) {
        return -1;
    }
    /* a stored run's own names are matched when it is checked */
    rc = check_list(set, &all, NULL, err);
    cb_instance_list_free(&all);
    return rc;
}

int cb_run_budgets_check(cb_budget_set *set, cb_run *run, cb_error *err)
{
    const char **names;
    size_t       i;
    int          rc;

    if (set->file == NULL) {
        return 0;
    }
    if (run->measure != CB_MEASURE_WALL) {
        return refuse_measure(set, run->measure, err);
    }
    if ((names = calloc(run->n + 1, sizeof *names)) == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (i = 0; i < run->n; i++) {
        names[i] = run->results[i].name;
    }
    rc = cb_budget_set_match(set, names, run->n, err);
    free(names);
    for (i = 0; rc == 0 && i < run->n; i++) {
        rc = cb_budget_check(set, &run->results[i], err);
    }
    return rc;
}
