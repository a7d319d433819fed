#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/command.h"
#include "measure/clock.h"
#include "measure/context.h"
#include "measure/interrupt.h"
#include "measure/process.h"
#include "measure/sysinfo.h"
#include "report/progress.h"
#include "stats/analysis.h"
#include "stats/sequential.h"
#include "store/json_reader.h"
#include "store/result_json.h"
#include "store/rounds.h"

/*
 * `gate BASE_PROGRAM HEAD_PROGRAM [FILTER...]`: the paired regression gate.
 * Both programs serve (command_serve.c); round after round each benchmark is
 * measured by both, back to back, who goes first alternating, so that the two
 * sides of a comparison are seconds apart and share the machine's state. The
 * comparison is paired across rounds (paired.c) on each process's median; how
 * many rounds each benchmark gets is sequential.c's rule; the verdict is
 * family-wise over the benchmarks compared. The result shown for each is the
 * head's round whose median was the median of the head's.
 */

typedef struct side {
    const char    *program;
    cb_process     proc;
    int            to;   /* requests */
    cb_line_reader from; /* answers */
    char          *line; /* the last one, in from's buffer */
    json_t        *names; /* the benchmarks it has */
    char           unit[16];
} side;

typedef struct bench {
    const char *name;
    int         in_a, in_b;
    int         active;
    int         failed;        /* a round failed: b_results[0] says why */
    size_t      rounds;
    double      a[CB_PAIRED_MAX_ROUNDS], b[CB_PAIRED_MAX_ROUNDS];
    cb_result  *b_results;     /* the head's result of each round */
    cb_change   change;        /* at its last look */
    double      warm_up_s, measurement_s;
    size_t      samples;
    double      seconds;       /* the wall time of its last round, both sides */
} bench;

typedef struct gate {
    const cb_config *cfg;
    cb_sequential    seq;
    side             a, b;
    bench           *benches;
    size_t           n;
    cb_measure       measure;
    uint64_t         start_ns;
    double           timeout_s; /* a benchmark's, as the servers apply it */
} gate;

/* ---- the two servers ------------------------------------------------------ */

/* The next line from s into s->line, within bound_s seconds: its hello
 * (about NULL) or its answer about the benchmark named about. A server that
 * sleeps or floods its output is given up on, never waited for. */
static int read_line(side *s, double bound_s, const char *about, const gate *g, cb_error *err)
{
    uint64_t deadline = cb_clock_monotonic_ns() + (uint64_t) (bound_s * 1e9);

    switch (cb_process_read_line(&s->from, deadline, CB_GATE_LINE_MAX, &s->line)) {
    case CB_READ_LINE:
        return 0;
    case CB_READ_CLOSED:
        return cb_error_set(err, "%s stopped answering%s (see its messages above)", s->program,
                            about == NULL ? " before saying hello to the gate" : "");
    case CB_READ_TIMED_OUT:
        if (about == NULL) {
            return cb_error_set(err, "%s said nothing within %g s of starting (its hello to "
                                     "the gate; --timeout): given up", s->program, bound_s);
        }
        return cb_error_set(err, "%s did not answer for %s within %g s (--timeout %g s and %g s "
                                 "to report it): given up", s->program, about, bound_s,
                            g->timeout_s, CB_GATE_ANSWER_SLACK_S);
    case CB_READ_TOO_LONG:
        return cb_error_set(err, "%s sent a line longer than %d MiB: not a cryptbench server",
                            s->program, CB_GATE_LINE_MAX >> 20);
    case CB_READ_INTERRUPTED:
        return cb_error_set(err, "gate: interrupted by signal %d", cb_interrupted());
    case CB_READ_FAILED:
        break;
    }
    return cb_error_set(err, "%s: reading its answer failed (read, poll or memory)", s->program);
}

/* Starts `program serve` with the run's measure, timeout and filters, and
 * reads what it has. */
