/*
 * The history of runs: every measured run kept as it was, one baseline file
 * each, in DIR/history/, for trends. A baseline (reports/NAME.json) is
 * overwritten by every run; its history is what a trend is made of.
 *
 * File names: <time>-<seq>-<name>.json, e.g. 20261130T140718Z-001-base.json:
 * the run's UTC time to the second, then a sequence number that makes the
 * name new (runs within one second get 001, 002, ...; a name is claimed with
 * link(2), which never replaces a file, so two processes cannot take the same
 * one). Sorted by name, a baseline's files are in time order. Files of the
 * older form <time>-<name>.json are read too.
 *
 * Retention: each save removes the baseline's oldest files beyond a count
 * (the command line's --history-limit), so that the directory never grows
 * without bound.
 */
#ifndef CB_HISTORY_H
#define CB_HISTORY_H

#include <stdio.h>
#include "core/error.h"
#include "core/run.h"

/* The most runs one baseline name can keep within one second. */
#define CB_HISTORY_MAX_SEQ 999

/* A history file dated further ahead of the clock than this is not read,
 * and is the first a save removes (its name would sort it newest for ever). */
#define CB_HISTORY_FUTURE_S 86400

/*
 * Adds run to the history in dir (created if missing) as a new file for the
 * baseline `name` (a plain name, as cb_baseline_path() checks), written
 * atomically and compactly; then removes that name's files beyond `limit`
 * (>= 1): those dated more than CB_HISTORY_FUTURE_S ahead first, then the
 * oldest, never the one just written. Returns 0, or -1 with err naming the
 * file.
 */
int cb_history_save(const char *dir, const char *name, const cb_run *run, size_t limit,
                    cb_error *err);

/* One run's estimate of one benchmark. */
typedef struct cb_history_point {
    char        timestamp[32]; /* of the run, UTC, ISO 8601 */
    char        commit[64];    /* git commit of the run, or "unknown" */
    cb_estimate estimate;      /* its headline estimate, in the history's unit */
} cb_history_point;

/* A benchmark across the history, oldest first. */
typedef struct cb_history_series {
    char             *name;
    cb_history_point *points;
    size_t            n, cap;
} cb_history_series;

typedef struct cb_history {
    cb_measure         measure;
    const char        *unit;    /* of the estimates: "ns", "cycles" or "instructions" */
    size_t             runs;    /* files read */
    size_t             skipped; /* files that could not be */
    cb_history_series *series;  /* in the order first seen */
    size_t             n, cap;
} cb_history;

/*
 * Reads the history of the baseline `name` in dir into h (zeroed first; free
 * it with cb_history_free), oldest run first, keeping the benchmarks that
 * `keep` accepts (every one when keep is NULL) and their measured results.
 * A file that cannot be read (truncated, malformed, another measure than
 * `measure`, dated more than CB_HISTORY_FUTURE_S ahead) is skipped with a warning on warn (when not NULL) that names it
 * and says why; it is never fatal. A missing directory is an empty history.
 * Returns -1 only when out of memory or when dir cannot be listed.
 */
int cb_history_load(const char *dir, const char *name, cb_measure measure,
                    int (*keep)(void *ctx, const char *name), void *ctx, FILE *warn,
                    cb_history *h, cb_error *err);

/* The point of r (measured, not failed) in run. */
void cb_history_point_of(cb_history_point *p, const cb_run *run, const cb_result *r);

/* Adds run's measured results as the newest point of their series (a run
 * that is reported before it is saved). -1 when out of memory. */
int cb_history_add_run(cb_history *h, const cb_run *run);

/* The point estimates of s, oldest first, in a new array (NULL when out of
 * memory): what change points are searched in. */
double *cb_history_values(const cb_history_series *s);

/* The series of the benchmark `name`, or NULL. */
const cb_history_series *cb_history_find(const cb_history *h, const char *name);

void cb_history_free(cb_history *h);

#endif
