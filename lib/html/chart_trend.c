#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/format.h"
#include "html/chart.h"

/* Commits are shown to this many hex digits, as `git log --abbrev=12`;
 * whole in their hover titles. */
#define COMMIT_DIGITS 12

/* A sparkline's drawing, px: the height of a table row. */
#define SPARK_WIDTH 120.0
#define SPARK_HEIGHT 28.0

/* Room per tick of run numbers, px. */
#define RUN_TICK_SPACING 60.0

/* Where the k-th level (0-based) begins and ends, in runs: [*a, *b); the
 * first begins where the search for change points did. */
static void level_of(const cb_trend *t, size_t k, size_t *a, size_t *b)
{
    *a = k == 0 ? t->from : t->changes[k - 1].index;
    *b = k == t->nchanges ? t->n : t->changes[k].index;
}

static double mean_of(const cb_trend *t, size_t a, size_t b)
{
    double sum = 0.0;
    size_t i;

    for (i = a; i < b; i++) {
        sum += t->points[i].estimate.point;
    }
    return sum / (double) (b - a);
}

/* 1, 2, 5, 10, 20, 50, ...: the next step after `step`. */
static size_t next_step(size_t step)
{
    size_t m = step, p = 1;

    while (m >= 10) {
        m /= 10;
        p *= 10;
    }
    return (m == 1 ? 2 : m == 2 ? 5 : 10) * p;
}

/* Ticks at whole run numbers, every `step`-th, for a plot `width` px wide. */
static size_t run_ticks(size_t n, double width, double *at)
{
    size_t target = (size_t) (width / RUN_TICK_SPACING), step = 1, k = 0, i;

    if (target < 1) {
        target = 1;
    }
    while (n / step > target || n / step > CB_SVG_MAX_TICKS) {
        step = next_step(step);
    }
    for (i = step; i <= n && k < CB_SVG_MAX_TICKS; i += step) {
        at[k++] = (double) i;
    }
    if (k == 0) {
        at[k++] = 1.0;
    }
    return k;
}

static void point_title(char *buf, size_t size, const cb_run *run, const cb_history_point *p,
                        size_t i)
{
    char lo[48], mid[48], hi[48];

    cb_format_value(lo, sizeof lo, p->estimate.lower, run->unit);
    cb_format_value(mid, sizeof mid, p->estimate.point, run->unit);
    cb_format_value(hi, sizeof hi, p->estimate.upper, run->unit);
    snprintf(buf, size, "run %zu, %s, commit %.*s: %s [%s, %s]", i + 1, p->timestamp,
             COMMIT_DIGITS, p->commit, mid, lo, hi);
}

/* The point of the baseline's run, or t->n when it is not in the history. */
static size_t baseline_point(const cb_trend *t, const char *at)
{
    size_t i;

    for (i = t->n; at != NULL && at[0] != '\0' && i-- > 0;) {
        if (strcmp(t->points[i].timestamp, at) == 0) {
            return i;
        }
    }
    return t->n;
}

