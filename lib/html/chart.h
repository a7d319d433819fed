/*
 * The report's charts, drawn with svg.h into a page: per benchmark the
 * probability density of its per-iteration values (against the baseline's
 * when there is one) and its samples; per group the parameter sweeps and the
 * implementations side by side. Each writes one <figure>; none computes a
 * statistic the analysis has not (the density is the KDE of kde.h).
 */
#ifndef CB_HTML_CHART_H
#define CB_HTML_CHART_H

#include "stats/group.h"
#include "html/html.h"
#include "core/run.h"
#include "html/svg.h"

/* Width and height of a chart, px: legible at a laptop's width. */
#define CB_HTML_CHART_WIDTH 860.0
#define CB_HTML_CHART_HEIGHT 330.0

/* Series colours in the page's stylesheet: classes s0 ... s7, in turn. */
#define CB_HTML_NCOLOURS 8

/* The unit an axis shows values up to `max` in: the one the shared formatter
 * (format.h) prints `max` in, and what a value is divided by to read in it. */
typedef struct cb_html_unit {
    double scale;
    char   name[32]; /* "us", "Kcycles", "MiB/s", "cycles/byte" */
} cb_html_unit;

/* kind CB_THROUGHPUT_NONE: values in run_unit ("ns", "cycles", ...); else
 * throughput, per second when run_unit is "ns" and per byte or element
 * otherwise, as cb_analysis_throughput() computes it. */
void cb_html_unit_for(cb_html_unit *u, double max, const char *run_unit, cb_throughput kind);

/* An axis title for values in run_unit shown in u: "time per iteration
 * (us)", "cycles per iteration (Kcycles)"; `what` may be "": "time (ms)". */
void cb_html_axis_title(char *buf, size_t size, const char *what, const char *run_unit,
                        const cb_html_unit *u);

/* A value as the shared formatter prints it: a time, "292.14 cycles", or a
 * throughput of `kind` as above. */
void cb_html_format(char *buf, size_t size, double v, const char *run_unit, cb_throughput kind);

/* The density of r's per-iteration values (Gaussian KDE, Silverman's
 * bandwidth) with its mean and median marked, its samples along the bottom
 * coloured by Tukey class, the fences; old's density over it when old is not
 * NULL (r's baseline, named old_name). r and old are measured results (not
 * failed, with samples). Returns -1 when out of memory. */
int cb_html_chart_density(cb_buf *h, const cb_run *run, const cb_result *r,
                          const cb_result *old, const char *old_name);

/* r's samples: in linear mode each sample's total against its iterations,
 * with the fitted slope through the origin; in flat mode the per-iteration
 * values in the order they were taken, with their mean. */
int cb_html_chart_samples(cb_buf *h, const cb_run *run, const cb_result *r);

/* The sweeps sweeps[0..n) (n >= 1), which share a parameter: their typical
 * estimates (or throughput, when every point declares one) against the
 * parameter, one series per sweep coloured by its index, with the fitted line;
 * log axes where the values span decades. */
void cb_html_chart_sweeps(cb_buf *h, const cb_run *run, const cb_sweep *const *sweeps,
                          size_t n, const char *label);

/* The per-iteration values of results[0..n), the implementations of one
 * primitive, as box plots side by side: quartiles, median, whiskers to the
 * last value within Tukey's mild fences, the outliers beyond them, the mean. */
int cb_html_chart_boxes(cb_buf *h, const cb_run *run, const cb_result *const *results, size_t n,
                        const char *label);

#endif
