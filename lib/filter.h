/*
 * Which benchmarks a run selects: every one, or those whose full name matches a
 * FILTER (a POSIX extended regular expression found anywhere in the name, so a
 * plain word is a substring match; with --exact, the whole name literally).
 */
#ifndef CB_FILTER_H
#define CB_FILTER_H

#include "registry.h"

/* Sets selected[i] to 1 for every instance that matches (all when nfilters is
 * 0). -1 when a filter is not a valid regular expression. */
int cb_filter_select(const cb_instance_list *list, const char *const *filters, size_t nfilters,
                     int exact, unsigned char *selected, cb_error *err);

#endif
