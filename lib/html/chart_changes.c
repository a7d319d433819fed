#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/format.h"
#include "html/chart.h"
#include "html/page.h"

/* Height of a row, px: a name beside its interval (wide), or above it
 * (narrow). */
#define ROW_WIDE 22.0
#define ROW_NARROW 36.0
/* Above and below the rows: the frame's margins and the axis. */
#define FRAME_HEIGHT 60.0

/* A row's marks in a narrow drawing stay in this part of it, in rows (1 the
 * row's height) from its centre: its name is above it. */
#define NARROW_ABOVE 0.12
#define NARROW_BELOW 0.24

static void row(cb_svg *s, const cb_result *r, double at, const char *href)
{
    const cb_change *c = &r->change;
    cb_html_verdict  v = cb_html_verdict_of(c->verdict);
    char             lo[32], mid[32], hi[32], p[16], title[512];

    cb_svg_link_begin(s, href);
    cb_format_percent(mid, sizeof mid, c->estimate.point);
    if (c->p_value < 0.0) {
        snprintf(title, sizeof title, "%.300s: %s, exact counts: %s", r->name, mid, v.words);
    } else {
        cb_format_percent(lo, sizeof lo, c->estimate.lower);
        cb_format_percent(hi, sizeof hi, c->estimate.upper);
        cb_format_probability(p, sizeof p, c->p_value);
        snprintf(title, sizeof title, "%.300s: %s [%s, %s], p = %s: %s", r->name, mid, lo, hi,
                 p, v.words);
        cb_svg_line(s, c->estimate.lower, at, c->estimate.upper, at, v.mark, NULL);
        /* an interval cut at the edge goes on: it must not look as if it ended there */
        if (c->estimate.lower < s->x.lo) {
            cb_svg_arrow(s, s->x.lo, at, -1, v.mark, title);
        }
        if (c->estimate.upper > s->x.hi) {
            cb_svg_arrow(s, s->x.hi, at, 1, v.mark, title);
        }
    }
    cb_svg_circle(s, c->estimate.point, at, 4.0, v.mark, title);
    cb_svg_link_end(s);
}

/* A vertical mark at x across every row (rect: the band from x to x1), in a
 * narrow drawing one piece per row, below the row's name. */
static void across(cb_svg *s, size_t n, int narrow, double x, double x1, const char *cls,
                   const char *title)
{
    size_t i;

    if (!narrow) {
        if (x1 > x) {
            cb_svg_rect(s, x, 0.5, x1, (double) n + 0.5, cls, title);
        } else {
            cb_svg_line(s, x, 0.5, x, (double) n + 0.5, cls, title);
        }
        return;
    }
    for (i = 1; i <= n; i++) {
        double a = (double) i - NARROW_ABOVE, b = (double) i + NARROW_BELOW;

        if (x1 > x) {
            cb_svg_rect(s, x, a, x1, b, cls, title);
        } else {
            cb_svg_line(s, x, a, x, b, cls, title);
        }
    }
}

static void draw(cb_buf *h, const cb_result *const *rs, size_t n, const cb_html_rule *rule,
                 const char **names, const char **links, const cb_html_layout *l)
{
    int         narrow = l->width < cb_html_layouts[0].width;
    double      threshold = rule->threshold, lo = -threshold, hi = threshold, wlo, whi, span, pad;
    double      edge[2];
    cb_svg      s;
    cb_svg_axis ax = { 0 }, ay = { 0 };
    size_t      i;

    /* every change and the band, then the intervals, but never more than
     * half as wide again: one run that could not settle (+15 [-20, +1500]%)
     * must not squeeze every other change onto zero; its interval is cut at
     * the edge */
    for (i = 0; i < n; i++) {
        lo = fmin(lo, rs[i]->change.estimate.point);
        hi = fmax(hi, rs[i]->change.estimate.point);
    }
    span = hi - lo;
    wlo = lo;
    whi = hi;
    for (i = 0; i < n; i++) {
        wlo = fmin(wlo, rs[i]->change.estimate.lower);
        whi = fmax(whi, rs[i]->change.estimate.upper);
    }
    lo = fmax(wlo, lo - span / 2.0);
    hi = fmin(whi, hi + span / 2.0);
    pad = (hi - lo) * 0.08;
    lo -= pad;
    hi += pad;
    cb_svg_nice_range(&lo, &hi, narrow ? 4 : 8);
    ax = (cb_svg_axis){ .lo = lo, .hi = hi, .scale = 0.01, .labels = 1,
                        .title = "change of the estimate (%)" };
    ay = (cb_svg_axis){ .labels = 1, .categories = names, .ncategories = n, .above = narrow,
                        .links = links };
    cb_svg_begin(&s, h, l->width,
                 FRAME_HEIGHT + (narrow ? ROW_NARROW : ROW_WIDE) * (double) n, &ax, &ay,
                 "each benchmark's change against the baseline, with its interval", l->cls);
    across(&s, n, narrow, -threshold, threshold, "band", "noise threshold");
    across(&s, n, narrow, 0.0, 0.0, "zero", NULL);
    /* the resolution, where it falls on the chart: beyond it, unresolved */
    edge[0] = -rule->resolution;
    edge[1] = rule->resolution;
    for (i = 0; rule->resolution > 0.0 && i < 2; i++) {
        if (edge[i] > s.x.lo && edge[i] < s.x.hi) {
            across(&s, n, narrow, edge[i], edge[i], "c-resolution", "resolution");
        }
    }
    for (i = 0; i < n; i++) {
        row(&s, rs[i], (double) (i + 1), links[i]);
    }
    cb_svg_end(&s);
}

