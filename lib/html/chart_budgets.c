#include <math.h>
#include <stdio.h>
#include <string.h>

#include "html/chart.h"
#include "report/budget_text.h"
#include "stats/budget_check.h"

/* A budget this close to a plot's range (in spans of the range) widens the
 * range to be drawn as a line; one further off would squeeze the data into a
 * corner, and is named at the edge it lies beyond instead. */
#define WIDEN_SPANS 2.0
/* Room between a line and its label, and above a label's baseline, px. */
#define PAD 4.0
#define ASCENT 11.0
#define ROW 15.0
#define MAX_LABELS 32
/* cb_svg_text_width() is an average; a browser's system-ui draws some labels
 * ("median <= 40 ms") wider: labels keep clear of each other by this share of
 * their width more, and by GAP px. */
#define WIDTH_SLACK 0.2
#define GAP 6.0

void cb_html_budgets_widen(const cb_result *r, double *lo, double *hi)
{
    double span = *hi - *lo, a = *lo, b = *hi;
    size_t i;

    if (!(span > 0.0)) {
        return;
    }
    for (i = 0; i < r->nbudgets; i++) {
        double l = cb_budget_limit_ns(r, &r->budgets[i]);

        if (l > *hi && l <= *hi + WIDEN_SPANS * span) {
            b = fmax(b, l);
        } else if (l < *lo && l >= *lo - WIDEN_SPANS * span) {
            a = fmin(a, l);
        }
    }
    /* room for the label beside a line at the very edge */
    *hi = b > *hi ? b + 0.04 * (b - a) : *hi;
    *lo = a < *lo ? fmax(0.0, a - 0.04 * (b - a)) : *lo;
}

/* The labels placed on one drawing so far, so that the next keeps clear. */
typedef struct placed {
    double x0[MAX_LABELS], x1[MAX_LABELS], y0[MAX_LABELS], y1[MAX_LABELS];
    size_t n;
} placed;

static int collides(const placed *p, double x0, double x1, double y0, double y1)
{
    size_t i;

    for (i = 0; i < p->n; i++) {
        if (x0 < p->x1[i] + GAP && p->x0[i] < x1 + GAP && y0 < p->y1[i] && p->y0[i] < y1) {
            return 1;
        }
    }
    return 0;
}

/*
 * Writes text at (px, py) anchored `end` or at its start, kept inside the
 * plot area and clear of the labels placed before it: moved a row down (from
 * the top again past the bottom) until it is.
 */
static void place(cb_svg *s, placed *p, double px, double py, int end, const char *cls,
                  const char *text, const char *title)
{
    double w = cb_svg_text_width(text), x0, rows = floor((s->bottom - s->top) / ROW);
    int    tries;

    x0 = end ? px - w : px;
    x0 = fmin(fmax(x0, s->left + 2.0), s->right - 2.0 - w);
    /* drawn from x0 on, as wide as a browser might draw it */
    w *= 1.0 + WIDTH_SLACK;
    py = fmin(fmax(py, s->top + ASCENT + 1.0), s->bottom - 3.0);
    for (tries = 0; tries < (int) rows && collides(p, x0, x0 + w, py - ASCENT, py + 3.0); tries++) {
        py += ROW;
        if (py > s->bottom - 3.0) {
            py = s->top + ASCENT + 1.0;
        }
    }
    if (p->n < MAX_LABELS) {
        p->x0[p->n] = x0;
        p->x1[p->n] = x0 + w;
        p->y0[p->n] = py - ASCENT;
        p->y1[p->n] = py + 3.0;
        p->n++;
    }
    cb_svg_text(s, x0, py, "start", cls, text, title);
}

/* What a budget's line and label say on hover: the budget in words, the
 * verdict, the measured value and what it is of, and where the budget's
 * numbers come from. */
