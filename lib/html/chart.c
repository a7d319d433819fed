#include <assert.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/outliers.h"
#include "report/format.h"
#include "html/chart.h"
#include "stats/kde.h"

/* Points the density curves are evaluated at: smooth at 860 px. */
#define KDE_POINTS 200

const cb_html_layout cb_html_layouts[CB_HTML_NLAYOUTS] = {
    { 860.0, 330.0, "wide" },
    { 360.0, 260.0, "narrow" },
};

void cb_html_colour(char cls[8], const char *name)
{
    uint64_t hash = 0xcbf29ce484222325u;

    for (; *name != '\0'; name++) {
        hash = (hash ^ (unsigned char) *name) * 0x100000001b3u;
    }
    snprintf(cls, 8, "s%u", (unsigned) (hash % CB_HTML_NCOLOURS));
}

void cb_html_format(char *buf, size_t size, double v, const char *run_unit, cb_throughput kind)
{
    char value[48];

    if (kind == CB_THROUGHPUT_NONE) {
        cb_format_value(buf, size, v, run_unit);
    } else if (strcmp(run_unit, "ns") == 0) {
        cb_format_throughput(buf, size, v, kind);
    } else {
        cb_format_value(value, sizeof value, v, run_unit);
        snprintf(buf, size, "%s/%s", value, kind == CB_THROUGHPUT_BYTES ? "byte" : "element");
    }
}

void cb_html_unit_for(cb_html_unit *u, double max, const char *run_unit, cb_throughput kind)
{
    /* binary prefixes for bytes per second, decimal ones for the rest */
    double base = kind == CB_THROUGHPUT_BYTES && strcmp(run_unit, "ns") == 0 ? 1024.0 : 1000.0;
    char   buf[64], *rest;
    double shown;

    if (!(max > 0.0) || !isfinite(max)) {
        max = 1.0;
    }
    /* the formatter decides the unit; the number it printed tells the scale,
     * which is a whole power of the base */
    cb_html_format(buf, sizeof buf, max, run_unit, kind);
    shown = strtod(buf, &rest);
    rest += strspn(rest, " ");
    snprintf(u->name, sizeof u->name, "%s", rest);
    u->scale = shown > 0.0 ? pow(base, round(log(max / shown) / log(base))) : 1.0;
}

void cb_html_axis_title(char *buf, size_t size, const char *what, const char *run_unit,
                        const cb_html_unit *u)
{
    /* a count's unit is in the parentheses already: "per sample (Minstructions)"
     * fits a phone's drawing, "instructions per sample (Minstructions)" does not */
    if (strcmp(run_unit, "ns") != 0 && what[0] != '\0') {
        snprintf(buf, size, "%s (%s)", what, u->name);
        return;
    }
    snprintf(buf, size, "%s%s%s (%s)", strcmp(run_unit, "ns") == 0 ? "time" : run_unit,
             what[0] != '\0' ? " " : "", what, u->name);
}

static const char *tukey_class(cb_outlier_class c)
{
    switch (c) {
    case CB_OUTLIER_LOW_SEVERE:
    case CB_OUTLIER_HIGH_SEVERE:
        return "c-severe";
    case CB_OUTLIER_LOW_MILD:
    case CB_OUTLIER_HIGH_MILD:
        return "c-mild";
    case CB_OUTLIER_NONE:
        break;
    }
    return "c-normal";
}

static const char *tukey_words(cb_outlier_class c)
{
    static const char *const words[] = { " (low severe outlier)", " (low mild outlier)", "",
                                         " (high mild outlier)", " (high severe outlier)" };

    return words[c];
}

static double min_of(const double *x, size_t n)
{
    double m = HUGE_VAL;
    size_t i;

    for (i = 0; i < n; i++) {
        m = fmin(m, x[i]);
    }
    return m;
}

/* Whether r and old lie so far apart (medians 3x or more) that on a linear
 * axis the narrower would be a spike at the edge of the other. */
