#include <stdlib.h>
#include <string.h>

#include "report/format.h"
#include "report/memory_text.h"
#include "stats/group.h"
#include "report/report.h"
#include "report/summary.h"

/*
 * A GitHub-flavoured markdown table of the whole run, written at the end so
 * that it can be pasted as one block: its columns (the change's, when any
 * benchmark has one) are known only then, and every row, a failed or a new
 * benchmark's too, has as many cells as the header.
 */
typedef struct markdown {
    cb_report_options opt;
    char            **summaries;
    size_t            nsummaries, summaries_cap;
} markdown;

#define CHANGE_CELLS " | | |" /* a row without a change, under the change's columns */

/* Markdown would read '|' as a column break, and HTML in a cell as markup. */
static void escape_cell(char *dst, size_t size, const char *s)
{
    size_t k = 0;

    for (; s != NULL && *s != '\0' && k + 6 < size; s++) {
        if (*s == '|' || *s == '<' || *s == '>' || *s == '\\' || *s == '`' || *s == '*' ||
            *s == '_') {
            dst[k++] = '\\';
        }
        dst[k++] = *s == '\n' ? ' ' : *s;
    }
    dst[k] = '\0';
}

static int keep(char ***lines, size_t *n, size_t *cap, const char *line)
{
    if (*n == *cap) {
        size_t grown_cap = *cap * 2 + 32;
        char **grown = realloc(*lines, grown_cap * sizeof *grown);

        if (grown == NULL) {
            return -1;
        }
        *lines = grown;
        *cap = grown_cap;
    }
    (*lines)[*n] = strdup(line);
    return (*lines)[*n] != NULL ? (int) ((*n)++, 0) : -1;
}

/* The memory sentence that goes with summary i of g (a sweep or a cost),
 * when its memory was counted: 1, or 0 when there is none. */
static int memory_summary(char *line, size_t size, const cb_groups *g, size_t i)
{
    const cb_sweep        *s = i >= g->nratios && i < g->nratios + g->nsweeps
                                   ? &g->sweeps[i - g->nratios]
                                   : NULL;
    const cb_variant_cost *c = i >= g->nratios + g->nsweeps
                                   ? &g->costs[i - g->nratios - g->nsweeps]
                                   : NULL;

    if (s != NULL && s->has_memory && s->fitted) {
        cb_summary_sweep_memory(line, size, s);
        return 1;
    }
    if (c != NULL && c->has_memory) {
        cb_summary_cost_memory(line, size, c);
        return 1;
    }
    return 0;
}

static void add_group(void *self, const cb_run *run, const char *group, const cb_groups *g)
{
    markdown *m = self;
    char      line[512], cell[600];
    size_t    i;

    (void) group;
    for (i = 0; i < g->nratios + g->nsweeps + g->ncosts; i++) {
        if (i < g->nratios) {
            cb_summary_ratio(line, sizeof line, &g->ratios[i], run->unit);
        } else if (i < g->nratios + g->nsweeps) {
            if (!cb_summary_sweep_once(line, sizeof line, &g->sweeps[i - g->nratios], run->unit)) {
                continue;
            }
        } else {
            cb_summary_cost(line, sizeof line, &g->costs[i - g->nratios - g->nsweeps], run->unit);
        }
        escape_cell(cell, sizeof cell, line);
        keep(&m->summaries, &m->nsummaries, &m->summaries_cap, cell);
        if (memory_summary(line, sizeof line, g, i)) {
            escape_cell(cell, sizeof cell, line);
            keep(&m->summaries, &m->nsummaries, &m->summaries_cap, cell);
        }
    }
}

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;

    return (x > y) - (x < y);
}

/* The value of a byte-throughput result for the size table: cycles (or
 * instructions) per byte, SUPERCOP's unit, or MiB/s for times. */
static void size_cell(char *buf, size_t size, const cb_run *run, const cb_result *r)
{
    if (strcmp(run->unit, "ns") == 0) {
        cb_format_throughput(buf, size, r->analysis.throughput.point, r->throughput);
    } else {
        snprintf(buf, size, "%.3g", r->analysis.throughput.point);
    }
}

/*
 * eBACS's and `openssl speed`'s shape: a row per primitive and library, a
 * column per message size, for every byte-throughput series with several sizes.
 */
