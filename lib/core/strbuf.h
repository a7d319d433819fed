/*
 * The one growing string every writer shares: HTML pages and their SVG, the
 * gate's markdown, a child's report read from a pipe, a file read whole.
 *
 * Zero-initialise a cb_buf. An allocation failure makes every later call a
 * no-op and sets oom, so a writer checks once, at the end, rather than after
 * every append. data is NUL-terminated once anything was written (and NULL
 * before that).
 */
#ifndef CB_STRBUF_H
#define CB_STRBUF_H

#include <stddef.h>
#include "cryptbench.h"

typedef struct cb_buf {
    char  *data;
    size_t len, cap;
    int    oom;
} cb_buf;

/* Makes room for n more bytes and a NUL: 0, or -1 (and oom) when out of memory. */
int cb_buf_reserve(cb_buf *b, size_t n) CB_NONNULL(1);

/* Appends n bytes of s. */
void cb_buf_append(cb_buf *b, const void *s, size_t n) CB_NONNULL(1);

/* Appends the string s. */
void cb_buf_puts(cb_buf *b, const char *s) CB_NONNULL(1, 2);

/* Appends formatted text. */
void cb_buf_printf(cb_buf *b, const char *fmt, ...) CB_NONNULL(1, 2) CB_PRINTF(2, 3);

/* Frees b's text and zeroes b. */
void cb_buf_free(cb_buf *b) CB_NONNULL(1);

#endif
