#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/outliers.h"
#include "html/chart.h"
#include "report/format.h"
#include "stats/stats.h"

/* Points of a fitted line: a smooth curve on log axes. */
#define FIT_POINTS 64
/* A parameter spanning this ratio or more gets a log axis: two decades. The
 * values against it then get one too when they span a decade: a cost linear
 * in the parameter is then a straight line (slope 1 once it dominates). */
#define LOG_RATIO 100.0
#define LOG_RATIO_VALUES 10.0

/* What a sweep chart plots for one point: its typical estimate, or its
 * throughput. */
static const cb_estimate *plotted(const cb_result *r, int throughput)
{
    return throughput ? &r->analysis.throughput : cb_result_typical(r);
}

/* Units per iteration as a function of the parameter, for drawing the fit as a
 * throughput: 1 when per_iteration is the parameter ("bytes"), 0 when it is a
 * constant (*k), -1 when it is neither. */
static int per_iteration_form(const cb_sweep *sw, double *k)
{
    size_t i;
    int    is_param = 1, is_const = 1;

    *k = (double) sw->points[0]->per_iteration;
    for (i = 0; i < sw->n; i++) {
        is_param &= (double) sw->points[i]->per_iteration == cb_sweep_x(sw, i);
        is_const &= (double) sw->points[i]->per_iteration == *k;
    }
    return is_param ? 1 : is_const ? 0 : -1;
}

/* sw's line `fit` (its time's, or its memory's: run NULL), as a throughput
 * when `throughput`. */
static void fit_line(cb_svg *s, const cb_run *run, const cb_sweep *sw, const cb_fit *fit,
                     int throughput, const char *cls)
{
    double p0 = cb_sweep_x(sw, 0), p1 = cb_sweep_x(sw, sw->n - 1);
    double x[FIT_POINTS], y[FIT_POINTS], k = 0.0;
    int    form = throughput ? per_iteration_form(sw, &k) : 0;
    size_t i;

    if (!sw->fitted || form < 0 || !(p1 > p0)) {
        return;
    }
    for (i = 0; i < FIT_POINTS; i++) {
        double f = (double) i / (FIT_POINTS - 1), t;

        x[i] = s->x.log ? p0 * pow(p1 / p0, f) : p0 + (p1 - p0) * f;
        t = fit->intercept + fit->slope * x[i];
        if (!(t > 0.0)) {
            /* a fit that goes through zero is no time, nor a throughput */
            return;
        }
        if (throughput) {
            double units = form == 1 ? x[i] : k;

            /* as cb_analysis_throughput: per second for times, else per unit */
            t = strcmp(run->unit, "ns") == 0 ? units * 1e9 / t : t / units;
        }
        y[i] = t;
    }
    cb_svg_polyline(s, x, y, FIT_POINTS, cls, 0, "least-squares fit");
}

static void sweep_points(cb_svg *s, const cb_run *run, const cb_sweep *sw, int throughput,
                         const char *cls, int marker)
{
    char   lo[48], mid[48], hi[48], title[400];
    size_t i;

    for (i = 0; i < sw->n; i++) {
        const cb_result   *r = sw->points[i];
        const cb_estimate *e = plotted(r, throughput);
        cb_throughput      kind = throughput ? r->throughput : CB_THROUGHPUT_NONE;
        double             p = cb_sweep_x(sw, i);

        cb_html_format(lo, sizeof lo, e->lower, run->unit, kind);
        cb_html_format(mid, sizeof mid, e->point, run->unit, kind);
        cb_html_format(hi, sizeof hi, e->upper, run->unit, kind);
        snprintf(title, sizeof title, "%.200s: %s [%s, %s]", r->name, mid, lo, hi);
        cb_svg_line(s, p, e->lower, p, e->upper, cls, NULL);
        cb_svg_marker(s, p, e->point, marker, cls, title);
    }
}

/* The parameters' own values, ascending, as the ticks of a's axis: they read
 * better than round numbers ("1024", "16k"). Left to the nice ticks when
 * there are too many. */
static void parameter_ticks(cb_svg_axis *a, double *at, const cb_sweep *const *sweeps, size_t n)
{
    size_t i, j, k, m = 0;

    for (i = 0; i < n; i++) {
        for (j = 0; j < sweeps[i]->n; j++) {
            double p = cb_sweep_x(sweeps[i], j);

            for (k = 0; k < m && at[k] < p; k++) {
            }
            if (k < m && at[k] == p) {
                continue;
            }
            if (m == CB_SVG_MAX_TICKS) {
                return;
            }
            memmove(at + k + 1, at + k, (m - k) * sizeof *at);
            at[k] = p;
            m++;
        }
    }
    a->at = at;
    a->nat = m;
}

