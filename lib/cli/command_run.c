#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/callgrind.h"
#include "measure/profile_time.h"
#include "measure/threads.h"
#include "profile/diff.h"
#include "store/atomic_file.h"
#include "store/baseline.h"
#include "store/profile_store.h"
#include "store/history.h"
#include "store/lock.h"
#include "cli/command.h"
#include "cli/filter.h"
#include "report/format.h"
#include "report/progress.h"
#include "stats/budget_check.h"
#include "cli/run_budgets.h"
#include "cli/run_findings.h"
#include "cli/runner.h"
#include "measure/context.h"
#include "measure/sysinfo.h"
#include "stats/group.h"

/* nanobench's habit: say once, loudly, what will spoil the numbers. */
static void warn_environment(const char *prog, unsigned build_flags, const cb_machine *si)
{
    if (!(build_flags & CB_BUILD_OPTIMIZED)) {
        fprintf(stderr, "%s: warning: the benchmarks were compiled without optimisation; "
                        "their numbers mean little\n", prog);
    }
    if (build_flags & CB_BUILD_SANITIZED) {
        fprintf(stderr, "%s: warning: built with AddressSanitizer; timings include its "
                        "checks\n", prog);
    }
    if (si->governor[0] != '\0' && strcmp(si->governor, "unknown") != 0 &&
        strcmp(si->governor, "performance") != 0) {
        fprintf(stderr, "%s: warning: CPU frequency governor is '%s', not 'performance': "
                        "expect more noise\n", prog, si->governor);
    }
}

/* Which baseline a run is compared with and which it is saved as (Criterion's
 * rules): by default both are "base" ("base-cycles", "base-instructions" for
 * the other measures, so that they never overwrite each other); --save-baseline
 * NAME makes both NAME;
 * --baseline NAME compares with NAME, leaves it untouched, and saves only
 * under an explicit, different --save-baseline; --load-baseline saves nothing. */
typedef struct plan {
    const char *against;  /* NULL: compare with nothing */
    int         required; /* against must exist: it was asked for by name */
    const char *save;     /* NULL: save nothing */
} plan;

static plan plan_baselines(const cb_config *cfg)
{
    plan p = { NULL, 0, NULL };

    if (cfg->load_baseline != NULL) {
        p.against = cfg->baseline;
        p.required = cfg->baseline != NULL;
    } else if (cfg->baseline != NULL) {
        p.against = cfg->baseline;
        p.required = 1;
        if (cfg->save_baseline != NULL && strcmp(cfg->save_baseline, cfg->baseline) != 0) {
            p.save = cfg->save_baseline;
        }
    } else {
        p.save = cfg->save_baseline != NULL ? cfg->save_baseline
                                            : cb_command_default_baseline(cfg->measure);
        p.against = p.save;
    }
    return p;
}

/* Loads the baseline to compare with into *old: 1 when there is one, 0 when
 * there is none (and none was required), -1 on error. */
static int load_against(const cb_config *cfg, const plan *p, cb_measure measure, cb_run *old,
                        cb_error *err)
{
    char path[4096];

    if (p->against == NULL) {
        return 0;
    }
    if (cb_baseline_path(path, sizeof path, cfg->reports_dir, p->against, err) != 0) {
        return -1;
    }
    if (!p->required && access(path, F_OK) != 0 && errno == ENOENT) {
        return 0; /* the first run: nothing to compare with yet */
    }
    if (cb_baseline_load(path, old, err) != 0) {
        return -1;
    }
    if (old->measure == measure &&
        cb_profile_load_run(cfg->reports_dir, p->against, old, err) != 0) {
        cb_run_free(old);
        return -1;
    }
    if (old->measure != measure) {
        cb_run_free(old);
        if (p->required) {
            return cb_error_set(err, "%s holds %s, this run measures %s: they cannot be compared",
                                path, cb_measure_name(old->measure), cb_measure_name(measure));
        }
        fprintf(stderr, "warning: %s holds another measure; not comparing with it\n", path);
        return 0;
    }
    return 1;
}

