/*
 * Numbers written by people, in files and on the command line: decimal, as
 * "250", "1.5", ".5", "2e-3", and nothing else. strtod alone also reads
 * "0x10" (16), "inf", "nan" and leading blanks, so that a budget of "0x10 s"
 * would be 16 seconds and "--timeout nan" would pass its range check.
 */
#ifndef CB_NUMBER_H
#define CB_NUMBER_H

#include "cryptbench.h"

/*
 * Reads the decimal number at the start of s: an optional sign, digits with
 * an optional fraction (at least one digit), an optional exponent ("e" or
 * "E", a sign, digits). 0 with *out the value, finite, and *end (if not
 * NULL) just after it; -1 when s does not start with such a number or its
 * value overflows a double.
 */
int cb_number_decimal(const char *s, double *out, const char **end) CB_NONNULL(1, 2);

#endif
