/*
 * What CB_LOOP and cb_black_box compile to, checked by tests/e2e/asm.sh on
 * the compiler's assembly (Google Benchmark's assembly tests): each loop
 * below must keep its work and add nothing per iteration but its own counter,
 * compare and branch.
 */
#include <stdint.h>
#include <cryptbench.h>

/* Defined in another unit: the optimiser cannot see through it. */
uint64_t asm_opaque(uint64_t x);

int asm_loop_call(cb_state *s);
int asm_loop_black_box(cb_state *s);
int asm_loop_batched(cb_state *s);

/* an opaque call per iteration: the call and the loop, nothing else */
int asm_loop_call(cb_state *s)
{
    uint64_t x = 0;

    CB_LOOP(s) {
        x = asm_opaque(x);
    }
    cb_black_box(&x);
    return 0;
}

/* work whose result is never used, kept by the black box: its store */
int asm_loop_black_box(cb_state *s)
{
    uint64_t acc = 1;

    CB_LOOP(s) {
        acc *= 0x9e3779b97f4a7c15u;
        cb_black_box(&acc);
    }
    return 0;
}

/* the batched loop's inner loop is the same as CB_LOOP's */
int asm_loop_batched(cb_state *s)
{
    uint64_t acc = 1;

    CB_BATCHES(s, n, 256) {
        CB_BATCH_LOOP(s, i, n) {
            acc *= 0x9e3779b97f4a7c15u;
            cb_black_box(&acc);
        }
    }
    return 0;
}