/* Drops the results the filter does not select, keeping the order. */
static void keep_selected(cb_run *run, const cb_filter *f)
{
    size_t i, k = 0;

    for (i = 0; i < run->n; i++) {
        if (cb_filter_match(f, run->results[i].name)) {
            run->results[k++] = run->results[i];
        } else {
            cb_result_free(&run->results[i]);
        }
    }
    run->n = k;
}

/* --load-baseline: the stored run's selected results, with the changes it
 * stored, made when it was measured. */
static int load_stored(const cb_config *cfg, const cb_filter *f, cb_run *run, cb_error *err)
{
    char path[4096];

    if (cb_baseline_path(path, sizeof path, cfg->reports_dir, cfg->load_baseline, err) != 0 ||
        cb_baseline_load(path, run, err) != 0) {
        return -1;
    }
    keep_selected(run, f);
    return cb_profile_load_run(cfg->reports_dir, cfg->load_baseline, run, err);
}

/* ... compared anew with old, the baseline `name`: the changes it stored were
 * made against another run. */
static int compare_stored(cb_run *run, const cb_run *old, const char *name,
                          const cb_compare_config *c, cb_error *err)
{
    size_t i;

    snprintf(run->compared_with, sizeof run->compared_with, "%s", name);
    for (i = 0; i < run->n; i++) {
        const cb_result *before = cb_run_find(old, run->results[i].name);

        run->results[i].has_change = 0;
        if (cb_compare_into(before, &run->results[i], c, err) != 0) {
            return -1;
        }
        if (cb_profile_diff_results(before, &run->results[i]) != 0) {
            return cb_error_set(err, "%s: out of memory comparing profiles", run->results[i].name);
        }
    }
    return 0;
}

/* The baseline's selected benchmarks that this run will not have. */
static const char **missing_names(const cb_run *old, const cb_filter *f,
                                  const cb_instance_list *list, const unsigned char *selected,
                                  const cb_run *stored, size_t *n)
{
    const char **names = calloc(old->n + 1, sizeof *names);
    size_t       i, j;

    *n = 0;
    for (i = 0; names != NULL && i < old->n; i++) {
        const char *name = old->results[i].name;
        int         here = 0;

        if (!cb_filter_match(f, name)) {
            continue;
        }
        if (stored != NULL) {
            here = cb_run_find(stored, name) != NULL;
        }
        for (j = 0; stored == NULL && j < list->n && !here; j++) {
            here = selected[j] && strcmp(list->items[j].name, name) == 0;
        }
        if (!here) {
            names[(*n)++] = name;
        }
    }
    return names;
}

/*
 * Saves run under `path`, keeping the benchmarks of `kept` (the file's
 * previous contents) that this run did not measure: a filtered run updates
 * what it ran and nothing else, as Criterion's per-benchmark files do.
 */
static int save_merged(const char *path, const cb_run *run, const cb_run *kept, cb_error *err)
{
    cb_run merged = *run;
    size_t i;
    int    rc;

    merged.results = malloc((run->n + (kept != NULL ? kept->n : 0) + 1) * sizeof *merged.results);
    if (merged.results == NULL) {
        return cb_error_set(err, "%s: out of memory", path);
    }
    /* shallow copies: merged owns nothing but its array */
    memcpy(merged.results, run->results, run->n * sizeof *run->results);
    for (i = 0; kept != NULL && i < kept->n; i++) {
        if (cb_run_find(run, kept->results[i].name) == NULL) {
            merged.results[merged.n++] = kept->results[i];
        }
    }
    rc = cb_baseline_save(path, &merged, err);
    free(merged.results);
    return rc;
}

/*
 * Keeps this run, as it was measured, in DIR/history (store/history.h): the
 * baseline is overwritten by every run, the history is what a trend is made
 * of. A failure is reported, not fatal to the run (the baseline, which the
 * next run needs, is already saved).
 */
