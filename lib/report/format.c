#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/format.h"

/* Criterion's short(): 5 significant digits below 10 000 */
static void short_number(char *buf, size_t size, double x, const char *suffix)
{
    double a = fabs(x);
    int    decimals = a < 10.0 ? 4 : a < 100.0 ? 3 : a < 1000.0 ? 2 : a < 10000.0 ? 1 : 0;

    snprintf(buf, size, "%.*f%s", decimals, x, suffix);
}

void cb_format_time(char *buf, size_t size, double ns)
{
    double a = fabs(ns);

    if (!isfinite(ns)) {
        snprintf(buf, size, "%s", "n/a");
    } else if (a < 1e-7 && a > 0.0) {
        /* below what five digits of ps show: not "0.0000 ps", which reads as none */
        snprintf(buf, size, "%.4e ps", ns * 1e3);
    } else if (a < 1.0) {
        short_number(buf, size, ns * 1e3, " ps");
    } else if (a < 1e3) {
        short_number(buf, size, ns, " ns");
    } else if (a < 1e6) {
        short_number(buf, size, ns / 1e3, " us");
    } else if (a < 1e9) {
        short_number(buf, size, ns / 1e6, " ms");
    } else {
        short_number(buf, size, ns / 1e9, " s");
    }
}

void cb_format_value(char *buf, size_t size, double value, const char *unit)
{
    static const char *const prefixes[] = { "", "K", "M", "G", "T" };
    char                     suffix[32];
    size_t                   i = 0;

    if (strcmp(unit, "ns") == 0) {
        cb_format_time(buf, size, value);
        return;
    }
    if (!isfinite(value)) {
        snprintf(buf, size, "%s", "n/a");
        return;
    }
    while (fabs(value) >= 1e4 && i + 1 < sizeof prefixes / sizeof prefixes[0]) {
        value /= 1e3;
        i++;
    }
    /* a bare count has no unit to set apart */
    snprintf(suffix, sizeof suffix, "%s%s%s", prefixes[i][0] != '\0' || unit[0] != '\0' ? " " : "",
             prefixes[i], unit);
    short_number(buf, size, value, suffix);
}

void cb_format_throughput(char *buf, size_t size, double per_second, cb_throughput kind)
{
    static const char *const bytes[] = { "B/s", "KiB/s", "MiB/s", "GiB/s", "TiB/s" };
    static const char *const elems[] = { "elem/s", "Kelem/s", "Melem/s", "Gelem/s", "Telem/s" };
    const char *const       *units = kind == CB_THROUGHPUT_BYTES ? bytes : elems;
    double                   step = kind == CB_THROUGHPUT_BYTES ? 1024.0 : 1000.0, a;
    size_t                   i = 0;
    int                      decimals;

    if (!isfinite(per_second)) {
        snprintf(buf, size, "%s", "n/a");
        return;
    }
    while (per_second >= step && i < 4) {
        per_second /= step;
        i++;
    }
    a = fabs(per_second);
    decimals = a < 10.0 ? 3 : a < 100.0 ? 2 : a < 1000.0 ? 1 : 0;
    snprintf(buf, size, "%.*f %s", decimals, per_second, units[i]);
}

void cb_format_percent(char *buf, size_t size, double fraction)
{
    snprintf(buf, size, "%+.2f%%", fraction * 100.0);
}

void cb_format_plain(char *buf, size_t size, double x, int digits)
{
    char scientific[48];
    int  decimals = 0;

    if (x != 0.0 && isfinite(x)) {
        /* the exponent after rounding to `digits`: 0.9999 is 1.00, not 0.999 */
        snprintf(scientific, sizeof scientific, "%.*e", digits - 1, x);
        decimals = digits - 1 - atoi(strchr(scientific, 'e') + 1);
        if (decimals < 0) {
            /* the digits beyond the significant ones are zeros, not noise:
             * 888539 in three digits is 889000 */
            x = strtod(scientific, NULL);
            decimals = 0;
        }
    }
    /* a tiny value keeps its digits, within reason */
    snprintf(buf, size, "%.*f", decimals > 20 ? 20 : decimals, x);
}

/* n, whole, with a ',' before each of the last three groups of three digits,
 * as libtest's fmt_thousands_sep: "1,234", "1234,567,890,123". */
