#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/baseline.h"
#include "cli/command.h"
#include "cli/runner.h"
#include "stats/compare.h"

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
    if (cb_command_load_samples(cfg->args[0], cfg, &old, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (cb_command_load_samples(cfg->args[1], cfg, &new_, err) != 0) {
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
