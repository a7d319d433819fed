#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/atomic_file.h"
#include "core/strbuf.h"
#include "report/format.h"
#include "report/report.h"

/*
 * The regression gate's summary for a pull request: one markdown table,
 * regressions first, then improvements, then the rest; failures and
 * benchmarks present on one side only listed below it. Written atomically at
 * the end of the run.
 */
typedef struct gate {
    cb_report_options opt;
} gate;

/* Markdown would read '|' as a cell break and '<' as HTML. */
static void add_cell(cb_buf *t, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        if (strchr("|<>\\`*_[]", *s) != NULL) {
            cb_buf_printf(t, "\\%c", *s);
        } else {
            cb_buf_printf(t, "%c", *s == '\n' ? ' ' : *s);
        }
    }
}

/* A name as a code span: literal, except that '|' still ends a table cell. */
static void add_code(cb_buf *t, const char *s)
{
    cb_buf_printf(t, "`");
    for (; s != NULL && *s != '\0'; s++) {
        if (*s == '|') {
            cb_buf_printf(t, "\\|");
        } else {
            cb_buf_printf(t, "%c", *s == '`' ? '\'' : (*s == '\n' ? ' ' : *s));
        }
    }
    cb_buf_printf(t, "`");
}

static int rank(const cb_result *r)
{
    if (!r->has_change) {
        return 4;
    }
    switch (r->change.verdict) {
    case CB_VERDICT_REGRESSED:
        return 0;
    case CB_VERDICT_IMPROVED:
        return 1;
    case CB_VERDICT_WITHIN_NOISE:
        return 2;
    case CB_VERDICT_NO_CHANGE:
        return 3;
    }
    return 4;
}

static const char *verdict_cell(const cb_result *r)
{
    switch (r->change.verdict) {
    case CB_VERDICT_REGRESSED:
        return "**regressed**";
    case CB_VERDICT_IMPROVED:
        return "improved";
    case CB_VERDICT_WITHIN_NOISE:
        return "within noise";
    case CB_VERDICT_NO_CHANGE:
        return "no change";
    }
    return "";
}

static void add_row(cb_buf *t, const cb_run *run, const cb_result *r)
{
    char old[48], now[48], c[32], lo[32], hi[32];

    cb_format_value(old, sizeof old, r->change.old_typical, run->unit);
    cb_format_value(now, sizeof now, r->change.new_typical, run->unit);
    cb_format_percent(c, sizeof c, r->change.mean.point);
    cb_buf_printf(t, "| ");
    add_code(t, r->name);
    cb_buf_printf(t, " | %s | %s | %s", old, now, c);
    if (r->change.p_value >= 0.0) {
        cb_format_percent(lo, sizeof lo, r->change.mean.lower);
        cb_format_percent(hi, sizeof hi, r->change.mean.upper);
        cb_buf_printf(t, " [%s, %s] | %.2f", lo, hi, r->change.p_value);
    } else {
        cb_buf_printf(t, " | exact");
    }
    cb_buf_printf(t, " | %s |\n", verdict_cell(r));
}

static void write_gate(void *self, const cb_run *run)
{
    gate     *g = self;
    cb_buf    t = { NULL, 0, 0, 0 };
    size_t    i, regressed = 0, compared = 0, failed = 0, fresh = 0;
    int       r;
    cb_error  err;

    for (i = 0; i < run->n; i++) {
        failed += run->results[i].failed != 0;
        compared += run->results[i].has_change != 0;
        regressed += run->results[i].has_change &&
                     run->results[i].change.verdict == CB_VERDICT_REGRESSED;
        fresh += !run->results[i].failed && !run->results[i].has_change;
    }
    cb_buf_printf(&t, "## cryptbench: %s\n\n",
        regressed > 0 ? (regressed == 1 ? "1 benchmark regressed" : "benchmarks regressed")
        : failed > 0  ? "benchmarks failed"
                      : "no regression");
    if (g->opt.baseline_name != NULL) {
        cb_buf_printf(&t, "%zu benchmark%s compared with baseline ", compared, compared == 1 ? "" : "s");
        add_code(&t, g->opt.baseline_name);
        if (g->opt.baseline != NULL && g->opt.baseline->timestamp[0] != '\0') {
            cb_buf_printf(&t, " (%s, commit %.12s)", g->opt.baseline->timestamp,
                g->opt.baseline->machine.git_commit);
        }
        if (run->measure == CB_MEASURE_INSTRUCTIONS) {
            cb_buf_printf(&t, ": instruction counts are exact, so a change counts when it exceeds "
                    "\u00b1%.3g%%", g->opt.noise_threshold * 100.0);
        } else {
            cb_buf_printf(&t, ": a change counts when its %.0f%% interval lies wholly beyond \u00b1%.3g%% "
                    "and p < %.3g", run->confidence * 100.0, g->opt.noise_threshold * 100.0,
                g->opt.significance);
        }
        cb_buf_printf(&t, ". %zu regressed.\n\n", regressed);
        if (g->opt.differences != NULL && g->opt.differences[0] != '\0') {
            cb_buf_printf(&t, "**Warning:** the baseline was measured on another machine or build (");
            add_cell(&t, g->opt.differences);
            cb_buf_printf(&t, "): changes may not be the code's.\n\n");
        }
    } else {
        cb_buf_printf(&t, "No baseline to compare with: nothing can have regressed.\n\n");
    }
    if (compared > 0) {
        cb_buf_printf(&t, "| Benchmark | Old | New | Change | p | Verdict |\n");
        cb_buf_printf(&t, "|---|---:|---:|---:|---:|---|\n");
        for (r = 0; r < 4; r++) {
            for (i = 0; i < run->n; i++) {
                if (run->results[i].has_change && rank(&run->results[i]) == r) {
                    add_row(&t, run, &run->results[i]);
                }
            }
        }
        cb_buf_printf(&t, "\n");
    }
    if (failed > 0) {
        cb_buf_printf(&t, "**Failed** (not measured):\n\n");
        for (i = 0; i < run->n; i++) {
            if (run->results[i].failed) {
                cb_buf_printf(&t, "- ");
                add_code(&t, run->results[i].name);
                cb_buf_printf(&t, ": ");
                add_cell(&t, run->results[i].failure);
                cb_buf_printf(&t, "\n");
            }
        }
        cb_buf_printf(&t, "\n");
    }
    if (fresh > 0 && g->opt.baseline_name != NULL) {
        cb_buf_printf(&t, "Not in the baseline (new): ");
        for (i = 0; i < run->n; i++) {
            if (!run->results[i].failed && !run->results[i].has_change) {
                add_code(&t, run->results[i].name);
                cb_buf_printf(&t, " ");
            }
        }
        cb_buf_printf(&t, "\n\n");
    }
    for (i = 0; i < g->opt.nmissing; i++) {
        cb_buf_printf(&t, "%s", i == 0 ? "In the baseline, not in this run: " : " ");
        add_code(&t, g->opt.missing[i]);
        cb_buf_printf(&t, "%s", i + 1 == g->opt.nmissing ? "\n" : "");
    }
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
