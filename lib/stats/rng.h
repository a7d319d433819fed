/*
 * A small seeded generator for the bootstrap: xoshiro256** (Blackman & Vigna),
 * seeded through splitmix64 so that any 64-bit seed, 0 included, gives a good
 * state. Not for cryptographic use: it only has to make a run reproducible.
 */
#ifndef CB_RNG_H
#define CB_RNG_H

#include <stdint.h>

typedef struct cb_rng {
    uint64_t s[4];
} cb_rng;

void cb_rng_seed(cb_rng *rng, uint64_t seed);

/* Inline: the bootstrap draws ten million of these per benchmark. */
static inline uint64_t cb_rng_next(cb_rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t  result = ((s[1] * 5) << 7 | (s[1] * 5) >> 57) * 9;
    uint64_t  t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return result;
}

/* A uniform integer in [0, bound), bound > 0, without modulo bias (Lemire's
 * multiply-and-reject). */
static inline uint32_t cb_rng_below(cb_rng *rng, uint32_t bound)
{
    uint64_t m = (cb_rng_next(rng) >> 32) * (uint64_t) bound;
    uint32_t low = (uint32_t) m;

    if (low < bound) {
        uint32_t threshold = (uint32_t) -bound % bound;

        while (low < threshold) {
            m = (cb_rng_next(rng) >> 32) * (uint64_t) bound;
            low = (uint32_t) m;
        }
    }
    return (uint32_t) (m >> 32);
}

/* Two independent uniform integers in [0, bound) from one 64-bit draw, its
 * two halves each through Lemire's method: half the generator's work per
 * index, which is most of a bootstrap's cost. */
static inline void cb_rng_below_pair(cb_rng *rng, uint32_t bound, uint32_t *a, uint32_t *b)
{
    uint64_t r = cb_rng_next(rng);
    uint64_t ma = (r >> 32) * (uint64_t) bound, mb = (r & 0xffffffffu) * (uint64_t) bound;

    if ((uint32_t) ma < bound || (uint32_t) mb < bound) {
        uint32_t threshold = (uint32_t) -bound % bound;

        if ((uint32_t) ma < threshold) {
            ma = (uint64_t) cb_rng_below(rng, bound) << 32;
        }
        if ((uint32_t) mb < threshold) {
            mb = (uint64_t) cb_rng_below(rng, bound) << 32;
        }
    }
    *a = (uint32_t) (ma >> 32);
    *b = (uint32_t) (mb >> 32);
}

#endif
