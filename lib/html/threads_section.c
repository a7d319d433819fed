#include <math.h>
#include <stdio.h>
#include <string.h>

#include "html/page.h"
#include "html/threads_section.h"
#include "report/format.h"

/* The percentile of r's single calls at `level` (one of cb_call_percentile_levels). */
static double call_percentile(const cb_result *r, double level)
{
    size_t i;

    for (i = 0; i + 1 < CB_NCALL_PERCENTILES && cb_call_percentile_levels[i] != level; i++) {
    }
    return r->calls.percentiles[i];
}

/* "208.30 [204.10, 212.90]": operations per second with their interval. */
static void ops(cb_buf *h, const cb_threads *t)
{
    char lo[48], mid[48], hi[48];

    cb_format_value(lo, sizeof lo, t->ops.lower, "");
    cb_format_value(mid, sizeof mid, t->ops.point, "");
    cb_format_value(hi, sizeof hi, t->ops.upper, "");
    cb_buf_printf(h, "%s<span class=\"ci\">[%s, %s]</span>", mid, lo, hi);
}

static void efficiency(cb_buf *h, const cb_threads *t)
{
    if (isfinite(t->efficiency.point)) {
        cb_buf_printf(h, "%.0f%%<span class=\"ci\">[%.0f%%, %.0f%%]</span>",
                      100.0 * t->efficiency.point, 100.0 * t->efficiency.lower,
                      100.0 * t->efficiency.upper);
    } else {
        cb_buf_puts(h, "n/a");
    }
}

void cb_html_threads_section(cb_buf *h, const cb_run *run, const cb_result *r)
{
    const cb_threads *t = &r->threads;
    char              v[48];
    size_t            i;

    if (t->n == 0) {
        return;
    }
    cb_buf_printf(h, "<h2>Threads</h2>\n<p>%zu thread%s at once, each on its own state and "
                     "fixture, every sample started together; %ld core%s allowed. A sample's "
                     "value is the slowest thread's time, over every thread's iterations: the "
                     "estimate above is the machine's time per operation.</p>\n",
                  t->n, t->n == 1 ? "" : "s", t->cores, t->cores == 1 ? "" : "s");
    if ((long) t->n > t->cores) {
        cb_buf_printf(h, "<p class=\"warn\">%zu threads on %ld cores: oversubscribed, the "
                         "threads take turns; scaling is at most %.0f%%.</p>\n",
                      t->n, t->cores, 100.0 * (double) t->cores / (double) t->n);
    }
    cb_buf_printf(h, "<table class=\"headline\">\n<tr><th>operations per second</th>"
                     "<td class=\"n\">");
    ops(h, t);
    cb_buf_printf(h, "</td></tr>\n<tr><th>scaling against %zu &times; one thread</th>"
                     "<td class=\"n\">", t->n);
    efficiency(h, t);
    cb_buf_puts(h, "</td></tr>\n</table>\n");
    if (r->calls.n == 0) {
        return;
    }
    cb_buf_printf(h, "<h3>Single calls, all threads at once</h3>\n<table class=\"cards\">\n"
                     "<thead><tr>");
    for (i = 0; i < CB_NCALL_PERCENTILES; i++) {
        if (cb_call_percentile_levels[i] >= 100.0) {
            cb_buf_puts(h, "<th class=\"n\">max</th>");
        } else {
            cb_buf_printf(h, "<th class=\"n\">p%g</th>", cb_call_percentile_levels[i]);
        }
    }
    cb_buf_puts(h, "</tr></thead>\n<tr>");
    for (i = 0; i < CB_NCALL_PERCENTILES; i++) {
        char level[16];

        if (cb_call_percentile_levels[i] >= 100.0) {
            snprintf(level, sizeof level, "max");
        } else {
            snprintf(level, sizeof level, "p%g", cb_call_percentile_levels[i]);
        }
        cb_format_value(v, sizeof v, r->calls.percentiles[i], run->unit);
        cb_buf_printf(h, "<td class=\"n\" data-label=\"%s\">%s</td>", level, v);
    }
    cb_buf_printf(h, "</tr>\n</table>\n<p class=\"note\">%zu calls, each timed on its own while "
                     "the other threads made theirs.</p>\n", r->calls.n);
}

void cb_html_threads_table(cb_buf *h, const cb_run *run, const cb_result *const *rs, size_t n)
{
    char   v[48];
    size_t i, shown = 0;

    for (i = 0; i < n; i++) {
        const cb_result *r = rs[i];

        if (r->threads.n == 0 || r->failed) {
            continue;
        }
        if (shown++ == 0) {
            cb_buf_printf(h, "<h2>Threads</h2>\n<p class=\"note\">Aggregate operations per "
                             "second with their %.0f%% interval, the scaling against as many "
                             "times one thread, and the tail of single calls made while every "
                             "thread ran.</p>\n<table class=\"cards\">\n<thead><tr><th>Benchmark</th>"
                             "<th class=\"n\">Threads</th><th class=\"n\">Operations/s</th>"
                             "<th class=\"n\">Scaling</th><th class=\"n\">p50 call</th>"
                             "<th class=\"n\">p99 call</th></tr></thead>\n",
                          run->confidence * 100.0);
        }
        cb_buf_puts(h, "<tr><td class=\"name\">");
        cb_html_link(h, CB_HTML_BENCH, r->name);
        cb_buf_printf(h, "</td><td class=\"n\" data-label=\"threads\">%zu%s</td>"
                         "<td class=\"n\" data-label=\"ops/s\">",
                      r->threads.n,
                      (long) r->threads.n > r->threads.cores ? " (more than cores)" : "");
        ops(h, &r->threads);
        cb_buf_puts(h, "</td><td class=\"n\" data-label=\"scaling\">");
        efficiency(h, &r->threads);
        cb_buf_puts(h, "</td>");
        if (r->calls.n > 0) {
            cb_format_value(v, sizeof v, call_percentile(r, 50.0), run->unit);
            cb_buf_printf(h, "<td class=\"n\" data-label=\"p50 call\">%s</td>", v);
            cb_format_value(v, sizeof v, call_percentile(r, 99.0), run->unit);
            cb_buf_printf(h, "<td class=\"n\" data-label=\"p99 call\">%s</td></tr>\n", v);
        } else {
            cb_buf_puts(h, "<td></td><td></td></tr>\n");
        }
    }
    if (shown > 0) {
        cb_buf_puts(h, "</table>\n");
    }
}
