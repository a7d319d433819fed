#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/atomic_file.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "report/budget_text.h"
#include "report/format.h"
#include "report/memory_text.h"
#include "report/profile_text.h"
#include "report/report.h"
#include "report/verdict_text.h"
#include "stats/budget_check.h"
#include "stats/paired.h"

/*
 * The regression gate's summary for a pull request: one markdown table,
 * regressions first, then improvements, then the rest; the budgets, the
 * changes of memory counted by --memory (exact, without a p-value); failures
 * and benchmarks present on one side only listed below it. Written atomically at
 * the end of the run. Text from outside (a benchmark's name, a failure's
 * reason) is escaped, so that it can neither break the table it sits in nor
 * pass for markup in a pull-request comment.
 */
typedef struct gate {
    cb_report_options opt;
} gate;

/* Text in a table cell (s NULL: nothing), a newline a space: markdown would
 * read '|' as a cell break and '<' as HTML. */
static void md_cell(cb_buf *t, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        if (strchr("|<>\\`*_[]", *s) != NULL) {
            cb_buf_printf(t, "\\%c", *s);
        } else {
            cb_buf_printf(t, "%c", *s == '\n' ? ' ' : *s);
        }
    }
}

/* A code span: literal, except that '|' still ends a table cell and a
 * backquote would end the span. */
static void md_code(cb_buf *t, const char *s)
{
    /* a program's path or a name from a file: no escape sequence reaches
     * the pull request, nor the terminal that cats gate.md */
    char *clean = s != NULL ? cb_text_dup(s) : NULL;

    s = clean != NULL ? clean : s;
    cb_buf_printf(t, "`");
    for (; s != NULL && *s != '\0'; s++) {
        if (*s == '|') {
            cb_buf_printf(t, "\\|");
        } else {
            cb_buf_printf(t, "%c", *s == '`' ? '\'' : (*s == '\n' ? ' ' : *s));
        }
    }
    cb_buf_printf(t, "`");
    free(clean);
}

/* The order of the table: what needs a reviewer first. */
static int rank(const cb_result *r)
{
    switch (r->change.verdict) {
    case CB_VERDICT_REGRESSED:
        return 0;
    case CB_VERDICT_UNRESOLVED:
        return 1;
    case CB_VERDICT_IMPROVED:
        return 2;
    case CB_VERDICT_WITHIN_NOISE:
        return 3;
    case CB_VERDICT_NO_CHANGE:
        return 4;
    }
    return 5;
}

/* A value of the compared statistic in its own unit, named when it is not
 * the benchmark's own estimate (a mode changed between the runs). */
static void add_value(cb_buf *t, const cb_run *run, const cb_change *c, double v)
{
    char buf[48];

    cb_format_value(buf, sizeof buf, v, c->unit != NULL ? c->unit : run->unit);
    cb_buf_printf(t, " %s%s |", buf, c->mode_differs ? " (mean)" : "");
}

/* Old, New, the change with its interval, p: one comparison's cells. Old is
 * the base's typical value and New the change applied to it, so New / Old - 1
 * is the change, to the digits shown. */
static void add_numbers(cb_buf *t, const cb_run *run, const cb_change *c)
{
    char mid[32], lo[32], hi[32], p[32];

    add_value(t, run, c, c->old_typical);
    add_value(t, run, c, c->new_typical);
    cb_format_percent(mid, sizeof mid, c->estimate.point);
    if (c->p_value >= 0.0) {
        cb_format_percent(lo, sizeof lo, c->estimate.lower);
        cb_format_percent(hi, sizeof hi, c->estimate.upper);
        cb_format_probability(p, sizeof p, c->p_value);
        cb_buf_printf(t, " %s [%s, %s] | %s |", mid, lo, hi, p);
    } else {
        cb_buf_printf(t, " %s | exact |", mid);
    }
}

/* A row: the benchmark's verdict with the comparison that decided it; then a
 * row for each other measure it was compared on. Only an unresolved row says
 * what it resolved to. */
