#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/chart.h"
#include "html/flame.h"
#include "html/svg.h"
#include "report/profile_text.h"

/* A row of the icicle, px; a node narrower than this share of the loop is
 * left out with its callees (below a pixel at the chart's width); the rows
 * shown at most. */
#define ROW 18.0
#define MIN_SHARE 0.0015
#define MAX_ROWS 48
/* About the width of one character of a label at 11 px, px. */
#define LABEL_CHAR 6.3
/* Functions the page's tables list. */
#define TABLE_TOP 12

const char cb_html_flame_css[] =
    "svg .fl{fill-opacity:.85;stroke:#fff;stroke-width:.6}\n"
    "svg text.fl-label{font-size:11px;fill:#1d1d1f;stroke:none;pointer-events:none}\n"
    ".h0{color:#e8743b}.h1{color:#f2a541}.h2{color:#e05a47}.h3{color:#f5c35b}"
    ".h4{color:#d9822b}.h5{color:#ee9a63}\n"
    ".d-same{color:#cfcfcf}.d-up1{color:#f4a582}.d-up2{color:#d6604d}.d-up3{color:#b2182b}"
    ".d-down1{color:#92c5de}.d-down2{color:#4393c3}.d-down3{color:#2166ac}\n"
    ".flames{display:flex;flex-wrap:wrap;gap:10px}.flames figure{flex:1 1 240px;margin:6px 0}\n";

/* A colour of the warm palette, the same for a name wherever it shows. */
static unsigned hue(const char *name)
{
    unsigned h = 2166136261u;

    for (; *name != '\0'; name++) {
        h = (h ^ (unsigned char) *name) * 16777619u;
    }
    return h % 6u;
}

/* The class of a node of the differential icicle: by how much its inclusive
 * count moved, a new call path counting as grown. */
static const char *change_class(double before, double now)
{
    double r;

    if (!(before > 0.0)) {
        return now > 0.0 ? "fl d-up3" : "fl d-same";
    }
    r = (now - before) / before;
    if (fabs(r) < 0.005) {
        return "fl d-same";
    }
    if (r > 0.0) {
        return r < 0.05 ? "fl d-up1" : r < 0.25 ? "fl d-up2" : "fl d-up3";
    }
    return r > -0.05 ? "fl d-down1" : r > -0.25 ? "fl d-down2" : "fl d-down3";
}

/* The name in a bar px wide, cut to fit with an ellipsis; nothing when not
 * three characters fit. A cut never splits a UTF-8 sequence. */
static void label(cb_buf *h, const cb_svg *s, double x0, double x1, double y, const char *name)
{
    double px0 = cb_svg_px(s, x0), px1 = cb_svg_px(s, x1);
    size_t fit = (size_t) fmax(0.0, (px1 - px0 - 6.0) / LABEL_CHAR), len = strlen(name);
    char   cut[256];

    if (fit < 3) {
        return;
    }
    if (len > fit || len >= sizeof cut) {
        len = fit - 1 < sizeof cut - 4 ? fit - 1 : sizeof cut - 4;
        while (len > 0 && ((unsigned char) name[len] & 0xc0) == 0x80) {
            len--;
        }
        memcpy(cut, name, len);
        memcpy(cut + len, "\xe2\x80\xa6", 4);
    } else {
        memcpy(cut, name, len + 1);
    }
    cb_buf_printf(h, "<text class=\"fl-label\" x=\"%.1f\" y=\"%.1f\">", px0 + 3.0,
                  cb_svg_py(s, y) + 12.5);
    cb_html_escape(h, cut);
    cb_buf_puts(h, "</text>");
}

/* What a bar's hover says. */
static void bar_title(char *buf, size_t size, const cb_profile *p, const cb_profile_node *v,
                      const cb_profile_diff *d, size_t i)
{
    char name[512], total[32], self[32], before[32];
    int  k;

    cb_profile_text_name(name, sizeof name, v->name, v->object);
    cb_profile_text_count(total, sizeof total, v->total);
    cb_profile_text_count(self, sizeof self, v->self);
    k = snprintf(buf, size, "%s: %.2f%% of the loop, %s instructions per iteration (self %s)",
                 name, 100.0 * v->total / p->total, total, self);
    if (d != NULL && k > 0 && (size_t) k < size) {
        cb_profile_text_count(before, sizeof before, d->old_node_total[i]);
        snprintf(buf + k, size - (size_t) k, "; the baseline: %s", before);
    }
}

/* One drawing of the icicle, width px wide, shown by the page's stylesheet
 * as cls ("wide", "narrow"; NULL at any width). */
