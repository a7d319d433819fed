#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/baseline.h"
#include "cli/command.h"
#include "stats/paired.h"

/*
 * `ab A1 B1 A2 B2 ...`: the rounds of ci/bench-ab, each an A run and a B run
 * saved as baselines. A benchmark is compared when every round measured it on
 * both sides; its change is the paired one of paired.h on each process's
 * median time per iteration (robust to a burst inside one process), and the
 * result shown is B's median round.
 */
typedef struct rounds {
    cb_run *runs; /* a, b, a, b, ... */
    size_t  n;    /* runs loaded */
} rounds;

static void free_rounds(rounds *rs)
{
    size_t i;

    for (i = 0; i < rs->n; i++) {
        cb_run_free(&rs->runs[i]);
    }
    free(rs->runs);
}

static int load_rounds(const cb_config *cfg, rounds *rs, cb_error *err)
{
    size_t i;

    rs->runs = calloc(cfg->nfiles, sizeof *rs->runs);
    rs->n = 0;
    if (rs->runs == NULL) {
        return cb_error_set(err, "out of memory");
    }
    if (cfg->nfiles / 2 > CB_PAIRED_MAX_ROUNDS) {
        return cb_error_set(err, "ab: %zu rounds, at most %d", cfg->nfiles / 2,
                            CB_PAIRED_MAX_ROUNDS);
    }
    for (i = 0; i < cfg->nfiles; i++) {
        if (cb_baseline_load(cfg->files[i], &rs->runs[i], err) != 0) {
            return -1;
        }
        rs->n++;
        if (rs->runs[i].measure != rs->runs[0].measure) {
            return cb_error_set(err, "%s holds %s, %s holds %s: they cannot be compared",
                                cfg->files[0], rs->runs[0].unit, cfg->files[i],
                                rs->runs[i].unit);
        }
    }
    return 0;
}

/* Fills `shown` (B's median round of `name`) and its paired change, or marks it
 * failed; 0 when some round lacks the benchmark. */
static int pair_up(const cb_compare_config *c, const rounds *rs, const char *name,
                   cb_result *shown)
{
    double            a[CB_PAIRED_MAX_ROUNDS], b[CB_PAIRED_MAX_ROUNDS];
    const cb_result  *br[CB_PAIRED_MAX_ROUNDS];
    size_t            k, n = rs->n / 2, median = 0;

    for (k = 0; k < n; k++) {
        const cb_result *ra = cb_run_find(&rs->runs[2 * k], name);

        br[k] = cb_run_find(&rs->runs[2 * k + 1], name);
        if (ra == NULL || br[k] == NULL) {
            return 0;
        }
        if (br[k]->failed) {
            *shown = *br[k];
            return 1;
        }
        if (ra->failed) {
            /* B fixed a broken benchmark: nothing to compare it with, nothing failed */
            *shown = *br[k];
            shown->has_change = 0;
            return 1;
        }
        a[k] = ra->analysis.median.point;
        b[k] = br[k]->analysis.median.point;
    }
    /* B's median round: the one with as many rounds below it as above */
    for (k = 0; k < n; k++) {
        size_t below = 0, j;

        for (j = 0; j < n; j++) {
            below += b[j] < b[k];
        }
        if (below == (n - 1) / 2) {
            median = k;
        }
    }
    *shown = *br[median];
    cb_paired_compare(a, b, n, c, &shown->change);
    shown->has_change = 1;
    return 1;
}

/* The benchmarks every round measured on both sides: the comparisons made. */
static size_t comparable(const rounds *rs)
{
    size_t i, k, m = 0;

    for (i = 0; i < rs->runs[1].n; i++) {
        int all = 1;

        for (k = 0; k < rs->n && all; k++) {
            all = cb_command_comparable(&rs->runs[k], rs->runs[1].results[i].name);
        }
        m += all;
    }
    return m;
}

int cb_command_ab(const cb_config *cfg, cb_error *err)
{
    cb_command_files  files;
    cb_report_options opt = cb_command_report_options(cfg, &files);
    rounds            rs = { NULL, 0 };
    cb_run            view;
    cb_reporter       reps[CB_MAX_REPORTERS];
    cb_compare_config c;
    const char      **missing = NULL;
    size_t            i, nreps = 0, nmissing = 0;
    int               status = CB_EXIT_USAGE;
    char              differences[1024];

    memset(&view, 0, sizeof view);
    if (load_rounds(cfg, &rs, err) != 0) {
        goto done;
    }
    /* the view borrows everything from the rounds: its array is all it owns */
    view = rs.runs[1];
    view.results = calloc(rs.runs[1].n + 1, sizeof *view.results);
    view.n = 0;
    missing = calloc(rs.runs[1].n + rs.runs[0].n + 1, sizeof *missing);
    if (view.results == NULL || missing == NULL) {
        cb_error_set(err, "out of memory");
        goto done;
    }
    c = cb_command_compare_config(cfg, rs.runs[0].measure, comparable(&rs));
    for (i = 0; i < rs.runs[1].n; i++) {
        if (pair_up(&c, &rs, rs.runs[1].results[i].name, &view.results[view.n])) {
            view.n++;
        } else {
            missing[nmissing++] = rs.runs[1].results[i].name;
        }
    }
    for (i = 0; i < rs.runs[0].n; i++) {
        if (cb_run_find(&rs.runs[1], rs.runs[0].results[i].name) == NULL) {
            missing[nmissing++] = rs.runs[0].results[i].name;
        }
    }
    cb_baseline_differences(&rs.runs[0], &rs.runs[1], differences, sizeof differences);
    if (differences[0] != '\0') {
        fprintf(stderr, "warning: A and B were built differently: %s\n", differences);
    }
    cb_command_describe_compare(&opt, &c);
    opt.baseline_name = "A";
    opt.baseline = &rs.runs[0];
    opt.missing = missing;
    opt.nmissing = nmissing;
    opt.differences = "";
    if (cb_command_open_reporters(cfg, &opt, reps, &nreps, err) != 0) {
        goto done;
    }
    cb_report_replay(reps, nreps, &view);
    status = cb_command_close_reporters(reps, nreps, &opt, err) == 0 ? cb_command_status(cfg, &view)
                                                                    : CB_EXIT_USAGE;
done:
    free(view.results);
    free(missing);
    free_rounds(&rs);
    return status;
}
