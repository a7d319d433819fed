#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "report/format.h"
#include "html/chart.h"
#include "stats/kde.h"

/* Points the density curves are evaluated at: smooth at 860 px. */
#define KDE_POINTS 200

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

/* Bandwidth and range of one density: 3 bandwidths beyond the extreme
 * values, where a Gaussian kernel has all but vanished. */
typedef struct density {
    double *x;
    size_t  n;
    double  h, lo, hi;
    double  y[KDE_POINTS];
} density;

static int density_open(density *d, const cb_result *r)
{
    size_t i;

    assert(r->samples.n > 0);
    d->n = r->samples.n;
    d->x = cb_analysis_per_iteration(&r->samples);
    if (d->x == NULL) {
        return -1;
    }
    d->lo = d->hi = d->x[0];
    for (i = 1; i < d->n; i++) {
        d->lo = fmin(d->lo, d->x[i]);
        d->hi = fmax(d->hi, d->x[i]);
    }
    d->h = cb_kde_bandwidth(d->x, d->n);
    if (!(d->h > 0.0)) {
        /* every value equal: a narrow spike still shows where they are */
        d->h = d->lo != 0.0 ? fabs(d->lo) * 1e-3 : 1.0;
    }
    /* no time is negative: the curve starts at 0 at the least */
    d->lo = d->lo >= 0.0 ? fmax(0.0, d->lo - 3.0 * d->h) : d->lo - 3.0 * d->h;
    d->hi += 3.0 * d->h;
    return 0;
}

