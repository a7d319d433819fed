#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/svg.h"

/* Room around the plot area for tick labels and axis titles, px. */
#define MARGIN_LEFT 66.0
#define MARGIN_LEFT_BARE 26.0
#define MARGIN_RIGHT 18.0
#define MARGIN_TOP 12.0
#define MARGIN_BOTTOM 44.0
#define MARGIN_BARE 2.0
/* About this many px between ticks: labels never touch at 12 px type. */
#define TICK_SPACING_X 90.0
#define TICK_SPACING_Y 45.0
/* A rough width of one character of the 12 px labels, for keeping labels
 * apart and cutting long ones; the least room between two labels; a line's
 * height. */
#define CHAR_WIDTH 6.8
#define LABEL_GAP 8.0
#define LINE_HEIGHT 14.0

double cb_svg_nice_step(double span, int target)
{
    double raw = span / (target > 0 ? target : 1);
    double mag = pow(10.0, floor(log10(raw)));
    double f = raw / mag;

    return (f < 1.5 ? 1.0 : f < 3.5 ? 2.0 : f < 7.5 ? 5.0 : 10.0) * mag;
}

size_t cb_svg_ticks(double lo, double hi, int target, double *ticks, double *step)
{
    double s, first;
    size_t n = 0;

    *step = 0.0;
    if (!(lo < hi) || !isfinite(lo) || !isfinite(hi)) {
        return 0;
    }
    s = cb_svg_nice_step(hi - lo, target);
    /* tolerances: lo and hi often are multiples of s, up to rounding */
    first = ceil(lo / s - 1e-9);
    while (n < CB_SVG_MAX_TICKS) {
        double v = (first + (double) n) * s;

        if (v > hi + s * 1e-9) {
            break;
        }
        ticks[n++] = fabs(v) < s * 1e-9 ? 0.0 : v;
    }
    *step = s;
    return n;
}

size_t cb_svg_log_ticks(double lo, double hi, double *ticks)
{
    static const double all[] = { 1.0, 2.0, 5.0 };
    int                 k, first = (int) floor(log10(lo)), last = (int) ceil(log10(hi));
    size_t              n = 0, i, per = hi / lo >= 1000.0 ? 1 : 3;
    double              step;

    for (k = first; k <= last; k++) {
        for (i = 0; i < per && n < CB_SVG_MAX_TICKS; i++) {
            double v = all[i] * pow(10.0, k);

            if (v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9)) {
                ticks[n++] = v;
            }
        }
    }
    /* less than a decade with no round number in it: 300 to 700 */
    return n >= 2 ? n : cb_svg_ticks(lo, hi, 4, ticks, &step);
}

void cb_svg_nice_range(double *lo, double *hi, int target)
{
    double step;

    if (!(*lo < *hi)) {
        double d = *lo != 0.0 ? fabs(*lo) * 0.1 : 1.0;

        *lo -= d;
        *hi += d;
    }
    step = cb_svg_nice_step(*hi - *lo, target);
    *lo = floor(*lo / step + 1e-9) * step;
    *hi = ceil(*hi / step - 1e-9) * step;
}

void cb_svg_tick_label(char *buf, size_t size, double v, double step, double suffix_of)
{
    static const char *const suffix[] = { "", "k", "M", "G", "T" };
    size_t                   j = 0;
    int                      decimals;

    if (!(step > 0.0)) {
        step = 1.0;
    }
    if (fabs(v) < step * 1e-6) {
        snprintf(buf, size, "0");
        return;
    }
    for (suffix_of = fabs(suffix_of);
         suffix_of >= 1e3 * (1.0 - 1e-9) && j + 1 < sizeof suffix / sizeof suffix[0]; j++) {
        suffix_of /= 1e3;
        v /= 1e3;
        step /= 1e3;
    }
    decimals = step >= 1.0 - 1e-9 ? 0 : (int) ceil(-log10(step) - 1e-9);
    snprintf(buf, size, "%.*f%s", decimals > 12 ? 12 : decimals, v, suffix[j]);
}