/* An axis over values [lo, hi], log when they span `ratio`, else from 0. */
static void value_axis(cb_svg_axis *a, double lo, double hi, double ratio)
{
    a->log = lo > 0.0 && hi / lo >= ratio;
    if (a->log) {
        /* a margin of a fifth of a decade keeps the extreme points off the frame */
        a->lo = lo / 1.6;
        a->hi = hi * 1.6;
    } else {
        a->lo = 0.0;
        a->hi = hi * 1.05;
        cb_svg_nice_range(&a->lo, &a->hi, 6);
    }
    a->labels = 1;
}

/* Whether a and b are one function in two implementations: their series
 * names without the implementation part are equal. */
static int same_function(const cb_sweep *a, const cb_sweep *b)
{
    const char *ia = a->points[0]->impl, *ib = b->points[0]->impl;
    size_t      la = strlen(a->series) - (ia != NULL ? strlen(ia) + 1 : 0);
    size_t      lb = strlen(b->series) - (ib != NULL ? strlen(ib) + 1 : 0);

    return la == lb && strncmp(a->series, b->series, la) == 0;
}

void cb_html_sweep_styles(const cb_sweep *const *sweeps, size_t n, char (*styles)[3])
{
    size_t i, j, next = 0;

    assert(n <= CB_HTML_SWEEP_STYLES);
    for (i = 0; i < n; i++) {
        for (j = 0; j < i && !same_function(sweeps[i], sweeps[j]); j++) {
        }
        if (j < i) {
            memcpy(styles[i], styles[j], 3);
        } else {
            snprintf(styles[i], 3, "d%zu", next++);
        }
    }
}

/* A sweep's classes: its implementation's colour (the series' own without
 * one) and its function's line style. */
static void sweep_class(char *cls, size_t size, const cb_sweep *sw, const char *style)
{
    char colour[8];

    cb_html_colour(colour, sw->points[0]->impl != NULL ? sw->points[0]->impl : sw->series);
    snprintf(cls, size, "%s %s", colour, style);
}

void cb_html_chart_sweeps(cb_buf *h, const cb_run *run, const cb_sweep *const *sweeps,
                          size_t n, const char *label)
{
    cb_throughput kind = sweeps[0]->points[0]->throughput;
    double        xlo = HUGE_VAL, xhi = 0.0, ylo = HUGE_VAL, yhi = 0.0, at[CB_SVG_MAX_TICKS];
    int           throughput = kind != CB_THROUGHPUT_NONE;
    cb_html_unit  u;
    cb_svg        s;
    cb_svg_axis   ax = { 0 }, ay = { 0 };
    char          ytitle[96], cls[32], styles[CB_HTML_SWEEP_STYLES][3];
    size_t        i, j, k;

    /* throughput only when every point has one, of the same kind */
    for (i = 0; i < n; i++) {
        for (j = 0; j < sweeps[i]->n; j++) {
            throughput &= sweeps[i]->points[j]->throughput == kind &&
                          sweeps[i]->points[j]->per_iteration > 0;
        }
    }
    for (i = 0; i < n; i++) {
        for (j = 0; j < sweeps[i]->n; j++) {
            const cb_estimate *e = plotted(sweeps[i]->points[j], throughput);

            xlo = fmin(xlo, cb_sweep_x(sweeps[i], j));
            xhi = fmax(xhi, cb_sweep_x(sweeps[i], j));
            ylo = fmin(ylo, e->lower);
            yhi = fmax(yhi, e->upper);
        }
    }
    value_axis(&ax, xlo, xhi, LOG_RATIO);
    ax.title = sweeps[0]->param_name != NULL ? sweeps[0]->param_name : "parameter";
    parameter_ticks(&ax, at, sweeps, n);
    value_axis(&ay, ylo, yhi, ax.log ? LOG_RATIO_VALUES : HUGE_VAL);
    cb_html_unit_for(&u, ay.hi, run->unit, throughput ? kind : CB_THROUGHPUT_NONE);
    ay.scale = u.scale;
    if (throughput) {
        /* cycles or instructions per byte are a cost, not a throughput */
        snprintf(ytitle, sizeof ytitle, "%s (%s)",
                 strcmp(run->unit, "ns") == 0 ? "throughput"
                 : kind == CB_THROUGHPUT_BYTES ? "cost per byte"
                                               : "cost per element",
                 u.name);
    } else {
        /* not "per iteration": the parameter may count iterations too */
        cb_html_axis_title(ytitle, sizeof ytitle, "", run->unit, &u);
    }
    ay.title = ytitle;
    cb_html_sweep_styles(sweeps, n, styles);
    for (k = 0; k < CB_HTML_NLAYOUTS; k++) {
        const cb_html_layout *l = &cb_html_layouts[k];

        cb_svg_begin(&s, h, l->width, l->height, &ax, &ay, label, l->cls);
        for (i = 0; i < n; i++) {
            sweep_class(cls, sizeof cls, sweeps[i], styles[i]);
            fit_line(&s, run, sweeps[i], &sweeps[i]->fit, throughput, cls);
            sweep_points(&s, run, sweeps[i], throughput, cls, (int) i);
        }
        cb_svg_end(&s);
    }
}

