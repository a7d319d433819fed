#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/filter.h"
#include "report/format.h"
#include "report/trend.h"

/* Commits are shown to this many hex digits, as `git log --abbrev=12`. */
#define COMMIT_DIGITS 12

static int selected(void *ctx, const char *name)
{
    return cb_filter_match(ctx, name);
}

/* The baseline whose history is read: --baseline, --save-baseline, or the
 * one a run of this --measure saves by default. */
static const char *history_name(const cb_config *cfg)
{
    return cfg->baseline != NULL        ? cfg->baseline
           : cfg->save_baseline != NULL ? cfg->save_baseline
                                        : cb_command_default_baseline(cfg->measure);
}

static void print_point(const cb_history_point *p, size_t i, const char *unit)
{
    char lo[48], mid[48], hi[48];

    cb_format_value(lo, sizeof lo, p->estimate.lower, unit);
    cb_format_value(mid, sizeof mid, p->estimate.point, unit);
    cb_format_value(hi, sizeof hi, p->estimate.upper, unit);
    printf("  %4zu  %-20s  %-*.*s  [%s %s %s]\n", i + 1, p->timestamp, COMMIT_DIGITS,
           COMMIT_DIGITS, p->commit, lo, mid, hi);
}

/* The change points of s, each with the run and commit where its level began
 * and the size of the step; steps within the noise threshold of the measure
 * are none (report/trend.h finds them, for the HTML report too). -1 when out
 * of memory. */
static int print_changes(const cb_history_series *s, const char *unit, double threshold,
                         uint64_t seed)
{
    cb_trend t;
    char     before[48], after[48], step[32], rule[160];
    size_t   i;

    if (cb_trend_open(&t, s, NULL, NULL, threshold, seed) != 0) {
        return -1;
    }
    cb_trend_rule(rule, sizeof rule, &t);
    if (t.nchanges == 0) {
        printf("  no change point (%s)\n", rule);
    }
    for (i = 0; i < t.nchanges; i++) {
        const cb_changepoint   *c = &t.changes[i];
        const cb_history_point *p = &t.points[c->index];

        cb_format_value(before, sizeof before, c->before, unit);
        cb_format_value(after, sizeof after, c->after, unit);
        cb_format_percent(step, sizeof step, cb_changepoint_step(c));
        printf("  change point at run %zu, %s, commit %.*s: %s (%s -> %s), p = %.3f\n",
               c->index + 1, p->timestamp, COMMIT_DIGITS, p->commit, step, before, after,
               c->p_value);
    }
    cb_trend_free(&t);
    return 0;
}

/*
 * `trend [FILTER...]`: for each selected benchmark of a baseline's history,
 * its estimate with its interval in every run, oldest first, with the run's
 * commit; then the change points found in them.
 */
int cb_command_trend(const cb_config *cfg, cb_error *err)
{
    const char *name = history_name(cfg);
    cb_filter   filter;
    cb_history  h;
    char        dir[4200];
    size_t      i, j;
    double      threshold = cb_command_compare_config(cfg, cfg->measure, 1).noise_threshold;
    int         status = CB_EXIT_USAGE;

    if (cb_filter_init(&filter, cfg->filters, cfg->nfilters, cfg->exact, err) != 0) {
        return CB_EXIT_USAGE;
    }
    snprintf(dir, sizeof dir, "%s/history", cfg->reports_dir);
    if (cb_history_load(dir, name, cfg->measure, selected, &filter, stderr, &h, err) != 0) {
        cb_filter_free(&filter);
        return CB_EXIT_USAGE;
    }
    if (h.runs == 0) {
        cb_error_set(err, "%s holds no run of '%s' to show (every run that saves '%s' adds one)",
                     dir, name, name);
    } else if (h.n == 0 && cfg->nfilters == 0) {
        cb_error_set(err, "the history of '%s' holds no measured benchmark", name);
    } else if (h.n == 0) {
        cb_error_set(err, "no benchmark in the history of '%s' matches %s'%s'%s", name,
                     cfg->exact ? "exactly " : "", cfg->filters[0],
                     cfg->nfilters > 1 ? " or the other filters" : "");
    } else {
        status = CB_EXIT_OK;
        printf("History of '%s' in %s: %zu run%s, oldest first\n", name, dir, h.runs,
               h.runs == 1 ? "" : "s");
        for (i = 0; i < h.n && status == CB_EXIT_OK; i++) {
            const cb_history_series *s = &h.series[i];

            printf("\n%s\n", s->name);
            for (j = 0; j < s->n; j++) {
                print_point(&s->points[j], j, h.unit);
            }
            if (print_changes(s, h.unit, threshold, cfg->seed) != 0) {
                status = CB_EXIT_USAGE;
                cb_error_set(err, "out of memory");
            }
        }
    }
    cb_history_free(&h);
    cb_filter_free(&filter);
    return status;
}
