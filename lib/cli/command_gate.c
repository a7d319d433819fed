#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/command.h"
#include "cli/filter.h"
#include "cli/runner.h"
#include "measure/clock.h"
#include "measure/context.h"
#include "measure/interrupt.h"
#include "measure/process.h"
#include "measure/sysinfo.h"
#include "html/gate_page.h"
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
 * many rounds each benchmark gets is sequential.c's rule within the time
 * budget; the verdict is family-wise over the comparisons made.
 *
 * With --measure wall,instructions each benchmark has a series of rounds on
 * each measure, served by a server per measure and side. Wall time first,
 * --min-rounds for every benchmark; then instruction counts for those wall
 * time has not settled (two rounds decide where the counts agree); then more
 * wall-time rounds for those neither has decided; last, counts for the rest,
 * as far as the budget goes. One verdict a benchmark (decide()).
 */

/* the measures of one gate: the run's, and instruction counts beside wall time */
#define NMEASURES 2

/* an exact round's seconds per second of the same benchmark's wall-time round,
 * until one is measured: callgrind runs code about fifty times slower, and
 * starts valgrind for each process */
#define EXACT_COST_PRIOR 60.0

/* Native time per counted instruction above which a benchmark waits on
 * memory more than it computes (below 0.4 instructions a cycle at 2.6 GHz):
 * its counts miss what its time is made of. */
#define MEMORY_BOUND_NS_PER_INSTRUCTION 1.0

typedef struct side {
    const char    *program;
    cb_measure     measure;
    int            started;
    double         timeout_s; /* a benchmark's, as this server applies it */
    cb_process     proc;
    int            to;   /* requests */
    cb_line_reader from; /* answers */
    char          *line; /* the last one, in from's buffer */
    json_t        *names; /* the benchmarks it has */
    char           unit[16];
} side;

/* One benchmark on one measure: its rounds and what they came to. */
typedef struct series {
    int       wanted;   /* it is to get rounds */
    int       active;   /* and needs more */
    size_t    rounds;
    double    a[CB_PAIRED_MAX_ROUNDS], b[CB_PAIRED_MAX_ROUNDS];
    cb_change change;   /* at its last look */
    double    seconds;  /* the wall time of its last round, both sides */
    double    warm_up_s, measurement_s;
    size_t    samples;
} series;

typedef struct bench {
    const char *name;
    int         in_a, in_b;
    int         failed;    /* a round failed: b_results' last says why */
    series      s[NMEASURES];
    cb_result  *b_results; /* the head's result of each round of the first measure,
                            * or of the failed one */
    size_t      nresults;
} bench;

typedef struct gate {
    const cb_config *cfg;
    cb_measure       measures[NMEASURES];
    size_t           nmeasures;
    cb_sequential    seq[NMEASURES];
    side             a[NMEASURES], b[NMEASURES];
    bench           *benches;
    size_t           n;
    uint64_t         start_ns;
    double           exact_cost;  /* measured EXACT_COST_PRIOR: sum of ratios, and how many */
    size_t           exact_costs;
} gate;

/* ---- the servers ---------------------------------------------------------- */

/* The next line from s into s->line, within bound_s seconds: its hello
 * (about NULL) or its answer about the benchmark named about. A server that
 * sleeps or floods its output is given up on, never waited for. */
static int read_line(side *s, double bound_s, const char *about, cb_error *err)
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
                            s->timeout_s, CB_GATE_ANSWER_SLACK_S);
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

