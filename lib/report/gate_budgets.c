#include <stdlib.h>

#include "report/budget_text.h"
#include "report/gate_budgets.h"
#include "report/gate_md.h"
#include "stats/budget_check.h"

/* One row of the table: a result and one of its outcomes. */
typedef struct row {
    const cb_result         *r;
    const cb_budget_outcome *o;
} row;

size_t cb_gate_budgets_count(const cb_run *run, size_t *total)
{
    size_t i, broken = 0;

    *total = 0;
    for (i = 0; i < run->n; i++) {
        broken += cb_budget_broken(&run->results[i]);
        *total += run->results[i].nbudgets;
    }
    return broken;
}

/* Broken first, then the tightest margin first: what needs a reviewer. */
static int after(const row *a, const row *b)
{
    const cb_budget_outcome *x = a->o, *y = b->o;

    if (x->held != y->held) {
        return x->held - y->held;
    }
    return (x->margin > y->margin) - (x->margin < y->margin);
}

static void write_row(cb_buf *t, const row *w)
{
    char limit[96], measured[48], source[96], margin[48];

    cb_budget_text_limit(limit, sizeof limit, w->o);
    cb_budget_text_measured(measured, sizeof measured, w->r, w->o);
    cb_budget_text_source(source, sizeof source, w->o);
    cb_budget_text_margin(margin, sizeof margin, w->o);
    cb_buf_printf(t, "| ");
    cb_gate_md_code(t, w->r->name);
    cb_buf_printf(t, " | ");
    cb_gate_md_cell(t, limit);
    cb_buf_printf(t, " | %s (", measured);
    cb_gate_md_cell(t, source);
    cb_buf_printf(t, ") | %s | %s |\n", margin, w->o->held ? "held" : "**broken**");
}

void cb_gate_budgets_write(cb_buf *t, const cb_run *run)
{
    size_t total, broken = cb_gate_budgets_count(run, &total), i, j, n = 0;
    row   *rows;

    if (total == 0) {
        return;
    }
    if ((rows = calloc(total, sizeof *rows)) == NULL) {
        t->oom = 1;
        return;
    }
    for (i = 0; i < run->n; i++) {
        for (j = 0; j < run->results[i].nbudgets; j++) {
            rows[n++] = (row){ &run->results[i], &run->results[i].budgets[j] };
        }
    }
    /* an insertion sort, stable where qsort is not: equal margins keep the
     * run's order from one gate to the next */
    for (i = 1; i < n; i++) {
        row w = rows[i];

        for (j = i; j > 0 && after(&rows[j - 1], &w) > 0; j--) {
            rows[j] = rows[j - 1];
        }
        rows[j] = w;
    }
    cb_buf_printf(t, "### Budgets: %zu of %zu broken\n\n", broken, total);
    cb_buf_printf(t, "Each limit of each budget that applies to a benchmark, checked against this "
                     "run. Percentiles are of single calls timed one by one where a call takes "
                     "10 us or more, else of the samples' per-iteration times (each the average "
                     "of a sample's calls, so their tail is thinner than that of calls). The "
                     "margin is how far inside its limit the measured value lies, as a share of "
                     "the limit.\n\n");
    cb_buf_printf(t, "| Benchmark | Budget | Measured | Margin | Verdict |\n");
    cb_buf_printf(t, "|---|---|---:|---:|---|\n");
    for (i = 0; i < n; i++) {
        write_row(t, &rows[i]);
    }
    cb_buf_printf(t, "\n");
    free(rows);
}
