#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/filter.h"
#include "report/format.h"
#include "stats/changepoint.h"
#include "store/history.h"

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
    static const char *const defaults[] = { CB_DEFAULT_BASELINE, CB_DEFAULT_BASELINE "-cycles",
                                            CB_DEFAULT_BASELINE "-instructions" };

    return cfg->baseline != NULL        ? cfg->baseline
           : cfg->save_baseline != NULL ? cfg->save_baseline
                                        : defaults[cfg->measure];
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
 * and the size of the step. -1 when out of memory. */
static int print_changes(const cb_history_series *s, const char *unit, uint64_t seed)
{
    cb_changepoint_config cfg = cb_changepoint_defaults(seed);
    cb_changepoint       *cp = malloc((s->n + 1) * sizeof *cp);
    double               *x = cb_history_values(s);
    char                  before[48], after[48], step[32];
    size_t                i, found = 0;
    int                   rc = -1;

    if (cp == NULL || x == NULL || cb_changepoint_find(x, s->n, &cfg, cp, &found) != 0) {
        goto done;
    }
    if (found == 0) {
        printf("  no change point (E-divisive means, p <= %.2f, segments of %d runs or more)\n",
               cfg.significance, CB_CHANGEPOINT_MIN_SIZE);
    }
    for (i = 0; i < found; i++) {
        const cb_history_point *p = &s->points[cp[i].index];

        cb_format_value(before, sizeof before, cp[i].before, unit);
        cb_format_value(after, sizeof after, cp[i].after, unit);
        cb_format_percent(step, sizeof step, cp[i].after / cp[i].before - 1.0);
        printf("  change point at run %zu, %s, commit %.*s: %s (%s -> %s), p = %.3f\n",
               cp[i].index + 1, p->timestamp, COMMIT_DIGITS, p->commit, step, before, after,
               cp[i].p_value);
    }
    rc = 0;
done:
    free(cp);
    free(x);
    return rc;
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
            if (print_changes(s, h.unit, cfg->seed) != 0) {
                status = CB_EXIT_USAGE;
                cb_error_set(err, "out of memory");
            }
        }
    }
    cb_history_free(&h);
    cb_filter_free(&filter);
    return status;
}