/* Starts `program serve` with the side's measure and the run's timeout and
 * filters, and reads what it has. */
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
    s->started = 1;
    argv[n++] = s->program;
    argv[n++] = "serve";
    argv[n++] = "--measure";
    argv[n++] = cb_measure_name(s->measure);
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
    if (read_line(s, s->timeout_s < CB_GATE_HELLO_S ? s->timeout_s : CB_GATE_HELLO_S, NULL,
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

    if (!s->started) {
        return;
    }
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

/* Both sides of measure m, started the first time they are needed: a gate
 * that never counts instructions never starts valgrind. */
static int sides_of(gate *g, size_t m, cb_error *err)
{
    if (g->a[m].started) {
        return 0;
    }
    if (start_side(&g->a[m], g, err) != 0 || start_side(&g->b[m], g, err) != 0) {
        return -1;
    }
    if (strcmp(g->a[m].unit, g->b[m].unit) != 0) {
        return cb_error_set(err, "gate: %s measures %s, %s measures %s", g->a[m].program,
                            g->a[m].unit, g->b[m].program, g->b[m].unit);
    }
    return 0;
}

/* One benchmark measured by one side, into r. */
static int measure_on(side *s, const bench *b, const series *se, cb_result *r, cb_error *err)
{
    cb_json_reader rd = { s->program, NULL, 0, err };
    json_error_t   jerr;
    json_t        *obj;
    int            rc;

    if (dprintf(s->to, "measure %.17g %.17g %zu %s\n", se->warm_up_s, se->measurement_s,
                se->samples, b->name) < 0) {
        return cb_error_set(err, "%s stopped answering (see its messages above)", s->program);
    }
    if (read_line(s, s->timeout_s + CB_GATE_ANSWER_SLACK_S, b->name, err) != 0) {
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
    const side *a = &g->a[0], *b = &g->b[0];
    size_t      na = json_array_size(a->names), nb = json_array_size(b->names), i, m;

    g->benches = calloc(na + nb + 1, sizeof *g->benches);
    if (g->benches == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (i = 0; i < nb + na; i++) {
        const char *name = json_string_value(json_array_get(i < nb ? b->names : a->names,
                                                            i < nb ? i : i - nb));
        bench      *k = &g->benches[g->n];

        if (i >= nb && has(b, name)) {
            continue;
        }
        k->name = name;
        k->in_a = has(a, name);
        k->in_b = has(b, name);
        for (m = 0; m < g->nmeasures; m++) {
            series *se = &k->s[m];

            se->warm_up_s = g->cfg->warm_up_s_set ? g->cfg->warm_up_s : CB_GATE_WARM_UP_S;
            se->measurement_s =
                g->cfg->measurement_s_set ? g->cfg->measurement_s : CB_GATE_MEASUREMENT_S;
            se->samples = g->cfg->sample_size_set ? g->cfg->sample_size : CB_GATE_SAMPLE_SIZE;
        }
        /* the first measure's rounds are every compared benchmark's */
        k->s[0].wanted = k->s[0].active = k->in_a && k->in_b;
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
                      "head has ", g->a[0].program, g->b[0].program,
                  g->cfg->nfilters > 0 ? " among those the filters select" : "");
    list_names(&t, &g->b[0]);
    cb_buf_puts(&t, "; the base has ");
    list_names(&t, &g->a[0]);
    rc = cb_error_set(err, "%s", t.oom ? "gate: the two programs have no benchmark in common"
                                       : t.data);
    cb_buf_free(&t);
    return rc;
}

/* After its first round: a benchmark whose call is slower than the gate's
 * budget for a sample gets the fewest calls whose median holds. */
static void fit_profile(const gate *g, series *se, const cb_result *r)
{
    if (g->cfg->sample_size_set || g->cfg->measurement_s_set ||
        !(r->plan.met_ns > CB_GATE_SLOW_CALL_S * 1e9)) {
        return;
    }
    se->samples = CB_GATE_SLOW_SAMPLE_SIZE;
    se->measurement_s = 0.0; /* one call a sample */
    se->warm_up_s = 1e-9;    /* the warm-up still makes its one call */
}

static void end_series(series *se, cb_stop why)
{
    se->active = 0;
    se->change.stop = why;
}

/* Keeps the head's result (b owns it then). */
static int keep_result(bench *b, cb_result *rb, cb_error *err)
{
    cb_result *grown = realloc(b->b_results, (b->nresults + 1) * sizeof *grown);

    if (grown == NULL) {
        cb_result_free(rb);
        return cb_error_set(err, "out of memory keeping the rounds");
    }
    b->b_results = grown;
    b->b_results[b->nresults++] = *rb;
    return 0;
}

/* Keeps a round of measure m: both medians, and the head's result when it is
 * the first measure's or a failure; then looks at the series. A failed side
 * ends the benchmark, and fails it: the head's failure is its own; the base
 * failing leaves nothing to compare with, which is said in the head's result
 * rather than passed over as a benchmark new in the head. */
static int take_round(gate *g, bench *b, size_t m, cb_result *ra, cb_result *rb, cb_error *err)
{
    series *se = &b->s[m];
    size_t  j;
    int     failed = ra->failed || rb->failed;
    cb_look m_look;

    if (ra->failed && !rb->failed) {
        char reason[CB_ERROR_MAX];

        snprintf(reason, sizeof reason, "the base (%s) failed on it: %s", g->a[m].program,
                 ra->failure != NULL ? ra->failure : "no reason given");
        cb_samples_free(&rb->samples);
        cb_result_fail(rb, reason);
    }
    if (failed) {
        b->failed = 1;
        for (j = 0; j < g->nmeasures; j++) {
            end_series(&b->s[j], CB_STOP_SETTLED);
        }
    } else {
        se->a[se->rounds] = ra->analysis.median.point;
        se->b[se->rounds] = rb->analysis.median.point;
        /* an exact measure keeps its plan: a count changes with it */
        if (se->rounds == 0 && !cb_measure_exact(g->measures[m])) {
            fit_profile(g, se, rb);
        }
        se->rounds++;
    }
    cb_result_free(ra);
    if (m == 0 || failed) {
        if (keep_result(b, rb, err) != 0) {
            return -1;
        }
    } else {
        cb_result_free(rb);
    }
    if (failed) {
        return 0;
    }
    m_look = cb_sequential_look(&g->seq[m], se->a, se->b, se->rounds, &se->change);
    /* over two measures, each comparison says what it counts */
    se->change.unit = g->nmeasures > 1 ? cb_measure_unit(g->measures[m]) : NULL;
    switch (m_look) {
    case CB_LOOK_MORE:
        break;
    case CB_LOOK_SETTLED:
        end_series(se, se->rounds >= g->seq[m].max_rounds &&
                               se->change.verdict == CB_VERDICT_UNRESOLVED
                           ? CB_STOP_MAX_ROUNDS
                           : CB_STOP_SETTLED);
        break;
    default:
        se->change.need = cb_sequential_rounds_needed(&g->seq[m], &se->change, se->rounds);
        end_series(se, CB_STOP_FUTILE);
        break;
    }
    return 0;
}

/* Round r of one benchmark on measure m: both sides, who goes first
 * alternating along the list and across rounds, so that a drift hits A first
 * as often as B. */
static int round_of(gate *g, bench *b, size_t m, size_t k, cb_error *err)
{
    series   *se = &b->s[m];
    cb_result ra, rb;
    uint64_t  t0 = cb_clock_monotonic_ns();
    int       a_first = (se->rounds + k) % 2 == 0;
    side     *first = a_first ? &g->a[m] : &g->b[m], *second = a_first ? &g->b[m] : &g->a[m];

    if (sides_of(g, m, err) != 0 ||
        measure_on(first, b, se, a_first ? &ra : &rb, err) != 0) {
        return -1;
    }
    if (measure_on(second, b, se, a_first ? &rb : &ra, err) != 0) {
        cb_result_free(a_first ? &ra : &rb);
        return -1;
    }
    se->seconds = (double) (cb_clock_monotonic_ns() - t0) / 1e9;
    if (m > 0 && se->rounds == 0 && b->s[0].seconds > 0.0) {
        g->exact_cost += se->seconds / b->s[0].seconds;
        g->exact_costs++;
    }
    return take_round(g, b, m, &ra, &rb, err);
}

static double time_left(const gate *g)
{
    return g->cfg->time_budget_s - (double) (cb_clock_monotonic_ns() - g->start_ns) / 1e9;
}

/* What the next round of a series will take: its last, or before its first
 * round on an exact measure, its wall-time round's scaled by what counting
 * has cost so far. */
static double next_round_s(const gate *g, const bench *b, size_t m)
{
    const series *se = &b->s[m];

    if (se->rounds > 0 || m == 0) {
        return se->seconds;
    }
    return b->s[0].seconds *
           (g->exact_costs > 0 ? g->exact_cost / (double) g->exact_costs : EXACT_COST_PRIOR);
}

/* Whether a series may have its next round: the budget has room for it, and
 * for the rounds it would need to settle. Stops it when not. */
static int room_for(gate *g, bench *b, size_t m)
{
    series *se = &b->s[m];
    size_t  need;

    switch (cb_sequential_room(&g->seq[m], &se->change, se->rounds, next_round_s(g, b, m),
                               time_left(g), &need)) {
    case CB_LOOK_BUDGET:
        end_series(se, CB_STOP_BUDGET);
        return 0;
    case CB_LOOK_FUTILE:
        se->change.need = need;
        end_series(se, CB_STOP_FUTILE);
        return 0;
    default:
        return 1;
    }
}

static void progress(const gate *g, size_t m, size_t r, size_t active)
{
    const char *what = g->nmeasures > 1 ? cb_measure_name(g->measures[m]) : NULL;

    if (cb_progress_live(stderr)) {
        cb_progress_line(stderr, "gate: round %zu%s%s, %zu benchmarks not yet settled", r + 1,
                         what != NULL ? " of " : "", what != NULL ? what : "", active);
    } else {
        fprintf(stderr, "gate: round %zu%s%s, %zu benchmarks not yet settled\n", r + 1,
                what != NULL ? " of " : "", what != NULL ? what : "", active);
    }
}

/* Rounds of measure m for every benchmark whose series is active, until each
 * has `upto` rounds, is settled, or the budget has no room for it. */
static int rounds_of(gate *g, size_t m, size_t upto, cb_error *err)
{
    size_t r, k, active = 1;

    for (r = 0; active > 0; r++) {
        for (k = 0, active = 0; k < g->n; k++) {
            bench  *b = &g->benches[k];
            series *se = &b->s[m];

            if (!se->active || se->rounds >= upto || !room_for(g, b, m)) {
                continue;
            }
            if (round_of(g, b, m, k, err) != 0) {
                return -1;
            }
            active += se->active && se->rounds < upto;
        }
        progress(g, m, r, active);
    }
    if (cb_progress_live(stderr)) {
        cb_progress_clear(stderr);
    }
    return 0;
}

/* Whether an exact measure's series has decided its benchmark. */
static int decided(const series *se)
{
    return se->rounds >= 2 && !se->active && se->change.stop == CB_STOP_SETTLED &&
           se->change.verdict != CB_VERDICT_UNRESOLVED;
}

/* Marks the exact series of the benchmarks that want counting: those whose
 * first measure is not settled (unsettled set), or all the others. */
static void want_counts(gate *g, int unsettled)
{
    size_t k;

    for (k = 0; k < g->n; k++) {
        bench *b = &g->benches[k];

        if (b->failed || !b->s[0].wanted || b->s[1].wanted) {
            continue;
        }
        if (unsettled == (b->s[0].active || b->s[0].change.verdict == CB_VERDICT_UNRESOLVED)) {
            b->s[1].wanted = b->s[1].active = 1;
        }
    }
}

static int run_rounds(gate *g, cb_error *err)
{
    size_t k;

    if (g->nmeasures == 1) {
        return rounds_of(g, 0, g->seq[0].max_rounds, err);
    }
    if (rounds_of(g, 0, g->seq[0].min_rounds, err) != 0) {
        return -1;
    }
    want_counts(g, 1);
    if (rounds_of(g, 1, g->seq[1].max_rounds, err) != 0) {
        return -1;
    }
    /* wall-time rounds where the counts decided nothing */
    for (k = 0; k < g->n; k++) {
        if (g->benches[k].s[0].active && decided(&g->benches[k].s[1])) {
            end_series(&g->benches[k].s[0], CB_STOP_OTHER);
        }
    }
    if (rounds_of(g, 0, g->seq[0].max_rounds, err) != 0) {
        return -1;
    }
    want_counts(g, 0);
    return rounds_of(g, 1, g->seq[1].max_rounds, err);
}

/* ---- the outcome ---------------------------------------------------------- */

/* The head's round whose median is the median of the head's medians. */
static const cb_result *median_round(const bench *b)
{
    const series *se = &b->s[0];
    size_t        k, j, pick = 0;

    for (k = 0; k < se->rounds && k < b->nresults; k++) {
        size_t below = 0;

        for (j = 0; j < se->rounds; j++) {
            below += se->b[j] < se->b[k];
        }
        if (below == (se->rounds - 1) / 2) {
            pick = k;
        }
    }
    return &b->b_results[pick];
}

static int rejects(cb_verdict v)
{
    return v == CB_VERDICT_REGRESSED || v == CB_VERDICT_IMPROVED;
}

/*
 * One verdict from a benchmark's comparisons: a change established by either
 * measure decides (wall time first), then a comparison that settled without
 * one (wall time first), else it is unresolved. Where both settled, one
 * established a change the other did not, and the exact change lies outside
 * the time's interval, the measures disagree: time decides, and the row says
 * so. A time per counted instruction that says
 * memory bound is said too. into->change gets the deciding comparison,
 * into->also the other.
 */
static void decide(const gate *g, const bench *b, cb_result *into)
{
    const cb_change *w = &b->s[0].change, *x = &b->s[1].change, *pick;
    int              has_w = b->s[0].rounds >= 2, has_x = g->nmeasures > 1 && b->s[1].rounds >= 2;
    int              w_ok = has_w && w->verdict != CB_VERDICT_UNRESOLVED;
    int              x_ok = has_x && x->verdict != CB_VERDICT_UNRESOLVED;
    unsigned         flags = 0;

    /* a disagreement is one of verdicts, not of a change's size: both regressed
     * by about 30% agree, whatever the decimals */
    if (w_ok && x_ok && w->verdict != x->verdict &&
        (rejects(w->verdict) || rejects(x->verdict)) &&
        (x->estimate.point < w->estimate.lower || x->estimate.point > w->estimate.upper)) {
        flags |= CB_CHANGE_DISAGREE;
        pick = w;
    } else if (w_ok && rejects(w->verdict)) {
        pick = w;
    } else if (x_ok && rejects(x->verdict)) {
        pick = x;
    } else if (w_ok || !x_ok) {
        pick = has_w ? w : x;
    } else {
        pick = x;
    }
    if (has_w && has_x && x->old_typical > 0.0 &&
        w->old_typical / x->old_typical > MEMORY_BOUND_NS_PER_INSTRUCTION) {
        flags |= CB_CHANGE_MEMORY_BOUND;
    }
    into->change = *pick;
    into->change.flags |= flags;
    into->nalso = 0;
    if (pick == w && has_x) {
        into->also[into->nalso++] = *x;
    } else if (pick == x && has_w) {
        into->also[into->nalso++] = *w;
    }
}

/* The run reporters are handed: per benchmark the head's median round with
 * its paired change; results[i] borrow from the benches. The time shown is
 * New, the base's typical time times the change, and its interval the
 * change's: what the change is of. */
static int make_view(const gate *g, cb_run *view, const char ***missing, size_t *nmissing,
                     cb_error *err)
{
    size_t k;

    memset(view, 0, sizeof *view);
    view->measure = g->measures[0];
    view->unit = g->b[0].unit;
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
        cb_result   *r = &view->results[view->n];

        if (!b->in_b) {
            (*missing)[(*nmissing)++] = b->name;
            continue;
        }
        if (b->nresults == 0) {
            continue;
        }
        /* a failed round, or one the base could not measure, is the last */
        *r = b->failed || !b->in_a ? b->b_results[b->nresults - 1] : *median_round(b);
        r->has_change = b->in_a && !b->failed && (b->s[0].rounds >= 2 || b->s[1].rounds >= 2);
        if (r->has_change) {
            const cb_change *w = &b->s[0].change;

            decide(g, b, r);
            /* the headline is the median over rounds, whichever measure */
            r->analysis.median_is_typical = r->change.rounds > 0;
            if (b->s[0].rounds >= 2) {
                r->analysis.median = (cb_estimate){ w->new_typical,
                                                    w->old_typical * (1.0 + w->estimate.lower),
                                                    w->old_typical * (1.0 + w->estimate.upper),
                                                    0.0 };
                cb_analysis_throughput(r, g->b[0].unit);
            }
        }
        view->n++;
    }
    return 0;
}

/* The rounds of measure m of every compared benchmark; r->benches borrow
 * from the gate. */
static int rounds_of_measure(const gate *g, size_t m, cb_rounds *r, cb_error *err)
{
    size_t k;

    *r = (cb_rounds){ g->measures[m], calloc(g->n + 1, sizeof(cb_rounds_bench)), 0 };
    if (r->benches == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (k = 0; k < g->n; k++) {
        const bench  *b = &g->benches[k];
        const series *se = &b->s[m];

        if (b->in_a && b->in_b && !b->failed && se->rounds >= 2) {
            r->benches[r->nbenches++] = (cb_rounds_bench){ (char *) b->name, se->rounds,
                                                           (double *) se->a, (double *) se->b,
                                                           se->seconds };
        }
    }
    return 0;
}

/* gate-rounds.json (the first measure's rounds, for calibrate --replay) and
 * the gate's HTML page. */
static int save_rounds(const gate *g, const cb_run *view, const cb_report_options *opt,
                       cb_error *err)
{
    cb_rounds    r[NMEASURES];
    cb_html_gate page = { view, { opt->noise_threshold, opt->resolution, opt->significance,
                                  opt->comparisons, 1 },
                          opt->baseline_name, opt->head_name, r, 0 };
    char         path[4096];
    int          rc = 0;

    for (page.nrounds = 0; page.nrounds < g->nmeasures; page.nrounds++) {
        if (rounds_of_measure(g, page.nrounds, &r[page.nrounds], err) != 0) {
            rc = -1;
            break;
        }
    }
    snprintf(path, sizeof path, "%s/gate-rounds.json", g->cfg->reports_dir);
    if (rc == 0) {
        rc = cb_rounds_save(path, &r[0], err);
    }
    if (rc == 0 && g->cfg->html) {
        rc = cb_html_gate_page(opt->html_dir, &page, err);
    }
    while (page.nrounds > 0) {
        free(r[--page.nrounds].benches);
    }
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

/* The terminal's last line: the counts, what the exit status means, and
 * where the reports are. */
static void print_outcome(FILE *out, const cb_run *view, const cb_command_files *files,
                          int status)
{
    cb_tally    c = cb_run_tally(view);
    const char *means = status == CB_EXIT_FAILED       ? "a benchmark regressed or failed"
                        : status == CB_EXIT_UNRESOLVED ? "nothing regressed, some unresolved"
                                                       : "nothing regressed, all resolved";

    fprintf(out, "\ngate: %zu regressed, %zu improved, %zu unresolved, %zu no change%s of %zu compared",
           c.regressed, c.improved, c.unresolved,
           c.compared - c.regressed - c.improved - c.unresolved,
           " (within noise included)", c.compared);
    if (c.failed > 0) {
        fprintf(out, ", %zu failed", c.failed);
    }
    fprintf(out, "; exit %d: %s; %s, %s/gate.html\n", status, means, files->gate_path,
            files->html_dir);
    fflush(out);
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
    cb_command_describe_compare(&opt, &g->seq[0].compare);
    opt.baseline_name = g->cfg->base_label != NULL ? g->cfg->base_label : g->a[0].program;
    opt.head_name = g->cfg->head_label != NULL ? g->cfg->head_label : g->b[0].program;
    /* ci/bench-ab says so: its users set AB_TIME_BUDGET, not --time-budget */
    opt.via_ab = getenv("CRYPTBENCH_AB") != NULL;
    opt.missing = missing;
    opt.nmissing = nmissing;
    opt.differences = "";
    opt.gate_html = g->cfg->html ? "html/gate.html" : NULL;
    if (cb_command_open_reporters(&gated, &opt, reps, &nreps, err) != 0) {
        goto done;
    }
    cb_runner_replay(reps, nreps, &view);
    if (cb_command_close_reporters(reps, nreps, &opt, err) == 0 &&
        save_rounds(g, &view, &opt, err) == 0) {
        status = cb_command_status(&gated, &view);
        print_outcome(g->cfg->format == CB_FORMAT_HUMAN ? stdout : stderr, &view, &files,
                      status);
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
        for (j = 0; j < g->benches[k].nresults; j++) {
            cb_result_free(&g->benches[k].b_results[j]);
        }
        free(g->benches[k].b_results);
    }
    free(g->benches);
}

/* The gate's own rule for measure m, its defaults where the command line
 * said nothing. Over two measures, one noise threshold for both (a change of
 * that size counts, whichever measure sees it), and the level family-wise
 * over every comparison. */
static cb_sequential gate_rule(const cb_config *cfg, cb_measure measure, size_t nmeasures,
                               size_t comparisons)
{
    cb_config     c = *cfg;
    cb_sequential seq;
    int           exact = cb_measure_exact(measure);

    /* an exact measure alone keeps its exact threshold */
    if (!c.noise_threshold_set && (!exact || nmeasures > 1)) {
        c.noise_threshold = CB_GATE_NOISE_THRESHOLD;
        c.noise_threshold_set = 1;
    }
    if (!c.significance_set) {
        c.significance = CB_GATE_SIGNIFICANCE;
    }
    seq.compare = cb_command_compare_config(&c, measure, comparisons * nmeasures);
    seq.min_rounds = cfg->min_rounds;
    seq.exact_rounds = cfg->min_rounds_set ? cfg->min_rounds : CB_GATE_EXACT_ROUNDS;
    seq.max_rounds = cfg->max_rounds;
    return seq;
}

/* What the gate refuses before it starts a program: --check-options does
 * these and nothing else, so that cryptbench-ab can refuse them before it
 * builds the programs. */
static int check_request(const cb_config *cfg, cb_error *err)
{
    cb_filter f;

    if (cfg->min_rounds > cfg->max_rounds) {
        return cb_error_set(err, "gate: --min-rounds %zu is above --max-rounds %zu",
                            cfg->min_rounds, cfg->max_rounds);
    }
    /* each side's serve compiles them too, but only once it is built and started */
    if (cb_filter_init(&f, cfg->filters, cfg->nfilters, cfg->exact, err) != 0) {
        return -1;
    }
    cb_filter_free(&f);
    return 0;
}

int cb_command_gate(const cb_config *cfg, cb_error *err)
{
    gate   g = { .cfg = cfg };
    size_t m;
    int    status = CB_EXIT_USAGE;

    g.measures[g.nmeasures++] = cfg->measure;
    if (cfg->measure_also) {
        g.measures[g.nmeasures++] = CB_MEASURE_INSTRUCTIONS;
    }
    for (m = 0; m < NMEASURES; m++) {
        double timeout_s = cb_command_timeout_s(cfg, g.measures[m] == CB_MEASURE_INSTRUCTIONS);

        g.a[m] = (side){ .program = cfg->args[0], .measure = g.measures[m],
                         .timeout_s = timeout_s, .to = -1, .from.fd = -1 };
        g.b[m] = (side){ .program = cfg->args[1], .measure = g.measures[m],
                         .timeout_s = timeout_s, .to = -1, .from.fd = -1 };
    }
    if (check_request(cfg, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (cfg->check_options) {
        return CB_EXIT_OK;
    }
    /* a server gone away must be an error here, not a signal */
    signal(SIGPIPE, SIG_IGN);
    /* interrupted, the gate stops its servers, which clean up after their
     * benchmarks, before it dies of the signal */
    cb_interrupt_arm();
    g.start_ns = cb_clock_monotonic_ns();
    if (sides_of(&g, 0, err) != 0 || list_benches(&g, err) != 0) {
        goto done;
    }
    if (compared(&g) == 0) {
        refuse_nothing_in_common(&g, err);
        goto done;
    }
    for (m = 0; m < g.nmeasures; m++) {
        g.seq[m] = gate_rule(cfg, g.measures[m], g.nmeasures, compared(&g));
    }
    if (run_rounds(&g, err) == 0) {
        status = report(&g, err);
    }
done:
    for (m = 0; m < NMEASURES; m++) {
        stop_side(&g.a[m], status == CB_EXIT_USAGE);
        stop_side(&g.b[m], status == CB_EXIT_USAGE);
    }
    free_gate(&g);
    cb_interrupt_disarm();
    return status;
}
