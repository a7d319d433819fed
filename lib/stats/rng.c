#include "stats/rng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

void cb_rng_seed(cb_rng *rng, uint64_t seed)
{
    int i;

    for (i = 0; i < 4; i++) {
        rng->s[i] = splitmix64(&seed);
    }
}