static void save_history(const cb_config *cfg, const char *name, const cb_run *run)
{
    char     dir[4200];
    cb_error err;

    snprintf(dir, sizeof dir, "%s/history", cfg->reports_dir);
    if (cb_history_save(dir, name, run, cfg->history_limit, &err) != 0) {
        fprintf(stderr, "warning: the run was not added to the history: %s\n", err.msg);
    }
}

/* The file a run will be saved to, loaded for save_merged: 1 loaded, 0 none
 * (or another measure, which is replaced), -1 when it exists but is unreadable. */
static int load_save_target(const char *path, cb_measure measure, cb_run *kept, cb_error *err)
{
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        return 0;
    }
    if (cb_baseline_load(path, kept, err) != 0) {
        return -1;
    }
    if (kept->measure != measure) {
        cb_run_free(kept);
        return 0;
    }
    return 1;
}

/* Everything one invocation holds, so that each step below takes one argument. */
typedef struct session {
    const char       *prog;
    const cb_config  *cfg;
    plan              p;
    cb_filter         filter;
    cb_instance_list  list;
    unsigned char    *selected;
    cb_run            old, run;
    int               has_old;
    cb_run            kept; /* a filtered run's save target, for the HTML report */
    int               has_kept;
    cb_group_summary *kept_groups; /* kept's groups this run measures nothing of */
    size_t            nkept_groups;
    cb_history        history; /* the past runs the HTML report draws trends from */
    cb_trends         trends;      /* the run's results' trends across them */
    cb_trends         kept_trends; /* kept's */
    cb_budget_set     budgets; /* --budgets, empty without */
    cb_allow_list     allow;   /* --allow-findings, empty without */
    cb_command_files  files; /* what opt's paths point into */
    cb_report_options opt;
    cb_reporter       reps[CB_MAX_REPORTERS];
    size_t            nreps;
    const char      **missing;
    size_t            nmissing;
    cb_compare_config compare;
    char              differences[1024];
    char              path[4096]; /* where the run is saved */
} session;

/*
 * Saves the run under s->path with the file locked (store/lock.h), so that
 * two runs saving the same baseline at once both keep their benchmarks. Only
 * a filtered run keeps what it did not run (an unfiltered one that lacks a
 * benchmark has lost it, renamed or removed, and so does the baseline), and
 * it merges with the file as it is now, under the lock, not as it was when
 * the run started: another run may have saved its benchmarks since.
 */
static int save_locked(const session *s, cb_error *err)
{
    cb_run current;
    int    fd, has = 0, rc;

    if (cb_lock_acquire(s->path, CB_LOCK_WAIT_S, &fd, err) != 0) {
        return -1;
    }
    if (s->cfg->nfilters > 0 &&
        (has = load_save_target(s->path, s->cfg->measure, &current, err)) < 0) {
        cb_lock_release(fd);
        return -1;
    }
    rc = save_merged(s->path, &s->run, has ? &current : NULL, err);
    if (has) {
        cb_run_free(&current);
    }
    cb_lock_release(fd);
    return rc;
}

/* The registered benchmarks the filters select; --list prints them (*done). */
static int select_or_list(session *s, int *done, cb_error *err)
{
    const cb_config *cfg = s->cfg;
    size_t           i, n;

    *done = 0;
    if (cb_filter_select(&s->filter, &s->list, &s->selected, &n, err) != 0) {
        return -1;
    }
    /* an unfiltered run of nothing would replace the baseline with an empty one */
    if (s->list.n == 0 && !cfg->list) {
        return cb_error_set(err, "no benchmark is registered (cb_register()), so there is "
                                 "nothing to run; analyze, compare, report, trend and gate "
                                 "need none (see --help)");
    }
    if (n == 0 && cfg->nfilters > 0) {
        return cb_error_set(err, "no benchmark matches %s'%s'%s (see --list)",
                            cfg->exact ? "exactly " : "", cfg->filters[0],
                            cfg->nfilters > 1 ? " or the other filters" : "");
    }
    if (cfg->list) {
        for (i = 0; i < s->list.n; i++) {
            if (s->selected[i]) {
                printf("%s\n", s->list.items[i].name);
            }
        }
        *done = 1;
    }
    return 0;
}