static int apart(const cb_result *r, const cb_result *old)
{
    double a = r->analysis.median.point, b = old->analysis.median.point;

    return a > 0.0 && b > 0.0 && (a / b >= 3.0 || b / a >= 3.0);
}

/* The values of one run's density and its bandwidth. */
typedef struct density density;

static void scale_to(density *d, double k);

struct density {
    double *x;
    size_t  n;
    double  h;
    double  y[KDE_POINTS];
};

static int density_open(density *d, const cb_result *r)
{
    double lo, hi;
    size_t i;

    assert(r->samples.n > 0);
    d->n = r->samples.n;
    d->x = cb_analysis_per_iteration(&r->samples);
    if (d->x == NULL) {
        return -1;
    }
    d->h = cb_kde_bandwidth(d->x, d->n);
    if (!(d->h > 0.0)) {
        /* every value equal: a narrow spike still shows where they are */
        lo = hi = d->x[0];
        for (i = 1; i < d->n; i++) {
            lo = fmin(lo, d->x[i]);
            hi = fmax(hi, d->x[i]);
        }
        d->h = hi > lo ? (hi - lo) * 1e-2 : lo != 0.0 ? fabs(lo) * 1e-3 : 1.0;
    }
    return 0;
}

/* The range the densities are drawn over: r's values within Tukey's severe
 * fences, and 3 bandwidths beyond them, where a Gaussian kernel has all but
 * vanished. */
static void plot_range(const density *d, const cb_outliers *o, double *lo, double *hi)
{
    double a = HUGE_VAL, b = -HUGE_VAL;
    size_t i;

    for (i = 0; i < d->n; i++) {
        if (d->x[i] >= o->fences[0] && d->x[i] <= o->fences[3]) {
            a = fmin(a, d->x[i]);
            b = fmax(b, d->x[i]);
        }
    }
    if (!(a <= b)) {
        /* fences from another analysis than these values: all of them */
        for (i = 0; i < d->n; i++) {
            a = fmin(a, d->x[i]);
            b = fmax(b, d->x[i]);
        }
    }
    /* no time is negative: the curve starts at 0 at the least */
    *lo = a >= 0.0 ? fmax(0.0, a - 3.0 * d->h) : a - 3.0 * d->h;
    *hi = b + 3.0 * d->h;
}

static size_t count_beyond(const density *d, double lo, double hi)
{
    size_t i, k = 0;

    for (i = 0; i < d->n; i++) {
        k += d->x[i] < lo || d->x[i] > hi;
    }
    return k;
}

static void scale_to(density *d, double k)
{
    size_t i;

    for (i = 0; i < KDE_POINTS; i++) {
        d->y[i] *= k;
    }
}

/* The density over grid; on a log axis per log10 unit (x f(x) ln 10), which
 * is what the eye reads there: two runs of the same relative spread, far
 * apart, then peak alike. */
static double density_eval(density *d, const double *grid, int log_axis)
{
    double top = 0.0;
    size_t i;

    for (i = 0; i < KDE_POINTS; i++) {
        d->y[i] = cb_kde_density(d->x, d->n, d->h, grid[i]);
        if (log_axis) {
            d->y[i] *= grid[i] * log(10.0);
        }
        top = fmax(top, d->y[i]);
    }
    return top;
}

/* A vertical line across the density plot at x, titled "what: value". */
static void marker(cb_svg *s, const cb_run *run, double x, double top, const char *cls,
                   const char *what)
{
    char value[48], title[160];

    cb_format_value(value, sizeof value, x, run->unit);
    snprintf(title, sizeof title, "%s: %s", what, value);
    cb_svg_line(s, x, 0.0, x, top, cls, title);
}

