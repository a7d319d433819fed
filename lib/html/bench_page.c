#include <stdio.h>
#include <string.h>

#include "report/format.h"
#include "html/bench_page.h"
#include "html/budget_table.h"
#include "html/checks.h"
#include "html/chart.h"
#include "html/flame.h"
#include "html/memory_section.h"
#include "html/threads_section.h"
#include "html/flags.h"
#include "html/page.h"
#include "html/verdict.h"

/* "[lower estimate upper]" with the estimate in bold, Criterion's line. */
static void interval(cb_buf *h, const char *lo, const char *mid, const char *hi)
{
    cb_buf_puts(h, "[");
    cb_html_escape(h, lo);
    cb_buf_puts(h, " <b>");
    cb_html_escape(h, mid);
    cb_buf_puts(h, "</b> ");
    cb_html_escape(h, hi);
    cb_buf_puts(h, "]");
}

static void value_interval(cb_buf *h, const cb_estimate *e, const char *unit,
                           cb_throughput kind)
{
    char lo[48], mid[48], hi[48];

    cb_html_format(lo, sizeof lo, e->lower, unit, kind);
    cb_html_format(mid, sizeof mid, e->point, unit, kind);
    cb_html_format(hi, sizeof hi, e->upper, unit, kind);
    interval(h, lo, mid, hi);
}

static void percent_interval(cb_buf *h, const cb_estimate *e)
{
    char lo[32], mid[32], hi[32];

    cb_format_percent(lo, sizeof lo, e->lower);
    cb_format_percent(mid, sizeof mid, e->point);
    cb_format_percent(hi, sizeof hi, e->upper);
    interval(h, lo, mid, hi);
}

/* Criterion's lines at the top: time, throughput, change and verdict. */
static void headline(cb_buf *h, const cb_run *run, const cb_result *r)
{
    const cb_change *c = &r->change;

    cb_buf_printf(h, "<table class=\"headline\">\n<tr><th>%s</th><td class=\"n\">",
                   run->measure == CB_MEASURE_WALL ? "time" : run->unit);
    value_interval(h, cb_result_typical(r), run->unit, CB_THROUGHPUT_NONE);
    cb_buf_puts(h, "</td></tr>\n");
    if (r->throughput != CB_THROUGHPUT_NONE && r->per_iteration > 0) {
        cb_buf_printf(h, "<tr><th>%s</th><td class=\"n\">", cb_html_rate_label(run, r));
        value_interval(h, &r->analysis.throughput, run->unit, r->throughput);
        cb_buf_puts(h, "</td></tr>\n");
    }
    if (r->has_change) {
        cb_buf_puts(h, "<tr><th>change</th><td class=\"n\">");
        percent_interval(h, &c->estimate);
        if (c->p_value < 0.0) {
            cb_buf_puts(h, " (exact counts)");
        } else {
            char test[64];

            cb_format_p_test(test, sizeof test, c->p_value, c->significance);
            cb_buf_puts(h, " (");
            cb_html_escape(h, test);
            cb_buf_printf(h, "; resolved to &plusmn;%.3g%%)", 100.0 * c->resolution);
        }
        cb_buf_printf(h, "</td></tr>\n<tr><th></th><td class=\"verdict %s\">%s</td></tr>\n",
                       cb_html_verdict_of(c->verdict).cls, cb_change_sentence(c));
    }
    cb_html_memory_headline(h, r);
    cb_buf_puts(h, "</table>\n");
}

/* How the samples were taken, and Criterion's warning when the plan overran. */
static void sampling(cb_buf *h, const cb_result *r)
{
    char target[48], need[48];

    if (r->plan.mode == CB_MODE_LINEAR) {
        cb_buf_printf(h, "<p>Linear sampling: %zu samples, sample i runs i &times; %llu "
                          "iterations.",
                       r->samples.n, (unsigned long long) r->plan.d);
    } else {
        cb_buf_printf(h, "<p>Flat sampling: %zu samples of %llu iteration%s each.",
                       r->samples.n, (unsigned long long) r->plan.d, r->plan.d == 1 ? "" : "s");
    }
    if (cb_plan_overruns(&r->plan)) {
        cb_format_time(target, sizeof target, r->plan.target_ns);
        cb_format_time(need, sizeof need, r->plan.expected_ns);
        cb_buf_printf(h, " Could not complete them in %s: the plan needed %s.", target, need);
    }
    cb_buf_puts(h, "</p>\n");
    if (r->note != NULL) {
        cb_buf_puts(h, "<p class=\"warn\">Note: ");
        cb_html_escape(h, r->note);
        cb_buf_puts(h, "</p>\n");
    }
}