/* Whether a selected benchmark is to have its memory counted: --memory, or a
 * budget on memory that matches it. */
static int counts_memory(const session *s)
{
    size_t j;

    for (j = 0; !s->cfg->memory && j < s->list.n; j++) {
        if (s->selected[j] && cb_budget_wants_memory(&s->budgets, s->list.items[j].name)) {
            return 1;
        }
    }
    return s->cfg->memory;
}

/* Measures the selected benchmarks, reporting through s->reps. */
static int measure(session *s, cb_error *err)
{
    const cb_config *cfg = s->cfg;
    cb_clock         clock;
    cb_runner        rn;
    cb_config        slow = *cfg;
    cb_check_config  checks;
    int              rc;

    /* what a check needs (valgrind, the cycle counter) is refused before
     * anything is measured */
    checks.which = cfg->checks | (cfg->gate_constant_time ? CB_CHECK_CONSTANT_TIME : 0u);
    checks.leak_measurements = cfg->leak_measurements;
    checks.leak_time_ns = cfg->leak_time_s * 1e9;
    checks.leak_calls = cfg->leak_calls;
    checks.seed = cfg->seed;
    checks.inputs = cfg->ct_inputs;
    checks.divisions = cfg->ct_divisions;
    checks.timeout_ns = cb_command_timeout_s(cfg, 1) * 1e9;
    if ((checks.which & CB_CHECK_CONSTANT_TIME) && (cfg->build_flags & CB_BUILD_SANITIZED)) {
        return cb_error_set(err, "--check constant-time runs the benchmarks under valgrind, "
                                 "which cannot run a program built with AddressSanitizer: "
                                 "build without it");
    }
    if (counts_memory(s) && (cfg->build_flags & CB_BUILD_SANITIZED)) {
        return cb_error_set(err, "--memory (or a budget on memory) counts the allocations of "
                                 "the C library's malloc, which AddressSanitizer replaces with "
                                 "its own: build without it");
    }
    if (checks.which != 0 && cb_check_open(&checks, err) != 0) {
        return -1;
    }
    /* a profile needs callgrind's call chains, even where perf could count */
    if ((cfg->profile ? cb_callgrind_open_parent(&clock, err)
                      : cb_clock_open(&clock, cfg->measure, err)) != 0) {
        cb_check_close(&checks);
        return -1;
    }
    slow.timeout_s = cb_command_timeout_s(cfg, clock.ops->child_tool != NULL);
    memset(&rn, 0, sizeof rn);
    rn.cfg = &slow;
    rn.clock = &clock;
    rn.reporters = s->reps;
    rn.nreporters = s->nreps;
    rn.isolate = 1;
    rn.baseline = s->has_old ? &s->old : NULL;
    rn.budgets = cfg->budgets != NULL ? &s->budgets : NULL;
    rn.compare = s->compare;
    rn.checks = checks.which != 0 ? &checks : NULL;
    rn.allow = &s->allow;
    if (s->opt.history != NULL) {
        rn.history = &s->history;
        rn.trends = &s->trends;
    }
    if (cb_progress_live(stderr)) {
        rn.progress = cb_progress_terminal(stderr);
    }
    cb_runner_describe(&rn, &s->run);
    warn_environment(s->prog, cfg->build_flags, &s->run.machine);
    if (clock.ops->child_tool != NULL && !cfg->test) {
        fprintf(stderr, "%s: perf_event_open is not available here: counting instructions under "
                        "valgrind's callgrind, about fifty times slower than native\n", s->prog);
    }
    rc = cb_runner_run(&rn, &s->list, s->selected, &s->run, err);
    cb_clock_close(&clock);
    if (checks.which != 0) {
        cb_check_close(&checks);
    }
    return rc;
}

