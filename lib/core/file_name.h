/*
 * A benchmark's name as a file name, for every file named after one (an HTML
 * page, a stored profile): one encoding, so that what names one file names
 * the others the same way.
 */
#ifndef CB_FILE_NAME_H
#define CB_FILE_NAME_H

#include "cryptbench.h"

/* Longest file name cb_file_name() writes, with its NUL: well inside NAME_MAX. */
#define CB_FILE_NAME_MAX 224

/*
 * prefix, then name with every byte but [A-Za-z0-9_-] encoded ('/' as '.',
 * anything else as '=' and two hex digits), then suffix: "bench-",
 * "did/sha256/64/openssl", ".html" gives "bench-did.sha256.64.openssl.html".
 * Distinct names give distinct files; the result never holds a '/' and never
 * starts with '.' (given a prefix that does not), so it stays in its
 * directory and is safe in an href as it is. A name too long is cut and ends
 * in "==" and a hash of the whole name, which the encoding never makes. prefix
 * and suffix are the caller's own, short, [a-z.-] only.
 */
void cb_file_name(char buf[CB_FILE_NAME_MAX], const char *prefix, const char *name,
                  const char *suffix) CB_NONNULL(1, 2, 3, 4);

#endif
