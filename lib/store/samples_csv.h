/*
 * Samples measured elsewhere, as CSV: one `iterations,total` per line, an
 * optional header line, totals in nanoseconds unless scaled by the caller.
 */
#ifndef CB_SAMPLES_CSV_H
#define CB_SAMPLES_CSV_H

#include "core/error.h"
#include "core/result.h"

/* A CSV line holds two numbers: anything longer is not samples. */
#define CB_CSV_LINE_MAX 1024

/*
 * Reads text[0..len) (the contents of `file`, named in messages) into out,
 * multiplying totals by scale. Refuses, naming file, line and column: a NUL
 * byte, a line longer than CB_CSV_LINE_MAX, a line without exactly two
 * fields, a value that is not a number, an iteration count that is not a
 * positive whole number up to 2^53, a total that is zero, negative, not
 * finite or (scaled) outside CB_SAMPLE_VALUE_MIN to _MAX, more
 * than CB_MAX_SAMPLES samples (at the first one too many), fewer than two.
 */
int cb_samples_csv_parse(const char *file, const char *text, size_t len, double scale,
                         cb_samples *out, cb_error *err);

/* The sampling mode samples imply: flat when every sample ran the same
 * number of iterations, linear otherwise. */
cb_mode cb_samples_mode(const cb_samples *s);

#endif
