/*
 * Which benchmarks a run selects: every one, or those whose full name matches a
 * FILTER (a POSIX extended regular expression found anywhere in the name, so a
 * plain word is a substring match; with --exact, the whole name literally).
 */
#ifndef CB_FILTER_H
#define CB_FILTER_H

#include <stddef.h>
#include "core/error.h"
#include "core/pattern.h"
#include "measure/registry.h"

typedef struct cb_filter {
    const char *const *patterns;
    size_t             n;
    int                exact;
    cb_pattern        *compiled;
} cb_filter;

/* Compiles the patterns (kept by reference; core/pattern.h). -1 when one is
 * not a valid regular expression, or one that would not compile or match in
 * bounded time and memory, naming it. */
int cb_filter_init(cb_filter *f, const char *const *patterns, size_t n, int exact,
                   cb_error *err);

/* True when name is selected: there are no patterns, or one matches. */
int cb_filter_match(const cb_filter *f, const char *name);

void cb_filter_free(cb_filter *f);

/* Expands the registry into list and marks in *selected (list->n flags, new)
 * the instances f selects, *n of them. -1 when a cb_register() or
 * cb_context_add() call failed, naming it, or out of memory. */
int cb_filter_select(const cb_filter *f, cb_instance_list *list, unsigned char **selected,
                     size_t *n, cb_error *err);

#endif
