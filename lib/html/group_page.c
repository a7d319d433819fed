#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/format.h"
#include "html/chart.h"
#include "html/flame.h"
#include "html/memory_section.h"
#include "html/threads_section.h"
#include "html/group_page.h"
#include "html/page.h"
#include "report/summary.h"

/* Series on one chart, at most. */
#define SWEEPS_PER_CHART CB_HTML_SWEEP_STYLES

static int same_name(const char *a, const char *b)
{
    return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* A chart and its key for sweeps[0..n), which share a parameter. */
static void sweep_chart(cb_buf *h, const cb_run *run, const cb_sweep *const *sweeps, size_t n)
{
    const char *param = sweeps[0]->param_name;
    char        line[512], label[160], styles[CB_HTML_SWEEP_STYLES][3], colour[8];
    size_t      i;

    snprintf(label, sizeof label, "each series' estimate against its %.100s",
             param != NULL ? param : "parameter");
    cb_buf_puts(h, "<figure>");
    cb_html_chart_sweeps(h, run, sweeps, n, label);
    cb_buf_puts(h, "<figcaption><ul class=\"series\">\n");
    cb_html_sweep_styles(sweeps, n, styles);
    for (i = 0; i < n; i++) {
        const char *impl = sweeps[i]->points[0]->impl;

        cb_summary_sweep(line, sizeof line, sweeps[i], run->unit);
        cb_html_colour(colour, impl != NULL ? impl : sweeps[i]->series);
        cb_buf_printf(h, "<li><i class=\"sw %s %s\"></i><span class=\"marker %s\">%s</span>",
                      styles[i], colour, colour, cb_svg_marker_glyph((int) i));
        cb_html_escape(h, line);
        cb_buf_puts(h, "</li>\n");
    }
    cb_buf_puts(h, "</ul></figcaption></figure>\n");
    cb_html_memory_sweeps(h, sweeps, n);
}

/* The sweeps of a kind of parameter (iterations, bytes) share charts, a few
 * series to a chart: beyond that the lines are hard to tell apart. */
static int sweeps(cb_buf *h, const cb_run *run, const cb_groups *g)
{
    const cb_sweep **batch = malloc(g->nsweeps * sizeof *batch);
    unsigned char   *done = calloc(g->nsweeps, 1);
    size_t           i, j, n;

    if (batch == NULL || done == NULL) {
        free(batch);
        free(done);
        return -1;
    }
    cb_buf_printf(h, "<h2>Across parameters</h2>\n<p class=\"note\">Dots: each benchmark's "
                      "estimate with its %.0f%% interval; lines: the least-squares fit of fixed "
                      "+ per-unit cost &times; parameter (on relative residuals), whose terms "
                      "each key gives.</p>\n",
                   run->confidence * 100.0);
    for (i = 0; i < g->nsweeps; i++) {
        const char *param = g->sweeps[i].param_name;

        for (n = 0, j = i; j < g->nsweeps; j++) {
            if (!done[j] && same_name(g->sweeps[j].param_name, param)) {
                batch[n++] = &g->sweeps[j];
                done[j] = 1;
            }
        }
        for (j = 0; j < n; j += SWEEPS_PER_CHART) {
            sweep_chart(h, run, batch + j, n - j < SWEEPS_PER_CHART ? n - j : SWEEPS_PER_CHART);
        }
    }
    free(batch);
    free(done);
    return 0;
}

/* Sorts rs[0..n) into the run's order, so that implementations come in the
 * same order on every chart. */
static void run_order(const cb_result **rs, size_t n)
{
    size_t i, j;

    for (i = 1; i < n; i++) {
        for (j = i; j > 0 && rs[j] < rs[j - 1]; j--) {
            const cb_result *t = rs[j];

            rs[j] = rs[j - 1];
            rs[j - 1] = t;
        }
    }
}

/* One box chart per primitive, with each pair's speedup under it. */
static int implementations(cb_buf *h, const cb_run *run, const cb_groups *g)
{
    const cb_result **rs = malloc((g->nratios + 1) * sizeof *rs);
    unsigned char    *done = calloc(g->nratios, 1);
    char              line[512];
    size_t            i, j, n;
    int               rc = 0;

    if (rs == NULL || done == NULL) {
        free(rs);
        free(done);
        return -1;
    }
    cb_buf_printf(h, "<h2>Implementations side by side</h2>\n<p class=\"note\">Speedups are "
                      "ratios of the estimates the tables show (slope, or mean where sampling was "
                      "flat) with their %.0f%% bootstrap interval. Boxes: "
                      "quartiles and median (dashed); whiskers: the last values within Tukey's "
                      "mild fences; beyond them, mild outliers hollow and severe ones filled; "
                      "green dot: the mean. An implementation has the same colour on every "
                      "page.</p>\n",
                   run->confidence * 100.0);
    for (i = 0; i < g->nratios && rc == 0; i++) {
        if (done[i]) {
            continue;
        }
        rs[0] = g->ratios[i].faster;
        for (n = 1, j = i; j < g->nratios; j++) {
            if (!done[j] && strcmp(g->ratios[j].primitive, g->ratios[i].primitive) == 0) {
                rs[n++] = g->ratios[j].slower;
                done[j] = 1;
            }
        }
        run_order(rs, n);
        cb_buf_puts(h, "<h3>");
        cb_html_escape(h, g->ratios[i].primitive);
        cb_buf_puts(h, "</h3>\n<figure>");
        rc = cb_html_chart_boxes(h, run, rs, n, "per-iteration times of each implementation");
        cb_buf_puts(h, "<figcaption>");
        for (j = i; j < g->nratios; j++) {
            if (strcmp(g->ratios[j].primitive, g->ratios[i].primitive) == 0) {
                cb_summary_ratio(line, sizeof line, &g->ratios[j], run->unit);
                cb_html_escape(h, line);
                cb_buf_puts(h, "<br>\n");
            }
        }
        cb_buf_puts(h, "</figcaption></figure>\n");
    }
    free(rs);
    free(done);
    return rc;
}

static void costs(cb_buf *h, const cb_run *run, const cb_groups *g)
{
    char   lo[48], mid[48], hi[48];
    size_t i;

    cb_buf_printf(h, "<h2>What the variants add</h2>\n<table class=\"cards\">\n<thead><tr>"
                      "<th>Variant</th>"
                      "<th>Adds</th><th class=\"n\">Cost (%.0f%% CI)</th><th>Compared with</th>"
                      "</tr></thead>\n",
                   run->confidence * 100.0);
    for (i = 0; i < g->ncosts; i++) {
        const cb_variant_cost *c = &g->costs[i];

        cb_format_value(lo, sizeof lo, c->cost.lower, run->unit);
        cb_format_value(mid, sizeof mid, c->cost.point, run->unit);
        cb_format_value(hi, sizeof hi, c->cost.upper, run->unit);
        cb_buf_puts(h, "<tr><td class=\"name\">");
        cb_html_link(h, CB_HTML_BENCH, c->variant->name);
        cb_buf_puts(h, "</td><td>");
        cb_html_escape(h, c->what);
        /* an interval that holds 0 measured no cost, whatever its middle says */
        cb_buf_printf(h, "</td><td class=\"n\" data-label=\"costs\">%s<span class=\"ci\">[%s, %s]"
                          "</span></td><td class=\"name\" data-label=\"more than\">",
                      c->cost.lower > 0.0 ? mid : "no measurable cost", lo, hi);
        cb_html_link(h, CB_HTML_BENCH, c->base->name);
        cb_buf_puts(h, "</td></tr>\n");
    }
    cb_buf_puts(h, "</table>\n");
}

int cb_html_group_page(cb_buf *h, const cb_run *run, const char *group, const cb_groups *g,
                       double threshold)
{
    const cb_result **rs = malloc((run->n + 1) * sizeof *rs);
    char              name[CB_HTML_GROUP_MAX];
    size_t            i, n = 0;
    int               rc = 0;

    if (rs == NULL) {
        return -1;
    }
    for (i = 0; i < run->n; i++) {
        cb_name_group(run->results[i].name, name, sizeof name);
        if (strcmp(name, group) == 0) {
            rs[n++] = &run->results[i];
        }
    }
    cb_html_page_begin(h, group, NULL);
    cb_buf_printf(h, "<p>%zu benchmark%s in this group.</p>\n", n, n == 1 ? "" : "s");
    cb_html_results_table(h, run, rs, n, NULL, threshold);
    if (g != NULL && g->nsweeps > 0) {
        rc = sweeps(h, run, g);
        cb_html_flame_sweeps(h, g);
    }
    cb_html_threads_table(h, run, rs, n);
    if (rc == 0 && g != NULL && g->nratios > 0) {
        rc = implementations(h, run, g);
    }
    if (rc == 0 && g != NULL && g->ncosts > 0) {
        costs(h, run, g);
        cb_html_memory_costs(h, g);
    }
    cb_buf_puts(h, "<h2>Machine</h2>\n");
    cb_html_machine(h, run);
    cb_html_page_end(h, run);
    free(rs);
    return rc;
}