/* The head of a table of estimates with their intervals. */
static void interval_table(cb_buf *h)
{
    cb_buf_puts(h, "<table class=\"cards\">\n<thead><tr><th></th><th class=\"n\">Lower bound"
                   "</th><th class=\"n\">Estimate</th><th class=\"n\">Upper bound</th></tr>"
                   "</thead>\n");
}

static void interval_row(cb_buf *h, const char *what, const char *lo, const char *mid,
                         const char *hi)
{
    cb_buf_printf(h, "<tr><th>%s</th><td class=\"n\" data-label=\"lower\">%s</td>"
                      "<td class=\"n\" data-label=\"estimate\"><b>%s</b></td>"
                      "<td class=\"n\" data-label=\"upper\">%s</td></tr>\n", what, lo, mid, hi);
}

static void estimate_row(cb_buf *h, const char *what, const cb_estimate *e, const char *unit,
                         cb_throughput kind)
{
    char lo[48], mid[48], hi[48];

    cb_html_format(lo, sizeof lo, e->lower, unit, kind);
    cb_html_format(mid, sizeof mid, e->point, unit, kind);
    cb_html_format(hi, sizeof hi, e->upper, unit, kind);
    interval_row(h, what, lo, mid, hi);
}

static void change_row(cb_buf *h, const char *what, const cb_estimate *e)
{
    char lo[32], mid[32], hi[32];

    cb_format_percent(lo, sizeof lo, e->lower);
    cb_format_percent(mid, sizeof mid, e->point);
    cb_format_percent(hi, sizeof hi, e->upper);
    interval_row(h, what, lo, mid, hi);
}

static void estimates(cb_buf *h, const cb_run *run, const cb_result *r)
{
    const cb_analysis *a = &r->analysis;
    char               slope[64];

    cb_buf_puts(h, "<h2>Estimates</h2>\n");
    interval_table(h);
    if (r->plan.mode == CB_MODE_LINEAR) {
        snprintf(slope, sizeof slope, "Slope (R\xc2\xb2 %.4f)", a->r_squared);
        estimate_row(h, slope, &a->slope, run->unit, CB_THROUGHPUT_NONE);
    }
    estimate_row(h, "Mean", &a->mean, run->unit, CB_THROUGHPUT_NONE);
    estimate_row(h, "Median", &a->median, run->unit, CB_THROUGHPUT_NONE);
    estimate_row(h, "Std. dev.", &a->std_dev, run->unit, CB_THROUGHPUT_NONE);
    estimate_row(h, "MAD", &a->mad, run->unit, CB_THROUGHPUT_NONE);
    if (r->throughput != CB_THROUGHPUT_NONE && r->per_iteration > 0) {
        estimate_row(h, run->measure == CB_MEASURE_WALL ? "Throughput" : cb_html_rate_label(run, r),
                     &a->throughput, run->unit, r->throughput);
    }
    cb_buf_printf(h, "</table>\n<p class=\"note\">%.0f%% bootstrap intervals from %zu "
                      "resamples; the %s is the estimate in %s mode.</p>\n",
                   run->confidence * 100.0, run->nresamples,
                   r->plan.mode == CB_MODE_LINEAR ? "slope" : "mean",
                   cb_mode_name(r->plan.mode));
}