static void draw(cb_buf *h, const cb_profile *p, const cb_profile_diff *d, double width,
                 const char *cls)
{
    double     *x0 = calloc(p->nnodes + 1, sizeof *x0), *used = calloc(p->nnodes + 1, sizeof *used);
    char       *shown = calloc(p->nnodes + 1, 1);
    char        title[1024], hue_cls[16];
    size_t      i, rows = 1;
    cb_svg      s;
    cb_svg_axis ax = { 0 }, ay = { 0 };

    if (x0 == NULL || used == NULL || shown == NULL) {
        h->oom = 1;
        free(x0);
        free(used);
        free(shown);
        return;
    }
    /* callees side by side from their caller's left edge, in the profile's
     * order (the costliest first); a node's own instructions after them */
    for (i = 0; i < p->nnodes; i++) {
        const cb_profile_node *v = &p->nodes[i];

        if (i > 0) {
            x0[i] = x0[v->parent] + used[v->parent];
            used[v->parent] += v->total;
        }
        shown[i] = (i == 0 || shown[v->parent]) && v->total / p->total >= MIN_SHARE &&
                   v->depth < MAX_ROWS;
        rows = shown[i] && v->depth + 1 > rows ? v->depth + 1 : rows;
    }
    ax.lo = 0.0;
    ax.hi = 100.0;
    ax.labels = 1;
    /* a narrow icicle (a phone's, a sweep's) has room for a short title only */
    ax.title = width >= 500.0 ? "share of the measured loop's instructions (%)"
                              : "% of the loop's instructions";
    ay.lo = 0.0;
    ay.hi = (double) rows;
    cb_svg_begin(&s, h, width, ROW * (double) rows + 56.0, &ax, &ay,
                 d != NULL ? "differential icicle of the measured loop"
                           : "icicle of the measured loop",
                 cls);
    for (i = 0; i < p->nnodes; i++) {
        const cb_profile_node *v = &p->nodes[i];
        double                 a = 100.0 * x0[i] / p->total;
        double                 b = 100.0 * (x0[i] + v->total) / p->total;
        double                 top = (double) (rows - v->depth);

        if (!shown[i]) {
            continue;
        }
        bar_title(title, sizeof title, p, v, d, i);
        snprintf(hue_cls, sizeof hue_cls, "fl h%u", hue(v->name));
        cb_svg_rect(&s, a, top - 1.0, b, top,
                    d != NULL ? change_class(d->old_node_total[i], v->total) : hue_cls, title);
        label(h, &s, a, b, top, v->name);
    }
    cb_svg_end(&s);
    free(x0);
    free(used);
    free(shown);
}

void cb_html_flame(cb_buf *h, const cb_profile *p, const cb_profile_diff *d, const char *caption)
{
    size_t i;

    if (p->nnodes == 0 || !(p->total > 0.0)) {
        return;
    }
    cb_buf_puts(h, "<figure>");
    for (i = 0; i < CB_HTML_NLAYOUTS; i++) {
        draw(h, p, d, cb_html_layouts[i].width, cb_html_layouts[i].cls);
    }
    cb_buf_puts(h, "<figcaption>");
    cb_html_escape(h, caption);
    cb_buf_puts(h, "</figcaption></figure>\n");
}

/* A row of a table of functions: name and object, then the cells. */
static void name_cells(cb_buf *h, const char *name, const char *object)
{
    cb_buf_puts(h, "<tr><td class=\"name\"><code>");
    cb_html_escape(h, name);
    cb_buf_puts(h, "</code></td><td data-label=\"in\">");
    cb_html_escape(h, object);
    cb_buf_puts(h, "</td>");
}

static void top_table(cb_buf *h, const cb_profile *p)
{
    char   count[32];
    size_t i;

    cb_buf_puts(h, "<table class=\"cards\">\n<thead><tr><th>Function</th><th>Object</th>"
                   "<th class=\"n\">Self per iteration</th><th class=\"n\">Self</th>"
                   "<th class=\"n\">Inclusive</th></tr></thead>\n");
    for (i = 0; i < p->nfns && i < TABLE_TOP; i++) {
        const cb_profile_fn *f = &p->fns[i];

        cb_profile_text_count(count, sizeof count, f->self);
        name_cells(h, f->name, f->object);
        cb_buf_printf(h, "<td class=\"n\" data-label=\"self per iteration\">%s</td>"
                         "<td class=\"n\" data-label=\"self\">%.2f%%</td>"
                         "<td class=\"n\" data-label=\"inclusive\">%.2f%%</td></tr>\n",
                      count, 100.0 * f->self / p->total, 100.0 * f->total / p->total);
    }
    cb_buf_puts(h, "</table>\n");
}