static double fraction(const cb_svg_axis *a, double v)
{
    double f;

    if (a->log) {
        f = (log10(v > 0.0 ? v : a->lo) - log10(a->lo)) / (log10(a->hi) - log10(a->lo));
    } else {
        f = (v - a->lo) / (a->hi - a->lo);
    }
    /* never outside the frame, whatever the caller asked for */
    return !(f > 0.0) ? 0.0 : f > 1.0 ? 1.0 : f;
}

double cb_svg_px(const cb_svg *s, double x)
{
    return s->left + fraction(&s->x, x) * (s->right - s->left);
}

double cb_svg_py(const cb_svg *s, double y)
{
    return s->bottom - fraction(&s->y, y) * (s->bottom - s->top);
}

static void title(cb_svg *s, const char *text)
{
    if (text != NULL) {
        cb_buf_puts(s->out, "<title>");
        cb_html_escape(s->out, text);
        cb_buf_puts(s->out, "</title>");
    }
}

/* Opens an element with its classes (extra: one the writer adds, or ""); the
 * caller writes the geometry. */
static void open_mark(cb_svg *s, const char *element, const char *cls, const char *extra)
{
    cb_buf_printf(s->out, "<%s class=\"", element);
    cb_html_escape(s->out, cls);
    cb_buf_printf(s->out, "%s%s\"", extra[0] != '\0' ? " " : "", extra);
}

/* Ends an element opened with open_mark(): self-closing without a title. */
static void close_mark(cb_svg *s, const char *element, const char *text)
{
    if (text == NULL) {
        cb_buf_puts(s->out, "/>");
    } else {
        cb_buf_puts(s->out, ">");
        title(s, text);
        cb_buf_printf(s->out, "</%s>", element);
    }
}

/* Ticks of one axis into ticks, which holds CB_SVG_MAX_TICKS or, for a
 * category axis, a tick per category; *step for their labels (0: each its
 * own power of ten, as on a log axis). */
static size_t axis_ticks(const cb_svg_axis *a, double length, double spacing, double *ticks,
                         double *step)
{
    double scale = a->scale > 0.0 ? a->scale : 1.0;
    int    target = (int) (length / spacing);
    size_t i, n;

    *step = 0.0;
    if (a->ncategories > 0) {
        for (n = 0; n < a->ncategories; n++) {
            ticks[n] = (double) (n + 1);
        }
        return n;
    }
    if (a->nat > 0) {
        for (n = 0; n < a->nat && n < CB_SVG_MAX_TICKS; n++) {
            ticks[n] = a->at[n];
        }
        return n;
    }
    if (a->log) {
        n = cb_svg_log_ticks(a->lo / scale, a->hi / scale, ticks);
    } else {
        n = cb_svg_ticks(a->lo / scale, a->hi / scale, target < 2 ? 2 : target, ticks, step);
    }
    for (i = 0; i < n; i++) {
        ticks[i] *= scale;
    }
    return n;
}

/* Where an axis's numbers start taking a suffix: "10k", not "10000". */
#define SUFFIX_FROM 1e4

/* Cuts text to at most `px` of label, in the middle, where names differ
 * least ("master_key/aes-256-g\xe2\x80\xa6-ctx/32/openssl"), into buf; returns
 * text itself when it fits. Never cuts a UTF-8 sequence in two. */
static const char *fit(char *buf, size_t size, const char *text, double px)
{
    size_t len = strlen(text), keep = px > CHAR_WIDTH ? (size_t) (px / CHAR_WIDTH) - 1 : 1;
    size_t head, tail;

    if ((double) len * CHAR_WIDTH <= px || keep + 4 > size) {
        return text;
    }
    head = keep / 2;
    tail = keep - head;
    while (head > 0 && ((unsigned char) text[head] & 0xc0) == 0x80) {
        head--;
    }
    while (tail > 0 && ((unsigned char) text[len - tail] & 0xc0) == 0x80) {
        tail--;
    }
    snprintf(buf, size, "%.*s\xe2\x80\xa6%s", (int) head, text, text + len - tail);
    return buf;
}

