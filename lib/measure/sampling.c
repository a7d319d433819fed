#include <math.h>

#include "measure/sampling.h"

/* one iteration can never take less than this; guards the division when a
 * clock reads the same value before and after (a coarse clock, an empty body) */
#define MIN_MET_NS 1e-3

void cb_sampling_plan(double met_ns, size_t n, double target_ns, cb_plan *plan)
{
    double total_runs = (double) n * (double) (n + 1) / 2.0, d;

    if (!(met_ns > MIN_MET_NS)) {
        met_ns = MIN_MET_NS;
    }
    plan->n = n;
    plan->met_ns = met_ns;
    plan->target_ns = target_ns;
    d = ceil(target_ns / met_ns / total_runs);
    if (d < 1.0) {
        d = 1.0;
    }
    if (total_runs * d * met_ns <= 2.0 * target_ns) {
        plan->mode = CB_MODE_LINEAR;
        plan->d = (uint64_t) d;
        plan->expected_ns = total_runs * d * met_ns;
        return;
    }
    plan->mode = CB_MODE_FLAT;
    d = ceil(target_ns / met_ns / (double) n);
    if (d < 1.0) {
        d = 1.0;
    }
    plan->d = (uint64_t) d;
    plan->expected_ns = (double) n * d * met_ns;
}

uint64_t cb_sampling_iterations(const cb_plan *plan, size_t i)
{
    return plan->mode == CB_MODE_LINEAR ? (uint64_t) (i + 1) * plan->d : plan->d;
}

int cb_sampling_warm_up(cb_state *s, double warm_up_ns, double *met_ns)
{
    cb_clock *c = s->clock;
    uint64_t  start = c->ops->now_ns(c), iters = 1, total_iters = 0, timed_ns = 0, now;

    for (;;) {
        double left, per_iter, fit;

        if (cb_state_call(s, s->inst->def->run, iters, 1) != 0) {
            return -1;
        }
        total_iters += iters;
        timed_ns += s->wall_ns;
        now = c->ops->now_ns(c);
        left = warm_up_ns - (double) (now - start);
        if (left <= 0.0) {
            break;
        }
        /* double, but no further than the time left allows: plain doubling can
         * end a 1 s warm-up after nearly 2 s */
        per_iter = (double) (now - start) / (double) total_iters;
        fit = per_iter > 0.0 ? left / per_iter : 2.0 * (double) iters;
        iters = 2 * iters < fit ? 2 * iters : (fit >= 1.0 ? (uint64_t) fit : 1);
    }
    *met_ns = (double) timed_ns / (double) total_iters;
    return 0;
}

/* One sample of `iters` iterations, with the clock's per-sample hooks around
 * it, its value in *value: what the timer measured, or the count a deferred
 * counter reports after the fact. */
static int one_sample(cb_state *s, uint64_t iters, double *value)
{
    const cb_clock_ops *ops = s->clock->ops;
    cb_error            err;

    if (ops->sample_begin != NULL) {
        ops->sample_begin(s->clock);
    }
    if (cb_state_call(s, s->inst->def->run, iters, 1) != 0) {
        return -1;
    }
    *value = (double) s->measured;
    if (ops->sample_end != NULL && ops->sample_end(s->clock, value, &err) != 0) {
        return cb_state_fail(s, "%s", err.msg);
    }
    return 0;
}

int cb_sampling_count_one(cb_state *s, double *met_ns)
{
    double count;

    if (one_sample(s, 1, &count) != 0) {
        return -1;
    }
    *met_ns = count * s->clock->ops->plan_ns_per_count;
    return 0;
}

int cb_sampling_collect(cb_state *s, const cb_plan *plan, cb_samples *out,
                        const cb_progress *progress)
{
    size_t i;

    if (cb_samples_alloc(out, plan->n) != 0) {
        return cb_state_fail(s, "out of memory for %zu samples", plan->n);
    }
    cb_state_tally_reset(s);
    for (i = 0; i < plan->n; i++) {
        uint64_t iters = cb_sampling_iterations(plan, i);

        if (progress != NULL && progress->collect != NULL) {
            progress->collect(progress->self, s->inst->name, plan, i);
        }
        if (one_sample(s, iters, &out->values[i]) != 0) {
            cb_samples_free(out);
            return -1;
        }
        cb_state_tally_add(s);
        out->iters[i] = (double) iters;
    }
    if (progress != NULL && progress->collect != NULL) {
        progress->collect(progress->self, s->inst->name, plan, plan->n);
    }
    return 0;
}