static int start_side(side *s, const gate *g, cb_error *err)
{
    const cb_config *cfg = g->cfg;
    const char     **argv = calloc(cfg->nfilters + 10, sizeof *argv);
    char             timeout[32];
    json_error_t     jerr;
    json_t          *hello;
    const char      *unit = NULL;
    json_int_t       protocol = 0;
    size_t           n = 0, i;
    int              rc;

    if (argv == NULL) {
        return cb_error_set(err, "out of memory");
    }
    argv[n++] = s->program;
    argv[n++] = "serve";
    argv[n++] = "--measure";
    argv[n++] = cb_measure_name(cfg->measure);
    if (cfg->exact) {
        argv[n++] = "--exact";
    }
    if (cfg->timeout_s_set) {
        snprintf(timeout, sizeof timeout, "%.17g", cfg->timeout_s);
        argv[n++] = "--timeout";
        argv[n++] = timeout;
    }
    argv[n++] = "--";
    for (i = 0; i < cfg->nfilters; i++) {
        argv[n++] = cfg->filters[i];
    }
    rc = cb_process_exec(&s->proc, (char *const *) argv, &s->to, err);
    free(argv);
    if (rc != 0) {
        return -1;
    }
    s->from.fd = s->proc.fd;
    /* a program starts in well under a minute, whatever its benchmarks cost */
    if (read_line(s, g->timeout_s < CB_GATE_HELLO_S ? g->timeout_s : CB_GATE_HELLO_S, NULL, g,
                  err) != 0) {
        return -1;
    }
    hello = json_loads(s->line, 0, &jerr);
    if (hello == NULL ||
        json_unpack(hello, "{s:I, s:s, s:o}", "protocol", &protocol, "unit", &unit, "benchmarks",
                    &s->names) != 0 ||
        protocol != CB_SERVE_PROTOCOL || !json_is_array(s->names)) {
        json_decref(hello);
        return cb_error_set(err, "%s does not serve the paired gate (built with cryptbench "
                                 "before 0.2?)", s->program);
    }
    snprintf(s->unit, sizeof s->unit, "%s", unit);
    json_incref(s->names);
    json_decref(hello);
    return 0;
}

/* Ends a server: end of input makes an idle one exit; one given up on is
 * asked to stop (SIGTERM: it cleans up after its benchmark); one deaf to
 * both is killed after a moment. */
static void stop_side(side *s, int given_up)
{
    int status, timed_out = 0;

    if (s->to >= 0) {
        close(s->to);
    }
    if (given_up && s->proc.pid > 0) {
        kill(s->proc.pid, SIGTERM);
    }
    if (s->from.fd >= 0) {
        close(s->from.fd);
    }
    if (s->proc.pid > 0) {
        cb_process_reap(&s->proc,
                        cb_clock_monotonic_ns() + (uint64_t) (CB_GATE_STOP_S * 1e9), 0,
                        &status, &timed_out);
    }
    cb_buf_free(&s->from.buf);
    json_decref(s->names);
}

/* One benchmark measured by one side, into r. */
static int measure_on(const gate *g, side *s, const bench *b, cb_result *r, cb_error *err)
{
    cb_json_reader rd = { s->program, NULL, 0, err };
    json_error_t   jerr;
    json_t        *obj;
    int            rc;

    if (dprintf(s->to, "measure %.17g %.17g %zu %s\n", b->warm_up_s, b->measurement_s, b->samples,
                b->name) < 0) {
        return cb_error_set(err, "%s stopped answering (see its messages above)", s->program);
    }
    if (read_line(s, g->timeout_s + CB_GATE_ANSWER_SLACK_S, b->name, g, err) != 0) {
        return -1;
    }
    rd.text = s->line;
    rd.len = strlen(s->line);
    obj = json_loads(s->line, 0, &jerr);
    if (obj == NULL) {
        return cb_error_set(err, "%s: unreadable answer: %s", s->program, jerr.text);
    }
    memset(r, 0, sizeof *r);
    rc = cb_result_json_decode(&rd, obj, NULL, s->unit, r);
    json_decref(obj);
    return rc;
}

