#include <stdio.h>
#include <string.h>

#include "report/format.h"
#include "html/chart.h"
#include "html/flame.h"
#include "html/page.h"

/* The one stylesheet, inline in every page: no font, image or URL of any kind.
 * Chart marks take their colour from a class (currentColor), so that the SVG
 * writer stays free of colours. */
static const char css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d1d1f;"
    "background:#fff;margin:0}\n"
    "header,main,footer{max-width:900px;margin:0 auto;padding:0 16px}\n"
    "header{padding-top:12px;font-size:14px;color:#555}\n"
    "footer{margin-top:32px;padding-bottom:24px;font-size:13px;color:#666}\n"
    "h1{font-size:22px;margin:6px 0 4px;overflow-wrap:anywhere}\n"
    "h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}\n"
    "h3{font-size:15px;margin:18px 0 4px;overflow-wrap:anywhere}\n"
    "a{color:#0b5cad}\n"
    "table{border-collapse:collapse;margin:8px 0;font-size:14px}\n"
    "th,td{padding:4px 10px 4px 0;border-bottom:1px solid #e6e6e6;text-align:left;"
    "vertical-align:top}\n"
    "th{font-weight:600}thead th{border-bottom:2px solid #ccc}\n"
    ".headline th,.headline td{border:0;padding:1px 12px 1px 0}\n"
    ".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".name,.why{overflow-wrap:anywhere}\n"
    ".ci{display:block;font-size:12px;color:#666}\n"
    ".verdict{white-space:nowrap}\n"
    ".regressed{color:#b00020;font-weight:600}.improved{color:#137333;font-weight:600}\n"
    ".failed{color:#b00020}\n"
    ".warn{background:#fff4e5;border-left:4px solid #e8a020;padding:8px 12px;margin:12px 0}\n"
    ".note{color:#555}\n"
    "ul.groups{padding:0;list-style:none}ul.groups li{display:inline;margin-right:14px}\n"
    "ul.series{padding-left:0;list-style:none}ul.series li{margin:2px 0}\n"
    ".key{display:inline-block;width:14px;height:9px;margin-right:6px;background:currentColor}\n"
    "figure{margin:14px 0}\n"
    "figcaption{font-size:13px;color:#555}\n"
    "svg.plot{max-width:100%;height:auto;display:block}\n"
    "svg text{font:12px system-ui,sans-serif;fill:#333}\n"
    "svg .tick{fill:#555}svg .axis{font-size:13px}\n"
    "svg line,svg path,svg circle,svg rect{stroke:currentColor}\n"
    "svg path{fill:none;stroke-width:2}\n"
    "svg .area{fill:currentColor;fill-opacity:.16;stroke:none}\n"
    "svg circle{fill:currentColor;fill-opacity:.75}\n"
    "svg rect{fill:currentColor;fill-opacity:.25}\n"
    "svg .hollow{fill:#fff;fill-opacity:1}\n"
    "svg .swatch{fill-opacity:.85;stroke-width:3}\n"
    "svg .grid{color:#ececec}svg .frame{color:#9a9a9a;fill:none}\n"
    ".c-normal,.c-new{color:#1f77b4}.c-old{color:#7f7f7f}\n"
    ".c-mild{color:#ff7f0e}.c-severe{color:#d62728}\n"
    "svg .c-mean{color:#2ca02c;stroke-width:2}\n"
    "svg .c-median{color:#9467bd;stroke-width:2;stroke-dasharray:6 3}\n"
    "svg .c-fence{color:#9a9a9a;stroke-dasharray:3 3}\n"
    "svg .c-fit{color:#333;stroke-width:1.5}\n"
    ".s0{color:#1f77b4}.s1{color:#ff7f0e}.s2{color:#2ca02c}.s3{color:#d62728}"
    ".s4{color:#9467bd}.s5{color:#8c564b}.s6{color:#e377c2}.s7{color:#17becf}\n";

