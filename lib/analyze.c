#include <string.h>

#include "analysis.h"
#include "analyze.h"
#include "samples_csv.h"

int cb_analyze_command(const cb_config *cfg, cb_reporter *rep, cb_error *err)
{
    cb_bootstrap_config boot = { cfg->nresamples, cfg->confidence, cfg->seed };
    cb_run              run;
    cb_result          *r;
    int                 status = 2;

    memset(&run, 0, sizeof run);
    run.unit = cfg->unit;
    run.measure = strcmp(cfg->unit, "cycles") == 0         ? CB_MEASURE_CYCLES
                  : strcmp(cfg->unit, "instructions") == 0 ? CB_MEASURE_INSTRUCTIONS
                                                           : CB_MEASURE_WALL;
    run.nresamples = cfg->nresamples;
    run.confidence = cfg->confidence;
    run.seed = cfg->seed;
    r = cb_run_add(&run);
    if (r == NULL || cb_result_set_string(&r->name, cfg->args[0]) != 0) {
        cb_error_set(err, "out of memory");
        goto done;
    }
    if (cb_samples_csv_read(cfg->args[0], cfg->unit_scale, &r->samples, err) != 0) {
        goto done;
    }
    r->plan.mode = cb_samples_mode(&r->samples);
    r->plan.n = r->samples.n;
    r->plan.d = (uint64_t) r->samples.iters[0];
    if (cb_analysis_run(&r->samples, r->plan.mode, &boot, &r->analysis, err) != 0) {
        cb_error_prefix(err, "%s", cfg->args[0]);
        goto done;
    }
    if (rep->begin != NULL) {
        rep->begin(rep->self, &run);
    }
    rep->result(rep->self, &run, r, NULL);
    if (rep->end != NULL) {
        rep->end(rep->self, &run);
    }
    status = 0;
done:
    cb_run_free(&run);
    return status;
}