/* The label of tick i, at value v: its category's name (cut to px), or the
 * number in buf. largest: the axis's largest tick, in its own scale. */
static const char *tick_text(char *buf, size_t size, const cb_svg_axis *a, size_t i, double v,
                             double step, double largest, double px)
{
    if (a->ncategories > 0) {
        return fit(buf, size, a->categories[i], px);
    }
    v /= a->scale > 0.0 ? a->scale : 1.0;
    if (step <= 0.0) {
        /* log ticks and a parameter's own values: each its own power of ten */
        step = v > 0.0 ? pow(10.0, floor(log10(v) + 1e-9)) : 1.0;
        cb_svg_tick_label(buf, size, v, step, largest >= SUFFIX_FROM ? v : 0.0);
    } else {
        cb_svg_tick_label(buf, size, v, step, largest >= SUFFIX_FROM ? largest : 0.0);
    }
    return buf;
}

/* The largest tick of an axis, in absolute value and its own scale. */
static double largest_tick(const cb_svg_axis *a, const double *ticks, size_t n)
{
    double m = 0.0;
    size_t i;

    for (i = 0; i < n; i++) {
        m = fmax(m, fabs(ticks[i]) / (a->scale > 0.0 ? a->scale : 1.0));
    }
    return m;
}

/* A category's whole name as the hover title of its label, when it was cut. */
static void close_label(cb_svg *s, const char *shown, const char *whole)
{
    cb_html_escape(s->out, shown);
    if (shown != whole) {
        cb_buf_puts(s->out, "<title>");
        cb_html_escape(s->out, whole);
        cb_buf_puts(s->out, "</title>");
    }
    cb_buf_puts(s->out, "</text>\n");
}

static void axis_title(cb_svg *s, const cb_svg_axis *a, double x, double y, int rotate)
{
    cb_buf_printf(s->out, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"", x,
                   y);
    if (rotate) {
        cb_buf_printf(s->out, " transform=\"rotate(-90 %.1f %.1f)\"", x, y);
    }
    cb_buf_puts(s->out, ">");
    cb_html_escape(s->out, a->title);
    if (a->log) {
        /* a log axis must not pass for a linear one */
        cb_buf_puts(s->out, ", log scale");
    }
    cb_buf_puts(s->out, "</text>\n");
}