/* A list that wraps at any width, not a table seven columns wide. */
static void percentiles(cb_buf *h, const cb_run *run, const cb_result *r)
{
    const cb_analysis *a = &r->analysis;
    char               v[48];
    size_t             i;

    cb_format_value(v, sizeof v, a->min, run->unit);
    cb_buf_printf(h, "<h2>Percentiles</h2>\n%s<dl class=\"figures\">\n<div><dt>min</dt><dd>%s"
                      "</dd></div>\n",
                  r->calls.n > 0 && r->threads.n == 0
                      ? "<h3>Of the samples' per-iteration times</h3>\n" : "", v);
    for (i = 0; i < CB_NPERCENTILES; i++) {
        cb_format_value(v, sizeof v, a->percentiles[i], run->unit);
        cb_buf_printf(h, "<div><dt>p%.0f</dt><dd>%s</dd></div>\n", cb_percentile_levels[i], v);
    }
    cb_format_value(v, sizeof v, a->max, run->unit);
    cb_buf_printf(h, "<div><dt>max</dt><dd>%s</dd></div>\n</dl>\n", v);
    /* on threads, the calls are the threads section's: made all at once */
    if (r->calls.n == 0 || r->threads.n > 0) {
        return;
    }
    /* a service owner's percentiles: of calls, not of samples' averages */
    cb_buf_printf(h, "<h3>Of %zu single calls, each timed on its own</h3>\n<dl class=\"figures\">"
                      "\n", r->calls.n);
    for (i = 0; i < CB_NCALL_PERCENTILES; i++) {
        cb_format_value(v, sizeof v, r->calls.percentiles[i], run->unit);
        if (cb_call_percentile_levels[i] == 100.0) {
            cb_buf_printf(h, "<div><dt>max</dt><dd>%s</dd></div>\n", v);
        } else {
            cb_buf_printf(h, "<div><dt>p%g</dt><dd>%s</dd></div>\n", cb_call_percentile_levels[i],
                          v);
        }
    }
    cb_buf_puts(h, "</dl>\n");
}

static void outliers(cb_buf *h, const cb_run *run, const cb_result *r)
{
    const cb_outliers *o = &r->analysis.outliers;
    const struct {
        const char *what, *where;
        size_t      count;
        double      fence;
    } rows[] = { { "low severe", "below Q1 &minus; 3 IQR", o->low_severe, o->fences[0] },
                 { "low mild", "below Q1 &minus; 1.5 IQR", o->low_mild, o->fences[1] },
                 { "high mild", "above Q3 + 1.5 IQR", o->high_mild, o->fences[2] },
                 { "high severe", "above Q3 + 3 IQR", o->high_severe, o->fences[3] } };
    double n = (double) r->samples.n;
    char   fence[48];
    size_t i, total = cb_outliers_total(o);

    cb_buf_printf(h, "<h2>Outliers</h2>\n<p>Found %zu outlier%s among %zu measurements "
                      "(%.2f%%), by Tukey's fences on the per-iteration values; they are "
                      "counted, not removed.</p>\n<table class=\"cards\">\n<thead><tr><th>Class</th>"
                      "<th>Where</th>"
                      "<th class=\"n\">Fence</th><th class=\"n\">Count</th>"
                      "<th class=\"n\">Share</th></tr></thead>\n",
                   total, total == 1 ? "" : "s", r->samples.n, 100.0 * (double) total / n);
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        cb_format_value(fence, sizeof fence, rows[i].fence, run->unit);
        cb_buf_printf(h, "<tr><th>%s</th><td>%s</td><td class=\"n\" data-label=\"fence\">%s</td>"
                          "<td class=\"n\" data-label=\"count\">%zu</td>"
                          "<td class=\"n\" data-label=\"share\">%.2f%%</td></tr>\n",
                       rows[i].what, rows[i].where, fence, rows[i].count,
                       100.0 * (double) rows[i].count / n);
    }
    cb_buf_puts(h, "</table>\n");
}

/* What a change is of, as the table's first row reads. */
static const char *statistic_label(const cb_change *c)
{
    if (c->rounds > 0) {
        return "Median of each process, paired";
    }
    if (c->mode_differs) {
        return "Mean (the runs were sampled in different modes)";
    }
    return c->statistic == CB_STATISTIC_SLOPE ? "Slope (the estimate)" : "Mean (the estimate)";
}

