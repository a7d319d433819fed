#include <math.h>
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
    if (s->starts == 1) {
        s->first_ns = s->wall_mark;
    }
    return s->iterations;
}

void cb_state_stop(cb_state *s)
{
    uint64_t amount, wall;

    if (!s->running) {
        cb_state_fail(s, "cb_state_stop called without cb_state_start");
        return;
    }
    amount = s->clock->ops->stop(s->clock, s->mark);
    if (s->clock->failed) {
        cb_state_fail(s, "reading the %s counter failed", s->clock->ops->unit);
    }
    wall = s->clock->ops->start_is_wall ? amount
                                        : s->clock->ops->now_ns(s->clock) - s->wall_mark;
    s->wall_ns += wall;
    s->last_ns = s->wall_mark + wall;
    s->measured += amount;
    s->running = 0;
}

uint64_t cb_state_batch(cb_state *s, uint64_t size)
{
    uint64_t n = s->iterations - s->batched;

    if (size == 0) {
        cb_state_fail(s, "cb_state_batch: a batch of 0 iterations");
        return 0;
    }
    n = n < size ? n : size;
    s->batched += n;
    s->pending = n;
    return n;
}

uint64_t cb_state_batch_start(cb_state *s, uint64_t n)
{
    if (n > s->pending) {
        /* outside CB_BATCHES it would time n iterations of its own against the
         * harness's count: a time per iteration that means nothing */
        if (s->batched == 0) {
            cb_state_fail(s, "CB_BATCH_LOOP outside CB_BATCHES: it runs %llu iterations of its "
                             "own, not the %llu the harness asked for (put it inside "
                             "CB_BATCHES(s, n, size) and loop over n)",
                          (unsigned long long) n, (unsigned long long) s->iterations);
        } else {
            cb_state_fail(s, "CB_BATCH_LOOP of %llu iterations in a batch of %llu",
                          (unsigned long long) n, (unsigned long long) s->pending);
        }
        n = 0;
    }
    s->pending = 0;
    s->batch_run += n;
    s->batch_loops++;
    cb_state_start(s);
    return n;
}

uint64_t cb_state_param(const cb_state *s)
{
    return s->inst->naxes > 0 ? s->inst->args[0] : 0;
}

uint64_t cb_state_arg(cb_state *s, const char *axis)
{
    uint64_t v = 0;

    if (cb_instance_arg(s->inst, axis, &v) != 0) {
        char   names[160] = "";
        size_t i, used = 0;

        for (i = 0; i < s->inst->naxes && used < sizeof names; i++) {
            used += (size_t) snprintf(names + used, sizeof names - used, "%s\"%.32s\"",
                                      i == 0 ? "" : ", ",
                                      s->inst->axes[i].name != NULL ? s->inst->axes[i].name
                                                                    : "(unnamed)");
        }
        cb_state_fail(s, "cb_state_arg: no axis named \"%.32s\"; %s%s", axis,
                      s->inst->naxes == 0 ? "this benchmark has no axes" : "its axes are ",
                      names);
    }
    return v;
}

void cb_state_set_fixture(cb_state *s, void *fixture)
{
    s->fixture = fixture;
}

void *cb_state_fixture(const cb_state *s)
{
    return s->fixture;
}

/* Counter names are printed in reports and stored as JSON keys: the
 * registry's small alphabet. */
static int valid_counter_name(const char *name)
{
    const char *p;

    if (name[0] == '\0' || strlen(name) > CB_COUNTER_NAME_MAX) {
        return 0;
    }
    for (p = name; *p != '\0'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              strchr("-_.", *p) != NULL)) {
            return 0;
        }
    }
    return 1;
}

void cb_state_counter(cb_state *s, const char *name, double value)
{
    size_t i;

    if (!valid_counter_name(name) || !isfinite(value)) {
        cb_state_fail(s, "cb_state_counter: a name of 1 to 31 of [A-Za-z0-9-_.] and a finite "
                         "value are needed");
        return;
    }
    for (i = 0; i < s->ncounters && strcmp(s->counters[i].name, name) != 0; i++) {
    }
    if (i == s->ncounters) {
        if (i == CB_MAX_COUNTERS) {
            cb_state_fail(s, "cb_state_counter: more than %d counters", CB_MAX_COUNTERS);
            return;
        }
        snprintf(s->counters[i].name, sizeof s->counters[i].name, "%s", name);
        s->ncounters++;
    }
    s->counters[i].call += value;
}

void cb_state_tally_add(cb_state *s)
{
    size_t i;

    for (i = 0; i < s->ncounters; i++) {
        s->counters[i].total += s->counters[i].call;
    }
    s->tally_wall_ns += s->wall_ns;
}

void cb_state_tally_reset(cb_state *s)
{
    size_t i;

    for (i = 0; i < s->ncounters; i++) {
        s->counters[i].total = 0.0;
    }
    s->tally_wall_ns = 0;
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
    size_t i;
    int    rc;

    s->iterations = iterations;
    s->batched = 0;
    s->pending = 0;
    s->batch_run = 0;
    s->batch_loops = 0;
    s->measured = 0;
    s->wall_ns = 0;
    s->starts = 0;
    s->running = 0;
    for (i = 0; i < s->ncounters; i++) {
        s->counters[i].call = 0.0;
    }
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
    if (s->batched != 0 && s->batched != iterations) {
        /* a batch loop left early: the time would be of fewer iterations */
        return cb_state_fail(s, "the batches covered %llu of %llu iterations",
                             (unsigned long long) s->batched, (unsigned long long) iterations);
    }
    if (s->batch_loops != 0 && s->batch_run != s->batched) {
        /* CB_BATCH_LOOPs shorter than their batches: the same, within them */
        return cb_state_fail(s, "CB_BATCH_LOOP ran %llu of the %llu iterations CB_BATCHES "
                                "handed out",
                             (unsigned long long) s->batch_run, (unsigned long long) s->batched);
    }
    return 0;
}
