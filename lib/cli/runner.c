#include <string.h>

#include "stats/analysis.h"
#include "measure/isolate.h"
#include "cli/runner.h"
#include "profile/diff.h"

void cb_runner_settings(const cb_config *cfg, const cb_instance *inst, cb_measure_config *out)
{
    const cb_bench *def = inst->def;
    double          measurement_s = CB_DEFAULT_MEASUREMENT_S;
    size_t          sample_size = CB_DEFAULT_SAMPLE_SIZE;

    memset(out, 0, sizeof *out);
    if (cfg->measurement_s_set) {
        measurement_s = cfg->measurement_s;
    } else if (cfg->quick) {
        measurement_s = CB_QUICK_MEASUREMENT_S;
    } else if (def->measurement_time > 0.0) {
        measurement_s = def->measurement_time;
    }
    if (cfg->sample_size_set) {
        sample_size = cfg->sample_size;
    } else {
        if (def->sample_size > 0) {
            sample_size = def->sample_size;
        }
        /* --quick lowers a benchmark's own count, never raises it */
        if (cfg->quick && sample_size > CB_QUICK_SAMPLE_SIZE) {
            sample_size = CB_QUICK_SAMPLE_SIZE;
        }
    }
    out->warm_up_ns = cfg->warm_up_s * 1e9;
    out->measurement_ns = measurement_s * 1e9;
    out->sample_size = sample_size;
    out->test_only = cfg->test;
    out->calls = cfg->calls;
    out->profile = cfg->profile;
}

void cb_runner_describe(const cb_runner *rn, cb_run *run)
{
    const cb_config *cfg = rn->cfg;

    run->measure = cb_clock_kind(rn->clock);
    run->unit = cb_clock_unit(rn->clock);
    run->tsc_ghz = cb_clock_tsc_ghz(rn->clock);
    run->warm_up_s = cfg->warm_up_s;
    run->measurement_s = cfg->measurement_s_set || !cfg->quick ? cfg->measurement_s
                                                                : CB_QUICK_MEASUREMENT_S;
    run->sample_size = cfg->sample_size_set || !cfg->quick ? cfg->sample_size
                                                            : CB_QUICK_SAMPLE_SIZE;
    run->nresamples = cfg->nresamples;
    run->confidence = cfg->confidence;
    run->seed = cfg->seed;
    run->quick = cfg->quick;
    cb_run_stamp(run);
}

static void analyse(const cb_runner *rn, const cb_run *run, cb_result *r)
{
    cb_bootstrap_config boot = { rn->cfg->nresamples, rn->cfg->confidence, rn->cfg->seed };
    cb_error            err;

    if (rn->progress.analyze != NULL) {
        rn->progress.analyze(rn->progress.self, r->name);
    }
    if (cb_analysis_run_unit(&r->samples, r->plan.mode, run->unit, &boot, &r->analysis, &err) != 0 ||
        cb_analysis_calls(&r->calls, &err) != 0) {
        cb_result_fail(r, err.msg);
        return;
    }
    cb_analysis_throughput(r, run->unit);
}

/* r against its baseline: the change, and what changed in its profile. */
static int compare(const cb_runner *rn, cb_result *r, cb_error *err)
{
    const cb_result *old = cb_run_find(rn->baseline, r->name);

    if (cb_compare_into(old, r, &rn->compare, err) != 0) {
        return -1;
    }
    if (cb_profile_diff_results(old, r) != 0) {
        return cb_error_set(err, "%s: out of memory comparing profiles", r->name);
    }
    return 0;
}

int cb_runner_run(const cb_runner *rn, const cb_instance_list *list,
                  const unsigned char *selected, cb_run *run, cb_error *err)
{
    cb_fanout f = { rn->reporters, rn->nreporters,
                    { rn->cfg->nresamples, rn->cfg->confidence, rn->cfg->seed }, "" };
    size_t    i;

    cb_fanout_begin(&f, run);
    for (i = 0; i < list->n; i++) {
        const cb_instance *inst = &list->items[i];
        cb_measure_config  settings;
        cb_result         *r;

        if (!selected[i]) {
            continue;
        }
        /* a finished group is summarised before the next one is measured */
        cb_fanout_next(&f, run, inst->name);
        r = cb_run_add(run);
        if (r == NULL || cb_measure_identify(r, inst) != 0) {
            return cb_error_set(err, "%s: out of memory", inst->name);
        }
        cb_runner_settings(rn->cfg, inst, &settings);
        if (rn->isolate) {
            if (cb_isolate_run(inst, rn->clock, &settings, &rn->progress,
                               rn->cfg->timeout_s * 1e9, r, err) != 0) {
                return -1;
            }
        } else {
            cb_measure_run(inst, rn->clock, &settings, &rn->progress, r);
        }
        if (!r->failed && !rn->cfg->test) {
            analyse(rn, run, r);
        }
        if (rn->baseline != NULL && compare(rn, r, err) != 0) {
            return -1;
        }
        if (rn->progress.clear != NULL) {
            rn->progress.clear(rn->progress.self);
        }
        cb_fanout_result(&f, run, r);
    }
    cb_fanout_end(&f, run);
    return 0;
}