static void write_size_table(markdown *m, const cb_run *run)
{
    uint64_t *sizes = calloc(run->n + 1, sizeof *sizes);
    char    **series = calloc(run->n + 1, sizeof *series), cell[256], row[256];
    size_t    nsizes = 0, i, j, k;
    int       any = 0;

    for (i = 0; sizes != NULL && series != NULL && i < run->n; i++) {
        const cb_result *r = &run->results[i];

        if (r->failed || r->throughput != CB_THROUGHPUT_BYTES || r->nargs == 0 ||
            (series[i] = cb_group_series(r, 0)) == NULL) {
            continue;
        }
        for (j = 0; j < nsizes && sizes[j] != r->args[0].value; j++) {
        }
        if (j == nsizes) {
            sizes[nsizes++] = r->args[0].value;
        }
        any = 1;
    }
    if (any && nsizes > 1) {
        qsort(sizes, nsizes, sizeof *sizes, by_u64);
        fprintf(m->opt.out, "\n| Primitive | Library |");
        for (j = 0; j < nsizes; j++) {
            fprintf(m->opt.out, " %llu B |", (unsigned long long) sizes[j]);
        }
        fprintf(m->opt.out, "\n|---|---|");
        for (j = 0; j < nsizes; j++) {
            fprintf(m->opt.out, "---:|");
        }
        fprintf(m->opt.out, "\n");
        for (i = 0; i < run->n; i++) {
            const cb_result *r = &run->results[i];
            size_t           len;

            if (series[i] == NULL) {
                continue;
            }
            /* the row label: the series without its "*" part and implementation */
            snprintf(row, sizeof row, "%s", series[i]);
            if (r->impl != NULL && (len = strlen(row)) > strlen(r->impl) + 1) {
                row[len - strlen(r->impl) - 1] = '\0';
            }
            if ((len = strlen(row)) >= 2 && strcmp(row + len - 2, "/*") == 0) {
                row[len - 2] = '\0';
            }
            escape_cell(cell, sizeof cell, row);
            fprintf(m->opt.out, "| %s | %s |", cell, r->impl != NULL ? r->impl : "");
            for (j = 0; j < nsizes; j++) {
                const cb_result *hit = NULL;

                for (k = i; k < run->n && hit == NULL; k++) {
                    if (series[k] != NULL && strcmp(series[k], series[i]) == 0 &&
                        run->results[k].args[0].value == sizes[j]) {
                        hit = &run->results[k];
                    }
                }
                if (hit != NULL) {
                    size_cell(cell, sizeof cell, run, hit);
                    fprintf(m->opt.out, " %s |", cell);
                } else {
                    fprintf(m->opt.out, " |");
                }
            }
            fprintf(m->opt.out, "\n");
            /* later members of this series are in the row already */
            for (k = i + 1; k < run->n; k++) {
                if (series[k] != NULL && strcmp(series[k], series[i]) == 0) {
                    free(series[k]);
                    series[k] = NULL;
                }
            }
        }
        fprintf(m->opt.out, "\n%s per message size.\n",
                strcmp(run->unit, "ns") == 0 ? "Throughput" : "Cost per byte");
    }
    for (i = 0; series != NULL && i < run->n; i++) {
        free(series[i]);
    }
    free(series);
    free(sizes);
}

static void write_row(markdown *m, const cb_run *run, const cb_result *r, int any_change)
{
    char               name[256], lo[48], mid[48], hi[48], tp[160] = "";
    char               change[160] = CHANGE_CELLS, why[256];
    const cb_estimate *e = cb_result_typical(r);

    escape_cell(name, sizeof name, r->name);
    if (r->failed) {
        escape_cell(why, sizeof why, r->failure);
        fprintf(m->opt.out, "| %s | FAILED: %s | | |%s\n", name, why,
                any_change ? CHANGE_CELLS : "");
        return;
    }
    cb_format_value(lo, sizeof lo, e->lower, run->unit);
    cb_format_value(mid, sizeof mid, e->point, run->unit);
    cb_format_value(hi, sizeof hi, e->upper, run->unit);
    if (r->throughput != CB_THROUGHPUT_NONE && r->per_iteration > 0) {
        const cb_estimate *t = &r->analysis.throughput;

        if (strcmp(run->unit, "ns") == 0) {
            cb_format_throughput(tp, sizeof tp, t->point, r->throughput);
        } else {
            snprintf(tp, sizeof tp, "%.4g %s/%s", t->point, run->unit,
                     r->throughput == CB_THROUGHPUT_BYTES ? "byte" : "element");
        }
    }
    if (r->has_change) {
        char clo[32], cmid[32], chi[32], p[32];

        cb_format_percent(clo, sizeof clo, r->change.estimate.lower);
        cb_format_percent(cmid, sizeof cmid, r->change.estimate.point);
        cb_format_percent(chi, sizeof chi, r->change.estimate.upper);
        if (r->change.p_value < 0.0) {
            snprintf(p, sizeof p, "exact");
        } else {
            cb_format_probability(p, sizeof p, r->change.p_value);
        }
        snprintf(change, sizeof change, " %s [%s, %s] | %s | %s |", cmid, clo, chi, p,
                 cb_verdict_sentence(r->change.verdict));
    }
    fprintf(m->opt.out, "| %s | %s [%s, %s] | %s | %zu/%zu |%s\n", name, mid, lo, hi, tp,
            cb_outliers_total(&r->analysis.outliers), r->samples.n, any_change ? change : "");
}

