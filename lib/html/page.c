#include <stdio.h>
#include <string.h>

#include "report/format.h"
#include "html/chart.h"
#include "html/flame.h"
#include "html/flags.h"
#include "html/page.h"

/* The one stylesheet, inline in every page: no font, image or URL of any kind.
 * Every colour a mark is drawn in has a contrast of 3:1 or more against the
 * page's background in both colour schemes (WCAG's for graphical objects;
 * tests/browser/check.js measures it), the grid and the frame aside.
 * Chart marks take their colour from a class (currentColor), so that the SVG
 * writer stays free of colours; the page's own colours are variables, which
 * a dark colour scheme (prefers-color-scheme) sets anew. Below 760 px, charts
 * switch to their narrow drawings and tables of class "cards" to a card per
 * row, whose cells say what they are (data-label). */
static const char css[] =
    ":root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--muted:#595959;--rule:#e6e6e6;"
    "--rule2:#ccc;--link:#0b5cad;--bad:#b00020;--good:#137333;--warn:#fff4e5;--grid:#ececec;"
    "--frame:#9a9a9a;--unsure:#8a4fb0;--budget:#0f7b6c}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e4e4e7;--bg:#17181b;--muted:#a9a9b1;"
    "--rule:#2e2f34;--rule2:#4a4c53;--link:#80b6ff;--bad:#ff7b8b;--good:#62d394;"
    "--warn:#3a2f1c;--grid:#2c2d32;--frame:#70727a;--unsure:#c39be0;--budget:#5fd3c2}}\n"
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);"
    "background:var(--bg);margin:0;overflow-wrap:break-word}\n"
    "header,main,footer{max-width:900px;margin:0 auto;padding:0 16px}\n"
    "header{padding-top:12px;font-size:14px;color:var(--muted)}\n"
    "footer{margin-top:32px;padding-bottom:24px;font-size:13px;color:var(--muted)}\n"
    "h1{font-size:22px;margin:6px 0 4px}\n"
    "h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--rule2);"
    "padding-bottom:4px}\n"
    "h3{font-size:15px;margin:18px 0 4px}\n"
    "a{color:var(--link)}\n"
    "table{border-collapse:collapse;margin:8px 0;font-size:14px}\n"
    "th,td{padding:4px 10px 4px 0;border-bottom:1px solid var(--rule);text-align:left;"
    "vertical-align:top}\n"
    "th{font-weight:600}thead th{border-bottom:2px solid var(--rule2)}\n"
    ".headline th,.headline td{border:0;padding:1px 12px 1px 0}\n"
    ".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".headline td.n,.headline td.verdict{text-align:left;white-space:normal}\n"
    ".ci{display:block;font-size:12px;color:var(--muted)}\n"
    "td.verdict{white-space:nowrap}\n"
    ".regressed{color:var(--bad);font-weight:600}.improved{color:var(--good);font-weight:600}"
    ".unresolved{color:var(--unsure);font-weight:600}\n"
    ".failed{color:var(--bad)}.broken{color:var(--bad);font-weight:600}.held{color:var(--good)}\n"
    "table.budgets .n{white-space:normal}table.memory td.verdict{white-space:normal}\n"
    ".warn{background:var(--warn);border-left:4px solid #e8a020;padding:8px 12px;margin:12px 0}\n"
    ".note{color:var(--muted)}\n"
    ".machine td{overflow-wrap:anywhere}\n"
    "ul.groups{padding:0;list-style:none}ul.groups li{display:inline;margin-right:14px}\n"
    "ul.series{padding-left:0;list-style:none}ul.series li{margin:2px 0}\n"
    ".figures{display:flex;flex-wrap:wrap;gap:6px 22px;margin:8px 0}\n"
    ".figures dt{font-size:13px;color:var(--muted)}"
    ".figures dd{margin:0;font-variant-numeric:tabular-nums}\n"
    ".keys{display:flex;flex-wrap:wrap;gap:2px 16px;margin:4px 0;font-size:13px}\n"
    ".sw{display:inline-block;width:18px;height:0;border-top:2px solid currentColor;"
    "vertical-align:middle;margin-right:6px}\n"
    ".sw.dash{border-top-style:dashed}\n"
    ".sw.dot,.sw.ring{width:8px;height:8px;border:0;border-radius:50%;background:currentColor}\n"
    ".sw.ring{width:6px;height:6px;background:none;border:1px solid currentColor}\n"
    ".sw.box{width:14px;height:10px;border:0;background:currentColor;opacity:.35}\n"
    ".sw.d1,.sw.d2,.sw.d3,.sw.d4,.sw.d5{height:2px;border:0}\n"
    ".sw.d1{background:repeating-linear-gradient(90deg,currentColor 0 8px,transparent 8px 12px)}"
    ".sw.d2{background:repeating-linear-gradient(90deg,currentColor 0 2px,transparent 2px 5px)}"
    ".sw.d3{background:repeating-linear-gradient(90deg,currentColor 0 9px,transparent 9px 12px,"
    "currentColor 12px 14px,transparent 14px 17px)}"
    ".sw.d4{background:repeating-linear-gradient(90deg,currentColor 0 4px,transparent 4px 6px)}"
    ".sw.d5{background:repeating-linear-gradient(90deg,currentColor 0 12px,transparent 12px 18px)"
    "}\n"
    ;

