/*
 * Progress lines on a terminal, Criterion's "Benchmarking X: Warming up for
 * 500.00 ms", each overwriting the last, cleared before a result is printed.
 * Only on a terminal that can overwrite a line: not a pipe or a file, and not
 * TERM=dumb (or no TERM at all), which shows "\r\033[K" as it is. A line is
 * cut to the terminal's width, so that it never wraps: a wrapped line is not
 * overwritten, and each update would scroll.
 */
#ifndef CB_PROGRESS_H
#define CB_PROGRESS_H

#include <stdio.h>
#include "cryptbench.h"
#include "measure/sampling.h"

/* Whether f is such a terminal. */
int cb_progress_live(FILE *f);

/* Progress callbacks writing to `tty` (one cb_progress_live() accepts). */
cb_progress cb_progress_terminal(FILE *tty);

/* Overwrites the line on tty with this one, cut to the terminal's width. */
void cb_progress_line(FILE *tty, const char *fmt, ...) CB_PRINTF(2, 3);

/* Erases the line on tty. */
void cb_progress_clear(FILE *tty);

#endif