static void fences(cb_svg *s, const cb_run *run, const cb_outliers *o, double lo, double hi,
                   double top)
{
    static const char *const names[4] = {
        "low severe fence, Q1 - 3 IQR", "low mild fence, Q1 - 1.5 IQR",
        "high mild fence, Q3 + 1.5 IQR", "high severe fence, Q3 + 3 IQR"
    };
    size_t i;

    for (i = 0; i < 4; i++) {
        if (o->fences[i] > lo && o->fences[i] < hi) {
            marker(s, run, o->fences[i], top, "c-fence", names[i]);
        }
    }
}

/* Each sample as a dot along the bottom, coloured by its Tukey class; one
 * beyond the range shown as a ring on the edge it lies beyond, the rings
 * stacked upwards so that each can be pointed at. */
static void rug(cb_svg *s, const cb_run *run, const cb_result *r, const double *x, double lo,
                double hi, double top, int *seen)
{
    char   value[48], title[200], cls[32];
    size_t i, beyond = 0;

    for (i = 0; i < r->samples.n; i++) {
        cb_outlier_class c = cb_outliers_class_of(&r->analysis.outliers, x[i]);
        int              out = x[i] < lo || x[i] > hi;

        seen[c] = 1;
        cb_format_value(value, sizeof value, x[i], run->unit);
        snprintf(title, sizeof title, "sample %zu: %s per iteration%s%s", i + 1, value,
                 tukey_words(c), out ? ", beyond the range shown" : "");
        if (out) {
            snprintf(cls, sizeof cls, "%s hollow", tukey_class(c));
            cb_svg_circle(s, x[i] < lo ? lo : hi, top * (0.035 + 0.06 * (double) beyond++), 4.0,
                          cls, title);
        } else {
            cb_svg_circle(s, x[i], top * 0.035, 3.0, tukey_class(c), title);
        }
    }
}

static void outlier_keys(cb_buf *h, const int *seen)
{
    if (seen[CB_OUTLIER_LOW_MILD] || seen[CB_OUTLIER_HIGH_MILD]) {
        cb_html_key(h, "c-mild", "dot", "mild outlier");
    }
    if (seen[CB_OUTLIER_LOW_SEVERE] || seen[CB_OUTLIER_HIGH_SEVERE]) {
        cb_html_key(h, "c-severe", "dot", "severe outlier");
    }
}

/* What one drawing of the densities needs. */
typedef struct density_plot {
    const cb_run    *run;
    const cb_result *r;
    const density   *now, *then; /* then: NULL without a baseline */
    const char      *old_name;
    const double    *grid;
    double           lo, hi, top;
    int              log;    /* both runs, far apart: a log axis */
    int              scaled; /* each run to its own peak */
} density_plot;

