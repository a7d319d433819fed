/*
 * A profile in the terminal: the functions that account for a measured
 * loop's instructions, and against the baseline the ones whose counts
 * changed most. Formatting only: profile/ computed every number.
 */
#ifndef CB_PROFILE_TEXT_H
#define CB_PROFILE_TEXT_H

#include <stddef.h>
#include <stdio.h>
#include "profile/diff.h"
#include "profile/profile.h"

/* How many functions the terminal lists, and the gate under a row. */
#define CB_PROFILE_TOP 6
#define CB_PROFILE_GREW_TOP 5
#define CB_PROFILE_GATE_TOP 3

/* "4076.0 K", "22.000": instructions per iteration, without a unit. */
void cb_profile_text_count(char *buf, size_t size, double count);

/* "f (object)", or "f" when the object is unknown, into buf. */
void cb_profile_text_name(char *buf, size_t size, const char *name, const char *object);

/* The k functions of p with the most self instructions (of those with a
 * ten-thousandth of the total or more), each line indented by `indent`
 * columns: self share, inclusive share, self count, name. */
void cb_profile_text_top(FILE *out, int indent, const cb_profile *p, size_t k);

/* A change's calls per iteration, old and new, "1.0000 -> 2.0000" with
 * arrow between them, into buf; "" when a profile does not know its calls
 * (one stored before they were kept). */
void cb_profile_text_calls(char *buf, size_t size, const cb_profile_change *c,
                           const char *arrow);

/* The k functions of d whose self instructions changed most: old and new per
 * iteration, the change, the calls per iteration old and new (so that more
 * calls and costlier calls are told apart), and its share of the whole
 * change. */
void cb_profile_text_grew(FILE *out, int indent, const cb_profile_diff *d, size_t k);

#endif
