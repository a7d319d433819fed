#include "measure/callgrind.h"
#include "measure/clock.h"
#include "measure/perf.h"
#include "measure/tsc.h"
#include "measure/wall.h"

int cb_clock_open(cb_clock *c, cb_measure kind, cb_error *err)
{
    cb_error perf, grind;

    cb_wall_open(c);
    switch (kind) {
    case CB_MEASURE_WALL:
        return 0;
    case CB_MEASURE_CYCLES:
        return cb_tsc_open(c, err);
    case CB_MEASURE_INSTRUCTIONS:
        if (cb_perf_open(c, &perf) == 0 || cb_callgrind_open_parent(c, &grind) == 0) {
            return 0;
        }
        return cb_error_set(err, "%s, and %s", perf.msg, grind.msg);
    }
    return cb_error_set(err, "unknown measurement kind %d", (int) kind);
}

int cb_clock_reopen(cb_clock *c, cb_error *err)
{
    return c->ops->reopen != NULL ? c->ops->reopen(c, err) : 0;
}

void cb_clock_close(cb_clock *c)
{
    if (c->ops != NULL && c->ops->close != NULL) {
        c->ops->close(c);
    }
    c->state = NULL;
}

cb_measure cb_clock_kind(const cb_clock *c)
{
    return c->ops->kind;
}

const char *cb_clock_unit(const cb_clock *c)
{
    return c->ops->unit;
}

double cb_clock_tsc_ghz(const cb_clock *c)
{
    return c->ops->kind == CB_MEASURE_CYCLES ? cb_tsc_ghz(c) : 0.0;
}
