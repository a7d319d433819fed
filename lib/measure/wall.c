#include <time.h>

#include "measure/wall.h"

uint64_t cb_clock_monotonic_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

uint64_t cb_clock_wall_now(cb_clock *c)
{
    (void) c;
    return cb_clock_monotonic_ns();
}

uint64_t cb_clock_wall_since(cb_clock *c, uint64_t mark)
{
    (void) c;
    return cb_clock_monotonic_ns() - mark;
}

static const cb_clock_ops wall_ops = {
    .kind = CB_MEASURE_WALL,
    .unit = "ns",
    .now_ns = cb_clock_wall_now,
    .start = cb_clock_wall_now,
    .stop = cb_clock_wall_since,
    .start_is_wall = 1,
};

void cb_wall_open(cb_clock *c)
{
    *c = (cb_clock){ .ops = &wall_ops };
}