static void add_row(cb_buf *t, const cb_run *run, const cb_result *r)
{
    const cb_change *c = &r->change;
    char             words[512];
    size_t           i;
    int              strong = c->verdict == CB_VERDICT_REGRESSED || c->verdict == CB_VERDICT_UNRESOLVED;

    cb_verdict_text(words, sizeof words, r, run->unit);
    cb_buf_printf(t, "| ");
    md_code(t, r->name);
    if (r->nalso > 0) {
        cb_buf_printf(t, " (%s)", cb_verdict_text_measure(c, run->unit));
    }
    cb_buf_printf(t, " |");
    add_numbers(t, run, c);
    cb_buf_printf(t, " %s", strong ? "**" : "");
    md_cell(t, words);
    cb_buf_printf(t, "%s |\n", strong ? "**" : "");
    for (i = 0; i < r->nalso; i++) {
        cb_buf_printf(t, "| \u21b3 %s |", cb_verdict_text_measure(&r->also[i], run->unit));
        add_numbers(t, run, &r->also[i]);
        cb_buf_printf(t, " %s |\n", cb_verdict_text_word(r->also[i].verdict));
    }
}

/* Under a regressed row, where: the functions whose self instructions per
 * iteration changed most, old and new, their calls per iteration old and
 * new, and their share of the change. */
static void add_where(cb_buf *t, const cb_result *r)
{
    const cb_profile_diff *d = r->grew;
    double                 change = d->new_total - d->old_total;
    char                   before[32], after[32], calls[80], name[512];
    size_t                 i;

    for (i = 0; i < d->n && i < CB_PROFILE_GATE_TOP; i++) {
        const cb_profile_change *c = &d->changes[i];

        cb_profile_text_count(before, sizeof before, c->old_self);
        cb_profile_text_count(after, sizeof after, c->new_self);
        cb_profile_text_name(name, sizeof name, c->name, c->object);
        cb_profile_text_calls(calls, sizeof calls, c, "→");
        cb_buf_printf(t, "| ↳ in ");
        md_code(t, name);
        if (calls[0] != '\0') {
            cb_buf_printf(t, ", calls %s", calls);
        }
        cb_buf_printf(t, " | %s | %s |", before, after);
        if (change != 0.0) {
            cb_buf_printf(t, " %.0f%% of the change |", 100.0 * (c->new_self - c->old_self) /
                                                            change);
        } else {
            cb_buf_printf(t, " |");
        }
        cb_buf_printf(t, " | |\n");
    }
}

/* The compared results of verdict rank k, the biggest change first. */
static void add_rows(cb_buf *t, const cb_run *run, int k)
{
    const cb_result **rows = calloc(run->n + 1, sizeof *rows);
    size_t            i, j, n = 0;

    if (rows == NULL) {
        t->oom = 1;
        return;
    }
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        if (!r->has_change || rank(r) != k) {
            continue;
        }
        for (j = n++; j > 0 && fabs(rows[j - 1]->change.estimate.point) <
                                   fabs(r->change.estimate.point); j--) {
            rows[j] = rows[j - 1];
        }
        rows[j] = r;
    }
    for (i = 0; i < n; i++) {
        add_row(t, run, rows[i]);
        if (k == 0 && rows[i]->grew != NULL) {
            add_where(t, rows[i]);
        }
    }
    free(rows);
}