static void grew_table(cb_buf *h, const cb_profile_diff *d)
{
    double change = d->new_total - d->old_total;
    char   before[32], after[32], by[32], calls[80];
    size_t i;

    cb_buf_puts(h, "<table class=\"cards\">\n<thead><tr><th>Function</th><th>Object</th>"
                   "<th class=\"n\">Baseline</th><th class=\"n\">This run</th>"
                   "<th class=\"n\">Change</th><th class=\"n\">Calls</th>"
                   "<th class=\"n\">Of the change</th></tr></thead>\n");
    for (i = 0; i < d->n && i < TABLE_TOP; i++) {
        const cb_profile_change *c = &d->changes[i];
        double                   delta = c->new_self - c->old_self;

        cb_profile_text_count(before, sizeof before, c->old_self);
        cb_profile_text_count(after, sizeof after, c->new_self);
        cb_profile_text_count(by, sizeof by, fabs(delta));
        cb_profile_text_calls(calls, sizeof calls, c, "→");
        name_cells(h, c->name, c->object);
        cb_buf_printf(h, "<td class=\"n\" data-label=\"baseline\">%s</td>"
                         "<td class=\"n\" data-label=\"this run\">%s</td>"
                         "<td class=\"n\" data-label=\"change\">%c%s</td>"
                         "<td class=\"n\" data-label=\"calls\">%s</td>",
                      before, after, delta < 0.0 ? '-' : '+', by, calls);
        if (change != 0.0) {
            cb_buf_printf(h, "<td class=\"n\" data-label=\"of the change\">%.1f%%</td></tr>\n",
                          100.0 * delta / change);
        } else {
            cb_buf_puts(h, "<td class=\"n\"></td></tr>\n");
        }
    }
    cb_buf_puts(h, "</table>\n");
}

void cb_html_flame_section(cb_buf *h, const cb_result *r)
{
    const cb_profile *p = r->profile;
    char              total[32], caption[256];

    if (p == NULL || !(p->total > 0.0)) {
        return;
    }
    cb_profile_text_count(total, sizeof total, p->total);
    cb_buf_printf(h, "<h2>Profile</h2>\n<p class=\"note\">Where the measured loop's %s "
                     "instructions per iteration go, from callgrind's call chains over %zu "
                     "samples (%.0f iterations); the harness and the set-up are not counted. "
                     "Each bar is a function called from the one above it, as wide as its "
                     "share; hover over a bar for its counts. A function without a symbol "
                     "shows as its address: the library's debug symbols name it.</p>\n",
                  total, p->samples, p->iterations);
    snprintf(caption, sizeof caption, "%s instructions per iteration", total);
    cb_html_flame(h, p, NULL, caption);
    cb_buf_puts(h, "<h3>Functions with the most instructions of their own</h3>\n");
    top_table(h, p);
    if (r->grew == NULL) {
        return;
    }
    cb_buf_puts(h, "<h3>What changed against the baseline's profile</h3>\n");
    if (r->grew->n == 0) {
        cb_buf_puts(h, "<p>No function's instructions per iteration changed.</p>\n");
        return;
    }
    cb_buf_puts(h, "<p class=\"note\">This run's icicle, each call path coloured by how its "
                   "instructions moved against the baseline's: red grew (darker: more than 5% "
                   "and 25%), blue shrank, grey stayed within 0.5%; a path new in this run is "
                   "dark red. In the table, Calls is each function's calls per iteration, "
                   "baseline → this run: a function called more often, or each call "
                   "costlier.</p>\n");
    cb_html_flame(h, p, r->grew, "differential icicle");
    grew_table(h, r->grew);
}

/* The icicles of one sweep's points, side by side. */
static void sweep_row(cb_buf *h, const cb_sweep *sw)
{
    double width = cb_html_layouts[0].width / (double) (sw->n < 4 ? sw->n : 4);
    char   caption[256], total[32];
    size_t i;

    cb_buf_puts(h, "<h3>");
    cb_html_escape(h, sw->series);
    cb_buf_puts(h, "</h3>\n<div class=\"flames\">\n");
    for (i = 0; i < sw->n; i++) {
        const cb_result *r = sw->points[i];

        if (r->profile == NULL) {
            continue;
        }
        cb_profile_text_count(total, sizeof total, r->profile->total);
        snprintf(caption, sizeof caption, "%s%s%.0f: %s instructions per iteration",
                 sw->param_name != NULL ? sw->param_name : "", sw->param_name != NULL ? " " : "",
                 cb_sweep_x(sw, i), total);
        if (r->profile->nnodes == 0 || !(r->profile->total > 0.0)) {
            continue;
        }
        /* one drawing at every width: the row wraps on a narrow window */
        cb_buf_puts(h, "<figure>");
        draw(h, r->profile, NULL, width, NULL);
        cb_buf_puts(h, "<figcaption>");
        cb_html_escape(h, caption);
        cb_buf_puts(h, "</figcaption></figure>\n");
    }
    cb_buf_puts(h, "</div>\n");
}

void cb_html_flame_sweeps(cb_buf *h, const cb_groups *g)
{
    size_t i, j, profiled, rows = 0;

    for (i = 0; i < g->nsweeps; i++) {
        const cb_sweep *sw = &g->sweeps[i];

        for (j = 0, profiled = 0; j < sw->n; j++) {
            profiled += sw->points[j]->profile != NULL;
        }
        if (profiled < 2) {
            continue;
        }
        if (rows++ == 0) {
            cb_buf_puts(h, "<h2>Profiles across parameters</h2>\n<p class=\"note\">Each "
                           "icicle is one parameter's measured loop, its width the whole loop: "
                           "the shares of a fixed cost (a key set-up) shrink as the parameter's "
                           "work grows. Hover over a bar for its counts; each benchmark's page "
                           "has its table.</p>\n");
        }
        sweep_row(h, sw);
    }
}