void cb_html_chart_sweeps_memory(cb_buf *h, const cb_sweep *const *sweeps, size_t n,
                                 const char *label)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    double                   xlo = HUGE_VAL, xhi = 0.0, ylo = HUGE_VAL, yhi = 0.0, scale = 1.0;
    double                   at[CB_SVG_MAX_TICKS];
    cb_svg                   s;
    cb_svg_axis              ax = { 0 }, ay = { 0 };
    char ytitle[64], cls[32], styles[CB_HTML_SWEEP_STYLES][3], peak[48], title[400];
    size_t                   i, j, k, u = 0;

    for (i = 0; i < n; i++) {
        for (j = 0; j < sweeps[i]->n; j++) {
            double y = sweeps[i]->points[j]->memory.figures[CB_MEMORY_PEAK_BYTES];

            xlo = fmin(xlo, cb_sweep_x(sweeps[i], j));
            xhi = fmax(xhi, cb_sweep_x(sweeps[i], j));
            ylo = fmin(ylo, y);
            yhi = fmax(yhi, y);
        }
    }
    value_axis(&ax, xlo, xhi, LOG_RATIO);
    ax.title = sweeps[0]->param_name != NULL ? sweeps[0]->param_name : "parameter";
    parameter_ticks(&ax, at, sweeps, n);
    value_axis(&ay, ylo, yhi, ax.log ? LOG_RATIO_VALUES : HUGE_VAL);
    while (ay.hi / scale >= 1024.0 && u + 1 < sizeof units / sizeof units[0]) {
        scale *= 1024.0;
        u++;
    }
    ay.scale = scale;
    snprintf(ytitle, sizeof ytitle, "peak memory (%s)", units[u]);
    ay.title = ytitle;
    cb_html_sweep_styles(sweeps, n, styles);
    for (k = 0; k < CB_HTML_NLAYOUTS; k++) {
        const cb_html_layout *l = &cb_html_layouts[k];

        cb_svg_begin(&s, h, l->width, l->height, &ax, &ay, label, l->cls);
        for (i = 0; i < n; i++) {
            sweep_class(cls, sizeof cls, sweeps[i], styles[i]);
            fit_line(&s, NULL, sweeps[i], &sweeps[i]->memory_fit, 0, cls);
            for (j = 0; j < sweeps[i]->n; j++) {
                const cb_result *r = sweeps[i]->points[j];
                double           y = r->memory.figures[CB_MEMORY_PEAK_BYTES];

                cb_format_bytes(peak, sizeof peak, y);
                snprintf(title, sizeof title, "%.200s: peak %s", r->name, peak);
                cb_svg_circle(&s, cb_sweep_x(sweeps[i], j), y, 4.0, cls, title);
            }
        }
        cb_svg_end(&s);
    }
}

