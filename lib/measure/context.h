/*
 * The facts a benchmark file adds about its run with cb_context_add() (library
 * versions, a data set's name): kept here until a run copies them into its
 * cb_run.context, from where baselines store them and comparisons check them.
 */
#ifndef CB_MEASURE_CONTEXT_H
#define CB_MEASURE_CONTEXT_H

#include "core/run.h"

/* Longest key and value cb_context_add() accepts, without the NUL. */
#define CB_CONTEXT_KEY_MAX 64
#define CB_CONTEXT_VALUE_MAX 256

/* Everything added so far, in the order it was first added. */
const cb_context *cb_context_registered(void);

/* The first cb_context_add() error, or NULL. */
const char *cb_context_error(void);

/* Forgets everything added (tests add their own). */
void cb_context_clear(void);

#endif