static void draw_axes(cb_svg *s)
{
    /* every category has its tick: a forest plot lists a hundred benchmarks */
    double     *ticks = malloc((CB_SVG_MAX_TICKS + s->x.ncategories + s->y.ncategories) *
                               sizeof *ticks);
    double      step, last = -HUGE_VAL, largest;
    char        buf[160];
    const char *text;
    size_t      i, n;

    if (ticks == NULL) {
        s->out->oom = 1;
        return;
    }
    n = axis_ticks(&s->x, s->right - s->left, TICK_SPACING_X, ticks, &step);
    largest = largest_tick(&s->x, ticks, n);
    for (i = 0; i < n; i++) {
        double px = cb_svg_px(s, ticks[i]), half;

        cb_buf_printf(s->out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                               "y2=\"%.1f\"/>", px, s->top, px, s->bottom);
        text = tick_text(buf, sizeof buf, &s->x, i, ticks[i], step, largest, TICK_SPACING_X);
        half = CHAR_WIDTH * (double) strlen(text) / 2.0;
        /* a label that would touch the one before it is left out: its grid
         * line still shows where it is */
        if (s->x.labels && px - half >= last + LABEL_GAP) {
            cb_buf_printf(s->out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
                                   "text-anchor=\"middle\">", px, s->bottom + 16.0);
            close_label(s, text, s->x.ncategories > 0 ? s->x.categories[i] : text);
            last = px + half;
        }
    }
    last = HUGE_VAL;
    n = axis_ticks(&s->y, s->bottom - s->top, TICK_SPACING_Y, ticks, &step);
    largest = largest_tick(&s->y, ticks, n);
    for (i = 0; i < n; i++) {
        double py = cb_svg_py(s, ticks[i]);

        cb_buf_printf(s->out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                               "y2=\"%.1f\"/>", s->left, py, s->right, py);
        if (s->y.labels && s->y.links != NULL && i < s->y.ncategories) {
            cb_svg_link_begin(s, s->y.links[i]);
        }
        if (s->y.labels && s->y.above) {
            /* above its row, from the plot's left edge, clear of the row's
             * marks (a dot of 4 px radius at py) */
            text = tick_text(buf, sizeof buf, &s->y, i, ticks[i], step, largest,
                             s->right - s->left);
            cb_buf_printf(s->out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">", s->left,
                           py - 11.0);
            close_label(s, text, s->y.categories[i]);
        } else if (s->y.labels && fabs(last - py) >= LINE_HEIGHT) {
            /* left_margin() made room for strlen + 12 px: a little slack */
            text = tick_text(buf, sizeof buf, &s->y, i, ticks[i], step, largest, s->left - 10.0);
            cb_buf_printf(s->out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
                                   "text-anchor=\"end\">", s->left - 6.0, py + 4.0);
            close_label(s, text, s->y.ncategories > 0 ? s->y.categories[i] : text);
            last = py;
        }
        if (s->y.labels && s->y.links != NULL && i < s->y.ncategories) {
            cb_svg_link_end(s);
        }
    }
    cb_buf_printf(s->out, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                           "height=\"%.1f\"/>\n",
                   s->left, s->top, s->right - s->left, s->bottom - s->top);
    if (s->x.title != NULL) {
        axis_title(s, &s->x, (s->left + s->right) / 2.0, s->height - 6.0, 0);
    }
    if (s->y.title != NULL) {
        axis_title(s, &s->y, 14.0, (s->top + s->bottom) / 2.0, 1);
    }
    free(ticks);
}

/* Room for the y axis's labels: numbers, or the longest category name (up to
 * half the drawing); none beside the plot for labels above their rows. */
static double left_margin(const cb_svg_axis *y, double width)
{
    double longest = 0.0;
    size_t i;

    if (!y->labels || y->above) {
        return y->title != NULL ? MARGIN_LEFT_BARE : MARGIN_RIGHT;
    }
    for (i = 0; i < y->ncategories; i++) {
        longest = fmax(longest, CHAR_WIDTH * (double) strlen(y->categories[i]) + 12.0);
    }
    return fmax(MARGIN_LEFT, fmin(longest, width / 2.0));
}

/* The range an axis is drawn over: its categories' for a category axis; an
 * empty or unusable one widened, so that the plot still has a scale. */
static void settle_range(cb_svg_axis *a)
{
    if (a->log && !(a->lo > 0.0 && a->hi > a->lo)) {
        double v = a->hi > 0.0 ? a->hi : 1.0;

        a->lo = v / 2.0;
        a->hi = v * 2.0;
    } else if (a->ncategories > 0) {
        a->lo = 0.5;
        a->hi = (double) a->ncategories + 0.5;
    } else if (!a->log && !(a->lo < a->hi)) {
        cb_svg_nice_range(&a->lo, &a->hi, 4);
    }
}

