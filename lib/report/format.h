/*
 * Unit scaling, the one formatter every reporter uses: times from ps to s,
 * counts with K/M/G, throughput in B/s ... GiB/s or elem/s ... Gelem/s, all with
 * Criterion's number of significant digits.
 */
#ifndef CB_FORMAT_H
#define CB_FORMAT_H

#include <stddef.h>
#include "cryptbench.h"

/* "112.90 ns", "1.2345 ms": five significant digits, Criterion's short(). */
void cb_format_time(char *buf, size_t size, double ns);

/* A measured value in its unit: a time for "ns", else "292.14 cycles",
 * "12.345 Kinstructions". */
void cb_format_value(char *buf, size_t size, double value, const char *unit);

/* Units per second: "540.6 MiB/s", "1.234 Kelem/s". */
void cb_format_throughput(char *buf, size_t size, double per_second, cb_throughput kind);

/* A relative change: "+0.21%", "-1.02%". */
void cb_format_percent(char *buf, size_t size, double fraction);

/* A p-value or significance level, the one way every output prints one: two
 * significant digits in plain decimals, never an exponent: "0.74", "0.05",
 * "0.0087", "0.000095"; below 0.000001, "<0.000001". */
void cb_format_probability(char *buf, size_t size, double p);

/* A test against its level, as the terminal and the pages state it:
 * "p = 0.74 > 0.05", "p = 0.0087 < 0.01", "p < 0.000001 < 0.000095", with
 * more digits where two would print both alike ("p = 0.0496 < 0.05");
 * "exact" for an exact comparison (p < 0), which needs no test. */
void cb_format_p_test(char *buf, size_t size, double p, double level);

/* A plain count with a K/M/G suffix: "5.1M". */
void cb_format_count(char *buf, size_t size, double n);

/* x with `digits` significant digits in plain decimal notation, never an
 * exponent: 61240.3 -> "61200", 888539 -> "889000", 12.345 -> "12.3",
 * 0.012345 -> "0.0123" (3). */
void cb_format_plain(char *buf, size_t size, double x, int digits);

/*
 * A number as Rust's libtest prints its bench results since it prints
 * fractions of a nanosecond: two decimals, and a ',' before each of the last
 * three groups of three digits of the whole part: "1,234.56", "12,345,678.00",
 * "1234,567,890,123.40". Below 1, three significant digits rather than two
 * decimals, so that no positive value prints as 0: "0.140", "0.00412". Not
 * positive (or NaN): "0.00".
 */
void cb_format_libtest(char *buf, size_t size, double x);

/* A size in bytes: whole bytes below 1 KiB ("300 B"), else binary prefixes
 * with four significant digits ("19.04 MiB", "1 MiB"); a sign kept ("-64 B"). */
void cb_format_bytes(char *buf, size_t size, double bytes);

#endif
