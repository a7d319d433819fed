#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/budget_check.h"
#include "cli/command.h"
#include "report/progress.h"

static int use_color(cb_color choice, FILE *out)
{
    const char *no_color = getenv("NO_COLOR");

    /* never when NO_COLOR is set, whatever the command line says (no-color.org) */
    if (no_color != NULL && no_color[0] != '\0') {
        return 0;
    }
    /* auto: on a terminal that shows escapes, as progress lines need (not TERM=dumb) */
    return choice == CB_COLOR_ALWAYS || (choice == CB_COLOR_AUTO && cb_progress_live(out));
}

cb_report_options cb_command_report_options(const cb_config *cfg, cb_command_files *files)
{
    cb_report_options opt;

    memset(&opt, 0, sizeof opt);
    opt.out = stdout;
    opt.err = stderr;
    opt.color = use_color(cfg->color, stdout);
    opt.significance = cfg->significance;
    opt.noise_threshold = cfg->noise_threshold;
    snprintf(files->gate_path, sizeof files->gate_path, "%s/gate.md", cfg->reports_dir);
    opt.gate_path = files->gate_path;
    snprintf(files->html_dir, sizeof files->html_dir, "%s/html", cfg->reports_dir);
    opt.html_dir = files->html_dir;
    files->write_failed = 0;
    opt.write_failed = &files->write_failed;
    opt.differences = "";
    opt.gate_constant_time = cfg->gate_constant_time;
    opt.allow_findings = cfg->allow_findings;
    opt.accepted_baseline = cfg->baseline;
    return opt;
}

static void close_all(cb_reporter *reps, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        cb_report_close(&reps[i]);
    }
}

int cb_command_open_reporters(const cb_config *cfg, const cb_report_options *opt,
                              cb_reporter reps[CB_MAX_REPORTERS], size_t *n, cb_error *err)
{
    int html = cfg->html && (cfg->command == CB_COMMAND_RUN || cfg->command == CB_COMMAND_REPORT);

    *n = 0;
    if (!cfg->quiet) {
        if (cb_report_open_format(&reps[*n], cfg->format, opt) != 0) {
            return cb_error_set(err, "out of memory");
        }
        (*n)++;
    }
    if ((cfg->gate && cb_report_gate_open(&reps[(*n)++], opt) != 0) ||
        (html && cb_report_html_open(&reps[(*n)++], opt) != 0)) {
        (*n)--; /* the one that failed to open has nothing to close */
        close_all(reps, *n);
        *n = 0;
        return cb_error_set(err, "out of memory");
    }
    return 0;
}

int cb_command_close_reporters(cb_reporter *reps, size_t n, const cb_report_options *opt,
                               cb_error *err)
{
    close_all(reps, n);
    if (*opt->write_failed) {
        return cb_error_set(err, "a report could not be written (see above)");
    }
    return 0;
}

int cb_command_status(const cb_config *cfg, const cb_run *run)
{
    size_t i;
    int    unresolved = 0;

    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        if (r->failed || (cfg->gate && r->has_change && r->change.verdict == CB_VERDICT_REGRESSED) ||
            (cfg->gate && cb_budget_broken(r) > 0) ||
            (cfg->gate_constant_time && r->checks.exact.nunaccepted > 0)) {
            return CB_EXIT_FAILED;
        }
        unresolved |= r->has_change && r->change.verdict == CB_VERDICT_UNRESOLVED;
    }
    return cfg->gate && unresolved ? CB_EXIT_UNRESOLVED : CB_EXIT_OK;
}

double cb_command_timeout_s(const cb_config *cfg, int slowed)
{
    if (cfg->timeout_s_set) {
        return cfg->timeout_s;
    }
    return slowed ? CB_DEFAULT_TIMEOUT_CALLGRIND_S : CB_DEFAULT_TIMEOUT_S;
}

const char *cb_command_default_baseline(cb_measure measure)
{
    static const char *const defaults[] = { CB_DEFAULT_BASELINE, CB_DEFAULT_BASELINE "-cycles",
                                            CB_DEFAULT_BASELINE "-instructions" };

    return defaults[measure];
}

cb_compare_config cb_command_compare_config(const cb_config *cfg, cb_measure measure,
                                            size_t comparisons)
{
    cb_compare_config c;

    c.noise_threshold = cfg->noise_threshold;
    if (!cfg->noise_threshold_set && measure == CB_MEASURE_INSTRUCTIONS) {
        c.noise_threshold = CB_DEFAULT_NOISE_THRESHOLD_EXACT;
    }
    c.resolution = cfg->resolution_set ? cfg->resolution
                                       : CB_DEFAULT_RESOLUTION_FACTOR * c.noise_threshold;
    c.significance = cfg->significance;
    c.comparisons = comparisons > 0 ? comparisons : 1;
    c.boot = (cb_bootstrap_config){ cfg->nresamples, cfg->confidence, cfg->seed };
    c.exact = measure == CB_MEASURE_INSTRUCTIONS;
    return c;
}

void cb_command_describe_compare(cb_report_options *opt, const cb_compare_config *c)
{
    opt->noise_threshold = c->noise_threshold;
    opt->resolution = c->resolution;
    opt->significance = c->significance;
    opt->comparisons = c->comparisons;
}

int cb_command_comparable(const cb_run *old, const char *name)
{
    const cb_result *r = old != NULL ? cb_run_find(old, name) : NULL;

    return r != NULL && !r->failed;
}
