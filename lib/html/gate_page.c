#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "html/chart.h"
#include "html/gate_page.h"
#include "html/page.h"
#include "html/svg.h"
#include "report/format.h"
#include "report/verdict_text.h"
#include "store/atomic_file.h"

#define STRIP_HEIGHT 70.0

static const cb_rounds_bench *rounds_of(const cb_rounds *r, const char *name)
{
    size_t i;

    for (i = 0; i < r->nbenches; i++) {
        if (strcmp(r->benches[i].name, name) == 0) {
            return &r->benches[i];
        }
    }
    return NULL;
}

/* One benchmark's rounds on one measure: a dot per round at its ratio new/old
 * - 1, the change (the trimmed mean) a line and its interval a band. */
static void strip(cb_buf *h, const cb_rounds_bench *rb, const cb_change *c, const char *what)
{
    cb_svg_axis x = { 0 }, y = { 0 };
    cb_svg      s;
    char        label[256], title[96];
    double      lo = fmin(c->estimate.lower, 0.0), hi = fmax(c->estimate.upper, 0.0);
    size_t      k;
    int         l;

    for (k = 0; k < rb->n; k++) {
        double v = rb->b[k] / rb->a[k] - 1.0;

        lo = fmin(lo, v);
        hi = fmax(hi, v);
    }
    x.lo = lo - 0.05 * (hi - lo + 1e-6);
    x.hi = hi + 0.05 * (hi - lo + 1e-6);
    x.scale = 0.01;
    x.title = "new/old - 1 of each round (%)";
    y.lo = 0.0;
    y.hi = 1.0;
    y.labels = 0;
    snprintf(label, sizeof label, "%s: the ratio of each of %zu rounds", what, rb->n);
    for (l = 0; l < CB_HTML_NLAYOUTS; l++) {
        cb_svg_begin(&s, h, cb_html_layouts[l].width, STRIP_HEIGHT + 40.0, &x, &y, label,
                     cb_html_layouts[l].cls);
        if (c->estimate.upper > c->estimate.lower) {
            cb_svg_rect(&s, c->estimate.lower, 0.15, c->estimate.upper, 0.85, "c-new",
                        "the change's interval");
        }
        cb_svg_line(&s, 0.0, 0.0, 0.0, 1.0, "zero", NULL);
        cb_svg_line(&s, c->estimate.point, 0.05, c->estimate.point, 0.95, "c-mean",
                    "the change: the rounds' trimmed mean");
        for (k = 0; k < rb->n; k++) {
            double v = rb->b[k] / rb->a[k] - 1.0;

            snprintf(title, sizeof title, "round %zu: %+.2f%%", k + 1, 100.0 * v);
            cb_svg_circle(&s, v, 0.3 + 0.4 * (double) (k % 5) / 4.0, 3.0, "c-old", title);
        }
        cb_svg_end(&s);
    }
}

/* A benchmark's section: its verdict in words, and a strip a measure. */
static void bench_section(cb_buf *h, const cb_html_gate *g, const cb_result *r)
{
    const cb_change *all[1 + CB_MAX_ALSO];
    char             words[512];
    size_t           i, j, n = 0;

    all[n++] = &r->change;
    for (i = 0; i < r->nalso; i++) {
        all[n++] = &r->also[i];
    }
    char             id[CB_HTML_FILE_MAX];

    cb_verdict_text(words, sizeof words, r, g->view->unit);
    /* the forest plot's rows link here */
    cb_html_file_name(id, CB_HTML_BENCH, r->name);
    cb_buf_puts(h, "<section class=\"gate-bench\" id=\"");
    cb_html_escape(h, id);
    cb_buf_puts(h, "\"><h3>");
    cb_html_escape(h, r->name);
    cb_buf_printf(h, "</h3>\n<p class=\"verdict %s\">", cb_html_verdict_of(r->change.verdict).cls);
    cb_html_escape(h, words);
    cb_buf_puts(h, "</p>\n");
    for (i = 0; i < n; i++) {
        const char *what = cb_verdict_text_measure(all[i], g->view->unit);

        for (j = 0; j < g->nrounds; j++) {
            const cb_rounds_bench *rb = rounds_of(&g->rounds[j], r->name);

            if (rb != NULL && strcmp(cb_measure_unit(g->rounds[j].measure),
                                     all[i]->unit != NULL ? all[i]->unit : g->view->unit) == 0) {
                strip(h, rb, all[i], what);
            }
        }
    }
    cb_buf_puts(h, "</section>\n");
}