/* ---- the rounds ----------------------------------------------------------- */

static int has(const side *s, const char *name)
{
    size_t i;

    for (i = 0; i < json_array_size(s->names); i++) {
        if (strcmp(json_string_value(json_array_get(s->names, i)), name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Every benchmark either side has: the head's first, in its order. */
static int list_benches(gate *g, cb_error *err)
{
    size_t na = json_array_size(g->a.names), nb = json_array_size(g->b.names), i;

    g->benches = calloc(na + nb + 1, sizeof *g->benches);
    if (g->benches == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (i = 0; i < nb + na; i++) {
        const char *name = json_string_value(json_array_get(i < nb ? g->b.names : g->a.names,
                                                            i < nb ? i : i - nb));
        bench      *b = &g->benches[g->n];

        if (i >= nb && has(&g->b, name)) {
            continue;
        }
        b->name = name;
        b->in_a = has(&g->a, name);
        b->in_b = has(&g->b, name);
        b->active = b->in_a && b->in_b;
        b->warm_up_s = g->cfg->warm_up_s_set ? g->cfg->warm_up_s : CB_GATE_WARM_UP_S;
        b->measurement_s =
            g->cfg->measurement_s_set ? g->cfg->measurement_s : CB_GATE_MEASUREMENT_S;
        b->samples = g->cfg->sample_size_set ? g->cfg->sample_size : CB_GATE_SAMPLE_SIZE;
        g->n++;
    }
    if (g->n == 0) {
        return cb_error_set(err, "gate: neither program has a benchmark the filters select");
    }
    return 0;
}

/* The names s has, "a, b, c", the first few of them, into t. */
static void list_names(cb_buf *t, const side *s)
{
    size_t i, n = json_array_size(s->names);

    for (i = 0; i < n && i < CB_GATE_NAMES_LISTED; i++) {
        cb_buf_printf(t, "%s%s", i > 0 ? ", " : "", json_string_value(json_array_get(s->names,
                                                                                      i)));
    }
    if (n > CB_GATE_NAMES_LISTED) {
        cb_buf_printf(t, " and %zu more", n - CB_GATE_NAMES_LISTED);
    }
    if (n == 0) {
        cb_buf_puts(t, "none");
    }
}

/* Two programs with nothing in common compare nothing: no verdict, least of
 * all "no regression", but an error that shows what each has. */
static int refuse_nothing_in_common(const gate *g, cb_error *err)
{
    cb_buf t = { NULL, 0, 0, 0 };
    int    rc;

    cb_buf_printf(&t, "gate: %s and %s have no benchmark in common%s: nothing to compare. The "
                      "head has ", g->a.program, g->b.program,
                  g->cfg->nfilters > 0 ? " among those the filters select" : "");
    list_names(&t, &g->b);
    cb_buf_puts(&t, "; the base has ");
    list_names(&t, &g->a);
    rc = cb_error_set(err, "%s", t.oom ? "gate: the two programs have no benchmark in common"
                                       : t.data);
    cb_buf_free(&t);
    return rc;
}

/* After its first round: a benchmark whose call is slower than the gate's
 * budget for a sample gets the fewest calls whose median holds. */
static void fit_profile(const gate *g, bench *b, const cb_result *r)
{
    if (g->cfg->sample_size_set || g->cfg->measurement_s_set ||
        !(r->plan.met_ns > CB_GATE_SLOW_CALL_S * 1e9)) {
        return;
    }
    b->samples = CB_GATE_SLOW_SAMPLE_SIZE;
    b->measurement_s = 0.0; /* one call a sample */
    b->warm_up_s = 1e-9;    /* the warm-up still makes its one call */
}

/* Keeps a round of b: the head's result, and both medians. A failed side
 * ends the comparison, and fails it: the head's failure is its own; the base
 * failing leaves nothing to compare with, which is said in the head's result
 * rather than passed over as a benchmark new in the head. */
static int take_round(gate *g, bench *b, cb_result *ra, cb_result *rb, cb_error *err)
{
    cb_result *grown = realloc(b->b_results, (b->rounds + 1) * sizeof *grown);

    if (ra->failed && !rb->failed) {
        char reason[CB_ERROR_MAX];

        snprintf(reason, sizeof reason, "the base (%s) failed on it: %s", g->a.program,
                 ra->failure != NULL ? ra->failure : "no reason given");
        cb_samples_free(&rb->samples);
        cb_result_fail(rb, reason);
    }
    if (grown == NULL) {
        cb_result_free(ra);
        cb_result_free(rb);
        return cb_error_set(err, "out of memory keeping the rounds");
    }
    b->b_results = grown;
    b->b_results[b->rounds] = *rb; /* b owns it now */
    if (rb->failed || ra->failed) {
        b->active = 0;
        b->failed = 1;
        b->rounds++;
        cb_result_free(ra);
        return 0;
    }
    b->a[b->rounds] = ra->analysis.median.point;
    b->b[b->rounds] = rb->analysis.median.point;
    if (b->rounds == 0) {
        fit_profile(g, b, rb);
    }
    cb_result_free(ra);
    b->rounds++;
    b->active = cb_sequential_look(&g->seq, b->a, b->b, b->rounds, &b->change);
    return 0;
}

/* Round r of one benchmark: both sides, who goes first alternating along the
 * list and across rounds, so that a drift hits A first as often as B. */
static int round_of(gate *g, bench *b, size_t r, size_t k, cb_error *err)
{
    cb_result ra, rb;
    uint64_t  t0 = cb_clock_monotonic_ns();
    int       a_first = (r + k) % 2 == 0;

    if (measure_on(g, a_first ? &g->a : &g->b, b, a_first ? &ra : &rb, err) != 0) {
        return -1;
    }
    if (measure_on(g, a_first ? &g->b : &g->a, b, a_first ? &rb : &ra, err) != 0) {
        cb_result_free(a_first ? &ra : &rb);
        return -1;
    }
    b->seconds = (double) (cb_clock_monotonic_ns() - t0) / 1e9;
    return take_round(g, b, &ra, &rb, err);
}

/* The time the next round would take: the last one of each active benchmark. */
static double next_round_s(const gate *g)
{
    double s = 0.0;
    size_t k;

    for (k = 0; k < g->n; k++) {
        s += g->benches[k].active ? g->benches[k].seconds : 0.0;
    }
    return s;
}

static int run_rounds(gate *g, cb_error *err)
{
    size_t r, k, active = 1;

    for (r = 0; r < g->seq.max_rounds && active > 0; r++) {
        double elapsed = (double) (cb_clock_monotonic_ns() - g->start_ns) / 1e9;

        if (r >= g->seq.min_rounds && elapsed + next_round_s(g) > g->cfg->time_budget_s) {
            fprintf(stderr, "gate: the time budget (%.0f s) ends the rounds after %zu\n",
                    g->cfg->time_budget_s, r);
            break;
        }
        for (k = 0, active = 0; k < g->n; k++) {
            if (g->benches[k].active && round_of(g, &g->benches[k], r, k, err) != 0) {
                return -1;
            }
            active += g->benches[k].active;
        }
        if (cb_progress_live(stderr)) {
            cb_progress_line(stderr, "gate: round %zu, %zu benchmarks not yet settled", r + 1,
                             active);
        } else {
            fprintf(stderr, "gate: round %zu, %zu benchmarks not yet settled\n", r + 1, active);
        }
    }
    if (cb_progress_live(stderr)) {
        cb_progress_clear(stderr);
    }
    return 0;
}

/* ---- the outcome ---------------------------------------------------------- */

/* The head's round whose median is the median of the head's medians. */
static const cb_result *median_round(const bench *b)
{
    size_t k, j, pick = 0;

    for (k = 0; k < b->rounds; k++) {
        size_t below = 0;

        for (j = 0; j < b->rounds; j++) {
            below += b->b[j] < b->b[k];
        }
        if (below == (b->rounds - 1) / 2) {
            pick = k;
        }
    }
    return &b->b_results[pick];
}

/* The estimate of a compared benchmark: the median over rounds of the head's
 * medians, with its bootstrap interval, in place of its median round's own
 * median, and the headline, so that the time shown is what the change is of. */
static int paired_estimate(const gate *g, const bench *b, cb_result *shown, cb_error *err)
{
    cb_bootstrap_config boot = { g->cfg->nresamples, g->cfg->confidence, g->cfg->seed };
    cb_bootstrap_one    one;
    double              ones[CB_PAIRED_MAX_ROUNDS];
    size_t              k;

    for (k = 0; k < b->rounds; k++) {
        ones[k] = 1.0;
    }
    if (cb_bootstrap_sample(ones, b->b, b->rounds, CB_SLOPE_NONE, &boot, &one, err) != 0) {
        return -1;
    }
    shown->analysis.median = one.median;
    shown->analysis.median.point = b->change.new_typical;
    shown->analysis.median_is_typical = 1;
    cb_analysis_throughput(shown, g->b.unit);
    return 0;
}

/* The run reporters are handed: per benchmark the head's median round with
 * its paired change; results[i] borrow from the benches. */
static int make_view(const gate *g, cb_run *view, const char ***missing, size_t *nmissing,
                     cb_error *err)
{
    size_t k;

    memset(view, 0, sizeof *view);
    view->measure = g->measure;
    view->unit = g->b.unit;
    view->confidence = g->cfg->confidence;
    view->nresamples = 1;
    cb_sysinfo_read(&view->machine);
    cb_run_stamp(view);
    view->results = calloc(g->n + 1, sizeof *view->results);
    *missing = calloc(g->n + 1, sizeof **missing);
    *nmissing = 0;
    if (view->results == NULL || *missing == NULL ||
        cb_context_copy(&view->context, cb_context_registered()) != 0) {
        return cb_error_set(err, "out of memory");
    }
    for (k = 0; k < g->n; k++) {
        const bench *b = &g->benches[k];

        if (!b->in_b) {
            (*missing)[(*nmissing)++] = b->name;
            continue;
        }
        if (b->rounds == 0) {
            continue;
        }
        /* a failed round, or one the base could not measure, is the last */
        view->results[view->n] =
            b->failed || !b->in_a ? b->b_results[b->rounds - 1] : *median_round(b);
        view->results[view->n].has_change = b->in_a && !b->failed && b->rounds >= 2;
        view->results[view->n].change = b->change;
        if (view->results[view->n].has_change &&
            paired_estimate(g, b, &view->results[view->n], err) != 0) {
            return -1;
        }
        view->n++;
    }
    return 0;
}

static int save_rounds(const gate *g, cb_error *err)
{
    cb_rounds r = { g->measure, calloc(g->n + 1, sizeof(cb_rounds_bench)), 0 };
    char      path[4096];
    size_t    k;
    int       rc;

    if (r.benches == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (k = 0; k < g->n; k++) {
        const bench *b = &g->benches[k];

        if (b->in_a && b->in_b && !b->failed && b->rounds >= 2) {
            r.benches[r.nbenches++] = (cb_rounds_bench){ (char *) b->name, b->rounds,
                                                         (double *) b->a, (double *) b->b };
        }
    }
    snprintf(path, sizeof path, "%s/gate-rounds.json", g->cfg->reports_dir);
    rc = cb_rounds_save(path, &r, err);
    free(r.benches);
    return rc;
}

static size_t compared(const gate *g)
{
    size_t k, m = 0;

    for (k = 0; k < g->n; k++) {
        m += g->benches[k].in_a && g->benches[k].in_b;
    }
    return m;
}

static int report(gate *g, cb_error *err)
{
    cb_command_files  files;
    cb_report_options opt = cb_command_report_options(g->cfg, &files);
    cb_config         gated = *g->cfg;
    cb_reporter       reps[CB_MAX_REPORTERS];
    cb_run            view;
    const char      **missing = NULL;
    size_t            nmissing = 0, nreps = 0;
    int               status = CB_EXIT_USAGE;

    gated.gate = 1; /* the command is a gate: its table and its exit status */
    if (make_view(g, &view, &missing, &nmissing, err) != 0) {
        goto done;
    }
    cb_command_describe_compare(&opt, &g->seq.compare);
    opt.baseline_name = g->a.program;
    opt.missing = missing;
    opt.nmissing = nmissing;
    opt.differences = "";
    if (cb_command_open_reporters(&gated, &opt, reps, &nreps, err) != 0) {
        goto done;
    }
    cb_report_replay(reps, nreps, &view);
    if (cb_command_close_reporters(reps, nreps, &opt, err) == 0 && save_rounds(g, err) == 0) {
        status = cb_command_status(&gated, &view);
    }
done:
    free(view.results); /* borrowed: the benches own what they point to */
    cb_context_free(&view.context);
    free(missing);
    return status;
}

static void free_gate(gate *g)
{
    size_t k, j;

    for (k = 0; k < g->n; k++) {
        for (j = 0; j < g->benches[k].rounds; j++) {
            cb_result_free(&g->benches[k].b_results[j]);
        }
        free(g->benches[k].b_results);
    }
    free(g->benches);
}

/* The gate's own defaults where the command line said nothing. */
static cb_sequential gate_rule(const cb_config *cfg, size_t comparisons)
{
    cb_config     c = *cfg;
    cb_sequential seq;

    /* instruction counts keep their exact threshold */
    if (!c.noise_threshold_set && cfg->measure != CB_MEASURE_INSTRUCTIONS) {
        c.noise_threshold = CB_GATE_NOISE_THRESHOLD;
        c.noise_threshold_set = 1;
    }
    if (!c.significance_set) {
        c.significance = CB_GATE_SIGNIFICANCE;
    }
    seq.compare = cb_command_compare_config(&c, cfg->measure, comparisons);
    seq.min_rounds = cfg->min_rounds;
    seq.max_rounds = cfg->max_rounds;
    return seq;
}

int cb_command_gate(const cb_config *cfg, cb_error *err)
{
    gate g = { .cfg = cfg, .measure = cfg->measure };
    int  status = CB_EXIT_USAGE;

    g.a = (side){ .program = cfg->args[0], .to = -1, .from.fd = -1 };
    g.b = (side){ .program = cfg->args[1], .to = -1, .from.fd = -1 };
    g.timeout_s = cb_command_timeout_s(cfg, cfg->measure == CB_MEASURE_INSTRUCTIONS);
    if (cfg->min_rounds > cfg->max_rounds) {
        cb_error_set(err, "gate: --min-rounds %zu is above --max-rounds %zu", cfg->min_rounds,
                     cfg->max_rounds);
        return CB_EXIT_USAGE;
    }
    /* a server gone away must be an error here, not a signal */
    signal(SIGPIPE, SIG_IGN);
    /* interrupted, the gate stops its servers, which clean up after their
     * benchmarks, before it dies of the signal */
    cb_interrupt_arm();
    g.start_ns = cb_clock_monotonic_ns();
    if (start_side(&g.a, &g, err) != 0 || start_side(&g.b, &g, err) != 0) {
        goto done;
    }
    if (strcmp(g.a.unit, g.b.unit) != 0) {
        cb_error_set(err, "gate: %s measures %s, %s measures %s", g.a.program, g.a.unit,
                     g.b.program, g.b.unit);
        goto done;
    }
    if (list_benches(&g, err) != 0) {
        goto done;
    }
    if (compared(&g) == 0) {
        refuse_nothing_in_common(&g, err);
        goto done;
    }
    g.seq = gate_rule(cfg, compared(&g));
    if (run_rounds(&g, err) == 0) {
        status = report(&g, err);
    }
done:
    stop_side(&g.a, status == CB_EXIT_USAGE);
    stop_side(&g.b, status == CB_EXIT_USAGE);
    free_gate(&g);
    cb_interrupt_disarm();
    return status;
}
