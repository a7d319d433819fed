#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "measure/state.h"

void cb_state_init(cb_state *s, const cb_instance *inst, cb_clock *clock)
{
    memset(s, 0, sizeof *s);
    s->inst = inst;
    s->clock = clock;
}

uint64_t cb_state_iterations(const cb_state *s)
{
    return s->iterations;
}

uint64_t cb_state_start(cb_state *s)
{
    if (s->running) {
        /* the first mark would be lost and the time since it with it */
        cb_state_fail(s, "cb_state_start called twice without cb_state_stop");
        return s->iterations;
    }
    s->running = 1;
    s->starts++;
    if (s->clock->ops->start_is_wall) {
        s->mark = s->clock->ops->start(s->clock);
        s->wall_mark = s->mark;
    } else {
        s->wall_mark = s->clock->ops->now_ns(s->clock);
        s->mark = s->clock->ops->start(s->clock);
    }
    return s->iterations;
}

void cb_state_stop(cb_state *s)
{
    uint64_t amount;

    if (!s->running) {
        cb_state_fail(s, "cb_state_stop called without cb_state_start");
        return;
    }
    amount = s->clock->ops->stop(s->clock, s->mark);
    if (s->clock->failed) {
        cb_state_fail(s, "reading the %s counter failed", s->clock->ops->unit);
    }
    if (s->clock->ops->start_is_wall) {
        s->wall_ns += amount;
    } else {
        s->wall_ns += s->clock->ops->now_ns(s->clock) - s->wall_mark;
    }
    s->measured += amount;
    s->running = 0;
}

uint64_t cb_state_param(const cb_state *s)
{
    return s->inst->param;
}

void *cb_state_ctx(const cb_state *s)
{
    return s->inst->def->ctx;
}

const char *cb_state_name(const cb_state *s)
{
    return s->inst->name;
}

int cb_state_fail(cb_state *s, const char *fmt, ...)
{
    va_list ap;

    if (!s->failed) {
        va_start(ap, fmt);
        if (vsnprintf(s->failure, sizeof s->failure, fmt, ap) >= (int) sizeof s->failure) {
            cb_text_drop_partial(s->failure); /* cut between characters */
        }
        va_end(ap);
        s->failed = 1;
    }
    return -1;
}

void cb_state_note(cb_state *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    if (vsnprintf(s->note, sizeof s->note, fmt, ap) >= (int) sizeof s->note) {
        cb_text_drop_partial(s->note); /* cut between characters */
    }
    va_end(ap);
}

int cb_state_call(cb_state *s, int (*fn)(cb_state *), uint64_t iterations, int must_time)
{
    int rc;

    s->iterations = iterations;
    s->measured = 0;
    s->wall_ns = 0;
    s->starts = 0;
    s->running = 0;
    rc = fn(s);
    if (rc != 0) {
        return cb_state_fail(s, "returned %d", rc);
    }
    if (s->failed) {
        return -1;
    }
    if (s->running) {
        return cb_state_fail(s, "the timer was left running (a break or return inside CB_LOOP?)");
    }
    if (must_time && s->starts == 0) {
        return cb_state_fail(s, "never started the timer (no CB_LOOP or cb_state_start)");
    }
    return 0;
}
