#include "measure/measure.h"

int cb_measure_identify(cb_result *r, const cb_instance *inst)
{
    if (cb_result_set_string(&r->name, inst->name) != 0 ||
        cb_result_set_string(&r->impl, inst->def->impl) != 0 ||
        cb_result_set_string(&r->param_name, inst->def->param_name) != 0 ||
        cb_result_set_string(&r->variant_of, inst->variant_of) != 0 ||
        cb_result_set_string(&r->variant, inst->def->variant) != 0) {
        return -1;
    }
    r->param = inst->param;
    r->has_param = inst->has_param;
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

void cb_measure_run(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                    const cb_progress *progress, cb_result *r)
{
    cb_state s;
    double   met_ns;

    cb_state_init(&s, inst, clock);
    if (inst->def->check != NULL && cb_state_call(&s, inst->def->check, 1, 0) != 0) {
        keep_note(r, &s);
        cb_result_fail(r, s.failure);
        return;
    }
    if (cfg->test_only) {
        if (cb_state_call(&s, inst->def->run, 1, 1) != 0) {
            cb_result_fail(r, s.failure);
        }
        keep_note(r, &s);
        return;
    }
    if (progress != NULL && progress->warm_up != NULL) {
        progress->warm_up(progress->self, inst->name, cfg->warm_up_ns);
    }
    if (cb_sampling_warm_up(&s, cfg->warm_up_ns, &met_ns) != 0 ||
        (clock->ops->plan_ns_per_count > 0.0 && cb_sampling_count_one(&s, &met_ns) != 0)) {
        keep_note(r, &s);
        cb_result_fail(r, s.failure);
        return;
    }
    cb_sampling_plan(met_ns, cfg->sample_size, cfg->measurement_ns, &r->plan);
    if (cb_sampling_collect(&s, &r->plan, &r->samples, progress) != 0) {
        cb_result_fail(r, s.failure);
    }
    keep_note(r, &s);
}
