#include "measure/profile_time.h"
#include "measure/sampling.h"

int cb_profile_time_run(const cb_instance *inst, cb_clock *clock, double seconds,
                        double *ns_per_iteration, cb_error *err)
{
    const cb_bench *def = inst->def;
    cb_state        s;
    int             rc = 0;

    cb_state_init(&s, inst, clock);
    if (def->setup != NULL && cb_state_call(&s, def->setup, 0, 0) != 0) {
        return cb_error_set(err, "%s", s.failure);
    }
    /* warm-up is exactly the loop wanted: doubling calls until the time is up */
    if ((def->check != NULL && cb_state_call(&s, def->check, 1, 0) != 0) ||
        cb_sampling_warm_up(&s, seconds * 1e9, ns_per_iteration) != 0) {
        rc = cb_error_set(err, "%s", s.failure);
    }
    if (def->teardown != NULL) {
        def->teardown(&s);
    }
    return rc;
}