/* The comparisons this run makes: its selected benchmarks (or the stored
 * run's) that the baseline has measured. */
static size_t comparisons(const session *s)
{
    size_t i, m = 0;

    if (!s->has_old) {
        return 0;
    }
    if (s->cfg->load_baseline != NULL) {
        for (i = 0; i < s->run.n; i++) {
            m += cb_command_comparable(&s->old, s->run.results[i].name);
        }
        return m;
    }
    for (i = 0; i < s->list.n; i++) {
        size_t counts[CB_MAX_THREAD_COUNTS + 1], k, n;
        char   name[512];

        if (!s->selected[i]) {
            continue;
        }
        m += cb_command_comparable(&s->old, s->list.items[i].name);
        /* and its measurements on threads, each compared with its own count's */
        n = cb_runner_thread_counts(s->cfg, &s->list.items[i], counts);
        for (k = 0; k < n; k++) {
            cb_threads_name(name, sizeof name, s->list.items[i].name, counts[k]);
            m += cb_command_comparable(&s->old, name);
        }
    }
    return m;
}

/* What the single-run gate says about itself, once. */
static const char unpaired_note[] =
    "This gate compares one run with a stored baseline, unpaired: on a shared runner two "
    "processes of identical code differ by more than the samples of either suggest, and that "
    "difference is read as a change of the code. `cryptbench calibrate` measures how often "
    "this gate raises a false alarm on your runner (on the 2-core VM cryptbench is developed "
    "on, 28% of comparisons of identical code at a 2% threshold). Prefer the paired gate, "
    "ci/bench-ab, or --measure instructions.";

