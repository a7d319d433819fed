#include <stdio.h>

#include "html/checks.h"
#include "html/html.h"
#include "html/page.h"
#include "report/check_lines.h"
#include "report/format.h"

/* Findings and failures in red; a skipped check greyed: it says nothing. */
static const char *status_class(cb_check_status s)
{
    return s == CB_CHECK_LEAKS || s == CB_CHECK_FAILED ? "failed"
           : s == CB_CHECK_SKIPPED || s == CB_CHECK_NOT_RUN ? "note"
                                                            : "";
}

static void exact_cell(cb_buf *h, const cb_check_exact *e)
{
    char verdict[1024];

    cb_check_exact_verdict(e, verdict, sizeof verdict);
    cb_buf_printf(h, "<td class=\"%s\" data-label=\"constant-time\">", status_class(e->status));
    cb_html_escape(h, e->status == CB_CHECK_NOT_RUN ? "not checked" : verdict);
    if (e->nnew > 0) {
        cb_buf_printf(h, " (%zu new)", e->nnew);
    }
    if (e->status == CB_CHECK_LEAKS && e->nallowed > 0) {
        cb_buf_printf(h, " (%zu allowed)", e->nallowed);
    }
    cb_buf_puts(h, "</td>");
}

static void leak_cell(cb_buf *h, const cb_check_leak *l)
{
    char verdict[1024];

    cb_check_leak_verdict(l, verdict, sizeof verdict);
    cb_buf_printf(h, "<td class=\"%s\" data-label=\"timing-leak\">", status_class(l->status));
    cb_html_escape(h, l->status == CB_CHECK_NOT_RUN ? "not checked" : verdict);
    cb_buf_puts(h, "</td>");
}

static int checked(const cb_result *r)
{
    return !r->failed && (r->checks.exact.status != CB_CHECK_NOT_RUN ||
                          r->checks.leak.status != CB_CHECK_NOT_RUN);
}

void cb_html_checks_index(cb_buf *h, const cb_run *run)
{
    size_t i, n = 0;

    for (i = 0; i < run->n; i++) {
        n += (size_t) checked(&run->results[i]);
    }
    if (n == 0) {
        return;
    }
    cb_buf_puts(h, "<h2>Constant-time checks</h2>\n<p class=\"note\">constant-time: the "
                   "benchmark under valgrind's memcheck with its declared secrets undefined; "
                   "timing-leak: dudect's t-tests on two classes of inputs, |t| &gt; 5 a likely "
                   "leak. Neither proves constant time.</p>\n<table class=\"cards\">\n<thead><tr>"
                   "<th>Benchmark"
                   "</th><th class=\"n\">");
    cb_html_escape(h, run->measure == CB_MEASURE_WALL ? "time" : run->unit);
    cb_buf_puts(h, "</th><th>constant-time</th><th>timing-leak</th></tr></thead>\n");
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];
        char             value[48];

        if (!checked(r)) {
            continue;
        }
        cb_format_value(value, sizeof value, cb_result_typical(r)->point, run->unit);
        cb_buf_puts(h, "<tr><td class=\"name\">");
        cb_html_link(h, CB_HTML_BENCH, r->name);
        cb_buf_printf(h, "</td><td class=\"n\" data-label=\"%s\">",
                      run->measure == CB_MEASURE_WALL ? "time" : run->unit);
        cb_html_escape(h, value);
        cb_buf_puts(h, "</td>");
        exact_cell(h, &r->checks.exact);
        leak_cell(h, &r->checks.leak);
        cb_buf_puts(h, "</tr>\n");
    }
    cb_buf_puts(h, "</table>\n");
}

