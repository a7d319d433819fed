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

static void row(cb_svg *s, const cb_result *r, double at)
{
    const cb_change *c = &r->change;
    cb_html_verdict  v = cb_html_verdict_of(c->verdict);
    char             lo[32], mid[32], hi[32], title[512];

    cb_format_percent(mid, sizeof mid, c->estimate.point);
    if (c->p_value < 0.0) {
        snprintf(title, sizeof title, "%.300s: %s, exact counts: %s", r->name, mid, v.words);
    } else {
        cb_format_percent(lo, sizeof lo, c->estimate.lower);
        cb_format_percent(hi, sizeof hi, c->estimate.upper);
        char p[32];

        cb_format_probability(p, sizeof p, c->p_value);
        snprintf(title, sizeof title, "%.300s: %s [%s, %s], p = %s: %s", r->name, mid, lo, hi, p,
                 v.words);
        cb_svg_line(s, c->estimate.lower, at, c->estimate.upper, at, v.mark, NULL);
    }
    cb_svg_circle(s, c->estimate.point, at, 4.0, v.mark, title);
}

static void draw(cb_buf *h, const cb_result *const *rs, size_t n, const cb_html_rule *rule,
                 const char **names, const cb_html_layout *l)
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
    ay = (cb_svg_axis){ .labels = 1, .categories = names, .ncategories = n, .above = narrow };
    cb_svg_begin(&s, h, l->width,
                 FRAME_HEIGHT + (narrow ? ROW_NARROW : ROW_WIDE) * (double) n, &ax, &ay,
                 "each benchmark's change against the baseline, with its interval", l->cls);
    cb_svg_rect(&s, -threshold, 0.5, threshold, (double) n + 0.5, "band", "noise threshold");
    cb_svg_line(&s, 0.0, 0.5, 0.0, (double) n + 0.5, "zero", NULL);
    /* the resolution, where it falls on the chart: beyond it, unresolved */
    edge[0] = -rule->resolution;
    edge[1] = rule->resolution;
    for (i = 0; rule->resolution > 0.0 && i < 2; i++) {
        if (edge[i] > s.x.lo && edge[i] < s.x.hi) {
            cb_svg_line(&s, edge[i], 0.5, edge[i], (double) n + 0.5, "c-resolution", "resolution");
        }
    }
    for (i = 0; i < n; i++) {
        row(&s, rs[i], (double) (i + 1));
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
    char         text[64];
    size_t       i;

    if (names == NULL) {
        h->oom = 1;
        return;
    }
    for (i = 0; i < n; i++) {
        names[i] = rs[i]->name;
    }
    cb_buf_puts(h, "<figure>");
    for (i = 0; i < CB_HTML_NLAYOUTS; i++) {
        draw(h, rs, n, rule, names, &cb_html_layouts[i]);
    }
    free(names);
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
    cb_buf_puts(h, "An interval far wider than the rest is cut at the edge; its hover title has "
                   "it whole.</figcaption></figure>\n");
}
