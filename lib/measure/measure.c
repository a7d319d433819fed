#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure/input.h"
#include "measure/measure.h"
#include "measure/threads.h"

int cb_measure_identify(cb_result *r, const cb_instance *inst)
{
    size_t i;

    if (cb_result_set_string(&r->name, inst->name) != 0 ||
        cb_result_set_string(&r->impl, inst->def->impl) != 0 ||
        cb_result_set_string(&r->variant_of, inst->variant_of) != 0 ||
        cb_result_set_string(&r->variant, inst->def->variant) != 0) {
        return -1;
    }
    for (i = 0; i < inst->naxes; i++) {
        const cb_axis *a = &inst->axes[i];

        snprintf(r->args[i].name, sizeof r->args[i].name, "%s", a->name != NULL ? a->name : "");
        snprintf(r->args[i].unit, sizeof r->args[i].unit, "%s", a->unit != NULL ? a->unit : "");
        r->args[i].value = inst->args[i];
    }
    r->nargs = inst->naxes;
    r->named_args = inst->named;
    r->throughput = inst->def->throughput;
    r->per_iteration = inst->per_iteration;
    return 0;
}

static void keep_note(cb_result *r, const cb_state *s)
{
    if (s->note[0] != '\0') {
        cb_result_set_string(&r->note, s->note);
    }
}

/* The counters over the samples: per iteration, and per second of the timed
 * sections. */
static void keep_counters(cb_result *r, const cb_state *s)
{
    double iters = 0.0;
    size_t i;

    for (i = 0; i < r->samples.n; i++) {
        iters += r->samples.iters[i];
    }
    for (i = 0; i < s->ncounters && iters > 0.0; i++) {
        cb_counter *c = &r->counters[r->ncounters++];

        snprintf(c->name, sizeof c->name, "%s", s->counters[i].name);
        c->per_iteration = s->counters[i].total / iters;
        c->per_second = s->tally_wall_ns > 0 ? s->counters[i].total * 1e9 /
                                                   (double) s->tally_wall_ns
                                             : 0.0;
    }
}

/* Single calls, each timed on its own (only its CB_LOOP, not its set-up), as
 * many as cfg->calls and the measurement time allow, at least ten. */
static int time_calls(cb_state *s, const cb_measure_config *cfg, double met_ns, cb_result *r)
{
    size_t n = cfg->calls, i;

    /* a counter read after the fact (callgrind) has no per-call value */
    if (n == 0 || !(met_ns >= CB_CALLS_MIN_NS) || s->clock->ops->sample_end != NULL) {
        return 0;
    }
    if ((double) n * met_ns > cfg->measurement_ns) {
        n = (size_t) (cfg->measurement_ns / met_ns);
    }
    n = n < 10 ? 10 : n;
    r->calls.values = malloc(n * sizeof *r->calls.values);
    if (r->calls.values == NULL) {
        return cb_state_fail(s, "out of memory for %zu calls", n);
    }
    for (i = 0; i < n; i++) {
        if (cb_state_call(s, s->inst->def->run, 1, 1) != 0) {
            return -1;
        }
        r->calls.values[i] = (double) s->measured;
        r->calls.n = i + 1;
    }
    return 0;
}

/* Check, warm-up, plan and samples, in s; the outcome in r. */
static void measure(cb_state *s, const cb_measure_config *cfg, const cb_progress *progress,
                    cb_result *r)
{
    const cb_instance *inst = s->inst;
    double             met_ns;

    if (!cfg->checked && inst->def->check != NULL &&
        cb_state_call(s, inst->def->check, 1, 0) != 0) {
        cb_result_fail(r, s->failure);
        return;
    }
    if (cfg->test_only) {
        if (cb_state_call(s, inst->def->run, 1, 1) != 0) {
            cb_result_fail(r, s->failure);
        }
        return;
    }
    if (progress != NULL && progress->warm_up != NULL) {
        progress->warm_up(progress->self, inst->name, cfg->warm_up_ns);
    }
    if (cb_sampling_warm_up(s, cfg->warm_up_ns, &met_ns) != 0 ||
        (s->clock->ops->plan_ns_per_count > 0.0 && cb_sampling_count_one(s, &met_ns) != 0)) {
        cb_result_fail(r, s->failure);
        return;
    }
    cb_sampling_plan(met_ns, cfg->sample_size, cfg->measurement_ns, &r->plan);
    if (cb_sampling_collect(s, &r->plan, &r->samples, progress) != 0) {
        cb_result_fail(r, s->failure);
        return;
    }
    keep_counters(r, s);
    if (time_calls(s, cfg, met_ns, r) != 0) {
        cb_result_fail(r, s->failure);
    }
}

void cb_measure_run(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                    const cb_progress *progress, cb_result *r)
{
    cb_state s;

    if (cfg->threads > 0) {
        cb_threads_measure(inst, clock, cfg, progress, r);
        return;
    }
    cb_state_init(&s, inst, clock);
    /* the fixture: once per process, around everything else */
    if (inst->def->setup != NULL && cb_state_call(&s, inst->def->setup, 0, 0) != 0) {
        keep_note(r, &s);
        cb_result_fail(r, s.failure);
        return;
    }
    /* a benchmark with input classes is measured on class 0 */
    if (cb_input_fixed(&s) != 0) {
        cb_result_fail(r, s.failure);
    } else {
        measure(&s, cfg, progress, r);
    }
    if (inst->def->teardown != NULL) {
        inst->def->teardown(&s);
    }
    cb_input_release(&s);
    keep_note(r, &s);
}