static void findings(cb_buf *h, const cb_check_exact *e)
{
    char   where[600];
    size_t i, j;

    cb_buf_puts(h, "<table class=\"cards\">\n<thead><tr><th>Finding</th><th>Site</th><th>"
                   "Backtrace, innermost first</th><th>Gate</th></tr></thead>\n");
    for (i = 0; i < e->nfindings; i++) {
        const cb_finding *f = &e->findings[i];

        cb_buf_printf(h, "<tr><td class=\"%s\">", f->accepted ? "" : "failed");
        cb_html_escape(h, cb_finding_kind_label(f->kind));
        cb_buf_puts(h, "</td><td class=\"name\" data-label=\"at\">");
        cb_frame_location(&f->frames[f->site], where, sizeof where);
        cb_html_escape(h, where);
        cb_buf_puts(h, "</td><td class=\"name\" data-label=\"in\">");
        for (j = 0; j < f->nframes; j++) {
            cb_buf_puts(h, j > 0 ? "<br>" : "");
            cb_html_escape(h, f->frames[j].function);
        }
        cb_buf_puts(h, "</td><td data-label=\"gate\">");
        if (f->allowed_by != NULL) {
            cb_buf_puts(h, "allowed: ");
            cb_html_escape(h, f->allowed_by);
        } else {
            cb_buf_puts(h, f->is_new ? "new" : f->accepted ? "in the baseline" : "not accepted");
        }
        cb_buf_puts(h, "</td></tr>\n");
    }
    cb_buf_puts(h, "</table>\n");
}

/* --ct-divisions' list: where to look for what no check follows. */
static void divisions(cb_buf *h, const cb_check_exact *e)
{
    char   where[600];
    size_t i;

    if (e->ndivisions == 0) {
        cb_buf_puts(h, "<p>No division ran in the checked calls (callgrind).</p>\n");
        return;
    }
    cb_buf_puts(h, "<p>Divisions the checked calls ran: their time may depend on their "
                   "operands, which neither check follows.</p>\n<ul>\n");
    for (i = 0; i < e->ndivisions; i++) {
        const cb_division *d = &e->divisions[i];

        cb_division_location(d, where, sizeof where);
        cb_buf_puts(h, "<li><code>");
        cb_html_escape(h, d->instruction);
        cb_buf_puts(h, "</code> at ");
        cb_html_escape(h, where);
        cb_buf_puts(h, " in ");
        cb_html_escape(h, d->where.function);
        cb_buf_printf(h, ", ran %llu time%s</li>\n", (unsigned long long) d->executed,
                      d->executed == 1 ? "" : "s");
    }
    cb_buf_puts(h, "</ul>\n");
}

void cb_html_checks_bench(cb_buf *h, const cb_result *r)
{
    const cb_check_exact *e = &r->checks.exact;
    const cb_check_leak  *l = &r->checks.leak;

    if (!checked(r)) {
        return;
    }
    cb_buf_puts(h, "<h2>Constant-time checks</h2>\n<table class=\"headline\">\n<tr><th>"
                   "constant-time</th>");
    exact_cell(h, e);
    cb_buf_puts(h, "</tr>\n<tr><th>timing-leak</th>");
    leak_cell(h, l);
    cb_buf_puts(h, "</tr>\n</table>\n");
    if (e->status == CB_CHECK_PASSED || e->status == CB_CHECK_LEAKS) {
        if (e->inputs > 0) {
            cb_buf_printf(h, "<p>memcheck ran the benchmark on %zu input%s of each class with "
                             "%llu secret byte%s undefined, in %.1f s.",
                          e->inputs, e->inputs == 1 ? "" : "s",
                          (unsigned long long) e->secret_bytes, e->secret_bytes == 1 ? "" : "s",
                          e->seconds);
        } else {
            cb_buf_printf(h, "<p>memcheck ran the benchmark once with %llu secret byte%s "
                             "undefined, in %.1f s.",
                          (unsigned long long) e->secret_bytes, e->secret_bytes == 1 ? "" : "s",
                          e->seconds);
        }
        if (e->other_errors > 0) {
            cb_buf_printf(h, " It also reported %zu error%s no secret caused: run the "
                             "benchmark under valgrind to see them.",
                          e->other_errors, e->other_errors == 1 ? "" : "s");
        }
        cb_buf_puts(h, "</p>\n");
    }
    if (e->nfindings > 0) {
        findings(h, e);
    }
    if (e->divisions_listed) {
        divisions(h, e);
    }
    if (l->status == CB_CHECK_PASSED || l->status == CB_CHECK_LEAKS) {
        char figures[512];

        cb_check_leak_figures(l, figures, sizeof figures);
        cb_buf_printf(h, "<p>dudect: %llu measurements in %.1f s, classes drawn at random; the "
                         "largest |t|, %.2f, of %llu of them. ",
                      (unsigned long long) l->measurements, l->seconds, l->max_t,
                      (unsigned long long) l->test_measurements);
        cb_html_escape(h, figures);
        cb_buf_puts(h, ".</p>\n");
    }
}