/* The forest plot of the comparisons on one measure (unit), or of all. */
static void forest(cb_buf *h, const cb_html_gate *g, const char *unit, const char *title)
{
    const cb_run     *v = g->view;
    const cb_result **rs = calloc(v->n + 1, sizeof *rs);
    cb_result        *as = calloc(v->n + 1, sizeof *as);
    size_t            i, j, n = 0;

    if (rs == NULL || as == NULL) {
        h->oom = 1;
        free(rs);
        free(as);
        return;
    }
    for (i = 0; i < v->n; i++) {
        const cb_result *r = &v->results[i];
        const char      *u = r->change.unit != NULL ? r->change.unit : v->unit;

        if (!r->has_change) {
            continue;
        }
        if (unit == NULL || strcmp(u, unit) == 0) {
            rs[n++] = r;
            continue;
        }
        for (j = 0; j < r->nalso; j++) {
            if (r->also[j].unit != NULL && strcmp(r->also[j].unit, unit) == 0) {
                as[n] = *r;
                as[n].change = r->also[j];
                rs[n] = &as[n];
                n++;
            }
        }
    }
    if (n > 0) {
        cb_buf_printf(h, "<h2>%s</h2>\n", title);
        cb_html_chart_changes(h, rs, n, &g->rule);
    }
    free(rs);
    free(as);
}

int cb_html_gate_page(const char *dir, const cb_html_gate *g, cb_error *err)
{
    const cb_run *v = g->view;
    cb_buf        h = { NULL, 0, 0, 0 };
    cb_tally      c = cb_run_tally(v);
    char          path[4200];
    size_t        i;
    int           both = 0, rc;

    for (i = 0; i < v->n; i++) {
        both |= v->results[i].nalso > 0;
    }
    cb_html_page_begin(&h, "cryptbench gate", NULL);
    cb_buf_printf(&h, "<p class=\"verdict %s\"><b>%zu regressed, %zu improved, %zu unresolved"
                      "</b> of %zu benchmarks compared: ",
                  c.regressed > 0 ? "regressed" : "", c.regressed, c.improved, c.unresolved,
                  c.compared);
    cb_html_escape(&h, g->head);
    cb_buf_puts(&h, " (head) against ");
    cb_html_escape(&h, g->base);
    cb_buf_puts(&h, " (base).</p>\n<p>Each round measures both builds back to back, a process "
                    "each; a dot is one round's ratio new/old of the two processes' medians. "
                    "The change is the rounds' 20%-trimmed mean (the line), with its interval "
                    "(the band, Yuen's test); a regression is declared at a benchmark's last "
                    "round, or at an interim look with a share of the level. Exact counts whose "
                    "rounds agree need no interval. gate.md has the table.</p>\n");
    if (both) {
        forest(&h, g, "ns", "Wall time");
        forest(&h, g, "instructions", "Instruction counts");
    } else {
        forest(&h, g, NULL, "Changes");
    }
    cb_buf_puts(&h, "<h2>Rounds</h2>\n");
    for (i = 0; i < v->n; i++) {
        if (v->results[i].has_change) {
            bench_section(&h, g, &v->results[i]);
        }
    }
    cb_html_page_end(&h, v);
    if (h.oom) {
        cb_buf_free(&h);
        return cb_error_set(err, "out of memory writing the gate's page");
    }
    if (mkdir(dir, 0777) != 0 && access(dir, F_OK) != 0) {
        cb_buf_free(&h);
        return cb_error_set(err, "%s: cannot create the HTML directory", dir);
    }
    snprintf(path, sizeof path, "%s/gate.html", dir);
    rc = cb_atomic_write(path, h.data, h.len, err);
    cb_buf_free(&h);
    return rc;
}
