#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "report.h"

/*
 * A GitHub-flavoured markdown table of the whole run, written at the end so
 * that it can be pasted as one block. Rows are formatted as results arrive.
 */
typedef struct markdown {
    cb_report_options opt;
    char            **rows;
    size_t            n, cap;
    int               any_change;
} markdown;

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

static int keep_row(markdown *m, const char *row)
{
    if (m->n == m->cap) {
        size_t cap = m->cap * 2 + 32;
        char **grown = realloc(m->rows, cap * sizeof *grown);

        if (grown == NULL) {
            return -1;
        }
        m->rows = grown;
        m->cap = cap;
    }
    m->rows[m->n] = strdup(row);
    return m->rows[m->n] != NULL ? (int) (m->n++, 0) : -1;
}

static void add_row(void *self, const cb_run *run, const cb_result *r)
{
    markdown          *m = self;
    char               name[256], row[1024], lo[48], mid[48], hi[48], tp[160] = "";
    char               change[160] = "", why[256];
    const cb_estimate *e = cb_result_typical(r);

    escape_cell(name, sizeof name, r->name);
    if (r->failed) {
        escape_cell(why, sizeof why, r->failure);
        snprintf(row, sizeof row, "| %s | FAILED: %s | | | |", name, why);
        keep_row(m, row);
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
        char clo[32], cmid[32], chi[32];

        m->any_change = 1;
        cb_format_percent(clo, sizeof clo, r->change.mean.lower);
        cb_format_percent(cmid, sizeof cmid, r->change.mean.point);
        cb_format_percent(chi, sizeof chi, r->change.mean.upper);
        snprintf(change, sizeof change, " %s [%s, %s] | %.2f | %s |", cmid, clo, chi,
                 r->change.p_value, cb_verdict_sentence(r->change.verdict));
    }
    snprintf(row, sizeof row, "| %s | %s [%s, %s] | %s | %zu/%zu |%s", name, mid, lo, hi, tp,
             cb_outliers_total(&r->analysis.outliers), r->samples.n, change);
    keep_row(m, row);
}

static void write_table(void *self, const cb_run *run)
{
    markdown *m = self;
    size_t    i;
    int       pct = (int) (run->confidence * 100.0 + 0.5);

    fprintf(m->opt.out, "| Benchmark | %s (%d%% CI) | Throughput | Outliers |%s\n",
            strcmp(run->unit, "ns") == 0 ? "Time" : run->unit, pct,
            m->any_change ? " Change (mean) | p | Verdict |" : "");
    fprintf(m->opt.out, "|---|---:|---:|---:|%s\n", m->any_change ? "---:|---:|---|" : "");
    for (i = 0; i < m->n; i++) {
        fprintf(m->opt.out, "%s\n", m->rows[i]);
    }
    fflush(m->opt.out);
}

static void close_markdown(void *self)
{
    markdown *m = self;
    size_t    i;

    for (i = 0; i < m->n; i++) {
        free(m->rows[i]);
    }
    free(m->rows);
    free(m);
}

int cb_report_markdown_open(cb_reporter *rep, const cb_report_options *opt)
{
    markdown *m = calloc(1, sizeof *m);

    if (m == NULL) {
        return -1;
    }
    m->opt = *opt;
    *rep = (cb_reporter){ .result = add_row, .end = write_table, .close = close_markdown,
                          .self = m };
    return 0;
}
