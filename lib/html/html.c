#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/html.h"

/* Makes room for n more bytes and the NUL; 0 when there is room. */
static int reserve(cb_html *h, size_t n)
{
    size_t cap;
    char  *grown;

    if (h->oom) {
        return -1;
    }
    if (n < h->cap - h->len) {
        return 0;
    }
    /* pages are tens of kilobytes: doubling keeps the copies few */
    cap = h->cap * 2 + n + 4096;
    grown = realloc(h->data, cap);
    if (grown == NULL) {
        h->oom = 1;
        return -1;
    }
    h->data = grown;
    h->cap = cap;
    return 0;
}

static void append(cb_html *h, const char *s, size_t n)
{
    if (reserve(h, n) == 0) {
        memcpy(h->data + h->len, s, n);
        h->len += n;
        h->data[h->len] = '\0';
    }
}

void cb_html_raw(cb_html *h, const char *s)
{
    append(h, s, strlen(s));
}

void cb_html_printf(cb_html *h, const char *fmt, ...)
{
    va_list ap;
    int     n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || reserve(h, (size_t) n) != 0) {
        h->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(h->data + h->len, (size_t) n + 1, fmt, ap);
    va_end(ap);
    h->len += (size_t) n;
}

void cb_html_escape(cb_html *h, const char *s)
{
    const char *run = s;

    if (s == NULL) {
        return;
    }
    /* copies the stretches that need nothing in one go */
    for (; *s != '\0'; s++) {
        const char    *entity;
        unsigned char c = (unsigned char) *s;

        switch (c) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default:
            entity = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f ? "\xef\xbf\xbd" : NULL;
            break;
        }
        if (entity != NULL) {
            append(h, run, (size_t) (s - run));
            cb_html_raw(h, entity);
            run = s + 1;
        }
    }
    append(h, run, (size_t) (s - run));
}

void cb_html_free(cb_html *h)
{
    free(h->data);
    memset(h, 0, sizeof *h);
}

/* FNV-1a, 64 bits: tells apart long names cut to the same prefix. */
static uint64_t fnv1a(const char *s)
{
    uint64_t hash = 0xcbf29ce484222325u;

    for (; *s != '\0'; s++) {
        hash = (hash ^ (unsigned char) *s) * 0x100000001b3u;
    }
    return hash;
}

void cb_html_file_name(char buf[CB_HTML_FILE_MAX], const char *prefix, const char *name)
{
    static const char hex[] = "0123456789abcdef";
    /* room left for "==", 16 hex digits and ".html" after a cut */
    const size_t      cut = CB_HTML_FILE_MAX - 1 - 2 - 16 - 5;
    size_t            k = (size_t) snprintf(buf, CB_HTML_FILE_MAX, "%s", prefix);
    const char       *s;

    for (s = name; *s != '\0' && k + 3 <= cut; s++) {
        unsigned char c = (unsigned char) *s;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_') {
            buf[k++] = (char) c;
        } else if (c == '/') {
            buf[k++] = '.';
        } else {
            buf[k++] = '=';
            buf[k++] = hex[c >> 4];
            buf[k++] = hex[c & 15];
        }
    }
    buf[k] = '\0';
    if (*s != '\0') {
        /* "==" never comes out of the encoding above: a cut name stays apart
         * from every whole one */
        snprintf(buf + k, CB_HTML_FILE_MAX - k, "==%016llx", (unsigned long long) fnv1a(name));
        k = strlen(buf);
    }
    snprintf(buf + k, CB_HTML_FILE_MAX - k, ".html");
}