/* The charts' part of the stylesheet (C11 promises string literals of 4095
 * characters, not more). */
static const char css_charts[] =
    "figure{margin:14px 0}\n"
    "figcaption{font-size:13px;color:var(--muted)}\n"
    "details{margin:8px 0}summary{cursor:pointer;color:var(--link)}\n"
    "svg.plot{max-width:100%;height:auto;display:block}\n"
    "svg.narrow{display:none}svg.spark{display:inline-block;vertical-align:middle}\n"
    "svg text{font:12px system-ui,sans-serif;fill:var(--fg);paint-order:stroke;"
    "stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}\n"
    "svg .tick{fill:var(--muted)}svg .axis{font-size:13px}\n"
    "svg line,svg path,svg circle,svg rect{stroke:currentColor}\n"
    "svg path{fill:none;stroke-width:2}svg path.thin{stroke-width:1.2}\n"
    "svg .area{fill:currentColor;fill-opacity:.16;stroke:none}\n"
    "svg circle{fill:currentColor;fill-opacity:.75}\n"
    "svg rect{fill:currentColor;fill-opacity:.25}\n"
    "svg .hollow{fill:var(--bg);fill-opacity:1;stroke-width:1.5}\n"
    "svg .grid{color:var(--grid)}svg .frame{color:var(--frame);fill:none}\n"
    ".c-normal,.c-new{color:#1f77b4}.c-old{color:#7f7f7f}\n"
    ".c-mild{color:#c25e00}.c-severe{color:#d62728}\n"
    ".c-mean{color:#2ca02c}.c-median{color:#9467bd}.c-fence{color:var(--muted)}"
    ".c-fit,.c-level{color:var(--fg)}.c-step{color:#b5700a}\n"
    "svg .c-mean,svg .c-median{stroke-width:2}svg .c-median,svg .c-step{stroke-dasharray:6 3}\n"
    ".c-resolution{color:#9467bd}svg .c-resolution{stroke-dasharray:5 4}\n"
    "svg .c-fence{stroke-dasharray:3 3}svg .c-fit{stroke-width:1.5}"
    "svg .c-level{stroke-width:1.5;stroke-opacity:.6}\n"
    ".s0{color:#1f77b4}.s1{color:#c25e00}.s2{color:#2ca02c}.s3{color:#d62728}"
    ".s4{color:#9467bd}.s5{color:#b06a5e}.s6{color:#c2479f}.s7{color:#0f8a96}\n"
    "svg path.d1{stroke-dasharray:8 4}svg path.d2{stroke-dasharray:2 3}"
    "svg path.d3{stroke-dasharray:9 3 2 3}svg path.d4{stroke-dasharray:4 2}"
    "svg path.d5{stroke-dasharray:12 6}\n"
    ".v-regressed{color:#d62728}.v-unresolved{color:#9467bd}.v-improved{color:#2ca02c}"
    ".v-noise{color:#8a8a00}.v-none{color:#7f7f7f}\n"
    ".band{color:#b5700a}svg rect.band{fill-opacity:.14;stroke-width:1}"
    "svg .zero{color:var(--muted)}\n"
    ".c-budget{color:var(--budget)}.c-broken{color:var(--bad)}"
    "svg line.budget{stroke-width:2;stroke-dasharray:9 3 2 3}svg text.budget{fill:currentColor}\n"
    ;

/* The verdict block at the top of a page (verdict.c). */
static const char css_verdict[] =
    ".verdict-block{border-left:4px solid var(--good);padding:4px 12px;margin:10px 0 18px}\n"
    ".verdict-block.bad{border-left-color:var(--bad)}\n"
    ".verdict-block ul{margin:4px 0;padding-left:18px}.verdict-block p{margin:4px 0}\n"
    ".verdict-line.bad b{color:var(--bad)}.verdict-line.good b{color:var(--good)}\n"
    ".endpoints{font-size:14px;color:var(--muted)}\n"
    "svg path.arrow{fill:currentColor;stroke-width:1}svg a text.tick{fill:var(--link)}\n"
    ".c-base{color:var(--fg)}svg circle.hollow-ring{fill:none;stroke-width:2}\n"
    "svg path.mark{fill:currentColor;fill-opacity:.75;stroke-width:1.2;stroke-dasharray:none}\n"
    ".marker{font-size:12px;margin-right:4px}\n"
    ".spark-range{font-size:12px;color:var(--muted);margin-left:4px;white-space:nowrap}\n"
    "ul.flags{margin:6px 0;padding-left:0;list-style:none}ul.flags li{margin:3px 0}\n"
    ".flag{color:#8a5a00;font-size:14px}td .flag{font-size:12px}\n"
    "@media (prefers-color-scheme:dark){.flag{color:#e8b860}}\n";

