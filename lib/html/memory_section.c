#include <stdio.h>
#include <string.h>

#include "html/chart.h"
#include "html/memory_section.h"
#include "html/page.h"
#include "report/format.h"
#include "report/memory_text.h"
#include "report/summary.h"

/* A change as the page prints it: signed, "+1", "+64 B", "0". */
static void delta(char *buf, size_t size, cb_memory_figure f, double d)
{
    char v[48];

    cb_memory_text_figure(v, sizeof v, f, d < 0.0 ? -d : d);
    snprintf(buf, size, "%s%s", d > 0.0 ? "+" : d < 0.0 ? "&minus;" : "", d == 0.0 ? "0" : v);
}

static const char *verdict_class(const cb_memory *m)
{
    return !m->has_change                          ? ""
           : m->change.verdict == CB_MEMORY_MORE ? "regressed"
           : m->change.verdict == CB_MEMORY_LESS ? "improved"
                                                 : "";
}

void cb_html_memory_headline(cb_buf *h, const cb_result *r)
{
    char line[512];

    if (r->memory.status == CB_MEMORY_NOT_COUNTED) {
        return;
    }
    cb_memory_text_counts(line, sizeof line, &r->memory, r->threads.n);
    cb_buf_printf(h, "<tr><th>memory</th><td class=\"n%s\" id=\"memory-line\">",
                  r->memory.status == CB_MEMORY_FAILED ||
                          r->memory.figures[CB_MEMORY_NET_BYTES] > 0.0
                      ? " regressed"
                      : "");
    cb_html_escape(h, line);
    cb_buf_puts(h, "</td></tr>\n");
    if (r->memory.has_change) {
        cb_memory_text_change(line, sizeof line, &r->memory.change);
        cb_buf_printf(h, "<tr><th></th><td class=\"verdict %s\">", verdict_class(&r->memory));
        cb_html_escape(h, line);
        cb_buf_puts(h, " (exact counts)</td></tr>\n");
    }
}

void cb_html_memory_section(cb_buf *h, const cb_result *r)
{
    static const char *const labels[CB_MEMORY_NFIGURES] = {
        "Allocations per iteration", "Frees per iteration", "Bytes allocated per iteration",
        "Bytes freed per iteration", "Held after each iteration", "Peak held, one iteration",
        "Resident set's peak, one iteration"
    };
    const cb_memory *m = &r->memory;
    char             v[64];
    int              k;

    if (m->status == CB_MEMORY_NOT_COUNTED) {
        return;
    }
    cb_buf_puts(h, "<h2 id=\"memory\">Memory</h2>\n");
    if (m->status == CB_MEMORY_FAILED) {
        cb_buf_puts(h, "<p class=\"warn\">Not counted: ");
        cb_html_escape(h, m->why != NULL ? m->why : "failed");
        cb_buf_puts(h, "</p>\n");
        return;
    }
    cb_buf_printf(h, "<p class=\"note\">Counted by --memory in a process of its own, between the "
                     "timer's start and stop: calls of %llu and %llu iterations after an uncounted "
                     "one, their difference per iteration. Exact; the resident set is the "
                     "kernel's high-water mark, to a few pages.%s</p>\n",
                  (unsigned long long) m->iterations, (unsigned long long) (2 * m->iterations),
                  r->threads.n > 0 ? " On threads: each thread's figures, the largest thread's "
                                     "peak, the resident set of all together."
                                   : "");
    cb_buf_printf(h, "<table class=\"cards memory\">\n<thead><tr><th></th><th class=\"n\">This "
                     "run</th>%s</tr></thead>\n",
                  m->has_change ? "<th class=\"n\">Baseline</th><th class=\"n\">Change</th>" : "");
    for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
        cb_memory_text_figure(v, sizeof v, (cb_memory_figure) k, m->figures[k]);
        cb_buf_printf(h, "<tr><th>%s</th><td class=\"n\" data-label=\"this run\">%s</td>",
                      labels[k], v);
        if (m->has_change) {
            cb_memory_text_figure(v, sizeof v, (cb_memory_figure) k, m->change.old[k]);
            cb_buf_printf(h, "<td class=\"n\" data-label=\"baseline\">%s</td>", v);
            delta(v, sizeof v, (cb_memory_figure) k, m->change.delta[k]);
            cb_buf_printf(h, "<td class=\"n chg\" data-label=\"change\">%s</td>", v);
        }
        cb_buf_puts(h, "</tr>\n");
    }
    cb_buf_puts(h, "</table>\n");
    if (m->has_change) {
        char line[512];

        cb_memory_text_change(line, sizeof line, &m->change);
        cb_buf_printf(h, "<p>Against the baseline: <span class=\"verdict %s\">",
                      verdict_class(m));
        cb_html_escape(h, line);
        cb_buf_puts(h, "</span> (exact counts: no test is needed).</p>\n");
    }
}

