/*
 * A small SVG writer for the report's plots: a frame with two axes (linear or
 * log10), "nice" ticks (1, 2 or 5 x 10^k) with grid lines, and marks placed in
 * data coordinates: lines, polylines, filled areas, circles, rectangles, each
 * with an optional hover title (an SVG <title>). The SVG is inline in the page
 * (no xmlns, no url(), nothing fetched) and styled by the page's CSS classes.
 * Keys (legends) are the page's, in HTML, where they wrap at any width.
 *
 * Axes know no units: a caller that shows microseconds passes scale 1000 and
 * says "us" in the axis title; the ticks are nice numbers of microseconds. A
 * log axis says so after its title.
 */
#ifndef CB_SVG_H
#define CB_SVG_H

#include <stddef.h>
#include "html/html.h"

typedef struct cb_svg_axis {
    double      lo, hi;  /* the range shown, in data units; log: 0 < lo */
    double      scale;   /* ticks read value / scale; 0 means 1 */
    int         log;     /* log10 scale */
    int         labels;  /* 0: grid only, no numbers (a density's arbitrary units) */
    const char *title;   /* plain text (escaped here), or NULL */
    /* a category axis when ncategories > 0: categories[i] (escaped here)
     * labels the value i + 1, in place of numeric ticks; on the y axis the
     * first one is at the top. A label too long for its room is cut in the
     * middle ("master_key/aes-...-ctx/32/openssl"), whole in its hover title. */
    const char *const *categories;
    size_t             ncategories;
    /* y categories only: each label above its row, across the plot's width,
     * rather than beside it (for a narrow drawing) */
    int above;
    /* categories only, or NULL: links[i] (escaped here) is where the label of
     * category i leads, a page of the report */
    const char *const *links;
    /* when nat > 0, ticks at at[0..nat) (data units, ascending) in place of
     * the nice ones: a parameter's own values */
    const double *at;
    size_t        nat;
} cb_svg_axis;

typedef struct cb_svg {
    cb_buf     *out;
    double      width, height;               /* the drawing, px */
    double      left, right, top, bottom;    /* the plot area inside it, px */
    cb_svg_axis x, y;
} cb_svg;

/* Up to this many ticks per axis. */
#define CB_SVG_MAX_TICKS 24

/* The step between about `target` (>= 1) ticks across span > 0: 1, 2 or 5
 * times a power of ten. */
double cb_svg_nice_step(double span, int target);

/* Ticks for a linear axis over [lo, hi]: the multiples of a nice step (about
 * `target` of them) that lie within it, into ticks[CB_SVG_MAX_TICKS]. Returns
 * how many (0 when lo >= hi); *step gets the step. */
size_t cb_svg_ticks(double lo, double hi, int target, double *ticks, double *step);

/* Ticks for a log10 axis over [lo, hi], 0 < lo < hi: the powers of ten within
 * it; 2 and 5 times them too when it spans fewer than three decades; linear
 * ticks when that gives fewer than two. */
size_t cb_svg_log_ticks(double lo, double hi, double *ticks);

/* Widens [*lo, *hi] outwards to multiples of the nice step for `target` ticks,
 * so that the end ticks sit on the frame. An empty range (lo == hi) becomes
 * one around the value. */
void cb_svg_nice_range(double *lo, double *hi, int target);

/*
 * A tick's text: v with as many decimals as `step` (> 0) needs, in the SI
 * unit (k, M, G, T) of `suffix_of` when its magnitude is 1000 or more; "0"
 * for zero. An axis picks suffix_of so that it never reads "5000" beside
 * "10k": on an axis whose largest tick reaches 10 000, a linear axis gives
 * every tick the largest's unit ("0", "5k", "10k"), a log axis each tick its
 * own ("100", "1k", "10k"); below that, no suffix at all (0).
 */
void cb_svg_tick_label(char *buf, size_t size, double v, double step, double suffix_of);

/*
 * Starts a drawing of width x height px into out: the <svg> element, of class
 * "plot" and `cls` (NULL: none; the page shows "wide" or "narrow" drawings by
 * the window's width), with `label` as its accessible name, the frame, grid,
 * ticks and axis titles; a tick label that would touch the one before it is
 * left out. An empty axis range is widened as cb_svg_nice_range() would.
 */
void cb_svg_begin(cb_svg *s, cb_buf *out, double width, double height, const cb_svg_axis *x,
                  const cb_svg_axis *y, const char *label, const char *cls);

/* The same without frame, grid, ticks or titles, the marks filling the
 * drawing but for a 2 px edge: a sparkline. */
void cb_svg_begin_bare(cb_svg *s, cb_buf *out, double width, double height,
                       const cb_svg_axis *x, const cb_svg_axis *y, const char *label,
                       const char *cls);

/* Closes the <svg> element. */
void cb_svg_end(cb_svg *s);

/* Where data x (y) lands, in px; kept inside the plot area. */
double cb_svg_px(const cb_svg *s, double x);
double cb_svg_py(const cb_svg *s, double y);

/* A line from (x0, y0) to (x1, y1), in data coordinates. */
void cb_svg_line(cb_svg *s, double x0, double y0, double x1, double y1, const char *cls,
                 const char *title);

/* The line through n points; with `area`, also the region between it and the
 * bottom of the plot, filled. */
void cb_svg_polyline(cb_svg *s, const double *x, const double *y, size_t n, const char *cls,
                     int area, const char *title);

/* A dot of radius r px at (x, y). */
void cb_svg_circle(cb_svg *s, double x, double y, double r, const char *cls, const char *title);

/* The rectangle with corners (x0, y0) and (x1, y1). */
void cb_svg_rect(cb_svg *s, double x0, double y0, double x1, double y1, const char *cls,
                 const char *title);

/* The shapes cb_svg_marker() draws: circle, square, triangle, diamond,
 * triangle pointing down, cross. */
#define CB_SVG_MARKERS 6

/* A marker of shape (0 ... CB_SVG_MARKERS - 1) at (x, y), about 9 px across,
 * of class "mark" and cls, with a hover title (NULL: none): series that
 * share a colour are told apart by their markers. */
void cb_svg_marker(cb_svg *s, double x, double y, int shape, const char *cls, const char *title);

/* The same shape as one character, for a key: "\u25cf" (circle) ... */
const char *cb_svg_marker_glyph(int shape);

/* An arrowhead at (x, y), data coordinates, pointing left (dir < 0) or right:
 * where an interval goes on beyond the edge of the plot. */
void cb_svg_arrow(cb_svg *s, double x, double y, int dir, const char *cls, const char *title);

/* Opens a link to href (escaped here) around the marks drawn until
 * cb_svg_link_end(). */
void cb_svg_link_begin(cb_svg *s, const char *href);
void cb_svg_link_end(cb_svg *s);

/* The width of a 12 px label of text, px, as the writer reckons it when it
 * keeps labels apart. */
double cb_svg_text_width(const char *text);

/* A label at (px, py), in px of the drawing rather than data coordinates (a
 * caller placing several keeps them apart), its baseline at py, anchored
 * "start", "middle" or "end", of class cls, with a hover title (NULL: none). */
void cb_svg_text(cb_svg *s, double px, double py, const char *anchor, const char *cls,
                 const char *text, const char *title_text);

#endif