/* What the comparison rule was, in one paragraph. */
static void add_rule(cb_buf *t, const gate *g, const cb_run *run, size_t rounds)
{
    const cb_report_options *o = &g->opt;
    char                     level[32], each[32];
    size_t                   i;
    int                      both = 0;

    for (i = 0; i < run->n; i++) {
        both |= run->results[i].change.unit != NULL;
    }
    cb_format_probability(level, sizeof level, o->significance);
    cb_format_probability(each, sizeof each,
                          o->significance / (double) (o->comparisons > 0 ? o->comparisons : 1));
    if (run->measure == CB_MEASURE_INSTRUCTIONS || both) {
        cb_buf_printf(t, "Instruction counts are exact: %sa change counts when it exceeds "
                         "\u00b1%.3g%%%s. ",
                      rounds > 0 ? "rounds whose counts agree decide after two, and " : "",
                      o->noise_threshold * 100.0,
                      rounds > 0 ? "; counts that vary from process to process are tested as "
                                   "times are" : "");
        if (!both) {
            cb_buf_printf(t, "\n\n");
            return;
        }
    }
    if (both) {
        cb_buf_printf(t, "Wall time is measured first, instruction counts (under callgrind) "
                         "where it is not settled, or where time allows; a change either "
                         "establishes decides (wall time first), then no change, else the row "
                         "is unresolved. Where the exact change lies outside the time's "
                         "interval, the measures disagree and time decides. ");
    }
    cb_buf_printf(t, "A change in time counts when p < %s family-wise over the %zu comparison%s "
                     "(%s each) and its %.0f%% interval lies wholly beyond \u00b1%.3g%%; one "
                     "whose interval reaches beyond \u00b1%.3g%% (the resolution) is "
                     "unresolved. ",
                  level, o->comparisons, o->comparisons == 1 ? "" : "s", each,
                  run->confidence * 100.0, o->noise_threshold * 100.0, o->resolution * 100.0);
    if (rounds > 0) {
        cb_buf_printf(t, "Paired over up to %zu rounds, each measuring both builds back to back, "
                         "a process each; the change is the rounds' trimmed mean of new/old, "
                         "tested at the last round (or, a clear change, at 12, 24, 48 ... rounds "
                         "with a share of the level). Old is the median over rounds of the "
                         "base's per-process medians and New is Old times the change, so New/Old "
                         "- 1 is the change; every round's medians are in gate-rounds.json and "
                         "the HTML page.\n\n",
                      rounds);
    } else {
        cb_buf_printf(t, "Old and New are each benchmark's estimate (the slope of a linear run, "
                         "the mean of a flat one).\n\n");
    }
}

/* Why rows were left unresolved, one sentence for all of a reason. */
typedef struct reason {
    cb_stop     stop;
    const char *title, *why, *ab, *gate; /* the advice for ci/bench-ab, and for gate */
} reason;

static const reason reasons[] = {
    { CB_STOP_FUTILE, "too noisy for the time left",
      "even the rest of the time budget could not have brought their intervals inside the "
      "resolution, so their rounds stopped early; each would need about the rounds shown",
      "more time (AB_TIME_BUDGET) or instruction counts beside wall time (--measure "
      "wall,instructions) can settle them",
      "more time (--time-budget) or instruction counts beside wall time (--measure "
      "wall,instructions) can settle them" },
    { CB_STOP_BUDGET, "when the time budget ran out",
      "the time budget had no room for another of their rounds",
      "give the gate more time (AB_TIME_BUDGET)", "give the gate more time (--time-budget)" },
    { CB_STOP_MAX_ROUNDS, "at the most rounds", "they had the most rounds allowed",
      "allow more (AB_MAX_ROUNDS)", "allow more (--max-rounds)" },
    { CB_STOP_NONE, "", "the runner was too noisy to see a change of the resolution's size",
      "use the paired gate (ci/bench-ab)", "use the paired gate (ci/bench-ab) or --measure "
      "instructions" },
};

static int is_reason(const cb_result *r, const reason *why)
{
    cb_stop s = r->change.stop;

    if (!r->has_change || r->change.verdict != CB_VERDICT_UNRESOLVED) {
        return 0;
    }
    /* a comparison that settled unresolved had no reason of its own: the runner's noise */
    return why->stop == CB_STOP_NONE
               ? s != CB_STOP_FUTILE && s != CB_STOP_BUDGET && s != CB_STOP_MAX_ROUNDS
               : s == why->stop;
}

/* The unresolved, grouped by why, each group with what to do about it in
 * the settings of the entry point in use. */
