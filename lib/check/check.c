#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/exact.h"
#include "check/leak.h"
#include "measure/valgrind.h"

int cb_check_open(cb_check_config *cfg, cb_error *err)
{
    memset(&cfg->cycles, 0, sizeof cfg->cycles);
    if ((cfg->which & CB_CHECK_CONSTANT_TIME) && cb_valgrind_available(err) != 0) {
        cb_error_prefix(err, "--check constant-time runs the benchmarks under valgrind's memcheck");
        return -1;
    }
    if ((cfg->which & CB_CHECK_TIMING_LEAK) &&
        cb_clock_open(&cfg->cycles, CB_MEASURE_CYCLES, err) != 0) {
        cb_error_prefix(err, "--check timing-leak times calls with the cycle counter");
        return -1;
    }
    return 0;
}

void cb_check_close(cb_check_config *cfg)
{
    if (cfg->cycles.ops != NULL) {
        cb_clock_close(&cfg->cycles);
    }
}

int cb_check_run(const cb_check_config *cfg, const cb_instance *inst, cb_result *r,
                 cb_error *err)
{
    if ((cfg->which & CB_CHECK_CONSTANT_TIME) &&
        cb_check_exact_run(cfg, inst, &r->checks.exact, err) != 0) {
        return -1;
    }
    if ((cfg->which & CB_CHECK_TIMING_LEAK) &&
        cb_check_leak_run(cfg, inst, &r->checks.leak, err) != 0) {
        return -1;
    }
    return 0;
}

int cb_check_accept(const cb_run *baseline, int baseline_accepts, const cb_allow_list *allow,
                    cb_result *r)
{
    const cb_result *old = baseline != NULL ? cb_run_find(baseline, r->name) : NULL;
    cb_check_exact  *e = &r->checks.exact;
    size_t           i, j;

    e->nnew = e->nallowed = e->nunaccepted = 0;
    for (i = 0; i < e->nfindings; i++) {
        cb_finding           *f = &e->findings[i];
        const cb_allow_entry *entry = cb_allow_list_match(allow, r->name, f);

        f->is_new = baseline != NULL;
        for (j = 0; old != NULL && j < old->checks.exact.nfindings && f->is_new; j++) {
            f->is_new = !cb_finding_same(&old->checks.exact.findings[j], f);
        }
        free(f->allowed_by);
        f->allowed_by = NULL;
        if (entry != NULL && (f->allowed_by = strdup(entry->name)) == NULL) {
            return -1;
        }
        f->accepted = entry != NULL || (!f->is_new && baseline_accepts);
        e->nnew += (size_t) f->is_new;
        e->nallowed += (size_t) (entry != NULL);
        e->nunaccepted += (size_t) !f->accepted;
    }
    return 0;
}
