#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

int cb_buf_reserve(cb_buf *b, size_t n)
{
    size_t cap;
    char  *grown;

    if (b->oom) {
        return -1;
    }
    if (b->cap > b->len && n < b->cap - b->len) {
        return 0;
    }
    /* protect against size_t overflow before doubling */
    if (n > ((size_t) -1 - 4096) / 2 - b->cap) {
        b->oom = 1;
        return -1;
    }
    /* pages and reports are tens of kilobytes: doubling keeps the copies few */
    cap = b->cap * 2 + n + 4096;
    grown = realloc(b->data, cap);
    if (grown == NULL) {
        b->oom = 1;
        return -1;
    }
    b->data = grown;
    b->cap = cap;
    return 0;
}

void cb_buf_append(cb_buf *b, const void *s, size_t n)
{
    if (cb_buf_reserve(b, n) == 0) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    }
}

void cb_buf_puts(cb_buf *b, const char *s)
{
    cb_buf_append(b, s, strlen(s));
}

void cb_buf_printf(cb_buf *b, const char *fmt, ...)
{
    va_list ap;
    int     n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if (cb_buf_reserve(b, (size_t) n) != 0) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t) n;
}

void cb_buf_free(cb_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
