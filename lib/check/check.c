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

void cb_check_compare(const cb_result *old, cb_result *r)
{
    cb_check_exact *e = &r->checks.exact;
    size_t          i, j;

    e->nnew = 0;
    for (i = 0; i < e->nfindings; i++) {
        cb_finding *f = &e->findings[i];

        f->is_new = 1;
        for (j = 0; old != NULL && j < old->checks.exact.nfindings && f->is_new; j++) {
            const cb_finding *o = &old->checks.exact.findings[j];

            f->is_new = !cb_finding_is(o, f->kind, (const char *const *) f->frames, f->nframes);
        }
        e->nnew += (size_t) f->is_new;
    }
}