/* Below 760 px: narrow drawings, cards for tables. */
static const char css_narrow[] =
    "@media (max-width:759px){\n"
    "svg.wide{display:none}svg.narrow{display:block;width:100%;max-width:480px}\n"
    "header,main,footer{padding:0 12px}\n"
    "table.cards,table.cards tbody{display:block}table.cards thead{display:none}\n"
    "table.cards tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 14px;"
    "padding:8px 0;border-bottom:1px solid var(--rule)}\n"
    "table.cards td,table.cards th{border:0;padding:0;text-align:left}\n"
    "table.cards td:empty{display:none}table.cards .ci{display:inline;margin-left:4px}\n"
    "table.cards .n{white-space:normal}\n"
    "table.cards td[data-label]::before{content:attr(data-label) \" \";color:var(--muted);"
    "font-size:13px}\n"
    "table.cards .verdict{order:-3;font-size:16px}table.cards .chg{order:-2}"
    "table.cards .p{order:-1}\n"
    "table.cards .name,table.cards th{flex-basis:100%}\n"
    "}\n";

void cb_html_page_begin(cb_buf *h, const char *title, const char *group)
{
    cb_buf_puts(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>");
    cb_html_escape(h, title);
    cb_buf_puts(h, " \xc2\xb7 cryptbench</title>\n<style>\n");
    cb_buf_puts(h, css);
    cb_buf_puts(h, css_charts);
    cb_buf_puts(h, css_verdict);
    cb_buf_puts(h, css_narrow);
    cb_buf_puts(h, cb_html_flame_css);
    cb_buf_puts(h, "</style>\n</head>\n<body>\n<header><a href=\"index.html\">cryptbench "
                   "report</a>");
    if (group != NULL) {
        cb_buf_puts(h, " \xe2\x80\xba group ");
        cb_html_link(h, CB_HTML_GROUP, group);
    }
    cb_buf_puts(h, "</header>\n<main>\n<h1>");
    cb_html_name(h, title);
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
    cb_html_name(h, name);
    cb_buf_puts(h, "</a>");
}

const char *cb_html_rate_label(const cb_run *run, const cb_result *r)
{
    int bytes = r->throughput == CB_THROUGHPUT_BYTES;

    switch (run->measure) {
    case CB_MEASURE_CYCLES:
        return bytes ? "cycles/byte" : "cycles/element";
    case CB_MEASURE_INSTRUCTIONS:
        return bytes ? "instructions/byte" : "instructions/element";
    case CB_MEASURE_WALL:
        break;
    }
    return "thrpt";
}

cb_html_verdict cb_html_verdict_of(cb_verdict v)
{
    /* no default: a verdict added to cb_verdict makes the compiler point
     * here. An unresolved change ranks between the regressions and the
     * improvements: an interval too wide to tell may hide a regression */
    switch (v) {
    case CB_VERDICT_REGRESSED:
        return (cb_html_verdict){ "regressed", "regressed", "v-regressed", 0 };
    case CB_VERDICT_IMPROVED:
        return (cb_html_verdict){ "improved", "improved", "v-improved", 2 };
    case CB_VERDICT_WITHIN_NOISE:
        return (cb_html_verdict){ "within noise", "", "v-noise", 3 };
    case CB_VERDICT_UNRESOLVED:
        return (cb_html_verdict){ "unresolved", "unresolved", "v-unresolved", 1 };
    case CB_VERDICT_NO_CHANGE:
        break;
    }
    return (cb_html_verdict){ "no change", "", "v-none", 4 };
}

/* A value and, below it, its interval, in a cell of class cls labelled
 * `label` on a card. */
static void interval_cell(cb_buf *h, const char *cls, const char *label, const char *mid,
                          const char *lo, const char *hi)
{
    cb_buf_printf(h, "<td class=\"n %s\" data-label=\"%s\">", cls, label);
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
    cb_html_verdict  v = cb_html_verdict_of(c->verdict);
    char             lo[32], mid[32], hi[32], label[32];

    if (!r->has_change) {
        cb_buf_puts(h, "<td class=\"n chg\">new</td><td class=\"p\"></td><td></td>");
        return;
    }
    cb_format_percent(mid, sizeof mid, c->estimate.point);
    if (c->p_value < 0.0) {
        /* exact counts: no interval, no test */
        cb_buf_printf(h, "<td class=\"n chg\" data-label=\"change\">%s</td>"
                          "<td class=\"n p\">exact</td>", mid);
    } else {
        cb_format_percent(lo, sizeof lo, c->estimate.lower);
        cb_format_percent(hi, sizeof hi, c->estimate.upper);
        /* each row's change is of its own headline statistic: slope, mean or median */
        snprintf(label, sizeof label, "change (%s)", cb_statistic_name(c->statistic));
        interval_cell(h, "chg", label, mid, lo, hi);
        char p[32];

        cb_format_probability(p, sizeof p, c->p_value);
        cb_buf_printf(h, "<td class=\"n p\" data-label=\"p\">%s</td>", p);
    }
    cb_buf_printf(h, "<td class=\"verdict %s\">%s</td>", v.cls, v.words);
}

static void result_row(cb_buf *h, const cb_run *run, const cb_result *r, double threshold,
                       int changes, const cb_trend *trend, int trends, int note)
{
    const cb_estimate *e = cb_result_typical(r);
    const cb_estimate *t = &r->analysis.throughput;
    char               lo[48], mid[48], hi[48];

    if (r->failed) {
        cb_buf_puts(h, "<tr class=\"failed\"><td class=\"name\">");
        cb_html_name(h, r->name);
        cb_buf_printf(h, "</td><td class=\"why\" colspan=\"%d\">FAILED: ",
                      2 + (changes ? 3 : 0) + trends);
        cb_html_escape(h, r->failure);
        cb_buf_puts(h, "</td></tr>\n");
        return;
    }
    cb_buf_puts(h, "<tr><td class=\"name\">");
    cb_html_link(h, CB_HTML_BENCH, r->name);
    if (r->note != NULL && note) {
        /* a KDF below current guidance must be visible where it is listed */
        cb_buf_puts(h, "<br><span class=\"note\">");
        cb_html_escape(h, r->note);
        cb_buf_puts(h, "</span>");
    }
    cb_html_flags_inline(h, run, threshold, r);
    cb_buf_puts(h, "</td>");
    cb_format_value(lo, sizeof lo, e->lower, run->unit);
    cb_format_value(mid, sizeof mid, e->point, run->unit);
    cb_format_value(hi, sizeof hi, e->upper, run->unit);
    interval_cell(h, "est", run->measure == CB_MEASURE_WALL ? "time" : run->unit, mid, lo, hi);
    if (r->throughput != CB_THROUGHPUT_NONE && r->per_iteration > 0) {
        cb_html_format(mid, sizeof mid, t->point, run->unit, r->throughput);
        cb_buf_printf(h, "<td class=\"n\" data-label=\"%s\">", cb_html_rate_label(run, r));
        cb_html_escape(h, mid);
        cb_buf_puts(h, "</td>");
    } else {
        cb_buf_puts(h, "<td></td>");
    }
    if (changes) {
        change_cells(h, r);
    }
    if (trends) {
        cb_buf_puts(h, "<td class=\"trend\">");
        if (trend != NULL) {
            cb_html_sparkline(h, run, trend);
        }
        cb_buf_puts(h, "</td>");
    }
    cb_buf_puts(h, "</tr>\n");
}

void cb_html_results_table(cb_buf *h, const cb_run *run, const cb_result *const *rs, size_t n,
                           const cb_trend *const *trends, double threshold)
{
    size_t i;
    int    changes = 0, history = 0;

    for (i = 0; i < n; i++) {
        changes |= rs[i]->has_change;
        history |= trends != NULL && trends[i] != NULL && trends[i]->n >= 2;
    }
    cb_buf_printf(h, "<table class=\"results cards\">\n<thead><tr><th>Benchmark</th>"
                      "<th class=\"n\">%s (%.0f%% CI)</th><th class=\"n\">%s</th>",
                   run->measure == CB_MEASURE_WALL ? "Time" : "Count",
                   run->confidence * 100.0,
                   run->measure == CB_MEASURE_WALL ? "Throughput" : "Per unit");
    if (changes) {
        cb_buf_puts(h, "<th class=\"n\">Change</th><th class=\"n\">p</th>"
                       "<th>Verdict</th>");
    }
    if (history) {
        cb_buf_puts(h, "<th title=\"each run's estimate, oldest first, on a scale no shorter than "
                       "the noise threshold; beside it how far the lowest and highest run lie "
                       "apart\">History (spread)</th>");
    }
    cb_buf_puts(h, "</tr></thead>\n");
    for (i = 0; i < n; i++) {
        size_t j;

        /* a note said once: the rows after it with the same note are its */
        for (j = 0; j < i && !(rs[i]->note != NULL && rs[j]->note != NULL &&
                              strcmp(rs[i]->note, rs[j]->note) == 0);
             j++) {
        }
        result_row(h, run, rs[i], threshold, changes, history ? trends[i] : NULL, history,
                   j == i);
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