static double density_eval(density *d, const double *grid)
{
    double top = 0.0;
    size_t i;

    for (i = 0; i < KDE_POINTS; i++) {
        d->y[i] = cb_kde_density(d->x, d->n, d->h, grid[i]);
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

/* Each sample as a dot along the bottom, coloured by its Tukey class. */
static void rug(cb_svg *s, const cb_run *run, const cb_result *r, const double *x, double y,
                int *seen)
{
    char   value[48], title[160];
    size_t i;

    for (i = 0; i < r->samples.n; i++) {
        cb_outlier_class c = cb_outliers_class_of(&r->analysis.outliers, x[i]);

        seen[c] = 1;
        cb_format_value(value, sizeof value, x[i], run->unit);
        snprintf(title, sizeof title, "sample %zu: %s per iteration%s", i + 1, value,
                 tukey_words(c));
        cb_svg_circle(s, x[i], y, 3.0, tukey_class(c), title);
    }
}

static void outlier_legend(cb_svg *s, const int *seen)
{
    if (seen[CB_OUTLIER_LOW_MILD] || seen[CB_OUTLIER_HIGH_MILD]) {
        cb_svg_legend(s, "c-mild", "mild outlier", 1);
    }
    if (seen[CB_OUTLIER_LOW_SEVERE] || seen[CB_OUTLIER_HIGH_SEVERE]) {
        cb_svg_legend(s, "c-severe", "severe outlier", 1);
    }
}

int cb_html_chart_density(cb_buf *h, const cb_run *run, const cb_result *r,
                          const cb_result *old, const char *old_name)
{
    density      now, then;
    double       grid[KDE_POINTS], lo, hi, top;
    cb_html_unit u;
    cb_svg       s;
    cb_svg_axis  ax = { 0 }, ay = { 0 };
    char         title[96], legend[224];
    int          seen[5] = { 0 }, rc = -1;
    size_t       i;

    memset(&then, 0, sizeof then);
    if (density_open(&now, r) != 0 || (old != NULL && density_open(&then, old) != 0)) {
        goto done;
    }
    lo = old != NULL ? fmin(now.lo, then.lo) : now.lo;
    hi = old != NULL ? fmax(now.hi, then.hi) : now.hi;
    for (i = 0; i < KDE_POINTS; i++) {
        grid[i] = lo + (hi - lo) * (double) i / (KDE_POINTS - 1);
    }
    top = density_eval(&now, grid);
    if (old != NULL) {
        top = fmax(top, density_eval(&then, grid));
    }
    cb_html_unit_for(&u, fmax(fabs(lo), fabs(hi)), run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(title, sizeof title, "per iteration", run->unit, &u);
    ax = (cb_svg_axis){ .lo = lo, .hi = hi, .scale = u.scale, .labels = 1, .title = title };
    ay = (cb_svg_axis){ .lo = 0.0, .hi = top * 1.08, .title = "density" };
    cb_buf_puts(h, "<figure>");
    cb_svg_begin(&s, h, CB_HTML_CHART_WIDTH, CB_HTML_CHART_HEIGHT, &ax, &ay,
                 "probability density of the per-iteration values", 1);
    if (old != NULL) {
        /* the name in the hover title only: the legend must fit whatever it is */
        snprintf(legend, sizeof legend, "baseline %.200s", old_name != NULL ? old_name : "");
        cb_svg_polyline(&s, grid, then.y, KDE_POINTS, "c-old", 1, legend);
        cb_svg_legend(&s, "c-old", "baseline", 0);
    }
    cb_svg_polyline(&s, grid, now.y, KDE_POINTS, "c-new", 1, "this run");
    cb_svg_legend(&s, "c-new", old != NULL ? "this run" : "density", 0);
    fences(&s, run, &r->analysis.outliers, lo, hi, top * 1.08);
    marker(&s, run, r->analysis.mean.point, top * 1.08, "c-mean", "mean");
    marker(&s, run, r->analysis.median.point, top * 1.08, "c-median", "median");
    cb_svg_legend(&s, "c-mean", "mean", 0);
    cb_svg_legend(&s, "c-median", "median", 0);
    rug(&s, run, r, now.x, top * 0.035, seen);
    outlier_legend(&s, seen);
    cb_svg_end(&s);
    cb_buf_printf(h, "<figcaption>Gaussian kernel density of the %zu per-iteration values "
                      "(Silverman's bandwidth); dots are the samples, dashed grey lines "
                      "Tukey's fences.</figcaption></figure>\n", r->samples.n);
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

static void samples_linear(cb_buf *h, const cb_run *run, const cb_result *r, const double *x)
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
    int               seen[5] = { 0 };
    size_t            i;

    cb_svg_nice_range(&xlo, &xhi, 8);
    cb_svg_nice_range(&ylo, &yhi, 6);
    cb_html_unit_for(&u, yhi, run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(ytitle, sizeof ytitle, "per sample", run->unit, &u);
    ax = (cb_svg_axis){ .lo = 0.0, .hi = xhi, .scale = 1.0, .labels = 1,
                        .title = "iterations in the sample" };
    ay = (cb_svg_axis){ .lo = 0.0, .hi = yhi, .scale = u.scale, .labels = 1, .title = ytitle };
    cb_svg_begin(&s, h, CB_HTML_CHART_WIDTH, CB_HTML_CHART_HEIGHT, &ax, &ay,
                 "each sample's total against its iterations, with the fitted slope", 1);
    /* the line stops where it leaves the frame, so that it keeps its slope */
    xend = slope > 0.0 ? fmin(xhi, yhi / slope) : xhi;
    cb_format_value(value, sizeof value, slope, run->unit);
    snprintf(title, sizeof title, "slope %s per iteration, R\xc2\xb2 %.4f", value,
             r->analysis.r_squared);
    cb_svg_line(&s, 0.0, 0.0, xend, slope * xend, "c-fit", title);
    for (i = 0; i < sm->n; i++) {
        cb_outlier_class c = cb_outliers_class_of(&r->analysis.outliers, x[i]);

        seen[c] = 1;
        cb_format_value(total, sizeof total, sm->values[i], run->unit);
        cb_format_value(value, sizeof value, x[i], run->unit);
        snprintf(title, sizeof title, "sample %zu: %.0f iterations, %s in all, %s per iteration%s",
                 i + 1, sm->iters[i], total, value, tukey_words(c));
        cb_svg_circle(&s, sm->iters[i], sm->values[i], 3.5, tukey_class(c), title);
    }
    cb_svg_legend(&s, "c-normal", "sample", 1);
    outlier_legend(&s, seen);
    cb_svg_legend(&s, "c-fit", "least-squares slope through the origin", 0);
    cb_svg_end(&s);
}

static void samples_flat(cb_buf *h, const cb_run *run, const cb_result *r, const double *x)
{
    double       xlo = 0.0, xhi = (double) r->samples.n + 1.0, ylo = x[0], yhi = x[0];
    double       mean = r->analysis.mean.point, pad;
    cb_html_unit u;
    cb_svg       s;
    cb_svg_axis  ax, ay;
    char         ytitle[96], value[48], title[160];
    int          seen[5] = { 0 };
    size_t       i;

    for (i = 1; i < r->samples.n; i++) {
        ylo = fmin(ylo, x[i]);
        yhi = fmax(yhi, x[i]);
    }
    pad = (yhi - ylo) * 0.03;
    ylo -= pad;
    yhi += pad;
    cb_svg_nice_range(&xlo, &xhi, 8);
    cb_svg_nice_range(&ylo, &yhi, 6);
    cb_html_unit_for(&u, fmax(fabs(ylo), fabs(yhi)), run->unit, CB_THROUGHPUT_NONE);
    cb_html_axis_title(ytitle, sizeof ytitle, "per iteration", run->unit, &u);
    ax = (cb_svg_axis){ .lo = xlo, .hi = xhi, .scale = 1.0, .labels = 1,
                        .title = "sample, in the order taken" };
    ay = (cb_svg_axis){ .lo = ylo, .hi = yhi, .scale = u.scale, .labels = 1, .title = ytitle };
    cb_svg_begin(&s, h, CB_HTML_CHART_WIDTH, CB_HTML_CHART_HEIGHT, &ax, &ay,
                 "each sample's time per iteration, in the order taken", 1);
    cb_format_value(value, sizeof value, mean, run->unit);
    snprintf(title, sizeof title, "mean: %s", value);
    cb_svg_line(&s, xlo, mean, xhi, mean, "c-mean", title);
    for (i = 0; i < r->samples.n; i++) {
        cb_outlier_class c = cb_outliers_class_of(&r->analysis.outliers, x[i]);

        seen[c] = 1;
        cb_format_value(value, sizeof value, x[i], run->unit);
        snprintf(title, sizeof title, "sample %zu: %.0f iterations, %s per iteration%s", i + 1,
                 r->samples.iters[i], value, tukey_words(c));
        cb_svg_circle(&s, (double) (i + 1), x[i], 3.5, tukey_class(c), title);
    }
    cb_svg_legend(&s, "c-normal", "sample", 1);
    outlier_legend(&s, seen);
    cb_svg_legend(&s, "c-mean", "mean", 0);
    cb_svg_end(&s);
}

int cb_html_chart_samples(cb_buf *h, const cb_run *run, const cb_result *r)
{
    double *x;

    assert(r->samples.n > 0);
    if ((x = cb_analysis_per_iteration(&r->samples)) == NULL) {
        return -1;
    }
    cb_buf_puts(h, "<figure>");
    if (r->plan.mode == CB_MODE_LINEAR) {
        samples_linear(h, run, r, x);
        cb_buf_puts(h, "<figcaption>Linear sampling: sample i runs i &times; d iterations; "
                       "the slope of total on iterations is the estimate, any fixed cost per "
                       "sample falls out of it.</figcaption>");
    } else {
        samples_flat(h, run, r, x);
        cb_buf_puts(h, "<figcaption>Flat sampling: every sample runs the same number of "
                       "iterations; the mean is the estimate.</figcaption>");
    }
    cb_buf_puts(h, "</figure>\n");
    free(x);
    return 0;
}