static void draw_density(cb_buf *h, const density_plot *p, const cb_html_layout *l, int *seen)
{
    cb_html_unit u;
    cb_svg       s;
    cb_svg_axis  ax, ay;
    char         xtitle[96], ytitle[64], title[224];

    cb_html_unit_for(&u, fmax(fabs(p->lo), fabs(p->hi)), p->run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(xtitle, sizeof xtitle, "per iteration", p->run->unit, &u);
    /* a density of values in u is per u: its ticks read per shown unit */
    snprintf(ytitle, sizeof ytitle,
             p->scaled ? "density, each run to its peak" : p->log ? "density (per decade)"
                                                                  : "density (1/%s)", u.name);
    ax = (cb_svg_axis){ .lo = p->lo, .hi = p->hi, .scale = u.scale, .labels = 1,
                        .title = xtitle, .log = p->log };
    ay = (cb_svg_axis){ .lo = 0.0, .hi = p->top * 1.08, .scale = p->log ? 1.0 : 1.0 / u.scale,
                        .labels = !p->scaled, .title = ytitle };
    cb_svg_begin(&s, h, l->width, l->height, &ax, &ay,
                 "probability density of the per-iteration values", l->cls);
    if (p->then != NULL) {
        /* the name in the hover title only: the key must fit whatever it is */
        snprintf(title, sizeof title, "baseline %.200s", p->old_name != NULL ? p->old_name : "");
        cb_svg_polyline(&s, p->grid, p->then->y, KDE_POINTS, "c-old", 1, title);
    }
    cb_svg_polyline(&s, p->grid, p->now->y, KDE_POINTS, "c-new", 1, "this run");
    fences(&s, p->run, &p->r->analysis.outliers, p->lo, p->hi, p->top * 1.08);
    marker(&s, p->run, p->r->analysis.mean.point, p->top * 1.08, "c-mean", "mean");
    marker(&s, p->run, p->r->analysis.median.point, p->top * 1.08, "c-median", "median");
    cb_html_budgets_draw(&s, p->r, CB_HTML_BUDGET_X);
    rug(&s, p->run, p->r, p->now->x, p->lo, p->hi, p->top, seen);
    cb_svg_end(&s);
}

int cb_html_chart_density(cb_buf *h, const cb_run *run, const cb_result *r,
                          const cb_result *old, const char *old_name)
{
    density      now, then;
    density_plot p;
    double       grid[KDE_POINTS];
    int          seen[5] = { 0 }, rc = -1;
    size_t       i, beyond, old_beyond = 0;

    memset(&now, 0, sizeof now);
    memset(&then, 0, sizeof then);
    if (density_open(&now, r) != 0 || (old != NULL && density_open(&then, old) != 0)) {
        goto done;
    }
    p = (density_plot){ run, r, &now, old != NULL ? &then : NULL, old_name, grid, 0, 0, 0, 0, 0 };
    plot_range(&now, &r->analysis.outliers, &p.lo, &p.hi);
    if (old != NULL) {
        /* both runs, always: a real change must not push the baseline off */
        double lo, hi;

        plot_range(&then, &old->analysis.outliers, &lo, &hi);
        p.log = apart(r, old);
        p.lo = fmin(p.lo, lo);
        p.hi = fmax(p.hi, hi);
    }
    cb_html_budgets_widen(r, &p.lo, &p.hi);
    if (p.log) {
        /* no kernel's tail reaches 0 on a log axis: from the least value */
        p.lo = fmax(p.lo, 0.8 * fmin(min_of(now.x, now.n), min_of(then.x, then.n)));
    }
    for (i = 0; i < KDE_POINTS; i++) {
        double f = (double) i / (KDE_POINTS - 1);

        grid[i] = p.log ? p.lo * pow(p.hi / p.lo, f) : p.lo + (p.hi - p.lo) * f;
    }
    p.top = density_eval(&now, grid, p.log);
    if (old != NULL) {
        double top = density_eval(&then, grid, p.log);

        /* one far narrower than the other would flatten it to the axis:
         * each is drawn to its own peak then, and the axis says so */
        p.scaled = top < p.top / 4.0 || p.top < top / 4.0;
        if (p.scaled) {
            scale_to(&now, 1.0 / p.top);
            scale_to(&then, 1.0 / top);
            p.top = 1.0;
        } else {
            p.top = fmax(p.top, top);
        }
        old_beyond = count_beyond(&then, p.lo, p.hi);
    }
    beyond = count_beyond(&now, p.lo, p.hi);
    cb_buf_puts(h, "<figure>");
    for (i = 0; i < CB_HTML_NLAYOUTS; i++) {
        draw_density(h, &p, &cb_html_layouts[i], seen);
    }
    cb_buf_puts(h, "<p class=\"keys\">");
    if (old != NULL) {
        cb_html_key(h, "c-old", "box", "baseline");
    }
    cb_html_key(h, "c-new", "box", old != NULL ? "this run" : "density");
    cb_html_key(h, "c-mean", "line", "mean");
    cb_html_key(h, "c-median", "dash", "median");
    cb_html_key(h, "c-normal", "dot", "sample");
    outlier_keys(h, seen);
    cb_html_budgets_keys(h, r);
    cb_buf_printf(h, "</p><figcaption>Gaussian kernel density of the %zu per-iteration values "
                      "(Silverman's bandwidth); dots are the samples, dashed grey lines "
                      "Tukey's fences. Scaled to %s: %s values within the severe fences "
                      "and three bandwidths beyond%s.", r->samples.n,
                  old != NULL ? "both runs" : "this run", old != NULL ? "their" : "its",
                  p.log ? "; the runs lie so far apart that the axis is logarithmic, each "
                          "density per decade" : "");
    if (p.scaled) {
        cb_buf_puts(h, " One run is so much narrower than the other that each is drawn to its "
                       "own peak: compare where they lie and their widths, not their heights.");
    }
    if (beyond > 0) {
        cb_buf_printf(h, " %zu of its samples lie beyond, shown as rings on the edge.", beyond);
    }
    if (old_beyond > 0) {
        cb_buf_printf(h, " %zu of the baseline's %zu samples lie beyond, off the chart.",
                      old_beyond, then.n);
    }
    if (r->nbudgets > 0) {
        cb_buf_puts(h, " Budgets near the range widen it to show as lines; one further off is "
                       "named, with an arrow, at the edge it lies beyond.");
    }
    cb_buf_puts(h, "</figcaption></figure>\n");
    rc = 0;
done:
    free(now.x);
    free(then.x);
    return rc;
}

static double max_of(const double *x, size_t n)
{
    double m = x[0];
    size_t i;

    for (i = 1; i < n; i++) {
        m = fmax(m, x[i]);
    }
    return m;
}

static void samples_linear(cb_buf *h, const cb_run *run, const cb_result *r, const double *x,
                           const cb_html_layout *l, int *seen)
{
    const cb_samples *sm = &r->samples;
    /* a little room beyond the last sample, so that it is not on the frame */
    double            xhi = max_of(sm->iters, sm->n) * 1.03;
    double            yhi = max_of(sm->values, sm->n) * 1.03;
    double            xlo = 0.0, ylo = 0.0, slope = r->analysis.slope.point, xend;
    cb_html_unit      u;
    cb_svg            s;
    cb_svg_axis       ax, ay;
    char              ytitle[96], value[48], total[48], title[200];
    size_t            i;

    cb_svg_nice_range(&xlo, &xhi, 8);
    cb_svg_nice_range(&ylo, &yhi, 6);
    cb_html_unit_for(&u, yhi, run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(ytitle, sizeof ytitle, "per sample", run->unit, &u);
    ax = (cb_svg_axis){ .lo = 0.0, .hi = xhi, .scale = 1.0, .labels = 1,
                        .title = "iterations in the sample" };
    ay = (cb_svg_axis){ .lo = 0.0, .hi = yhi, .scale = u.scale, .labels = 1, .title = ytitle };
    cb_svg_begin(&s, h, l->width, l->height, &ax, &ay,
                 "each sample's total against its iterations, with the fitted slope", l->cls);
    /* the line stops where it leaves the frame, so that it keeps its slope */
    xend = slope > 0.0 ? fmin(xhi, yhi / slope) : xhi;
    cb_format_value(value, sizeof value, slope, run->unit);
    snprintf(title, sizeof title, "slope %s per iteration, R\xc2\xb2 %.4f", value,
             r->analysis.r_squared);
    cb_svg_line(&s, 0.0, 0.0, xend, slope * xend, "c-fit", title);
    cb_html_budgets_draw(&s, r, CB_HTML_BUDGET_SLOPE);
    for (i = 0; i < sm->n; i++) {
        cb_outlier_class c = cb_outliers_class_of(&r->analysis.outliers, x[i]);

        seen[c] = 1;
        cb_format_value(total, sizeof total, sm->values[i], run->unit);
        cb_format_value(value, sizeof value, x[i], run->unit);
        snprintf(title, sizeof title, "sample %zu: %.0f iterations, %s in all, %s per iteration%s",
                 i + 1, sm->iters[i], total, value, tukey_words(c));
        cb_svg_circle(&s, sm->iters[i], sm->values[i], 3.5, tukey_class(c), title);
    }
    cb_svg_end(&s);
}

static void samples_flat(cb_buf *h, const cb_run *run, const cb_result *r, const double *x,
                         const cb_html_layout *l, int *seen)
{
    double       xlo = 0.0, xhi = (double) r->samples.n + 1.0, ylo = x[0], yhi = x[0];
    double       mean = r->analysis.mean.point, pad;
    cb_html_unit u;
    cb_svg       s;
    cb_svg_axis  ax, ay;
    char         ytitle[96], value[48], title[160];
    size_t       i;

    for (i = 1; i < r->samples.n; i++) {
        ylo = fmin(ylo, x[i]);
        yhi = fmax(yhi, x[i]);
    }
    pad = (yhi - ylo) * 0.03;
    ylo -= pad;
    yhi += pad;
    cb_html_budgets_widen(r, &ylo, &yhi);
    cb_svg_nice_range(&xlo, &xhi, 8);
    cb_svg_nice_range(&ylo, &yhi, 6);
    cb_html_unit_for(&u, fmax(fabs(ylo), fabs(yhi)), run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(ytitle, sizeof ytitle, "per iteration", run->unit, &u);
    ax = (cb_svg_axis){ .lo = xlo, .hi = xhi, .scale = 1.0, .labels = 1,
                        .title = "sample, in the order taken" };
    ay = (cb_svg_axis){ .lo = ylo, .hi = yhi, .scale = u.scale, .labels = 1, .title = ytitle };
    cb_svg_begin(&s, h, l->width, l->height, &ax, &ay,
                 "each sample's time per iteration, in the order taken", l->cls);
    cb_format_value(value, sizeof value, mean, run->unit);
    snprintf(title, sizeof title, "mean: %s", value);
    cb_svg_line(&s, xlo, mean, xhi, mean, "c-mean", title);
    cb_html_budgets_draw(&s, r, CB_HTML_BUDGET_Y);
    for (i = 0; i < r->samples.n; i++) {
        cb_outlier_class c = cb_outliers_class_of(&r->analysis.outliers, x[i]);

        seen[c] = 1;
        cb_format_value(value, sizeof value, x[i], run->unit);
        snprintf(title, sizeof title, "sample %zu: %.0f iterations, %s per iteration%s", i + 1,
                 r->samples.iters[i], value, tukey_words(c));
        cb_svg_circle(&s, (double) (i + 1), x[i], 3.5, tukey_class(c), title);
    }
    cb_svg_end(&s);
}

int cb_html_chart_samples(cb_buf *h, const cb_run *run, const cb_result *r)
{
    double *x;
    int     seen[5] = { 0 }, linear = r->plan.mode == CB_MODE_LINEAR;
    size_t  i;

    assert(r->samples.n > 0);
    if ((x = cb_analysis_per_iteration(&r->samples)) == NULL) {
        return -1;
    }
    cb_buf_puts(h, "<figure>");
    for (i = 0; i < CB_HTML_NLAYOUTS; i++) {
        if (linear) {
            samples_linear(h, run, r, x, &cb_html_layouts[i], seen);
        } else {
            samples_flat(h, run, r, x, &cb_html_layouts[i], seen);
        }
    }
    cb_buf_puts(h, "<p class=\"keys\">");
    cb_html_key(h, "c-normal", "dot", "sample");
    outlier_keys(h, seen);
    cb_html_budgets_keys(h, r);
    if (linear) {
        cb_html_key(h, "c-fit", "line", "least-squares slope through the origin");
        cb_buf_puts(h, "</p><figcaption>Linear sampling: sample i runs i &times; d iterations; "
                       "the slope of total on iterations is the estimate, any fixed cost per "
                       "sample falls out of it.</figcaption>");
    } else {
        cb_html_key(h, "c-mean", "line", "mean");
        cb_buf_puts(h, "</p><figcaption>Flat sampling: every sample runs the same number of "
                       "iterations; the mean is the estimate.</figcaption>");
    }
    cb_buf_puts(h, "</figure>\n");
    free(x);
    return 0;
}
