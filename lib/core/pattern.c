#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pattern.h"

/* The nesting a pattern may have: deeper is refused, not measured. */
#define MAX_DEPTH 64

/* A group being measured: its alternatives so far and the one going on. */
typedef struct group {
    size_t done, current;
} group;

/* a + b, held at the limit: sizes only ever get compared with it */
static size_t add(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static size_t mul(size_t a, size_t b)
{
    return b != 0 && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

/* Past a bracket expression whose '[' is at p: "[]a]", "[^]a]", "[[:alpha:]]". */
static const char *past_bracket(const char *p)
{
    p++;
    if (*p == '^') {
        p++;
    }
    if (*p == ']') {
        p++;
    }
    while (*p != '\0' && *p != ']') {
        if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
            const char *end = strchr(p + 2, p[1]);

            while (end != NULL && end[1] != ']') {
                end = strchr(end + 1, p[1]);
            }
            p = end != NULL ? end + 2 : p + 1;
            continue;
        }
        p++;
    }
    return *p == ']' ? p + 1 : p;
}

/* A number of an interval, held at SIZE_MAX. */
static size_t number(const char **p)
{
    size_t n = 0;

    while (**p >= '0' && **p <= '9') {
        n = add(mul(n, 10), (size_t) (**p - '0'));
        (*p)++;
    }
    return n;
}

/* An interval "{m}", "{m,}", "{m,n}" at p: the copies of its atom it makes
 * into *copies, and the end; NULL when p is no interval (regcomp judges). */
static const char *interval(const char *p, size_t *copies)
{
    const char *q = p + 1;
    size_t      m, n;

    if (*q < '0' || *q > '9') {
        return NULL;
    }
    m = number(&q);
    n = m;
    if (*q == ',') {
        q++;
        /* "{m,}": m copies and a star */
        n = *q >= '0' && *q <= '9' ? number(&q) : add(m, 1);
    }
    if (*q != '}') {
        return NULL;
    }
    *copies = n > m ? n : m;
    *copies = *copies > 0 ? *copies : 1;
    return q + 1;
}

/* The size of pattern with its repetitions copied out, as regcomp would;
 * -1 with why when it cannot be measured (a back-reference, too deep). */
static int measure(const char *pattern, size_t *size, char *why, size_t why_size)
{
    group       stack[MAX_DEPTH + 1] = { { 0, 0 } };
    size_t      depth = 0, last = 0;
    const char *p = pattern;

    while (*p != '\0') {
        size_t      copies;
        const char *next;

        switch (*p) {
        case '\\':
            if (p[1] >= '1' && p[1] <= '9') {
                snprintf(why, why_size, "a back-reference (\\%c) can take exponential time to "
                                        "match; none is allowed", p[1]);
                return -1;
            }
            p += p[1] != '\0' ? 2 : 1;
            last = 1;
            break;
        case '[':
            p = past_bracket(p);
            last = 1;
            break;
        case '(':
            if (depth == MAX_DEPTH) {
                snprintf(why, why_size, "groups nested more than %d deep", MAX_DEPTH);
                return -1;
            }
            stack[++depth] = (group){ 0, 0 };
            p++;
            last = 0;
            continue;
        case ')':
            if (depth == 0) {
                p++;
                last = 1;
                break;
            }
            last = add(add(stack[depth].done, stack[depth].current), 1);
            depth--;
            p++;
            break;
        case '|':
            stack[depth].done = add(stack[depth].done, stack[depth].current);
            stack[depth].current = 0;
            p++;
            last = 0;
            continue;
        case '*':
        case '?':
            p++;
            continue;
        case '+':
            /* X+ is X X* */
            stack[depth].current = add(stack[depth].current, last);
            last = mul(last, 2);
            p++;
            continue;
        case '{':
            next = interval(p, &copies);
            if (next != NULL) {
                stack[depth].current = add(stack[depth].current, mul(last, copies - 1));
                last = mul(last, copies);
                p = next;
                continue;
            }
            p++;
            last = 1;
            break;
        default:
            p++;
            last = 1;
            break;
        }
        stack[depth].current = add(stack[depth].current, last);
    }
    /* groups left open: regcomp refuses them; their size still counts */
    while (depth > 0) {
        size_t g = add(add(stack[depth].done, stack[depth].current), 1);

        depth--;
        stack[depth].current = add(stack[depth].current, g);
    }
    *size = add(stack[0].done, stack[0].current);
    return 0;
}

/* A pattern with no operator but a leading ^ and a trailing $: its text
 * into p. 0, or -1 when it has one (or out of memory: the expression serves). */
static int as_literal(cb_pattern *p, const char *pattern)
{
    size_t len = strlen(pattern);
    int    at_start = pattern[0] == '^', at_end = len > (size_t) at_start && pattern[len - 1] == '$';

    len -= (size_t) at_start + (size_t) at_end;
    if (strcspn(pattern + at_start, ".[]()*+?{}|\\^$") < len) {
        return -1;
    }
    p->literal = malloc(len + 1);
    if (p->literal == NULL) {
        return -1;
    }
    memcpy(p->literal, pattern + at_start, len);
    p->literal[len] = '\0';
    p->len = len;
    p->at_start = at_start;
    p->at_end = at_end;
    return 0;
}

int cb_pattern_compile(cb_pattern *p, const char *pattern, char *why, size_t size)
{
    size_t expanded;
    int    rc;

    memset(p, 0, sizeof *p);
    if (strlen(pattern) > CB_PATTERN_MAX_LENGTH) {
        snprintf(why, size, "longer than %d bytes", CB_PATTERN_MAX_LENGTH);
        return -1;
    }
    if (as_literal(p, pattern) == 0) {
        return 0;
    }
    if (measure(pattern, &expanded, why, size) != 0) {
        return -1;
    }
    if (expanded > CB_PATTERN_MAX_SIZE) {
        /* nested repetitions multiply: ((a{1,100}){1,100}) is 10 000 */
        snprintf(why, size, "its repetitions, copied out as the compiler copies them, would "
                            "make it more than %d elements long: nest fewer or smaller {m,n}",
                 CB_PATTERN_MAX_SIZE);
        return -1;
    }
    rc = regcomp(&p->re, pattern, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char text[128];

        regerror(rc, &p->re, text, sizeof text);
        snprintf(why, size, "not a valid POSIX extended regular expression (%s)", text);
        return -1;
    }
    return 0;
}

int cb_pattern_match(const cb_pattern *p, const char *name)
{
    size_t n;

    if (p->literal == NULL) {
        return regexec(&p->re, name, 0, NULL, 0) == 0;
    }
    n = strlen(name);
    if (p->at_start && p->at_end) {
        return n == p->len && memcmp(name, p->literal, n) == 0;
    }
    if (p->at_start) {
        return n >= p->len && memcmp(name, p->literal, p->len) == 0;
    }
    if (p->at_end) {
        return n >= p->len && memcmp(name + n - p->len, p->literal, p->len) == 0;
    }
    return strstr(name, p->literal) != NULL;
}

void cb_pattern_free(cb_pattern *p)
{
    if (p->literal != NULL) {
        free(p->literal);
    } else {
        regfree(&p->re);
    }
    memset(p, 0, sizeof *p);
}
