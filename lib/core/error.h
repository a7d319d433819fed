/*
 * Errors as values: a function that can fail returns -1 (or NULL) and fills a
 * cb_error with a one-line message that names what was wrong and where:
 * "reports/base.json:12:7: expected a number in benchmarks[3].samples.values".
 * Nothing in lib/ prints an error itself; the CLI decides where it goes.
 * A message is clean text (core/text.h) whatever it quotes, so that a field
 * of a hostile file cannot put an escape sequence on the terminal.
 */
#ifndef CB_ERROR_H
#define CB_ERROR_H

#include <stddef.h>
#include "cryptbench.h"

#define CB_ERROR_MAX 512

typedef struct cb_error {
    char msg[CB_ERROR_MAX];
} cb_error;

/* Sets err->msg (if err is not NULL) and returns -1, so call sites read
 *     return cb_error_set(err, "%s: %s", path, strerror(errno));          */
int cb_error_set(cb_error *err, const char *fmt, ...) CB_PRINTF(2, 3);

/* Prefixes err->msg with "prefix: ", for context added on the way up. */
void cb_error_prefix(cb_error *err, const char *fmt, ...) CB_PRINTF(2, 3);

#endif
