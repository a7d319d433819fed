#include <stdio.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/budget_check.h"
#include "stats/group.h"
#include "measure/isolate.h"
#include "measure/memory_count.h"
#include "measure/sysinfo.h"
#include "cli/runner.h"
#include "measure/threads.h"
#include "stats/scaling.h"
#include "profile/diff.h"

void cb_runner_settings(const cb_config *cfg, const cb_instance *inst, cb_measure_config *out)
{
    double measurement_s = CB_DEFAULT_MEASUREMENT_S;
    size_t sample_size = CB_DEFAULT_SAMPLE_SIZE;

    memset(out, 0, sizeof *out);
    if (cfg->measurement_s_set) {
        measurement_s = cfg->measurement_s;
    } else if (cfg->quick) {
        measurement_s = CB_QUICK_MEASUREMENT_S;
    } else if (inst->measurement_time > 0.0) {
        /* the point's own, as its definition's configure() left it */
        measurement_s = inst->measurement_time;
    }
    if (cfg->sample_size_set) {
        sample_size = cfg->sample_size;
    } else {
        if (inst->sample_size > 0) {
            sample_size = inst->sample_size;
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

/* Gives r, identified as inst, the name and facts of a measurement on n
 * threads: ".../threads:n", the cores it may use, and no variant pairing
 * (its variant's one-thread base is not its peer). */
static int name_threads(cb_result *r, const cb_instance *inst, size_t n)
{
    char name[512];

    cb_threads_name(name, sizeof name, inst->name, n);
    r->threads.n = n;
    r->threads.cores = cb_threads_cores();
    cb_result_set_string(&r->variant_of, NULL);
    cb_result_set_string(&r->variant, NULL);
    return cb_result_set_string(&r->name, name);
}

/*
 * What the reporters are handed, group by group: a group is summarised here
 * (stats/group.h), once, when it is whole, that is when a result of another
 * group comes or the run ends, and its summaries go to every reporter before
 * the next group is measured. Reporters only format them.
 */
typedef struct stream {
    const cb_runner    *rn; /* NULL: a replay */
    cb_fanout           f;
    cb_bootstrap_config boot;
    char                group[CB_GROUP_NAME_MAX]; /* being reported, "" before the first */
} stream;

static void close_group(const stream *st, const cb_run *run)
{
    cb_groups g;
    cb_error  err;

    if (st->group[0] == '\0' || !cb_fanout_wants_groups(&st->f)) {
        return;
    }
    if (cb_group_analyse(run, st->group, &st->boot, &g, &err) != 0) {
        fprintf(stderr, "cryptbench: group %s: %s\n", st->group, err.msg);
        return;
    }
    cb_fanout_group(&st->f, run, st->group, &g);
    cb_groups_free(&g);
}

static void stream_begin(stream *st, const cb_runner *rn, cb_reporter *reps, size_t n,
                         const cb_run *run, cb_bootstrap_config boot)
{
    st->rn = rn;
    st->f.reps = reps;
    st->f.n = n;
    st->boot = boot;
    st->group[0] = '\0';
    cb_fanout_begin(&st->f, run);
}

/* Closes the group being reported when `name` belongs to another. */
static void stream_next(stream *st, const cb_run *run, const char *name)
{
    char group[sizeof st->group];

    cb_name_group(name, group, sizeof group);
    if (strcmp(group, st->group) != 0) {
        close_group(st, run);
        memcpy(st->group, group, sizeof group);
    }
}

static void stream_result(stream *st, const cb_run *run, const cb_result *r)
{
    stream_next(st, run, r->name);
    cb_fanout_result(&st->f, run, r);
}

/* The last group's summaries, then the trends of a measured run's results,
 * each measured now and so the last point of its trend, then the end. */
static void stream_end(stream *st, const cb_run *run)
{
    const cb_runner *rn = st->rn;

    close_group(st, run);
    if (rn != NULL && rn->history != NULL && rn->trends != NULL &&
        cb_trends_open(rn->trends, rn->history, run, 1, rn->compare.noise_threshold) != 0) {
        fprintf(stderr, "cryptbench: out of memory finding the trends: the report leaves "
                        "them out\n");
    }
    cb_fanout_end(&st->f, run);
}

void cb_runner_replay(cb_reporter *reps, size_t n, const cb_run *run)
{
    stream st;
    size_t i;

    stream_begin(&st, NULL, reps, n, run,
                 (cb_bootstrap_config){ run->nresamples, run->confidence, run->seed });
    for (i = 0; i < run->n; i++) {
        stream_result(&st, run, &run->results[i]);
    }
    stream_end(&st, run);
}

/* Measures inst (on `threads` threads when > 0) into a new result of run,
 * analyses, compares and reports it; its index in *at. */
static int measure_one(const cb_runner *rn, cb_run *run, stream *st, const cb_instance *inst,
                       size_t threads, size_t one, size_t *at, cb_error *err)
{
    cb_measure_config settings;
    cb_result        *r = cb_run_add(run);
    cb_load_probe     load;
    int               gated, rc = 0;

    if (r == NULL || cb_measure_identify(r, inst) != 0 ||
        (threads > 0 && name_threads(r, inst, threads) != 0)) {
        return cb_error_set(err, "%s: out of memory", inst->name);
    }
    *at = run->n - 1;
    cb_runner_settings(rn->cfg, inst, &settings);
    settings.threads = threads;
    /* a budget is of one caller's calls: a run on threads answers another
     * question (throughput under contention) and is neither given calls for
     * it nor held to it */
    gated = rn->budgets != NULL && !rn->cfg->test && threads == 0;
    /* a percentile budget means percentiles of calls, for what is slow enough */
    if (settings.calls == 0 && gated && cb_budget_wants_calls(rn->budgets, inst->name)) {
        settings.calls = CB_BUDGET_CALLS;
    }
    /* what else ran meanwhile: the load is recorded around the measurement */
    cb_sysinfo_load_begin(&load);
    if (rn->isolate) {
        rc = cb_isolate_run(inst, rn->clock, &settings, &rn->progress, rn->cfg->timeout_s * 1e9, r,
                            err);
    } else {
        cb_measure_run(inst, rn->clock, &settings, &rn->progress, r);
    }
    cb_sysinfo_load_end(&load, &r->load);
    if (rc != 0) {
        return -1;
    }
    if (!r->failed && !rn->cfg->test) {
        analyse(rn, run, r);
    }
    /* a budget on memory counts what it limits */
    if (!r->failed && (rn->cfg->memory || (gated && cb_budget_wants_memory(rn->budgets, inst->name))) &&
        cb_memory_run(inst, threads, rn->cfg->timeout_s * 1e9, &r->memory, err) != 0) {
        return -1;
    }
    if (threads > 0 && !r->failed && !rn->cfg->test) {
        cb_bootstrap_config boot = { rn->cfg->nresamples, rn->cfg->confidence, rn->cfg->seed };

        cb_scaling_ops(r);
        if (cb_scaling_efficiency(one < run->n ? &run->results[one] : NULL, r, &boot, err) != 0) {
            return -1;
        }
    }
    /* the checks are of the benchmark's code, not of how it runs on threads */
    if (threads == 0 && !r->failed && rn->checks != NULL &&
        cb_check_run(rn->checks, inst, r, err) != 0) {
        return -1;
    }
    /* only a baseline named with --baseline is a state the team chose to keep */
    if (r->checks.exact.status == CB_CHECK_LEAKS &&
        cb_check_accept(rn->baseline, rn->cfg->baseline != NULL, rn->allow, r) != 0) {
        return cb_error_set(err, "%s: out of memory", r->name);
    }
    if (rn->baseline != NULL && compare(rn, r, err) != 0) {
        return -1;
    }
    if (gated && cb_budget_check(rn->budgets, r, err) != 0) {
        return -1;
    }
    if (rn->progress.clear != NULL) {
        rn->progress.clear(rn->progress.self);
    }
    stream_result(st, run, r);
    return 0;
}

size_t cb_runner_thread_counts(const cb_config *cfg, const cb_instance *inst,
                               size_t counts[CB_MAX_THREAD_COUNTS + 1])
{
    const cb_bench *def = inst->def;
    size_t          n = 0, i, j, k, given = cfg->nthreads > 0 ? cfg->nthreads : def->nthreads;

    /* threads measure wall time; a benchmark's own counts under another
     * measure are left out (--threads with one is refused) */
    if (given == 0 || cfg->measure != CB_MEASURE_WALL) {
        return 0;
    }
    counts[n++] = 1; /* the scaling's reference */
    for (i = 0; i < given; i++) {
        size_t c = cfg->nthreads > 0 ? cfg->threads[i] : def->threads[i];

        for (j = 0; j < n && counts[j] < c; j++) {
        }
        if (j == n || counts[j] != c) {
            for (k = n++; k > j; k--) {
                counts[k] = counts[k - 1];
            }
            counts[j] = c;
        }
    }
    return n;
}

int cb_runner_run(const cb_runner *rn, const cb_instance_list *list,
                  const unsigned char *selected, cb_run *run, cb_error *err)
{
    stream st;
    size_t counts[CB_MAX_THREAD_COUNTS + 1], i, k, n, at, one;

    stream_begin(&st, rn, rn->reporters, rn->nreporters, run,
                 (cb_bootstrap_config){ rn->cfg->nresamples, rn->cfg->confidence, rn->cfg->seed });
    for (i = 0; i < list->n; i++) {
        const cb_instance *inst = &list->items[i];

        if (!selected[i]) {
            continue;
        }
        /* a finished group is summarised before the next one is measured */
        stream_next(&st, run, inst->name);
        if (measure_one(rn, run, &st, inst, 0, (size_t) -1, &at, err) != 0) {
            return -1;
        }
        /* then on threads, one first: the others scale against it */
        n = cb_runner_thread_counts(rn->cfg, inst, counts);
        for (k = 0, one = (size_t) -1; k < n; k++) {
            if (measure_one(rn, run, &st, inst, counts[k], k == 0 ? run->n : one, &at, err) != 0) {
                return -1;
            }
            one = k == 0 ? at : one;
        }
    }
    stream_end(&st, run);
    return 0;
}