static void draw_trend(cb_buf *h, const cb_run *run, const cb_trend *t, size_t base,
                       const cb_html_layout *l)
{
    double       lo = HUGE_VAL, hi = -HUGE_VAL, at[CB_SVG_MAX_TICKS], *xs, *ys;
    cb_html_unit u;
    cb_svg       s;
    cb_svg_axis  ax = { 0 }, ay = { 0 };
    char         ytitle[96], title[256];
    size_t       i, k, a, b;

    for (i = 0; i < t->n; i++) {
        lo = fmin(lo, t->points[i].estimate.lower);
        hi = fmax(hi, t->points[i].estimate.upper);
    }
    /* the levels' own range: a step of 2% must show, so not from zero */
    cb_svg_nice_range(&lo, &hi, 5);
    cb_html_unit_for(&u, fmax(fabs(lo), fabs(hi)), run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(ytitle, sizeof ytitle, "per iteration", run->unit, &u);
    ax = (cb_svg_axis){ .lo = 0.5, .hi = (double) t->n + 0.5, .scale = 1.0, .labels = 1,
                        .title = "run, oldest first", .at = at,
                        .nat = run_ticks(t->n, l->width - 90.0, at) };
    ay = (cb_svg_axis){ .lo = lo, .hi = hi, .scale = u.scale, .labels = 1, .title = ytitle };
    cb_svg_begin(&s, h, l->width, l->height, &ax, &ay,
                 "the estimate in each run of the history, with its interval", l->cls);
    for (k = 0; k <= t->nchanges; k++) {
        double m;
        char   value[48];

        level_of(t, k, &a, &b);
        m = mean_of(t, a, b);
        cb_format_value(value, sizeof value, m, run->unit);
        snprintf(title, sizeof title, "runs %zu to %zu: mean %s", a + 1, b, value);
        cb_svg_line(&s, (double) a + 0.6, m, (double) b + 0.4, m, "c-level", title);
        if (k > 0) {
            cb_svg_line(&s, (double) a + 0.5, lo, (double) a + 0.5, hi, "c-step", NULL);
        }
    }
    xs = malloc(t->n * sizeof *xs);
    ys = malloc(t->n * sizeof *ys);
    for (i = 0; xs != NULL && ys != NULL && i < t->n; i++) {
        xs[i] = (double) (i + 1);
        ys[i] = t->points[i].estimate.point;
    }
    if (xs != NULL && ys != NULL) {
        cb_svg_polyline(&s, xs, ys, t->n, "c-new thin", 0, NULL);
    } else {
        h->oom = 1;
    }
    free(xs);
    free(ys);
    for (i = 0; i < t->n; i++) {
        const cb_history_point *p = &t->points[i];

        point_title(title, sizeof title, run, p, i);
        cb_svg_line(&s, (double) (i + 1), p->estimate.lower, (double) (i + 1), p->estimate.upper,
                    "c-new", NULL);
        cb_svg_circle(&s, (double) (i + 1), p->estimate.point, i + 1 == t->n ? 4.5 : 3.5, "c-new",
                      title);
    }
    if (base < t->n) {
        point_title(title, sizeof title, run, &t->points[base], base);
        cb_svg_circle(&s, (double) (base + 1), t->points[base].estimate.point, 8.0,
                      "c-base hollow-ring", title);
    }
    cb_svg_end(&s);
}

/* The commit of p, cut to COMMIT_DIGITS, whole in its hover title. */
static void commit_cell(cb_buf *h, const cb_history_point *p)
{
    char shown[COMMIT_DIGITS + 1];

    /* cut on purpose: the whole commit is in the title */
    memcpy(shown, p->commit, COMMIT_DIGITS);
    shown[COMMIT_DIGITS] = '\0';
    cb_buf_puts(h, "<code title=\"");
    cb_html_escape(h, p->commit);
    cb_buf_puts(h, "\">");
    cb_html_escape(h, shown);
    cb_buf_puts(h, "</code>");
}

static void change_list(cb_buf *h, const cb_run *run, const cb_trend *t)
{
    char   before[48], after[48], step[32], rule[160], pv[32];
    size_t i;

    if (t->n < 2 * CB_CHANGEPOINT_MIN_SIZE) {
        cb_buf_printf(h, "<p>Change points need %d runs at least; the history has %zu.</p>\n",
                      2 * CB_CHANGEPOINT_MIN_SIZE, t->n);
        return;
    }
    cb_trend_rule(rule, sizeof rule, t);
    if (t->nchanges == 0) {
        cb_buf_printf(h, "<p>No change point in these %zu runs (", t->n);
        cb_html_escape(h, rule);
        cb_buf_puts(h, ").</p>\n");
        return;
    }
    cb_buf_puts(h, "<p>Change points (");
    cb_html_escape(h, rule);
    cb_buf_puts(h, "):</p>\n<ul class=\"changes\">\n");
    for (i = 0; i < t->nchanges; i++) {
        const cb_changepoint   *c = &t->changes[i];
        const cb_history_point *p = &t->points[c->index];
        double                  rel = cb_changepoint_step(c);

        cb_format_value(before, sizeof before, c->before, run->unit);
        cb_format_value(after, sizeof after, c->after, run->unit);
        cb_format_percent(step, sizeof step, rel);
        cb_buf_printf(h, "<li><b class=\"%s\">%s</b> from run %zu, ",
                      rel > 0.0 ? "regressed" : "improved", step, c->index + 1);
        cb_html_escape(h, p->timestamp);
        cb_buf_puts(h, ", commit ");
        commit_cell(h, p);
        cb_format_probability(pv, sizeof pv, c->p_value);
        cb_buf_printf(h, ": %s &rarr; %s, p = %s</li>\n", before, after, pv);
    }
    cb_buf_puts(h, "</ul>\n");
}

static void run_table(cb_buf *h, const cb_run *run, const cb_trend *t)
{
    char   lo[48], mid[48], hi[48];
    size_t i;

    cb_buf_printf(h, "<details><summary>Every run (%zu)</summary>\n<table class=\"cards runs\">"
                     "\n<thead><tr><th class=\"n\">Run</th><th>Time (UTC)</th><th>Commit</th>"
                     "<th class=\"n\">Estimate</th></tr></thead>\n",
                  t->n);
    for (i = 0; i < t->n; i++) {
        const cb_history_point *p = &t->points[i];

        cb_format_value(lo, sizeof lo, p->estimate.lower, run->unit);
        cb_format_value(mid, sizeof mid, p->estimate.point, run->unit);
        cb_format_value(hi, sizeof hi, p->estimate.upper, run->unit);
        cb_buf_printf(h, "<tr><td class=\"n\" data-label=\"run\">%zu</td><td>", i + 1);
        cb_html_escape(h, p->timestamp);
        cb_buf_puts(h, "</td><td>");
        commit_cell(h, p);
        cb_buf_printf(h, "</td><td class=\"n\">%s<span class=\"ci\">[%s, %s]</span></td></tr>\n",
                      mid, lo, hi);
    }
    cb_buf_puts(h, "</table></details>\n");
}

void cb_html_chart_trend(cb_buf *h, const cb_run *run, const cb_trend *t, const char *baseline_at)
{
    size_t i, base = baseline_point(t, baseline_at);

    cb_buf_puts(h, "<figure>");
    for (i = 0; i < CB_HTML_NLAYOUTS; i++) {
        draw_trend(h, run, t, base, &cb_html_layouts[i]);
    }
    cb_buf_puts(h, "<p class=\"keys\">");
    cb_html_key(h, "c-new", "dot", "estimate and interval");
    if (base < t->n) {
        char text[96];

        snprintf(text, sizeof text, "the baseline's run (run %zu, commit %.12s)", base + 1,
                 t->points[base].commit);
        cb_html_key(h, "c-base", "ring", text);
    }
    cb_html_key(h, "c-level", "line", "level: the mean of its runs");
    cb_html_key(h, "c-step", "dash", "change point");
    cb_buf_puts(h, "</p><figcaption>Each run's headline estimate, the newest last and "
                   "larger.</figcaption></figure>\n");
    change_list(h, run, t);
    run_table(h, run, t);
}

void cb_html_sparkline(cb_buf *h, const cb_run *run, const cb_trend *t)
{
    double      *xs, *ys, lo = t->lowest, hi = t->highest, mid = (lo + hi) / 2.0;
    char         first[48], last[48], spread[32], label[224];
    cb_svg       s;
    cb_svg_axis  ax, ay;
    size_t       i;

    if (t->n < 2) {
        return;
    }
    xs = malloc(t->n * sizeof *xs);
    ys = malloc(t->n * sizeof *ys);
    if (xs == NULL || ys == NULL) {
        free(xs);
        free(ys);
        h->oom = 1;
        return;
    }
    for (i = 0; i < t->n; i++) {
        xs[i] = (double) (i + 1);
        ys[i] = t->points[i].estimate.point;
    }
    /* the height stands for the noise threshold at the least: runs that
     * differ by less than it draw no step, whatever their own range */
    if (hi - lo < 2.0 * t->threshold * mid) {
        lo = mid * (1.0 - t->threshold);
        hi = mid * (1.0 + t->threshold);
    }
    cb_format_value(first, sizeof first, ys[0], run->unit);
    cb_format_value(last, sizeof last, ys[t->n - 1], run->unit);
    snprintf(spread, sizeof spread, "%.3g%%", 100.0 * t->spread);
    snprintf(label, sizeof label, "%zu runs, from %s to %s, the lowest and highest %s apart; "
                                  "%zu change point%s",
             t->n, first, last, spread, t->nchanges, t->nchanges == 1 ? "" : "s");
    ax = (cb_svg_axis){ .lo = 1.0, .hi = (double) t->n };
    ay = (cb_svg_axis){ .lo = lo, .hi = hi };
    cb_svg_begin_bare(&s, h, SPARK_WIDTH, SPARK_HEIGHT, &ax, &ay, label, "spark");
    for (i = 0; i < t->nchanges; i++) {
        double at = (double) t->changes[i].index + 0.5;

        cb_svg_line(&s, at, s.y.lo, at, s.y.hi, "c-step", NULL);
    }
    cb_svg_polyline(&s, xs, ys, t->n, "c-new thin", 0, NULL);
    cb_svg_circle(&s, xs[t->n - 1], ys[t->n - 1], 2.5, "c-new", NULL);
    cb_svg_end(&s);
    cb_buf_printf(h, "<span class=\"spark-range\" title=\"the lowest and the highest run differ "
                     "by %s; the line's height is %s\">%s</span>",
                  spread, hi - lo > 2.0 * t->threshold * mid + 1e-12 * mid
                              ? "that difference" : "the noise threshold either way",
                  spread);
    free(xs);
    free(ys);
}