static size_t thousands(char *buf, size_t size, uint64_t n)
{
    static const uint64_t powers[] = { 1000000000u, 1000000u, 1000u, 1u };
    size_t                i, used = 0;
    int                   leading = 1;

    buf[0] = '\0';
    for (i = 0; i < sizeof powers / sizeof powers[0] && used < size; i++) {
        uint64_t part = n / powers[i];

        if (powers[i] == 1 || !leading || part != 0) {
            used += (size_t) snprintf(buf + used, size - used, leading ? "%llu%s" : "%03llu%s",
                                      (unsigned long long) part, powers[i] != 1 ? "," : "");
            leading = 0;
        }
        n %= powers[i];
    }
    return used < size ? used : size - 1;
}

void cb_format_libtest(char *buf, size_t size, double x)
{
    uint64_t hundredths;
    size_t   used;

    if (!(x > 0.0)) {
        snprintf(buf, size, "0.00");
    } else if (x < 1.0) {
        /* libtest's two decimals would print 0.00 for 0.004: three significant digits */
        cb_format_plain(buf, size, x, 3);
    } else if (x >= 9e16) {
        /* hundredths beyond a long long: the whole part, saturated as Rust's `as usize` */
        used = thousands(buf, size, x >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t) x);
        snprintf(buf + used, size - used, ".00");
    } else {
        hundredths = (uint64_t) llround(x * 100.0);
        used = thousands(buf, size, hundredths / 100);
        snprintf(buf + used, size - used, ".%02u", (unsigned) (hundredths % 100));
    }
}

void cb_format_count(char *buf, size_t size, double n)
{
    if (n >= 1e9) {
        snprintf(buf, size, "%.1fG", n / 1e9);
    } else if (n >= 1e6) {
        snprintf(buf, size, "%.1fM", n / 1e6);
    } else if (n >= 1e3) {
        snprintf(buf, size, "%.1fK", n / 1e3);
    } else {
        snprintf(buf, size, "%.0f", n);
    }
}

/* the smallest p printed as a number: a family-wise level over a thousand
 * comparisons (0.05 / 1000) still prints as one, above it */
#define P_FLOOR 1e-6

/* x in `digits` significant digits, plain, without trailing zeros: 0.05,
 * not 0.050 */
static void short_plain(char *buf, size_t size, double x, int digits)
{
    size_t len;

    cb_format_plain(buf, size, x, digits);
    len = strlen(buf);
    if (strchr(buf, '.') != NULL) {
        while (len > 0 && buf[len - 1] == '0') {
            buf[--len] = '\0';
        }
        if (len > 0 && buf[len - 1] == '.') {
            buf[--len] = '\0';
        }
    }
}

void cb_format_bytes(char *buf, size_t size, double bytes)
{
    static const char *const units[] = { " KiB", " MiB", " GiB", " TiB" };
    double                   x = bytes;
    size_t                   i = 0;

    if (!isfinite(bytes)) {
        snprintf(buf, size, "%s", "n/a");
        return;
    }
    if (fabs(bytes) < 1024.0) {
        /* counted bytes are whole; an average over threads may not be */
        snprintf(buf, size, bytes == floor(bytes) ? "%.0f B" : "%.4g B", bytes);
        return;
    }
    for (x /= 1024.0; fabs(x) >= 1024.0 && i + 1 < sizeof units / sizeof units[0]; i++) {
        x /= 1024.0;
    }
    snprintf(buf, size, "%.4g%s", x, units[i]);
}

void cb_format_probability(char *buf, size_t size, double p)
{
    if (p < P_FLOOR) {
        snprintf(buf, size, "<0.000001");
    } else {
        short_plain(buf, size, p, 2);
    }
}

void cb_format_p_test(char *buf, size_t size, double p, double level)
{
    char pv[32], lv[32];
    int  digits;

    if (p < 0.0) {
        snprintf(buf, size, "exact");
        return;
    }
    if (p < P_FLOOR) {
        short_plain(lv, sizeof lv, level, 2);
        snprintf(buf, size, "p < 0.000001 %s %s", level > P_FLOOR ? "<" : "vs", lv);
        return;
    }
    /* enough digits that the two numbers differ as they do: 0.0496 against
     * 0.05 is not "p = 0.05 < 0.05" */
    for (digits = 2; digits < 6; digits++) {
        short_plain(pv, sizeof pv, p, digits);
        short_plain(lv, sizeof lv, level, digits);
        if (strcmp(pv, lv) != 0 || p == level) {
            break;
        }
    }
    snprintf(buf, size, "p = %s %s %s", pv, p < level ? "<" : p > level ? ">" : "=", lv);
}