/* The drawing's state and its <svg> element, before anything inside it. */
static void open_svg(cb_svg *s, cb_buf *out, double width, double height, const cb_svg_axis *x,
                     const cb_svg_axis *y, const char *label, const char *cls)
{
    memset(s, 0, sizeof *s);
    s->out = out;
    s->width = width;
    s->height = height;
    s->x = *x;
    s->y = *y;
    settle_range(&s->x);
    settle_range(&s->y);
    if (s->y.ncategories > 0) {
        /* a list reads downwards: the first category at the top */
        double t = s->y.lo;

        s->y.lo = s->y.hi;
        s->y.hi = t;
    }
    cb_buf_printf(out, "<svg class=\"plot%s%s\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                        "height=\"%.0f\" role=\"img\" aria-label=\"",
                   cls != NULL ? " " : "", cls != NULL ? cls : "", width, height, width, height);
    cb_html_escape(out, label);
    cb_buf_puts(out, "\">\n");
}

void cb_svg_begin(cb_svg *s, cb_buf *out, double width, double height, const cb_svg_axis *x,
                  const cb_svg_axis *y, const char *label, const char *cls)
{
    open_svg(s, out, width, height, x, y, label, cls);
    s->left = left_margin(y, width);
    s->right = width - MARGIN_RIGHT;
    /* labels above the first row need room over the frame */
    s->top = MARGIN_TOP + (y->above ? LINE_HEIGHT : 0.0);
    s->bottom = height - MARGIN_BOTTOM;
    draw_axes(s);
}

void cb_svg_begin_bare(cb_svg *s, cb_buf *out, double width, double height,
                       const cb_svg_axis *x, const cb_svg_axis *y, const char *label,
                       const char *cls)
{
    open_svg(s, out, width, height, x, y, label, cls);
    s->left = s->top = MARGIN_BARE;
    s->right = width - MARGIN_BARE;
    s->bottom = height - MARGIN_BARE;
}

/* Ends an open <path ...: with a hover title, or none (NULL). */
static void close_path(cb_svg *s, const char *title)
{
    if (title != NULL) {
        cb_buf_puts(s->out, "><title>");
        cb_html_escape(s->out, title);
        cb_buf_puts(s->out, "</title></path>\n");
    } else {
        cb_buf_puts(s->out, "/>\n");
    }
}

void cb_svg_marker(cb_svg *s, double x, double y, int shape, const char *cls, const char *title)
{
    /* each shape's outline around (0, 0), px: about as much ink as a 4.5 px dot */
    static const char *const paths[CB_SVG_MARKERS] = {
        "m-4.5 0a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0z",
        "m-4 -4h8v8h-8z",
        "m0 -5.5l5 8.5h-10z",
        "m0 -5.5l5 5.5l-5 5.5l-5 -5.5z",
        "m0 5.5l5 -8.5h-10z",
        "m-1.6 -5h3.2v3.4h3.4v3.2h-3.4v3.4h-3.2v-3.4h-3.4v-3.2h3.4z",
    };
    double px = cb_svg_px(s, x), py = cb_svg_py(s, y);

    cb_buf_printf(s->out, "<path class=\"mark %s\" d=\"M%.1f %.1f%s\"", cls != NULL ? cls : "",
                  px, py, paths[((unsigned) shape) % CB_SVG_MARKERS]);
    close_path(s, title);
}

const char *cb_svg_marker_glyph(int shape)
{
    static const char *const glyphs[CB_SVG_MARKERS] = {
        "\xe2\x97\x8f", "\xe2\x96\xa0", "\xe2\x96\xb2", "\xe2\x97\x86", "\xe2\x96\xbc", "\xe2\x9c\x9a",
    };

    return glyphs[((unsigned) shape) % CB_SVG_MARKERS];
}

void cb_svg_arrow(cb_svg *s, double x, double y, int dir, const char *cls, const char *title)
{
    double px = cb_svg_px(s, x), py = cb_svg_py(s, y), d = dir < 0 ? 1.0 : -1.0;

    /* the tip on the edge, the base 8 px inside the plot */
    cb_buf_printf(s->out, "<path class=\"arrow %s\" d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"",
                  cls != NULL ? cls : "", px, py, px + 8.0 * d, py - 5.0, px + 8.0 * d, py + 5.0);
    close_path(s, title);
}