static void hover(char *buf, size_t size, const cb_result *r, const cb_budget_outcome *o)
{
    char limit[96], measured[48], source[96], margin[48];

    cb_budget_text_limit(limit, sizeof limit, o);
    cb_budget_text_measured(measured, sizeof measured, r, o);
    cb_budget_text_source(source, sizeof source, o);
    cb_budget_text_margin(margin, sizeof margin, o);
    snprintf(buf, size, "budget %s (%s): %s, %s (%s), %s%s%s", limit, o->match,
             o->held ? "held" : "broken", measured, source, margin,
             o->comment != NULL ? ". " : "", o->comment != NULL ? o->comment : "");
}

/* One budget at time-per-iteration l on a drawing of `kind`. */
static void draw_one(cb_svg *s, placed *p, double l, cb_html_budget_axis kind, const char *cls,
                     const char *label, const char *title)
{
    char   text[160];
    double xend;

    if (kind == CB_HTML_BUDGET_X) {
        if (l > s->x.hi || l < s->x.lo) {
            snprintf(text, sizeof text, l > s->x.hi ? "%s \xe2\x86\x92" : "\xe2\x86\x90 %s", label);
            place(s, p, l > s->x.hi ? s->right - PAD : s->left + PAD, s->top + ASCENT + 1.0,
                  l > s->x.hi, cls, text, title);
            return;
        }
        cb_svg_line(s, l, s->y.lo, l, s->y.hi, cls, title);
        /* beside the line, on whichever side has room */
        place(s, p, cb_svg_px(s, l) + (cb_svg_px(s, l) > (s->left + s->right) / 2 ? -PAD : PAD),
              s->top + ASCENT + 1.0, cb_svg_px(s, l) > (s->left + s->right) / 2, cls, label,
              title);
        return;
    }
    if (kind == CB_HTML_BUDGET_Y) {
        if (l > s->y.hi || l < s->y.lo) {
            snprintf(text, sizeof text, l > s->y.hi ? "\xe2\x86\x91 %s" : "\xe2\x86\x93 %s", label);
            place(s, p, s->right - PAD, l > s->y.hi ? s->top + ASCENT + 1.0 : s->bottom - 3.0, 1,
                  cls, text, title);
            return;
        }
        cb_svg_line(s, s->x.lo, l, s->x.hi, l, cls, title);
        place(s, p, s->right - PAD, cb_svg_py(s, l) - PAD, 1, cls, label, title);
        return;
    }
    /* a total of l per iteration: the line y = l x, up to where it leaves the frame */
    xend = fmin(s->x.hi, s->y.hi / l);
    cb_svg_line(s, 0.0, 0.0, xend, l * xend, cls, title);
    if (xend < s->x.hi) {
        place(s, p, cb_svg_px(s, xend) + PAD, s->top + ASCENT + 1.0, 0, cls, label, title);
    } else {
        place(s, p, s->right - PAD, cb_svg_py(s, l * xend) - PAD, 1, cls, label, title);
    }
}

void cb_html_budgets_draw(cb_svg *s, const cb_result *r, cb_html_budget_axis kind)
{
    placed p;
    char   label[96], title[768];
    size_t i;

    p.n = 0;
    for (i = 0; i < r->nbudgets; i++) {
        const cb_budget_outcome *o = &r->budgets[i];
        double                   l = cb_budget_limit_ns(r, o);

        if (!(l > 0.0) || !isfinite(l)) {
            continue;
        }
        cb_budget_text_short(label, sizeof label, o);
        hover(title, sizeof title, r, o);
        draw_one(s, &p, l, kind, o->held ? "budget c-budget" : "budget c-broken", label, title);
    }
}

void cb_html_budgets_keys(cb_buf *h, const cb_result *r)
{
    size_t i, held = 0, drawn = 0;

    for (i = 0; i < r->nbudgets; i++) {
        /* a memory figure's limit is no line on a chart of times */
        if (isfinite(cb_budget_limit_ns(r, &r->budgets[i]))) {
            drawn++;
            held += r->budgets[i].held != 0;
        }
    }
    if (held > 0) {
        cb_html_key(h, "c-budget", "dash", "budget, held");
    }
    if (held < drawn) {
        cb_html_key(h, "c-broken", "dash", "budget, broken");
    }
}