static void change(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                   const cb_result *r)
{
    const cb_change *c = &r->change;
    char             old[48], now[48];

    cb_buf_puts(h, "<h2>Change against baseline ");
    cb_html_escape(h, opt->baseline_name);
    cb_buf_puts(h, "</h2>\n");
    interval_table(h);
    /* the statistic that decides first; the others labelled, for reference */
    change_row(h, statistic_label(c), &c->estimate);
    if (c->statistic != CB_STATISTIC_MEAN && c->rounds == 0) {
        change_row(h, "Mean (for reference)", &c->mean);
    }
    if (c->rounds == 0) {
        change_row(h, "Median (for reference)", &c->median);
    }
    cb_buf_puts(h, "</table>\n");
    cb_format_value(old, sizeof old, c->old_typical, run->unit);
    cb_format_value(now, sizeof now, c->new_typical, run->unit);
    cb_buf_printf(h, "<p>%s: baseline %s, this run %s. ", statistic_label(c), old, now);
    if (c->p_value < 0.0) {
        cb_buf_puts(h, "Exact counts: no test is needed.");
    } else {
        char test[64];

        cb_format_p_test(test, sizeof test, c->p_value, c->significance);
        cb_html_escape(h, test);
        cb_buf_printf(h, " (%s); the interval rules out changes "
                         "beyond &plusmn;%.3g%%.",
                      c->rounds > 0 ? "Yuen's paired t-test over rounds" : "bootstrap t-test",
                      100.0 * c->resolution);
    }
    cb_buf_printf(h, " <span class=\"verdict %s\">%s</span></p>\n",
                   cb_html_verdict_of(c->verdict).cls, cb_change_sentence(c));
}

/* The benchmark across the history, with its change points. */
static void history(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                    const cb_trend *t)
{
    cb_buf_puts(h, "<h2>History</h2>\n");
    if (t == NULL || t->n == 0) {
        cb_buf_puts(h, "<p>No run of this benchmark in the history yet.</p>\n");
        return;
    }
    cb_buf_printf(h, "<p>%zu run%s of baseline <b>", t->n, t->n == 1 ? "" : "s");
    cb_html_escape(h, opt->history_name != NULL ? opt->history_name : "");
    cb_buf_printf(h, "</b>, oldest first%s.</p>\n", opt->live ? "; the last is this run" : "");
    cb_html_chart_trend(h, run, t, opt->baseline != NULL ? opt->baseline->timestamp : NULL);
}

int cb_html_bench_page(cb_buf *h, const cb_run *run, const cb_report_options *opt,
                       const cb_result *r, const cb_trend *trend)
{
    const cb_result *old = NULL;
    char             group[CB_HTML_GROUP_MAX];

    if (r->has_change && opt->baseline != NULL) {
        old = cb_run_find(opt->baseline, r->name);
        if (old != NULL && (old->failed || old->samples.n < 2)) {
            old = NULL;
        }
    }
    cb_name_group(r->name, group, sizeof group);
    cb_html_page_begin(h, r->name, group);
    cb_html_verdict_block(h, run, opt, r);
    headline(h, run, r);
    cb_html_flags_list(h, run, opt->noise_threshold, r);
    sampling(h, r);
    cb_html_checks_bench(h, r);
    cb_buf_puts(h, "<h2>Probability density</h2>\n");
    if (cb_html_chart_density(h, run, r, old, opt->baseline_name) != 0) {
        return -1;
    }
    cb_buf_puts(h, "<h2>Samples</h2>\n");
    if (cb_html_chart_samples(h, run, r) != 0) {
        return -1;
    }
    estimates(h, run, r);
    cb_html_memory_section(h, r);
    percentiles(h, run, r);
    cb_html_budget_table(h, r);
    outliers(h, run, r);
    if (r->has_change) {
        change(h, run, opt, r);
    }
    cb_html_threads_section(h, run, r);
    cb_html_flame_section(h, r);
    if (opt->history != NULL) {
        history(h, run, opt, trend);
    }
    cb_buf_puts(h, "<h2>Machine</h2>\n");
    cb_html_machine(h, run);
    cb_html_page_end(h, run);
    return 0;
}
