#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/html.h"

/* Escapes s[0..n). */
static void escape_n(cb_buf *h, const char *s, size_t n)
{
    const char *run = s, *end = s + n;

    /* copies the stretches that need nothing in one go */
    for (; s < end; s++) {
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
            cb_buf_append(h, run, (size_t) (s - run));
            cb_buf_puts(h, entity);
            run = s + 1;
        }
    }
    cb_buf_append(h, run, (size_t) (s - run));
}

void cb_html_escape(cb_buf *h, const char *s)
{
    if (s != NULL) {
        escape_n(h, s, strlen(s));
    }
}

void cb_html_name(cb_buf *h, const char *name)
{
    const char *slash;

    if (name == NULL) {
        return;
    }
    for (; (slash = strchr(name, '/')) != NULL; name = slash + 1) {
        escape_n(h, name, (size_t) (slash - name) + 1);
        cb_buf_puts(h, "<wbr>");
    }
    escape_n(h, name, strlen(name));
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
