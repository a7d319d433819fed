/*
 * Text that comes from outside the program (a benchmark's note or failure, the
 * strings of a baseline file, /proc/cpuinfo, an error quoting what it read),
 * made safe to print anywhere: valid UTF-8 without control characters. A
 * newline in a failure reason would start a line of its own in the terminal,
 * CSV, markdown or libtest output, where it could pass for a result; an escape
 * sequence would reach the terminal; invalid UTF-8 is refused by JSON.
 *
 * The rules: a tab, newline, vertical tab, form feed or carriage return
 * becomes a space; every other control character (C0, DEL and C1, U+0080 to
 * U+009F, which some terminals read as escapes) becomes U+FFFD; so does each
 * maximal ill-formed subsequence of UTF-8 (overlong forms, surrogates, bytes
 * beyond U+10FFFF, a sequence cut short), as Unicode recommends. Text that is
 * cut to fit is cut between characters, never inside one.
 */
#ifndef CB_TEXT_H
#define CB_TEXT_H

#include <stddef.h>
#include "cryptbench.h"

/*
 * Writes src, cleaned, into dst (size bytes with the NUL, size > 0): as many
 * whole characters as fit. Returns the length written. dst and src must not
 * overlap.
 *
 *     char cpu[128];
 *     cb_text_clean(cpu, sizeof cpu, line_from_proc);
 */
size_t cb_text_clean(char *dst, size_t size, const char *src) CB_NONNULL(1, 3);

/* src cleaned, in a new string the caller frees; NULL when out of memory. */
char *cb_text_dup(const char *src) CB_NONNULL(1);

/* 1 when s is valid UTF-8 without control characters (cleaning changes nothing). */
int cb_text_is_clean(const char *s) CB_NONNULL(1);

/*
 * Drops an incomplete UTF-8 sequence from the end of s, for text that a
 * fixed buffer cut short (vsnprintf's truncation) so that it ends between
 * characters rather than in a U+FFFD.
 */
void cb_text_drop_partial(char *s) CB_NONNULL(1);

#endif