static void add_unresolved(cb_buf *t, const gate *g, const cb_run *run)
{
    char   res[32];
    size_t k, i, n;

    for (k = 0; k < sizeof reasons / sizeof reasons[0]; k++) {
        const reason *why = &reasons[k];

        for (i = 0, n = 0; i < run->n; i++) {
            n += (size_t) is_reason(&run->results[i], why);
        }
        if (n == 0) {
            continue;
        }
        cb_buf_printf(t, "**Unresolved%s%s** (%zu): %s (\u00b1%.3g%%); nothing is known of them "
                         "either way; %s:", why->title[0] != '\0' ? " " : "", why->title, n,
                      why->why, 100.0 * g->opt.resolution, g->opt.via_ab ? why->ab : why->gate);
        for (i = 0, n = 0; i < run->n; i++) {
            const cb_result *r = &run->results[i];

            if (!is_reason(r, why)) {
                continue;
            }
            cb_buf_printf(t, "%s ", n++ > 0 ? "," : "");
            md_code(t, r->name);
            cb_format_plain(res, sizeof res, 100.0 * r->change.resolution, 2);
            cb_buf_printf(t, " \u00b1%s%%", res);
            if (why->stop == CB_STOP_FUTILE && r->change.need > 0) {
                cb_buf_printf(t, " (about %zu rounds)", r->change.need);
            } else if (why->stop == CB_STOP_FUTILE) {
                cb_buf_printf(t, " (more than %d rounds)", CB_PAIRED_MAX_ROUNDS);
            }
        }
        cb_buf_printf(t, ".\n\n");
    }
}

/* One row of the budgets' table: a result and one of its outcomes. */
typedef struct budget_row {
    const cb_result         *r;
    const cb_budget_outcome *o;
} budget_row;

/* How many of run's budget outcomes broke, and (into *total) how many there are. */
static size_t count_budgets(const cb_run *run, size_t *total)
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
static int budget_after(const budget_row *a, const budget_row *b)
{
    const cb_budget_outcome *x = a->o, *y = b->o;

    if (x->held != y->held) {
        return x->held - y->held;
    }
    return (x->margin > y->margin) - (x->margin < y->margin);
}

static void add_budget_row(cb_buf *t, const budget_row *w)
{
    char limit[96], measured[48], source[96], margin[48];

    cb_budget_text_limit(limit, sizeof limit, w->o);
    cb_budget_text_measured(measured, sizeof measured, w->r, w->o);
    cb_budget_text_source(source, sizeof source, w->o);
    cb_budget_text_margin(margin, sizeof margin, w->o);
    cb_buf_printf(t, "| ");
    md_code(t, w->r->name);
    cb_buf_printf(t, " | ");
    md_cell(t, limit);
    cb_buf_printf(t, " | %s (", measured);
    md_cell(t, source);
    cb_buf_printf(t, ") | %s | %s |\n", margin, w->o->held ? "held" : "**broken**");
}

/* The section "### Budgets" with its table: every budget outcome of the run,
 * broken first, each with the budget, what was measured and from what, and
 * the margin; nothing when no result has one. */
