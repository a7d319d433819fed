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

void cb_html_file_name(char buf[CB_HTML_FILE_MAX], const char *prefix, const char *name)
{
    cb_file_name(buf, prefix, name, ".html");
}

void cb_html_key(cb_buf *h, const char *cls, const char *shape, const char *text)
{
    cb_buf_puts(h, "<span class=\"k\"><i class=\"sw ");
    cb_html_escape(h, shape);
    cb_buf_puts(h, " ");
    cb_html_escape(h, cls);
    cb_buf_puts(h, "\"></i>");
    cb_html_escape(h, text);
    cb_buf_puts(h, "</span>\n");
}