/* Whether a selected benchmark belongs to `group`. */
static int selects_group(const session *s, const char *group)
{
    char   g[CB_GROUP_NAME_MAX];
    size_t i;

    for (i = 0; i < s->list.n; i++) {
        cb_name_group(s->list.items[i].name, g, sizeof g);
        if (s->selected[i] && strcmp(g, group) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The summaries of the kept run's groups that this run measures nothing of,
 * made once, before the reporters, as the runner makes those of the groups it
 * measures; a group whose analysis fails is left without. -1 when out of
 * memory. */
static int summarise_kept_groups(session *s, cb_error *err)
{
    const cb_run       *kept = &s->kept;
    cb_bootstrap_config boot = { kept->nresamples, kept->confidence, kept->seed };
    char                group[CB_GROUP_NAME_MAX];
    cb_error            why;
    size_t              i, j;

    s->kept_groups = calloc(kept->n + 1, sizeof *s->kept_groups);
    if (s->kept_groups == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (i = 0; i < kept->n; i++) {
        cb_group_summary *sum = &s->kept_groups[s->nkept_groups];

        cb_name_group(kept->results[i].name, group, sizeof group);
        for (j = 0; j < s->nkept_groups && strcmp(s->kept_groups[j].name, group) != 0; j++) {
        }
        if (j < s->nkept_groups || selects_group(s, group) ||
            cb_group_analyse(kept, group, &boot, &sum->g, &why) != 0) {
            continue;
        }
        memcpy(sum->name, group, sizeof group);
        s->nkept_groups++;
    }
    s->opt.kept_groups = s->kept_groups;
    s->opt.nkept_groups = s->nkept_groups;
    return 0;
}

/* Loads what the run is compared with and saved over, or re-reports
 * (--load-baseline), and tells the reporters about the baseline. A baseline
 * that cannot be read stops everything before anything is measured or written. */
static int prepare_baselines(session *s, cb_error *err)
{
    const cb_config *cfg = s->cfg;
    int              stored = cfg->load_baseline != NULL;

    s->has_old = load_against(cfg, &s->p, cfg->measure, &s->old, err);
    if (s->has_old < 0) {
        return -1;
    }
    if (s->p.save != NULL) {
        if (cb_baseline_path(s->path, sizeof s->path, cfg->reports_dir, s->p.save, err) != 0) {
            return -1;
        }
        if (s->p.against != NULL && strcmp(s->p.save, s->p.against) != 0) {
            /* read now only to refuse a bad file before measuring; the save
             * reads it again, under its lock (save_locked) */
            cb_run kept;
            int    has_kept = load_save_target(s->path, cfg->measure, &kept, err);

            if (has_kept < 0) {
                return -1;
            }
            if (has_kept) {
                cb_run_free(&kept);
            }
        }
    }
    if (stored && load_stored(cfg, &s->filter, &s->run, err) != 0) {
        return -1;
    }
    s->compare = cb_command_compare_config(cfg, stored ? s->run.measure : cfg->measure,
                                           comparisons(s));
    if (stored && s->has_old &&
        compare_stored(&s->run, &s->old, s->p.against, &s->compare, err) != 0) {
        return -1;
    }
    if (stored && cb_run_findings_accept(cfg, s->has_old ? &s->old : NULL, &s->allow, &s->run,
                                         err) != 0) {
        return -1;
    }
    if (stored && s->p.against != NULL && strcmp(s->p.against, cfg->load_baseline) == 0) {
        fprintf(stderr, "warning: comparing baseline '%s' with itself: every change is 0 (without "
                        "--baseline, the comparison made when it was measured is shown)\n",
                s->p.against);
    }
    if (stored && !s->has_old && s->run.compared_with[0] != '\0') {
        /* its stored changes say what they were measured against */
        s->opt.baseline_name = s->run.compared_with;
    }
    if (s->has_old && !stored) {
        snprintf(s->run.compared_with, sizeof s->run.compared_with, "%s", s->p.against);
    }
    if (s->has_old) {
        cb_baseline_differences(&s->old, &s->run, s->differences, sizeof s->differences);
        if (s->differences[0] != '\0') {
            fprintf(stderr, "warning: baseline '%s' was measured on another machine or build: "
                            "%s\n", s->p.against, s->differences);
        }
        s->missing = missing_names(&s->old, &s->filter, &s->list, s->selected,
                                   stored ? &s->run : NULL, &s->nmissing);
        s->opt.baseline_name = s->p.against;
        s->opt.baseline = &s->old;
        s->opt.missing = s->missing;
        s->opt.nmissing = s->nmissing;
    }
    s->opt.differences = s->differences;
    s->opt.live = !stored;
    if (!stored && cfg->nfilters > 0 && s->p.save != NULL && cfg->html) {
        /* the benchmarks the saved file will keep, as they were when read now */
        s->has_kept = load_save_target(s->path, cfg->measure, &s->kept, err);
        if (s->has_kept < 0) {
            return -1;
        }
        s->opt.kept = s->has_kept ? &s->kept : NULL;
        if (s->has_kept && summarise_kept_groups(s, err) != 0) {
            return -1;
        }
    }
    cb_command_describe_compare(&s->opt, &s->compare);
    if (cfg->gate && !s->compare.exact) {
        s->opt.gate_note = unpaired_note;
    }
    return 0;
}

/* A run that will write to the reports directory (its baseline, the HTML
 * report, the gate's table) finds out that it cannot before it measures, not
 * after. */
static int check_writable(const session *s, cb_error *err)
{
    if (s->p.save == NULL && !s->cfg->html && !s->cfg->gate) {
        return 0;
    }
    if (cb_atomic_check_dir(s->cfg->reports_dir, err) != 0) {
        cb_error_prefix(err, "reports directory");
        return -1;
    }
    return 0;
}

/* The trends of a stored run's results across the history, before the
 * reporters' end (a measured run's are the runner's to find); without memory
 * the report leaves them out. */
static void find_trends(const session *s, cb_trends *ts, const cb_run *run)
{
    if (cb_trends_open(ts, &s->history, run, 0, s->opt.noise_threshold) != 0) {
        fprintf(stderr, "warning: out of memory finding the trends: the report leaves them out\n");
    }
}

/* Reads the history of the baseline this run belongs to (the one it is saved
 * as, else the one it is compared with or re-reports) for the HTML report's
 * trends. A file that cannot be read is skipped with a warning; nothing here
 * stops the run. */
static void load_history(session *s)
{
    const cb_config *cfg = s->cfg;
    const char      *name = cfg->load_baseline != NULL ? cfg->load_baseline
                            : s->p.save != NULL        ? s->p.save
                                                       : s->p.against;
    char             dir[4200];
    cb_error         err;

    if (!cfg->html || name == NULL) {
        return;
    }
    snprintf(dir, sizeof dir, "%s/history", cfg->reports_dir);
    if (cb_history_load(dir, name, cfg->load_baseline != NULL ? s->run.measure : cfg->measure,
                        NULL, NULL, stderr, &s->history, &err) != 0) {
        fprintf(stderr, "warning: the history is left out of the report: %s\n", err.msg);
        return;
    }
    s->opt.history = &s->history;
    s->opt.history_name = name;
    s->opt.trends = &s->trends;
    if (s->has_kept) {
        find_trends(s, &s->kept_trends, &s->kept);
        s->opt.kept_trends = &s->kept_trends;
    }
}

static void session_free(session *s)
{
    size_t i;

    cb_trends_free(&s->trends);
    cb_trends_free(&s->kept_trends);
    cb_history_free(&s->history);
    cb_budget_set_free(&s->budgets);
    cb_allow_list_free(&s->allow);
    free(s->missing);
    free(s->selected);
    cb_instance_list_free(&s->list);
    cb_filter_free(&s->filter);
    cb_run_free(&s->old);
    cb_run_free(&s->run);
    for (i = 0; i < s->nkept_groups; i++) {
        cb_groups_free(&s->kept_groups[i].g);
    }
    free(s->kept_groups);
    if (s->has_kept) {
        cb_run_free(&s->kept);
    }
}

/* --profile-time: each selected benchmark's loop run in this process for
 * cfg->profile_time_s, for an external profiler; nothing is analysed or
 * saved. 1 when a benchmark failed. */
static int profile_time(const cb_config *cfg, const cb_instance_list *list,
                        const unsigned char *selected, cb_error *err)
{
    cb_clock clock;
    char     per[32];
    double   ns = 0.0;
    size_t   i;
    int      status = CB_EXIT_OK;

    if (cb_clock_open(&clock, CB_MEASURE_WALL, err) != 0) {
        return CB_EXIT_USAGE;
    }
    for (i = 0; i < list->n; i++) {
        const cb_instance *inst = &list->items[i];
        cb_error           why;

        if (!selected[i]) {
            continue;
        }
        printf("Profiling %s for %.4g s ... ", inst->name, cfg->profile_time_s);
        fflush(stdout);
        if (cb_profile_time_run(inst, &clock, cfg->profile_time_s, &ns, &why) != 0) {
            printf("FAILED: %s\n", why.msg);
            status = CB_EXIT_FAILED;
            continue;
        }
        cb_format_time(per, sizeof per, ns);
        printf("done, %s per iteration (nothing analysed, nothing saved)\n", per);
    }
    cb_clock_close(&clock);
    return status;
}

int cb_command_run(const char *prog, const cb_config *cfg, cb_error *err)
{
    session s;
    int     done, status = CB_EXIT_USAGE;

    memset(&s, 0, sizeof s);
    s.prog = prog;
    s.cfg = cfg;
    s.p = plan_baselines(cfg);
    s.opt = cb_command_report_options(cfg, &s.files);
    if (cb_filter_init(&s.filter, cfg->filters, cfg->nfilters, cfg->exact, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (cfg->test && cfg->load_baseline != NULL) {
        cb_error_set(err, "--test runs the benchmarks; it cannot be combined with --load-baseline");
        goto done;
    }
    if (cfg->load_baseline == NULL && select_or_list(&s, &done, err) != 0) {
        goto done;
    }
    if (cfg->load_baseline == NULL && done) {
        status = CB_EXIT_OK;
        goto done;
    }
    if (cfg->profile_time_s > 0.0) {
        status = profile_time(cfg, &s.list, s.selected, err);
        goto done;
    }
    if (cb_run_budgets_open(cfg, &s.list, s.selected, &s.budgets, err) != 0 ||
        cb_run_findings_open(cfg, &s.allow, err) != 0) {
        goto done;
    }
    cb_sysinfo_read(&s.run.machine);
    /* a stored run (--load-baseline) brings the context it was measured with */
    if (cfg->load_baseline == NULL &&
        cb_context_copy(&s.run.context, cb_context_registered()) != 0) {
        cb_error_set(err, "out of memory");
        goto done;
    }
    if (cfg->test && cfg->format != CB_FORMAT_HUMAN && cfg->format != CB_FORMAT_JSON) {
        cb_error_set(err, "--test prints text, or JSON with --format json: it measures nothing "
                          "for another format to tabulate");
        goto done;
    }
    if (cfg->test) {
        /* no baseline, no file: each benchmark checked and run once */
        if (cb_report_test_open(&s.reps[0], &s.opt, cfg->format == CB_FORMAT_JSON) != 0) {
            cb_error_set(err, "out of memory");
            goto done;
        }
        s.nreps = 1;
    } else if (check_writable(&s, err) != 0 || prepare_baselines(&s, err) != 0 ||
               (s.p.save != NULL && cb_lock_check(s.path, err) != 0) ||
               (cfg->load_baseline != NULL && cb_run_budgets_check(&s.budgets, &s.run, err) != 0)) {
        goto done;
    } else {
        load_history(&s);
        if (cb_command_open_reporters(cfg, &s.opt, s.reps, &s.nreps, err) != 0) {
            goto done;
        }
    }
    if (cfg->load_baseline != NULL) {
        if (s.opt.history != NULL) {
            find_trends(&s, &s.trends, &s.run);
        }
        cb_runner_replay(s.reps, s.nreps, &s.run);
    } else if (measure(&s, err) != 0) {
        goto close;
    }
    if (!cfg->test && s.p.save != NULL) {
        if (save_locked(&s, err) != 0 ||
            cb_profile_save_run(cfg->reports_dir, s.p.save, &s.run, err) != 0) {
            goto close;
        }
        if (cfg->load_baseline == NULL) {
            save_history(cfg, s.p.save, &s.run);
        }
    }
    if (cb_run_findings_template(cfg, &s.run, err) != 0) {
        goto close;
    }
    status = cb_command_status(cfg, &s.run);
close:
    if (cb_command_close_reporters(s.reps, s.nreps, &s.opt, status == CB_EXIT_USAGE ? NULL : err) !=
        0) {
        status = CB_EXIT_USAGE;
    }
done:
    session_free(&s);
    return status;
}

/*
 * `report` is a run that measures nothing: the stored run (--load-baseline,
 * default the one a run of --measure saves: base, base-instructions, ...)
 * re-read, compared with --baseline if given, and handed to the HTML reporter
 * alone.
 */
int cb_command_report(const cb_config *cfg, cb_error *err)
{
    cb_config quiet = *cfg;
    int       status;

    quiet.command = CB_COMMAND_REPORT;
    quiet.load_baseline = cfg->load_baseline != NULL   ? cfg->load_baseline
                          : cfg->save_baseline != NULL ? cfg->save_baseline
                                                       : cb_command_default_baseline(cfg->measure);
    quiet.html = 1;
    quiet.quiet = 1;
    status = cb_command_run("cryptbench", &quiet, err);
    if (status != CB_EXIT_USAGE) {
        printf("Wrote %s/html/index.html\n", cfg->reports_dir);
        /* a report of a run with failures is still a report */
        status = CB_EXIT_OK;
    }
    return status;
}