void cb_html_memory_index(cb_buf *h, const cb_run *run)
{
    cb_memory_summary sum = cb_memory_summarize(run);
    char              v[CB_MEMORY_NFIGURES][48], change[512];
    size_t            i;

    if (sum.counted + sum.failed == 0) {
        return;
    }
    cb_buf_printf(h, "<h2 id=\"memory\">Memory</h2>\n<p>%zu benchmark%s counted; ", sum.counted,
                  sum.counted == 1 ? "" : "s");
    if (sum.leaking == 0) {
        cb_buf_puts(h, "<span class=\"improved\">no leak</span>: every block a loop allocated "
                       "was freed in it.");
    } else {
        cb_buf_printf(h, "<span class=\"regressed\">%zu leak%s memory</span>.", sum.leaking,
                      sum.leaking == 1 ? "s" : "");
    }
    if (sum.failed > 0) {
        cb_buf_printf(h, " %zu could not be counted.", sum.failed);
    }
    cb_buf_puts(h, "</p>\n<table class=\"cards memory\">\n<thead><tr><th>Benchmark</th>"
                   "<th class=\"n\">Allocations</th><th class=\"n\">Bytes</th>"
                   "<th class=\"n\">Leaks</th><th class=\"n\">Peak</th><th>Change</th></tr>"
                   "</thead>\n");
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];
        const cb_memory *m = &r->memory;
        int              k;

        if (m->status == CB_MEMORY_NOT_COUNTED) {
            continue;
        }
        cb_buf_puts(h, "<tr><td class=\"name\">");
        cb_html_link(h, CB_HTML_BENCH, r->name);
        cb_buf_puts(h, "</td>");
        if (m->status == CB_MEMORY_FAILED) {
            cb_buf_puts(h, "<td class=\"failed\" colspan=\"5\">not counted: ");
            cb_html_escape(h, m->why != NULL ? m->why : "failed");
            cb_buf_puts(h, "</td></tr>\n");
            continue;
        }
        for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
            cb_memory_text_figure(v[k], sizeof v[k], (cb_memory_figure) k, m->figures[k]);
        }
        cb_buf_printf(h, "<td class=\"n\" data-label=\"allocations\">%s</td>"
                         "<td class=\"n\" data-label=\"bytes\">%s</td>"
                         "<td class=\"n%s\" data-label=\"leaks\">%s</td>"
                         "<td class=\"n\" data-label=\"peak\">%s</td><td class=\"verdict %s\" "
                         "data-label=\"change\">",
                      v[CB_MEMORY_ALLOCATIONS], v[CB_MEMORY_BYTES],
                      m->figures[CB_MEMORY_NET_BYTES] > 0.0 ? " regressed" : "",
                      v[CB_MEMORY_NET_BYTES], v[CB_MEMORY_PEAK_BYTES], verdict_class(m));
        if (m->has_change) {
            cb_memory_text_change(change, sizeof change, &m->change);
            cb_html_escape(h, change);
        }
        cb_buf_puts(h, "</td></tr>\n");
    }
    cb_buf_puts(h, "</table>\n<p class=\"note\">Per iteration of the measured loop; the peak "
                   "during one. Exact counts (--memory).</p>\n");
}

void cb_html_memory_sweeps(cb_buf *h, const cb_sweep *const *sweeps, size_t n)
{
    const cb_sweep *counted[CB_HTML_SWEEP_STYLES];
    char            line[512], label[160], styles[CB_HTML_SWEEP_STYLES][3], colour[8];
    size_t          i, m = 0;

    for (i = 0; i < n && m < CB_HTML_SWEEP_STYLES; i++) {
        if (sweeps[i]->has_memory) {
            counted[m++] = sweeps[i];
        }
    }
    if (m == 0) {
        return;
    }
    snprintf(label, sizeof label, "each series' peak memory against its %.100s",
             counted[0]->param_name != NULL ? counted[0]->param_name : "parameter");
    cb_buf_puts(h, "<figure class=\"memory\">");
    cb_html_chart_sweeps_memory(h, counted, m, label);
    cb_buf_puts(h, "<figcaption><ul class=\"series\">\n");
    cb_html_sweep_styles(counted, m, styles);
    for (i = 0; i < m; i++) {
        const char *impl = counted[i]->points[0]->impl;

        if (counted[i]->fitted) {
            cb_summary_sweep_memory(line, sizeof line, counted[i]);
        } else {
            snprintf(line, sizeof line, "%s: peak memory, %zu points", counted[i]->series,
                     counted[i]->n);
        }
        cb_html_colour(colour, impl != NULL ? impl : counted[i]->series);
        cb_buf_printf(h, "<li><i class=\"sw %s %s\"></i>", styles[i], colour);
        cb_html_escape(h, line);
        cb_buf_puts(h, "</li>\n");
    }
    cb_buf_puts(h, "</ul></figcaption></figure>\n");
}

void cb_html_memory_costs(cb_buf *h, const cb_groups *g)
{
    char   line[512];
    size_t i, n = 0;

    for (i = 0; i < g->ncosts; i++) {
        n += (size_t) g->costs[i].has_memory;
    }
    if (n == 0) {
        return;
    }
    cb_buf_puts(h, "<p>In memory, exact counts (--memory):</p>\n<ul class=\"memory-costs\">\n");
    for (i = 0; i < g->ncosts; i++) {
        if (g->costs[i].has_memory) {
            cb_summary_cost_memory(line, sizeof line, &g->costs[i]);
            cb_buf_puts(h, "<li>");
            cb_html_escape(h, line);
            cb_buf_puts(h, "</li>\n");
        }
    }
    cb_buf_puts(h, "</ul>\n");
}