void cb_html_chart_changes(cb_buf *h, const cb_result *const *rs, size_t n,
                           const cb_html_rule *rule)
{
    /* in the order they are listed */
    static const cb_verdict all[] = { CB_VERDICT_REGRESSED, CB_VERDICT_UNRESOLVED,
                                      CB_VERDICT_IMPROVED, CB_VERDICT_WITHIN_NOISE,
                                      CB_VERDICT_NO_CHANGE };
    const char **names = malloc((n + 1) * sizeof *names);
    const char **links = malloc((n + 1) * sizeof *links);
    /* room for a '#' before each file name: an anchor on the same page */
    char        *files = malloc((n + 1) * (CB_HTML_FILE_MAX + 1));
    char         text[64];
    size_t       i;

    if (names == NULL || links == NULL || files == NULL) {
        free(names);
        free(links);
        free(files);
        h->oom = 1;
        return;
    }
    for (i = 0; i < n; i++) {
        names[i] = rs[i]->name;
        char *at = files + i * (CB_HTML_FILE_MAX + 1);

        at[0] = '#';
        cb_html_file_name(at + 1, CB_HTML_BENCH, rs[i]->name);
        links[i] = rule->anchors ? at : at + 1;
    }
    cb_buf_puts(h, "<figure>");
    for (i = 0; i < CB_HTML_NLAYOUTS; i++) {
        draw(h, rs, n, rule, names, links, &cb_html_layouts[i]);
    }
    free(names);
    free(links);
    free(files);
    cb_buf_puts(h, "<p class=\"keys\">");
    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        cb_html_verdict v = cb_html_verdict_of(all[i]);

        cb_html_key(h, v.mark, "dot", v.words);
    }
    snprintf(text, sizeof text, "noise threshold, \xc2\xb1%.3g%%", rule->threshold * 100.0);
    cb_html_key(h, "band", "box", text);
    if (rule->resolution > 0.0) {
        snprintf(text, sizeof text, "resolution, \xc2\xb1%.3g%%", rule->resolution * 100.0);
        cb_html_key(h, "c-resolution", "dash", text);
    }
    cb_buf_puts(h, "</p><figcaption>The change of each compared benchmark's estimate (the slope "
                   "of a linear run, the mean of a flat one), with its interval, regressions "
                   "first, then the largest changes. ");
    if (rule->resolution > 0.0) {
        char level[32];

        cb_format_probability(level, sizeof level, rule->significance);
        cb_buf_printf(h, "A change counts when p &lt; %s, family-wise over the %zu "
                         "comparison%s, and its whole interval lies beyond the noise threshold, "
                         "\xc2\xb1%.3g%%, shaded; one whose interval reaches beyond \xc2\xb1%.3g%% "
                         "(the resolution, dashed) is unresolved, never &ldquo;no change&rdquo;. ",
                      level, rule->comparisons, rule->comparisons == 1 ? "" : "s",
                      rule->threshold * 100.0, rule->resolution * 100.0);
    } else {
        cb_buf_printf(h, "Instruction counts are exact: a change counts when it exceeds the "
                         "noise threshold, \xc2\xb1%.3g%%, shaded. ", rule->threshold * 100.0);
    }
    cb_buf_puts(h, "An interval far wider than the rest is cut at the edge, where an arrow shows "
                   "that it goes on; its hover title has it whole. Each row leads to its "
                   "benchmark's page.</figcaption></figure>\n");
}
