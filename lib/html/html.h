/*
 * The text of the HTML report, written into a cb_buf (core/strbuf.h): the one
 * escaping function every string from a run goes through, the entries of a
 * chart's key, and the file names of pages derived from benchmark and group
 * names.
 *
 * A run's strings are untrusted: a baseline file can name a benchmark
 * "<img src=x onerror=alert(1)>" or "../../etc". Names are printed only through
 * cb_html_escape() and turned into file names only by cb_html_file_name().
 * Numbers from format.h are printed as they are: the only text they carry is
 * a unit, and a run's unit is one of three ("ns", "cycles", "instructions";
 * baseline.c refuses any other).
 */
#ifndef CB_HTML_H
#define CB_HTML_H

#include <stddef.h>
#include "core/file_name.h"
#include "core/strbuf.h"

/* Appends s (NULL: nothing) escaped for HTML text and for a quoted attribute
 * value, which is also what the text of inline SVG needs: & < > " ' become
 * entities, and control characters (other than tab and newline), which HTML
 * does not allow, become U+FFFD. */
void cb_html_escape(cb_buf *h, const char *s) CB_NONNULL(1);

/* Appends a benchmark's name escaped as cb_html_escape() does, with a line
 * break allowed after each '/' (<wbr>): a narrow window breaks
 * "kdf/pbkdf2-sha256/100000/openssl" between its parts, never inside
 * "100000". For text only, not for an attribute. */
void cb_html_name(cb_buf *h, const char *name) CB_NONNULL(1);

/* One entry of a chart's key, in HTML after the drawings (a key wraps at
 * any width, a legend inside the SVG would not): a swatch of class cls, of
 * shape "line", "dash" (dashed line), "dot", "ring" (hollow dot) or "box",
 * or a sweep's line style "d0" ... "d5", then text. Open the key with
 * <p class="keys"> and close it after the last. */
void cb_html_key(cb_buf *h, const char *cls, const char *shape, const char *text);

/* Longest file name cb_html_file_name() writes, with its NUL. */
#define CB_HTML_FILE_MAX CB_FILE_NAME_MAX

/*
 * The file name of the page for `name`: cb_file_name() with prefix and
 * ".html" ("bench-", "did/sha256/64/openssl" gives
 * "bench-did.sha256.64.openssl.html"). buf must hold CB_HTML_FILE_MAX bytes;
 * prefix is the report's own, [a-z-] only.
 */
void cb_html_file_name(char buf[CB_HTML_FILE_MAX], const char *prefix, const char *name)
    CB_NONNULL(1, 2, 3);

#endif