static void add_budgets(cb_buf *t, const cb_run *run)
{
    size_t total, broken = count_budgets(run, &total), i, j, n = 0;
    budget_row *rows;

    if (total == 0) {
        return;
    }
    if ((rows = calloc(total, sizeof *rows)) == NULL) {
        t->oom = 1;
        return;
    }
    for (i = 0; i < run->n; i++) {
        for (j = 0; j < run->results[i].nbudgets; j++) {
            rows[n++] = (budget_row){ &run->results[i], &run->results[i].budgets[j] };
        }
    }
    /* an insertion sort, stable where qsort is not: equal margins keep the
     * run's order from one gate to the next */
    for (i = 1; i < n; i++) {
        budget_row w = rows[i];

        for (j = i; j > 0 && budget_after(&rows[j - 1], &w) > 0; j--) {
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
        add_budget_row(t, &rows[i]);
    }
    cb_buf_printf(t, "\n");
    free(rows);
}

/* What a gate's run holds: the run's tally and the budgets broken. */
typedef struct tally {
    cb_tally run;
    size_t   broken, budgets;
} tally;

static tally count(const cb_run *run)
{
    tally c;

    c.run = cb_run_tally(run);
    c.broken = count_budgets(run, &c.budgets);
    return c;
}

/* The heading a pull request's reader sees first, and what was compared
 * with what, under which rule. */
static void add_heading(cb_buf *t, const gate *g, const cb_run *run, const tally *c)
{
    if (c->run.regressed > 0) {
        cb_buf_printf(t, "## cryptbench: %zu regressed", c->run.regressed);
    } else {
        cb_buf_printf(t, "## cryptbench: %s",
                      c->run.failed > 0 ? "benchmarks failed" : "no regression");
    }
    if (c->run.unresolved > 0) {
        cb_buf_printf(t, ", %zu unresolved", c->run.unresolved);
    }
    if (c->budgets > 0) {
        cb_buf_printf(t, ", %zu budget%s broken", c->broken, c->broken == 1 ? "" : "s");
    }
    cb_buf_printf(t, "\n\n");
    if (g->opt.baseline_name == NULL) {
        cb_buf_printf(t, "No baseline to compare with: nothing can have regressed.\n\n");
        return;
    }
    cb_buf_printf(t, "%zu benchmark%s ", c->run.compared, c->run.compared == 1 ? "" : "s");
    if (g->opt.head_name != NULL) {
        cb_buf_printf(t, "of ");
        md_code(t, g->opt.head_name);
        cb_buf_printf(t, " (head) ");
    }
    cb_buf_printf(t, "compared with ");
    md_code(t, g->opt.baseline_name);
    if (g->opt.head_name != NULL) {
        cb_buf_printf(t, " (base)");
    }
    if (g->opt.baseline != NULL && g->opt.baseline->timestamp[0] != '\0') {
        const char *commit = g->opt.baseline->machine.git_commit;

        cb_buf_printf(t, " (%s", g->opt.baseline->timestamp);
        if (commit[0] != '\0' && strcmp(commit, "unknown") != 0) {
            cb_buf_printf(t, ", commit %.12s", commit);
        }
        cb_buf_printf(t, ")");
    }
    cb_buf_printf(t, ": %zu regressed, %zu unresolved. ", c->run.regressed, c->run.unresolved);
    add_rule(t, g, run, c->run.rounds);
    if (g->opt.gate_note != NULL) {
        cb_buf_printf(t, "> **Unpaired.** ");
        md_cell(t, g->opt.gate_note);
        cb_buf_printf(t, "\n\n");
    }
    if (g->opt.differences != NULL && g->opt.differences[0] != '\0') {
        cb_buf_printf(t, "**Warning:** the baseline was measured on another machine or build (");
        md_cell(t, g->opt.differences);
        cb_buf_printf(t, "): changes may not be the code's.\n\n");
    }
}

/* The table of comparisons, regressions first, and the key to its profile rows. */
static void add_table(cb_buf *t, const cb_run *run)
{
    size_t i;
    int    k;

    cb_buf_printf(t, "| Benchmark | Old | New | Change | p | Verdict |\n");
    cb_buf_printf(t, "|---|---:|---:|---:|---:|---|\n");
    for (k = 0; k < 5; k++) {
        add_rows(t, run, k);
    }
    cb_buf_printf(t, "\n");
    for (i = 0; i < run->n && !(run->results[i].grew != NULL && rank(&run->results[i]) == 0);
         i++) {
    }
    if (i < run->n) {
        cb_buf_printf(t, "\u21b3 Where a regression's instructions went, from the profiles "
                         "(`--profile`): the functions whose own instructions per iteration "
                         "changed most, old and new, with their calls per iteration old \u2192 "
                         "new (more calls, or costlier ones), and their share of the "
                         "change.\n\n");
    }
}

/* "### Memory": each benchmark whose memory (--memory) changed against the
 * baseline, more first, with its exact change; nothing when none did. */
static void add_memory(cb_buf *t, const cb_run *run)
{
    cb_memory_summary sum = cb_memory_summarize(run);
    char              line[512];
    size_t            i;
    int               more;

    if (sum.more + sum.less == 0) {
        return;
    }
    cb_buf_printf(t, "### Memory: %zu use%s more, %zu less (exact counts, `--memory`)\n\n",
                  sum.more, sum.more == 1 ? "s" : "", sum.less);
    for (more = 1; more >= 0; more--) {
        for (i = 0; i < run->n; i++) {
            const cb_memory *m = &run->results[i].memory;

            if (!m->has_change || m->change.verdict != (more ? CB_MEMORY_MORE : CB_MEMORY_LESS)) {
                continue;
            }
            cb_memory_text_change(line, sizeof line, &m->change);
            cb_buf_printf(t, "- ");
            md_code(t, run->results[i].name);
            cb_buf_printf(t, ": ");
            md_cell(t, line);
            cb_buf_printf(t, "\n");
        }
    }
    cb_buf_printf(t, "\n");
}

/* What was not compared: failed, new, and gone. */
static void add_uncompared(cb_buf *t, const gate *g, const cb_run *run, const tally *c)
{
    size_t i;

    if (c->run.failed > 0) {
        cb_buf_printf(t, "**Failed** (not measured):\n\n");
        for (i = 0; i < run->n; i++) {
            if (run->results[i].failed) {
                cb_buf_printf(t, "- ");
                md_code(t, run->results[i].name);
                cb_buf_printf(t, ": ");
                md_cell(t, run->results[i].failure);
                cb_buf_printf(t, "\n");
            }
        }
        cb_buf_printf(t, "\n");
    }
    if (c->run.fresh > 0 && g->opt.baseline_name != NULL) {
        cb_buf_printf(t, "Not in the baseline (new): ");
        for (i = 0; i < run->n; i++) {
            if (!run->results[i].failed && !run->results[i].has_change) {
                md_code(t, run->results[i].name);
                cb_buf_printf(t, " ");
            }
        }
        cb_buf_printf(t, "\n\n");
    }
    for (i = 0; i < g->opt.nmissing; i++) {
        cb_buf_printf(t, "%s", i == 0 ? "In the baseline, not in this run: " : " ");
        md_code(t, g->opt.missing[i]);
        cb_buf_printf(t, "%s", i + 1 == g->opt.nmissing ? "\n" : "");
    }
}

static void write_gate(void *self, const cb_run *run)
{
    gate    *g = self;
    cb_buf   t = { NULL, 0, 0, 0 };
    tally    c = count(run);
    cb_error err;

    add_heading(&t, g, run, &c);
    if (c.run.compared > 0) {
        add_table(&t, run);
    }
    add_unresolved(&t, g, run);
    if (g->opt.gate_html != NULL && c.run.compared > 0) {
        cb_buf_printf(&t, "Every round, and a forest plot of the changes: [%s](%s).\n\n",
                      g->opt.gate_html, g->opt.gate_html);
    }
    add_budgets(&t, run);
    add_memory(&t, run);
    add_uncompared(&t, g, run, &c);
    if (t.oom) {
        fprintf(g->opt.err, "cryptbench: out of memory writing %s\n", g->opt.gate_path);
        *g->opt.write_failed = 1;
    } else if (cb_atomic_write(g->opt.gate_path, t.data, t.len, &err) != 0) {
        fprintf(g->opt.err, "cryptbench: %s\n", err.msg);
        *g->opt.write_failed = 1;
    }
    free(t.data);
}

static void close_gate(void *self)
{
    free(self);
}

int cb_report_gate_open(cb_reporter *rep, const cb_report_options *opt)
{
    gate *g = calloc(1, sizeof *g);

    if (g == NULL) {
        return -1;
    }
    g->opt = *opt;
    *rep = (cb_reporter){ .end = write_gate, .close = close_gate, .self = g };
    return 0;
}
