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
#include "report/trend.h"
#include "html/svg.h"

/*
 * Every chart is drawn twice, and the page's stylesheet shows one by the
 * window's width: a wide drawing, legible at a laptop's width, and a narrow
 * one for a phone. Either is scaled down to fit, but never far: below 760 px
 * the narrow one is shown, so that 12 px labels never render smaller than
 * about 10 px at any width from 360 px up.
 */
typedef struct cb_html_layout {
    double      width, height; /* px, of a chart of the usual shape */
    const char *cls;           /* the class the stylesheet shows it by */
} cb_html_layout;

#define CB_HTML_NLAYOUTS 2
extern const cb_html_layout cb_html_layouts[CB_HTML_NLAYOUTS]; /* wide, narrow */

/* Series colours in the page's stylesheet: classes s0 ... s7. */
#define CB_HTML_NCOLOURS 8

/* The colour class ("s0" ... "s7") of an implementation or a series: the
 * FNV-1a hash of its name modulo 8, so that a name has the same colour on
 * every page and in every report ("libsodium" s7, "openssl" s1). Two names
 * can share one; their labels and keys tell them apart. */
void cb_html_colour(char cls[8], const char *name);

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
 * NULL (r's baseline, named old_name). Scaled to r: its values within
 * Tukey's severe fences and three bandwidths beyond, so that no outlier of
 * either run squeezes the rest into a spike; r's samples beyond are marked at
 * the edge, and the caption counts both runs' samples left out. r and old are
 * measured results (not failed, with samples). Returns -1 when out of memory. */
int cb_html_chart_density(cb_buf *h, const cb_run *run, const cb_result *r,
                          const cb_result *old, const char *old_name);

/* r's samples: in linear mode each sample's total against its iterations,
 * with the fitted slope through the origin; in flat mode the per-iteration
 * values in the order they were taken, with their mean. */
int cb_html_chart_samples(cb_buf *h, const cb_run *run, const cb_result *r);

/* The line style of each of sweeps[0..n) on one chart, "d0" ... "d5": one
 * per function (the series' name without its implementation), in the order
 * they come, so that a function's implementations share a style and each
 * has its colour. n <= CB_HTML_SWEEP_STYLES; styles[i] holds 3 bytes. */
#define CB_HTML_SWEEP_STYLES 6
void cb_html_sweep_styles(const cb_sweep *const *sweeps, size_t n, char (*styles)[3]);

/* The sweeps sweeps[0..n) (1 <= n <= CB_HTML_SWEEP_STYLES), which share a
 * parameter: their typical estimates (or throughput, when every point
 * declares one) against the parameter, with the fitted line; each series in
 * its implementation's colour, its function's line style and its own marker
 * (cb_svg_marker() shape i for sweeps[i]); log axes where the values span
 * decades. */
void cb_html_chart_sweeps(cb_buf *h, const cb_run *run, const cb_sweep *const *sweeps,
                          size_t n, const char *label);

/* The peak bytes (--memory) of sweeps[0..n) (1 <= n <= CB_HTML_SWEEP_STYLES,
 * each has_memory), which share a parameter, against it: each point exact,
 * each fitted series' least-squares line; styled as cb_html_chart_sweeps()
 * styles them. */
void cb_html_chart_sweeps_memory(cb_buf *h, const cb_sweep *const *sweeps, size_t n,
                                 const char *label);

/* The per-iteration values of results[0..n), the implementations of one
 * primitive, as box plots side by side, each in its implementation's colour:
 * quartiles, median, whiskers to the last value within Tukey's mild fences,
 * the outliers beyond them, the mean. */
int cb_html_chart_boxes(cb_buf *h, const cb_run *run, const cb_result *const *results, size_t n,
                        const char *label);

/* The rule the changes of a run were judged by (compare.h). */
typedef struct cb_html_rule {
    double threshold;    /* the noise threshold */
    double resolution;   /* an interval reaching beyond +-this is unresolved; 0: exact counts */
    double significance; /* family-wise, over the comparisons */
    size_t comparisons;
    int    anchors;      /* rows link to sections of the same page (the gate's, each
                          * section's id its benchmark's page's file name), not to pages */
} cb_html_rule;

/* The change summary (chart_changes.c): a forest plot of rs[0..n) (compared,
 * n >= 1, in the order given), each result's change of its estimate with the
 * interval, coloured by verdict, the band of the noise threshold shaded, the
 * resolution dashed and zero marked, with its key and a caption that states
 * the rule. Exact counts, which have no interval, are dots. */
void cb_html_chart_changes(cb_buf *h, const cb_result *const *rs, size_t n,
                           const cb_html_rule *rule);

/* ---- budgets (chart_budgets.c) ---- */

/* Widens [*lo, *hi], a range of times per iteration, to take in r's budget
 * limits that lie within twice its span beyond either end: a budget that near
 * is worth the room it takes as a line; one further off would squeeze the
 * data into a corner, and is named at the edge it lies beyond instead. */
void cb_html_budgets_widen(const cb_result *r, double *lo, double *hi);

/* What a drawing's axes hold, for the budgets drawn on it. */
typedef enum cb_html_budget_axis {
    CB_HTML_BUDGET_X = 0, /* x is the time per iteration (the density): vertical lines */
    CB_HTML_BUDGET_Y,     /* y is (flat samples): horizontal lines */
    CB_HTML_BUDGET_SLOPE  /* y is a sample's total, x its iterations (linear samples):
                           * lines through the origin whose slope is the limit */
} cb_html_budget_axis;

/* r's budget outcomes on the drawing s, each a dashed line (coloured held or
 * broken) labelled with its budget ("p99 \u2264 1 s"), its hover title the
 * whole outcome and the budget's comment; a budget beyond the range shown is
 * a label at that edge with an arrow. Labels are kept inside the plot and
 * apart from each other. */
void cb_html_budgets_draw(cb_svg *s, const cb_result *r, cb_html_budget_axis kind);

/* The key's entries for r's budget lines (in an open key). */
void cb_html_budgets_keys(cb_buf *h, const cb_result *r);

/* ---- over time (chart_trend.c) ---- */

/* The trend as a chart: each run's estimate with its interval against its
 * place in the history, each level between change points drawn across its
 * runs, a dashed line where a new one begins; the change points listed
 * with the run and commit each began at and the size of the step; every run
 * in a table that opens on demand. t has at least one point. The run of the
 * baseline compared with, the one whose timestamp is baseline_at (NULL: none),
 * is ringed. */
void cb_html_chart_trend(cb_buf *h, const cb_run *run, const cb_trend *t, const char *baseline_at);

/* A sparkline of the trend for a table cell (nothing for fewer than 2
 * points): the estimates joined, the last one a dot, change points marked. */
void cb_html_sparkline(cb_buf *h, const cb_run *run, const cb_trend *t);

#endif