/* What --memory counted, a row per benchmark counted, after the times. */
static void write_memory_table(markdown *m, const cb_run *run)
{
    char   name[256], cells[CB_MEMORY_NFIGURES][48], change[512];
    size_t i;
    int    k, any_change = 0;

    if (cb_memory_summarize(run).counted == 0) {
        return;
    }
    for (i = 0; i < run->n; i++) {
        any_change |= run->results[i].memory.has_change;
    }
    fprintf(m->opt.out, "\n| Benchmark | Allocations | Bytes | Frees | Freed | Leaks | Peak | "
                        "Resident peak |%s\n|---|---:|---:|---:|---:|---:|---:|---:|%s\n",
            any_change ? " Memory change |" : "", any_change ? "---|" : "");
    for (i = 0; i < run->n; i++) {
        const cb_memory *mem = &run->results[i].memory;

        if (mem->status != CB_MEMORY_COUNTED) {
            continue;
        }
        for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
            cb_memory_text_figure(cells[k], sizeof cells[k], (cb_memory_figure) k,
                                  mem->figures[k]);
        }
        change[0] = '\0';
        if (mem->has_change) {
            cb_memory_text_change(change, sizeof change, &mem->change);
        }
        escape_cell(name, sizeof name, run->results[i].name);
        fprintf(m->opt.out, "| %s | %s | %s | %s | %s | %s | %s | %s |%s%s%s\n", name,
                cells[CB_MEMORY_ALLOCATIONS], cells[CB_MEMORY_BYTES], cells[CB_MEMORY_FREES],
                cells[CB_MEMORY_FREED_BYTES], cells[CB_MEMORY_NET_BYTES],
                cells[CB_MEMORY_PEAK_BYTES], cells[CB_MEMORY_PEAK_RESIDENT],
                any_change ? " " : "", change, any_change ? " |" : "");
    }
    fprintf(m->opt.out, "\nMemory per iteration (the peaks: during one), exact counts.\n");
}

static void write_table(void *self, const cb_run *run)
{
    markdown *m = self;
    size_t    i;
    int       pct = (int) (run->confidence * 100.0 + 0.5), any_change = 0;

    for (i = 0; i < run->n; i++) {
        any_change |= run->results[i].has_change;
    }
    fprintf(m->opt.out, "| Benchmark | %s (%d%% CI) | Throughput | Outliers |%s\n",
            strcmp(run->unit, "ns") == 0 ? "Time" : run->unit, pct,
            any_change ? " Change | p | Verdict |" : "");
    fprintf(m->opt.out, "|---|---:|---:|---:|%s\n", any_change ? "---:|---:|---|" : "");
    for (i = 0; i < run->n; i++) {
        write_row(m, run, &run->results[i], any_change);
    }
    if (m->nsummaries > 0) {
        fprintf(m->opt.out, "\n");
        for (i = 0; i < m->nsummaries; i++) {
            fprintf(m->opt.out, "- %s\n", m->summaries[i]);
        }
    }
    write_size_table(m, run);
    write_memory_table(m, run);
    fflush(m->opt.out);
}

static void close_markdown(void *self)
{
    markdown *m = self;
    size_t    i;

    for (i = 0; i < m->nsummaries; i++) {
        free(m->summaries[i]);
    }
    free(m->summaries);
    free(m);
}

int cb_report_markdown_open(cb_reporter *rep, const cb_report_options *opt)
{
    markdown *m = calloc(1, sizeof *m);

    if (m == NULL) {
        return -1;
    }
    m->opt = *opt;
    *rep = (cb_reporter){ .group = add_group, .end = write_table,
                          .close = close_markdown, .self = m };
    return 0;
}
