/*
 * The regular expressions a user hands cryptbench (a FILTER, a budget's
 * "match"): POSIX extended, as regcomp(3) reads them, but only those that
 * compile and match in bounded time and memory. glibc compiles a bounded
 * repetition by copying what it repeats, so that repetitions nested three
 * deep, ((a{1,100}){1,100}){1,100}, make a million copies: the compiler grew
 * at 75 MB/s and never returned. And a back-reference (\1, a GNU extension
 * in extended expressions) makes matching exponential.
 *
 * So before regcomp, the pattern is measured: its length at most
 * CB_PATTERN_MAX_LENGTH bytes, and its size once every repetition is copied
 * out (each character, bracket expression or group 1, a group its
 * alternatives added up, X+ twice X, X{m,n} n times X) at most
 * CB_PATTERN_MAX_SIZE. The glibc matcher is kept otherwise: it is a DFA
 * without back-references, linear in the name it is run on. 4096 compiles in
 * tens of milliseconds and a few MB; a filter or a budget is a name, an
 * alternation of names, a prefix (did/|kdf/).
 */
#ifndef CB_PATTERN_H
#define CB_PATTERN_H

#include <regex.h>
#include <stddef.h>
#include "cryptbench.h"

#define CB_PATTERN_MAX_LENGTH 4096
#define CB_PATTERN_MAX_SIZE 4096

/* A compiled pattern. One without an operator (a name, "^did/", "/64$") is
 * matched as the text it is, with strstr or strcmp: glibc's matcher keeps
 * tens of kilobytes of tables per expression once used, 0.8 GB for a
 * budgets file of 16 000 names. */
typedef struct cb_pattern {
    char   *literal; /* the text itself, or NULL: a regular expression in re */
    size_t  len;
    int     at_start, at_end; /* the literal's anchors, ^ and $ */
    regex_t re;
} cb_pattern;

/*
 * Compiles pattern into *p (as REG_EXTENDED | REG_NOSUB: whether it is found
 * anywhere in a name) once it is measured as above. 0, to be freed with
 * cb_pattern_free(); -1 with why (size bytes) saying what was wrong, without
 * quoting the pattern, and nothing to free.
 */
int cb_pattern_compile(cb_pattern *p, const char *pattern, char *why, size_t size)
    CB_NONNULL(1, 2, 3);

/* True when the pattern is found in name. */
int cb_pattern_match(const cb_pattern *p, const char *name) CB_NONNULL(1, 2);

void cb_pattern_free(cb_pattern *p) CB_NONNULL(1);

#endif
