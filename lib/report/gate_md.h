/*
 * Text in the gate's markdown (gate.md), escaped so that a benchmark's name
 * or a failure's reason cannot break the table it sits in, or pass for
 * markup, in a pull-request comment.
 */
#ifndef CB_GATE_MD_H
#define CB_GATE_MD_H

#include "core/strbuf.h"

/* Appends s (NULL: nothing) as the text of a table cell: markdown's
 * special characters escaped, a newline a space. */
void cb_gate_md_cell(cb_buf *t, const char *s);

/* Appends s as a code span: literal, except that '|' still ends a table
 * cell and a backquote would end the span. */
void cb_gate_md_code(cb_buf *t, const char *s);

#endif
