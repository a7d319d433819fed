/*
 * The per-call input of a benchmark that declares prepare_input: the two
 * classes of inputs the timing-leak check compares. The harness owns the
 * buffers; the benchmark fills them and reads them with cb_state_input().
 */
#ifndef CB_INPUT_H
#define CB_INPUT_H

#include "measure/state.h"

/* Inputs start on a cache line of their own, as a benchmark's own buffers
 * would be placed: where an input lies must not move a measurement. */
#define CB_INPUT_ALIGN 64

/* The bytes between the starts of two inputs of size bytes in a batch. */
size_t cb_input_stride(size_t size);

/* Fills input (the definition's input_size bytes) for class input_class
 * through the benchmark's prepare_input: 0, or -1 with s->failure set. */
int cb_input_prepare(cb_state *s, int input_class, void *input);

/* For every run but the timing-leak check's: one input of class 0, allocated
 * here and handed to run through s->input. 0 with nothing to do when the
 * benchmark declares no prepare_input; -1 with s->failure set. Free it with
 * cb_input_release(). */
int cb_input_fixed(cb_state *s);

/* The same with a fresh input of input_class, in the buffer of the one
 * before if there was one (the exact check runs several of each class). */
int cb_input_fill(cb_state *s, int input_class);

/* Wipes and frees that input. */
void cb_input_release(cb_state *s);

/* Zeroes n bytes at p where the compiler cannot drop it: inputs hold the
 * benchmark's secrets, and are wiped before they are freed. */
void cb_input_wipe(void *p, size_t n);

#endif
