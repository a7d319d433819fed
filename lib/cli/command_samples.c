#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/command.h"
#include "cli/runner.h"
#include "core/text_file.h"
#include "stats/analysis.h"
#include "stats/compare.h"
#include "store/baseline.h"
#include "store/samples_csv.h"

/*
 * The commands over stored samples, nothing measured: `analyze FILE` and
 * `compare OLD NEW`, each file a baseline or a CSV of samples, analysed with
 * this invocation's settings.
 */

/* A baseline starts with '{'; anything else is taken for CSV. */
static int looks_like_json(const cb_buf *text)
{
    return text->data[strspn(text->data, " \t\r\n")] == '{';
}

static int load_csv(const char *path, const cb_buf *text, const cb_config *cfg, cb_run *run,
                    cb_error *err)
{
    cb_result *r;

    memset(run, 0, sizeof *run);
    run->unit = cfg->unit;
    run->measure = strcmp(cfg->unit, "cycles") == 0         ? CB_MEASURE_CYCLES
                   : strcmp(cfg->unit, "instructions") == 0 ? CB_MEASURE_INSTRUCTIONS
                                                            : CB_MEASURE_WALL;
    r = cb_run_add(run);
    if (r == NULL || cb_result_set_string(&r->name, path) != 0) {
        return cb_error_set(err, "out of memory");
    }
    if (cb_samples_csv_parse(path, text->data, text->len, cfg->unit_scale, &r->samples, err) !=
        0) {
        return -1;
    }
    r->plan.mode = cb_samples_mode(&r->samples);
    r->plan.n = r->samples.n;
    r->plan.d = (uint64_t) r->samples.iters[0];
    return 0;
}

/* Loads a baseline (JSON) or a CSV of samples into run, analysed; a CSV
 * becomes one benchmark named after the file. */
static int load_samples(const char *path, const cb_config *cfg, cb_run *run, cb_error *err)
{
    cb_bootstrap_config boot = { cfg->nresamples, cfg->confidence, cfg->seed };
    cb_buf              text = { NULL, 0, 0, 0 };
    size_t              i;
    int                 rc;

    memset(run, 0, sizeof *run);
    if (cb_text_file_read(path, &text, err) != 0) {
        return -1;
    }
    rc = looks_like_json(&text) ? cb_baseline_parse(path, text.data, text.len, run, err)
                                : load_csv(path, &text, cfg, run, err);
    cb_buf_free(&text);
    if (rc != 0) {
        cb_run_free(run);
        return -1;
    }
    run->nresamples = cfg->nresamples;
    run->confidence = cfg->confidence;
    run->seed = cfg->seed;
    /* analysed here and now, with this invocation's settings; a change stored
     * with a baseline was made with others, against another run */
    for (i = 0; i < run->n; i++) {
        cb_result *r = &run->results[i];

        r->has_change = 0;
        if (r->failed) {
            continue;
        }
        if (cb_analysis_run_unit(&r->samples, r->plan.mode, run->unit, &boot, &r->analysis, err) != 0) {
            cb_error_prefix(err, "%s: %s", path, r->name);
            cb_run_free(run);
            return -1;
        }
        cb_analysis_throughput(r, run->unit);
    }
    return 0;
}

int cb_command_analyze(const cb_config *cfg, cb_error *err)
{
    cb_command_files  files;
    cb_report_options opt = cb_command_report_options(cfg, &files);
    cb_reporter       rep;
    cb_run            run;

    if (load_samples(cfg->args[0], cfg, &run, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (cb_report_open_format(&rep, cfg->format, &opt) != 0) {
        cb_run_free(&run);
        cb_error_set(err, "out of memory");
        return CB_EXIT_USAGE;
    }
    cb_runner_replay(&rep, 1, &run);
    cb_report_close(&rep);
    cb_run_free(&run);
    return CB_EXIT_OK;
}

/* new_'s counterpart of r in old: by name, or, when each side holds one
 * benchmark (two CSVs), the other one. */
static const cb_result *counterpart(const cb_run *old, const cb_run *new_, const cb_result *r)
{
    return old->n == 1 && new_->n == 1 ? &old->results[0] : cb_run_find(old, r->name);
}

/* Fills every result of new_ that has a counterpart in old with its change. */
static int compare_runs(const cb_config *cfg, const cb_run *old, cb_run *new_,
                        cb_compare_config *c, cb_error *err)
{
    size_t i, m = 0;

    for (i = 0; i < new_->n; i++) {
        const cb_result *o = counterpart(old, new_, &new_->results[i]);

        m += o != NULL && !o->failed && !new_->results[i].failed;
    }
    *c = cb_command_compare_config(cfg, new_->measure, m);
    for (i = 0; i < new_->n; i++) {
        if (cb_compare_into(counterpart(old, new_, &new_->results[i]), &new_->results[i], c,
                            err) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Whether a and b name one file (a comparison of a run with itself). */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int cb_command_compare(const cb_config *cfg, cb_error *err)
{
    cb_command_files  files;
    cb_report_options opt = cb_command_report_options(cfg, &files);
    cb_reporter       reps[CB_MAX_REPORTERS];
    cb_run            old, new_;
    cb_compare_config c;
    const char      **missing = NULL;
    char              differences[1024];
    size_t            nreps = 0, nmissing = 0, i;
    int               status = CB_EXIT_USAGE;

    if (same_file(cfg->args[0], cfg->args[1])) {
        fprintf(stderr, "warning: %s and %s are the same file: every change is 0\n", cfg->args[0],
                cfg->args[1]);
    }
    if (load_samples(cfg->args[0], cfg, &old, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (load_samples(cfg->args[1], cfg, &new_, err) != 0) {
        cb_run_free(&old);
        return CB_EXIT_USAGE;
    }
    if (old.measure != new_.measure) {
        cb_error_set(err, "%s holds %s, %s holds %s: they cannot be compared", cfg->args[0],
                     old.unit, cfg->args[1], new_.unit);
        goto done;
    }
    if (compare_runs(cfg, &old, &new_, &c, err) != 0) {
        goto done;
    }
    missing = calloc(old.n + 1, sizeof *missing);
    if (missing == NULL) {
        cb_error_set(err, "out of memory");
        goto done;
    }
    for (i = 0; i < old.n && !(old.n == 1 && new_.n == 1); i++) {
        if (cb_run_find(&new_, old.results[i].name) == NULL) {
            missing[nmissing++] = old.results[i].name;
        }
    }
    cb_baseline_differences(&old, &new_, differences, sizeof differences);
    if (differences[0] != '\0') {
        fprintf(stderr, "warning: %s and %s were measured on different machines or builds: %s\n",
                cfg->args[0], cfg->args[1], differences);
    }
    cb_command_describe_compare(&opt, &c);
    opt.baseline_name = cfg->args[0];
    opt.baseline = &old;
    opt.missing = missing;
    opt.nmissing = nmissing;
    opt.differences = differences;
    if (cb_command_open_reporters(cfg, &opt, reps, &nreps, err) != 0) {
        goto done;
    }
    cb_runner_replay(reps, nreps, &new_);
    status = cb_command_close_reporters(reps, nreps, &opt, err) == 0 ? cb_command_status(cfg, &new_)
                                                                    : CB_EXIT_USAGE;
done:
    free(missing);
    cb_run_free(&old);
    cb_run_free(&new_);
    return status;
}
