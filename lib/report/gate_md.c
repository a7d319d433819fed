#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "report/gate_md.h"

/* Markdown would read '|' as a cell break and '<' as HTML. */
void cb_gate_md_cell(cb_buf *t, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        if (strchr("|<>\\`*_[]", *s) != NULL) {
            cb_buf_printf(t, "\\%c", *s);
        } else {
            cb_buf_printf(t, "%c", *s == '\n' ? ' ' : *s);
        }
    }
}

void cb_gate_md_code(cb_buf *t, const char *s)
{
    /* a program's path or a name from a file: no escape sequence reaches
     * the pull request, nor the terminal that cats gate.md */
    char *clean = s != NULL ? cb_text_dup(s) : NULL;

    s = clean != NULL ? clean : s;
    cb_buf_printf(t, "`");
    for (; s != NULL && *s != '\0'; s++) {
        if (*s == '|') {
            cb_buf_printf(t, "\\|");
        } else {
            cb_buf_printf(t, "%c", *s == '`' ? '\'' : (*s == '\n' ? ' ' : *s));
        }
    }
    cb_buf_printf(t, "`");
    free(clean);
}
