#include <stdlib.h>

#include "measure/input.h"

void *cb_state_input(const cb_state *s)
{
    return s->input;
}

int cb_input_prepare(cb_state *s, int input_class, void *input)
{
    int rc = s->inst->def->prepare_input(s, input_class, input);

    if (rc != 0) {
        return cb_state_fail(s, "prepare_input returned %d for class %d", rc, input_class);
    }
    return s->failed ? -1 : 0;
}

size_t cb_input_stride(size_t size)
{
    return (size + CB_INPUT_ALIGN - 1) / CB_INPUT_ALIGN * CB_INPUT_ALIGN;
}

int cb_input_fill(cb_state *s, int input_class)
{
    const cb_bench *def = s->inst->def;

    if (def->prepare_input == NULL) {
        return 0;
    }
    if (s->input == NULL) {
        s->input = aligned_alloc(CB_INPUT_ALIGN, cb_input_stride(def->input_size));
    }
    if (s->input == NULL) {
        return cb_state_fail(s, "out of memory for an input of %zu bytes", def->input_size);
    }
    return cb_input_prepare(s, input_class, s->input);
}

int cb_input_fixed(cb_state *s)
{
    return cb_input_fill(s, 0);
}

void cb_input_wipe(void *p, size_t n)
{
    volatile unsigned char *v = p;

    while (n-- > 0) {
        *v++ = 0;
    }
}

void cb_input_release(cb_state *s)
{
    if (s->input != NULL) {
        cb_input_wipe(s->input, s->inst->def->input_size);
    }
    free(s->input);
    s->input = NULL;
}
