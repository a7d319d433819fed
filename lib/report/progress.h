/*
 * Progress lines on a terminal, Criterion's "Benchmarking X: Warming up for
 * 500.00 ms", each overwriting the last, cleared before a result is printed.
 */
#ifndef CB_PROGRESS_H
#define CB_PROGRESS_H

#include <stdio.h>
#include "measure/sampling.h"

/* Progress callbacks writing to `tty` (a terminal). */
cb_progress cb_progress_terminal(FILE *tty);

#endif