void cb_html_page_begin(cb_buf *h, const char *title, const char *group)
{
    cb_buf_puts(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>");
    cb_html_escape(h, title);
    cb_buf_puts(h, " \xc2\xb7 cryptbench</title>\n<style>\n");
    cb_buf_puts(h, css);
    cb_buf_puts(h, cb_html_flame_css);
    cb_buf_puts(h, "</style>\n</head>\n<body>\n<header><a href=\"index.html\">cryptbench "
                   "report</a>");
    if (group != NULL) {
        cb_buf_puts(h, " \xe2\x80\xba group ");
        cb_html_link(h, CB_HTML_GROUP, group);
    }
    cb_buf_puts(h, "</header>\n<main>\n<h1>");
    cb_html_escape(h, title);
    cb_buf_puts(h, "</h1>\n");
}

void cb_html_page_end(cb_buf *h, const cb_run *run)
{
    cb_buf_puts(h, "</main>\n<footer>Written by cryptbench " CB_VERSION_STRING
                   " from the run of ");
    cb_html_escape(h, run->timestamp[0] != '\0' ? run->timestamp : "an unknown time");
    cb_buf_puts(h, ". Self-contained: no script, nothing fetched.</footer>\n</body>\n</html>\n");
}

void cb_html_link(cb_buf *h, const char *prefix, const char *name)
{
    char file[CB_HTML_FILE_MAX];

    cb_html_file_name(file, prefix, name);
    cb_buf_puts(h, "<a href=\"");
    cb_html_escape(h, file);
    cb_buf_puts(h, "\">");
    cb_html_escape(h, name);
    cb_buf_puts(h, "</a>");
}

const char *cb_html_verdict_class(cb_verdict v)
{
    return v == CB_VERDICT_REGRESSED    ? "regressed"
           : v == CB_VERDICT_IMPROVED   ? "improved"
           : v == CB_VERDICT_UNRESOLVED ? "unresolved"
                                        : "";
}

/* A verdict in a table cell: "regressed", "within noise", ... */
static const char *verdict_words(cb_verdict v)
{
    switch (v) {
    case CB_VERDICT_REGRESSED:
        return "regressed";
    case CB_VERDICT_IMPROVED:
        return "improved";
    case CB_VERDICT_WITHIN_NOISE:
        return "within noise";
    case CB_VERDICT_UNRESOLVED:
        return "unresolved";
    case CB_VERDICT_NO_CHANGE:
        break;
    }
    return "no change";
}

/* A value and, below it, its interval. */
static void interval_cell(cb_buf *h, const char *mid, const char *lo, const char *hi)
{
    cb_buf_puts(h, "<td class=\"n\">");
    cb_html_escape(h, mid);
    cb_buf_puts(h, "<span class=\"ci\">[");
    cb_html_escape(h, lo);
    cb_buf_puts(h, ", ");
    cb_html_escape(h, hi);
    cb_buf_puts(h, "]</span></td>");
}

static void change_cells(cb_buf *h, const cb_result *r)
{
    const cb_change *c = &r->change;
    char             lo[32], mid[32], hi[32];

    if (!r->has_change) {
        cb_buf_puts(h, "<td class=\"n\">new</td><td></td><td></td>");
        return;
    }
    cb_format_percent(mid, sizeof mid, c->estimate.point);
    if (c->p_value < 0.0) {
        /* exact counts: no interval, no test */
        cb_buf_printf(h, "<td class=\"n\">%s</td><td class=\"n\">exact</td>", mid);
    } else {
        cb_format_percent(lo, sizeof lo, c->estimate.lower);
        cb_format_percent(hi, sizeof hi, c->estimate.upper);
        interval_cell(h, mid, lo, hi);
        cb_buf_printf(h, "<td class=\"n\">%.2f</td>", c->p_value);
    }
    cb_buf_printf(h, "<td class=\"verdict %s\">%s</td>", cb_html_verdict_class(c->verdict),
                   verdict_words(c->verdict));
}

static void result_row(cb_buf *h, const cb_run *run, const cb_result *r, int changes)
{
    const cb_estimate *e = cb_result_typical(r);
    const cb_estimate *t = &r->analysis.throughput;
    char               lo[48], mid[48], hi[48];

    if (r->failed) {
        cb_buf_puts(h, "<tr class=\"failed\"><td class=\"name\">");
        cb_html_escape(h, r->name);
        cb_buf_printf(h, "</td><td class=\"why\" colspan=\"%d\">FAILED: ", changes ? 5 : 2);
        cb_html_escape(h, r->failure);
        cb_buf_puts(h, "</td></tr>\n");
        return;
    }
    cb_buf_puts(h, "<tr><td class=\"name\">");
    cb_html_link(h, CB_HTML_BENCH, r->name);
    if (r->note != NULL) {
        /* a KDF below current guidance must be visible where it is listed */
        cb_buf_puts(h, "<br><span class=\"note\">");
        cb_html_escape(h, r->note);
        cb_buf_puts(h, "</span>");
    }
    cb_buf_puts(h, "</td>");
    cb_format_value(lo, sizeof lo, e->lower, run->unit);
    cb_format_value(mid, sizeof mid, e->point, run->unit);
    cb_format_value(hi, sizeof hi, e->upper, run->unit);
    interval_cell(h, mid, lo, hi);
    if (r->throughput != CB_THROUGHPUT_NONE && r->per_iteration > 0) {
        cb_html_format(mid, sizeof mid, t->point, run->unit, r->throughput);
        cb_buf_puts(h, "<td class=\"n\">");
        cb_html_escape(h, mid);
        cb_buf_puts(h, "</td>");
    } else {
        cb_buf_puts(h, "<td></td>");
    }
    if (changes) {
        change_cells(h, r);
    }
    cb_buf_puts(h, "</tr>\n");
}

void cb_html_results_table(cb_buf *h, const cb_run *run, const cb_result *const *rs, size_t n)
{
    size_t i;
    int    changes = 0;

    for (i = 0; i < n; i++) {
        changes |= rs[i]->has_change;
    }
    cb_buf_printf(h, "<table class=\"results\">\n<thead><tr><th>Benchmark</th><th class=\"n\">%s "
                      "(%.0f%% CI)</th><th class=\"n\">Throughput</th>",
                   run->measure == CB_MEASURE_WALL ? "Time" : "Count",
                   run->confidence * 100.0);
    if (changes) {
        cb_buf_puts(h, "<th class=\"n\">Change (mean)</th><th class=\"n\">p</th>"
                       "<th>Verdict</th>");
    }
    cb_buf_puts(h, "</tr></thead>\n");
    for (i = 0; i < n; i++) {
        result_row(h, run, rs[i], changes);
    }
    cb_buf_puts(h, "</table>\n");
}

/* what may be a context key from a baseline: escaped like any run's string */
static void machine_row(cb_buf *h, const char *what, const char *value)
{
    cb_buf_puts(h, "<tr><th>");
    cb_html_escape(h, what);
    cb_buf_puts(h, "</th><td>");
    cb_html_escape(h, value);
    cb_buf_puts(h, "</td></tr>\n");
}

void cb_html_machine(cb_buf *h, const cb_run *run)
{
    const cb_machine *m = &run->machine;
    char              buf[96];
    size_t            i;

    cb_buf_puts(h, "<table class=\"machine\">\n");
    machine_row(h, "CPU", m->cpu);
    snprintf(buf, sizeof buf, "%ld", m->cores);
    machine_row(h, "cores", buf);
    machine_row(h, "kernel", m->kernel);
    machine_row(h, "governor", m->governor);
    machine_row(h, "compiler", m->compiler);
    machine_row(h, "flags", m->cflags);
    for (i = 0; i < run->context.n; i++) {
        machine_row(h, run->context.entries[i].key, run->context.entries[i].value);
    }
    machine_row(h, "git commit", m->git_commit);
    machine_row(h, "timestamp", run->timestamp);
    machine_row(h, "measure", cb_measure_name(run->measure));
    if (run->measure == CB_MEASURE_CYCLES) {
        snprintf(buf, sizeof buf, "reference cycles at %.3f GHz", run->tsc_ghz);
        machine_row(h, "counter", buf);
    }
    snprintf(buf, sizeof buf, "%.3g s warm-up, %.3g s measurement%s", run->warm_up_s,
             run->measurement_s, run->quick ? " (--quick)" : "");
    machine_row(h, "time per benchmark", buf);
    snprintf(buf, sizeof buf, "%zu samples, %zu resamples, %.0f%% intervals", run->sample_size,
             run->nresamples, run->confidence * 100.0);
    machine_row(h, "sampling", buf);
    snprintf(buf, sizeof buf, "%llu", (unsigned long long) run->seed);
    machine_row(h, "seed", buf);
    cb_buf_puts(h, "</table>\n");
}