void cb_svg_link_begin(cb_svg *s, const char *href)
{
    cb_buf_puts(s->out, "<a href=\"");
    cb_html_escape(s->out, href);
    cb_buf_puts(s->out, "\">");
}

void cb_svg_link_end(cb_svg *s)
{
    cb_buf_puts(s->out, "</a>\n");
}

void cb_svg_end(cb_svg *s)
{
    cb_buf_puts(s->out, "</svg>\n");
}

void cb_svg_line(cb_svg *s, double x0, double y0, double x1, double y1, const char *cls,
                 const char *text)
{
    open_mark(s, "line", cls, "");
    cb_buf_printf(s->out, " x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"", cb_svg_px(s, x0),
                   cb_svg_py(s, y0), cb_svg_px(s, x1), cb_svg_py(s, y1));
    close_mark(s, "line", text);
}

static void path_points(cb_svg *s, const double *x, const double *y, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        cb_buf_printf(s->out, "%c%.1f %.1f", i == 0 ? 'M' : 'L', cb_svg_px(s, x[i]),
                       cb_svg_py(s, y[i]));
    }
}

void cb_svg_polyline(cb_svg *s, const double *x, const double *y, size_t n, const char *cls,
                     int area, const char *text)
{
    if (n == 0) {
        return;
    }
    if (area) {
        /* the fill, closed along the bottom, apart from the line so that the
         * line is not drawn down the sides */
        open_mark(s, "path", cls, "area");
        cb_buf_puts(s->out, " d=\"");
        path_points(s, x, y, n);
        cb_buf_printf(s->out, "L%.1f %.1fL%.1f %.1fZ\"/>", cb_svg_px(s, x[n - 1]), s->bottom,
                       cb_svg_px(s, x[0]), s->bottom);
    }
    open_mark(s, "path", cls, "");
    cb_buf_puts(s->out, " d=\"");
    path_points(s, x, y, n);
    cb_buf_puts(s->out, "\"");
    close_mark(s, "path", text);
    cb_buf_puts(s->out, "\n");
}

void cb_svg_circle(cb_svg *s, double x, double y, double r, const char *cls, const char *text)
{
    open_mark(s, "circle", cls, "");
    cb_buf_printf(s->out, " cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", cb_svg_px(s, x),
                   cb_svg_py(s, y), r);
    close_mark(s, "circle", text);
}

void cb_svg_rect(cb_svg *s, double x0, double y0, double x1, double y1, const char *cls,
                 const char *text)
{
    double px0 = cb_svg_px(s, x0), px1 = cb_svg_px(s, x1);
    double py0 = cb_svg_py(s, y0), py1 = cb_svg_py(s, y1);

    open_mark(s, "rect", cls, "");
    cb_buf_printf(s->out, " x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", fmin(px0, px1),
                   fmin(py0, py1), fabs(px1 - px0), fabs(py1 - py0));
    close_mark(s, "rect", text);
}

double cb_svg_text_width(const char *text)
{
    size_t n = 0;

    /* characters, not bytes: a UTF-8 continuation byte adds no width */
    for (; *text != '\0'; text++) {
        n += ((unsigned char) *text & 0xc0) != 0x80;
    }
    return CHAR_WIDTH * (double) n;
}

void cb_svg_text(cb_svg *s, double px, double py, const char *anchor, const char *cls,
                 const char *text, const char *title_text)
{
    cb_buf_puts(s->out, "<text class=\"");
    cb_html_escape(s->out, cls);
    cb_buf_printf(s->out, "\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"", px, py);
    cb_html_escape(s->out, anchor);
    cb_buf_puts(s->out, "\">");
    cb_html_escape(s->out, text);
    title(s, title_text);
    cb_buf_puts(s->out, "</text>\n");
}