/* One implementation's box: quartiles, median, whiskers, outliers, mean. */
static void box(cb_svg *s, const cb_run *run, const cb_result *r, double *x, double at,
                const char *cls)
{
    const cb_outliers *o = &r->analysis.outliers;
    size_t             i, n = r->samples.n;
    double             q1, q3, med, wlo = HUGE_VAL, whi = -HUGE_VAL;
    char               a[48], b[48], c[48], title[400];

    cb_stats_sort(x, n);
    q1 = cb_stats_percentile_sorted(x, n, 25.0);
    med = cb_stats_percentile_sorted(x, n, 50.0);
    q3 = cb_stats_percentile_sorted(x, n, 75.0);
    for (i = 0; i < n; i++) {
        if (x[i] >= o->fences[1] && x[i] <= o->fences[2]) {
            wlo = fmin(wlo, x[i]);
            whi = fmax(whi, x[i]);
        }
    }
    cb_html_format(a, sizeof a, q1, run->unit, CB_THROUGHPUT_NONE);
    cb_html_format(b, sizeof b, med, run->unit, CB_THROUGHPUT_NONE);
    cb_html_format(c, sizeof c, q3, run->unit, CB_THROUGHPUT_NONE);
    snprintf(title, sizeof title, "%.200s: median %s, quartiles %s to %s", r->name, b, a, c);
    if (wlo <= whi) {
        cb_svg_line(s, wlo, at, whi, at, cls, NULL);
        cb_svg_line(s, wlo, at - 0.12, wlo, at + 0.12, cls, NULL);
        cb_svg_line(s, whi, at - 0.12, whi, at + 0.12, cls, NULL);
    }
    cb_svg_rect(s, q1, at - 0.25, q3, at + 0.25, cls, title);
    cb_svg_line(s, med, at - 0.25, med, at + 0.25, "c-median", title);
    for (i = 0; i < n; i++) {
        cb_outlier_class k = cb_outliers_class_of(o, x[i]);

        if (k != CB_OUTLIER_NONE) {
            int severe = k == CB_OUTLIER_LOW_SEVERE || k == CB_OUTLIER_HIGH_SEVERE;

            /* in the implementation's colour: filled when severe, hollow when mild */
            cb_html_format(a, sizeof a, x[i], run->unit, CB_THROUGHPUT_NONE);
            snprintf(title, sizeof title, "%s: %s outlier", a, severe ? "severe" : "mild");
            snprintf(b, sizeof b, "%s%s", cls, severe ? "" : " hollow");
            cb_svg_circle(s, x[i], at, 3.0, b, title);
        }
    }
    cb_html_format(a, sizeof a, r->analysis.mean.point, run->unit, CB_THROUGHPUT_NONE);
    snprintf(title, sizeof title, "mean: %s", a);
    cb_svg_circle(s, r->analysis.mean.point, at, 3.5, "c-mean", title);
}

int cb_html_chart_boxes(cb_buf *h, const cb_run *run, const cb_result *const *results, size_t n,
                        const char *label)
{
    double     **x = calloc(n, sizeof *x);
    const char **names = calloc(n, sizeof *names);
    double       lo = HUGE_VAL, hi = 0.0;
    cb_html_unit u;
    cb_svg       s;
    cb_svg_axis  ax = { 0 }, ay = { 0 };
    char         title[96], cls[8];
    size_t       i, j, k;
    int          rc = -1;

    for (i = 0; x != NULL && names != NULL && i < n; i++) {
        if ((x[i] = cb_analysis_per_iteration(&results[i]->samples)) == NULL) {
            goto done;
        }
        names[i] = results[i]->impl != NULL ? results[i]->impl : results[i]->name;
        for (j = 0; j < results[i]->samples.n; j++) {
            lo = fmin(lo, x[i][j]);
            hi = fmax(hi, x[i][j]);
        }
    }
    if (x == NULL || names == NULL) {
        goto done;
    }
    ax.log = lo > 0.0 && hi / lo >= LOG_RATIO;
    ax.lo = ax.log ? lo / 1.3 : 0.0;
    ax.hi = ax.log ? hi * 1.3 : hi * 1.04;
    if (!ax.log) {
        cb_svg_nice_range(&ax.lo, &ax.hi, 8);
    }
    cb_html_unit_for(&u, ax.hi, run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(title, sizeof title, "per iteration", run->unit, &u);
    ax.scale = u.scale;
    ax.labels = 1;
    ax.title = title;
    ay = (cb_svg_axis){ .labels = 1, .categories = names, .ncategories = n };
    for (k = 0; k < CB_HTML_NLAYOUTS; k++) {
        const cb_html_layout *l = &cb_html_layouts[k];

        cb_svg_begin(&s, h, l->width, 80.0 + 56.0 * (double) n, &ax, &ay, label, l->cls);
        for (i = 0; i < n; i++) {
            /* an implementation keeps its colour from page to page */
            cb_html_colour(cls, names[i]);
            box(&s, run, results[i], x[i], (double) (i + 1), cls);
        }
        cb_svg_end(&s);
    }
    rc = 0;
done:
    for (i = 0; x != NULL && i < n; i++) {
        free(x[i]);
    }
    free(x);
    free(names);
    return rc;
}
