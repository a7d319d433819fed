/*
 * The report a benchmark's process sends its runner over a pipe, one record
 * per line (text, so that a stray write shows up readably in a debugger):
 *
 *     plan <mode> <n> <d> <met_ns> <target_ns> <expected_ns>
 *     sample <iterations> <value>          (n of them)
 *     counter <name> <per_iteration> <per_second>
 *     call <value>                         (a single call, timed on its own)
 *     note <text>
 *     failed <text>
 *     end
 *
 * Doubles are printed with %.17g so that they round-trip exactly; a text has
 * its line breaks turned into spaces. The report is whole once "end" came.
 */
#ifndef CB_PROTOCOL_H
#define CB_PROTOCOL_H

#include <stdio.h>
#include "core/result.h"

/* Writes r, as cb_measure_run() left it, and "end"; its plan and samples only
 * when with_samples (a --test run has none). */
void cb_protocol_write(FILE *f, const cb_result *r, int with_samples);

/* A report that says only that the measurement failed, and why. */
void cb_protocol_write_failure(FILE *f, const char *why);

/* True when text[0..len) ends with the "end" record: a descendant of the
 * benchmark that still holds the pipe must not keep the runner waiting for
 * the pipe to close. */
int cb_protocol_complete(const char *text, size_t len);

/* The text of the report's first line that starts with key and a space, up
 * to the line's end, into buf (cut to fit): 1, or 0 when there is none. For
 * the reports of other children than a measurement's, which say "failed
 * WHY" or one line of their own before "end". */
int cb_protocol_field(const char *report, const char *key, char *buf, size_t size);

/* Parses a report (text is cut into lines in place) into r; -1 and *why when
 * it is incomplete or malformed. */
int cb_protocol_parse(char *text, cb_result *r, const char **why);

#endif
