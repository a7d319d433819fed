/*
 * The per-call input of a benchmark that declares prepare_input: the two
 * classes of inputs the timing-leak check compares. The harness owns the
 * buffers; the benchmark fills them and reads them with cb_state_input().
 */
#ifndef CB_INPUT_H
#define CB_INPUT_H

#include "measure/state.h"

/* Fills input (the definition's input_size bytes) for class input_class
 * through the benchmark's prepare_input: 0, or -1 with s->failure set. */
int cb_input_prepare(cb_state *s, int input_class, void *input);

/* For every run but the timing-leak check's: one input of class 0, allocated
 * here and handed to run through s->input. 0 with nothing to do when the
 * benchmark declares no prepare_input; -1 with s->failure set. Free it with
 * cb_input_release(). */
int cb_input_fixed(cb_state *s);

void cb_input_release(cb_state *s);

#endif
