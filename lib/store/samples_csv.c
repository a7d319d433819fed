#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/number.h"
#include "store/samples_csv.h"

static int append(cb_samples *s, size_t *cap, double iters, double value)
{
    if (s->n == *cap) {
        size_t  grown_cap = *cap * 2 + 64;
        double *i = realloc(s->iters, grown_cap * sizeof *i), *v;

        if (i == NULL) {
            return -1;
        }
        s->iters = i;
        v = realloc(s->values, grown_cap * sizeof *v);
        if (v == NULL) {
            return -1;
        }
        s->values = v;
        *cap = grown_cap;
    }
    s->iters[s->n] = iters;
    s->values[s->n] = value;
    s->n++;
    return 0;
}

/* The field starting at p (leading blanks skipped), cut at its comma or end;
 * *col is its 1-based column. Returns the next field's start or NULL. */
static char *next_field(char *p, char **field, size_t *col, const char *line)
{
    char *end;

    p += strspn(p, " \t");
    *field = p;
    *col = (size_t) (p - line) + 1;
    end = p + strcspn(p, ",");
    if (*end == ',') {
        *end = '\0';
        return end + 1;
    }
    return NULL;
}

static void trim_right(char *s)
{
    size_t n = strlen(s);

    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
                     s[n - 1] == '\n')) {
        s[--n] = '\0';
    }
}

/* Decimal only: "0x10" is not 16 iterations. Underflow still gives a usable
 * (denormal) number; overflow does not. */
static int parse_number(const char *field, double *out)
{
    const char *end;

    return cb_number_decimal(field, out, &end) == 0 && *end == '\0' ? 0 : -1;
}

static int parse_line(const char *path, size_t lineno, char *line, int *header_allowed,
                      cb_samples *s, size_t *cap, double scale, cb_error *err)
{
    char       *fields[2], *rest = line;
    size_t      cols[2], k = 0, third = 0;
    double      iters, total;
    const char *names[2] = { "iterations", "total" };

    while (rest != NULL && k < 3) {
        char  *f;
        size_t c;

        rest = next_field(rest, &f, &c, line);
        if (k < 2) {
            fields[k] = f;
            cols[k] = c;
        } else {
            third = c;
        }
        k++;
    }
    if (k != 2) {
        return cb_error_set(err, "%s:%zu:%zu: expected 2 fields 'iterations,total', got %s", path,
                            lineno, k > 2 ? third : strlen(line) + 1, k > 2 ? "more" : "1");
    }
    trim_right(fields[0]);
    trim_right(fields[1]);
    if (parse_number(fields[0], &iters) != 0 || parse_number(fields[1], &total) != 0) {
        int bad = parse_number(fields[0], &iters) != 0 ? 0 : 1;

        /* a header names its columns: a first line that starts with a number is data */
        if (*header_allowed && bad == 0) {
            *header_allowed = 0;
            return 0;
        }
        return cb_error_set(err, "%s:%zu:%zu: %s: '%s' is not a number", path, lineno, cols[bad],
                            names[bad], fields[bad]);
    }
    *header_allowed = 0;
    if (!isfinite(iters) || iters < 1.0 || iters != floor(iters) ||
        iters > CB_SAMPLE_ITERATIONS_MAX) {
        return cb_error_set(err, "%s:%zu:%zu: iterations: expected a positive whole number up to "
                                 "2^53 - 1 (%.0f), got '%s'", path, lineno, cols[0],
                            CB_SAMPLE_ITERATIONS_MAX, fields[0]);
    }
    if (!isfinite(total) || !(total > 0.0) || !isfinite(total * scale)) {
        return cb_error_set(err, "%s:%zu:%zu: total: expected a positive finite number, got '%s'",
                            path, lineno, cols[1], fields[1]);
    }
    if (!(total * scale >= CB_SAMPLE_VALUE_MIN && total * scale <= CB_SAMPLE_VALUE_MAX)) {
        return cb_error_set(err, "%s:%zu:%zu: total: '%s' is beyond what cryptbench analyses, "
                                 "%g to %g%s (its statistics would overflow)", path, lineno,
                            cols[1], fields[1], CB_SAMPLE_VALUE_MIN, CB_SAMPLE_VALUE_MAX,
                            scale != 1.0 ? " once scaled to ns" : "");
    }
    if (append(s, cap, iters, total * scale) != 0) {
        return cb_error_set(err, "%s:%zu: out of memory", path, lineno);
    }
    return 0;
}

/* Copies the line text[0..n) into line, refusing what is not a line of text. */
static int take_line(const char *path, size_t lineno, const char *text, size_t n,
                     char line[CB_CSV_LINE_MAX + 1], cb_error *err)
{
    const char *nul = memchr(text, '\0', n);

    if (nul != NULL) {
        /* strtod would stop there and take the rest of the line for nothing */
        return cb_error_set(err, "%s:%zu:%zu: a NUL byte (expected 'iterations,total')", path,
                            lineno, (size_t) (nul - text) + 1);
    }
    if (n > CB_CSV_LINE_MAX) {
        return cb_error_set(err, "%s:%zu: a line of %zu bytes, longer than the %d of "
                                 "'iterations,total' cryptbench reads", path, lineno, n,
                            CB_CSV_LINE_MAX);
    }
    memcpy(line, text, n);
    line[n] = '\0';
    return 0;
}

int cb_samples_csv_parse(const char *path, const char *text, size_t len, double scale,
                         cb_samples *out, cb_error *err)
{
    char   line[CB_CSV_LINE_MAX + 1];
    size_t pos = 0, cap = 0, lineno = 0;
    int    header_allowed = 1, rc = 0;

    memset(out, 0, sizeof *out);
    /* a byte-order mark (Excel's "CSV UTF-8") is not part of the first line:
     * read as part of it, it would make a sample pass for a header */
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        pos = 3;
    }
    while (rc == 0 && pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t      n = nl != NULL ? (size_t) (nl - (text + pos)) : len - pos;

        lineno++;
        rc = take_line(path, lineno, text + pos, n, line, err);
        pos += n + 1;
        if (rc != 0) {
            break;
        }
        trim_right(line);
        if (line[strspn(line, " \t")] == '\0') {
            continue;
        }
        if (out->n == CB_MAX_SAMPLES) {
            /* stop at once: a file of millions of lines must not be read on */
            rc = cb_error_set(err, "%s:%zu: more than %d samples, the most cryptbench analyses",
                              path, lineno, CB_MAX_SAMPLES);
            break;
        }
        rc = parse_line(path, lineno, line, &header_allowed, out, &cap, scale, err);
    }
    if (rc == 0 && out->n < 2) {
        rc = cb_error_set(err, "%s: %zu sample%s: at least 2 are needed", path, out->n,
                          out->n == 1 ? "" : "s");
    }
    if (rc != 0) {
        cb_samples_free(out);
    }
    return rc;
}

cb_mode cb_samples_mode(const cb_samples *s)
{
    size_t i;

    for (i = 1; i < s->n; i++) {
        if (s->iters[i] != s->iters[0]) {
            return CB_MODE_LINEAR;
        }
    }
    return CB_MODE_FLAT;
}
