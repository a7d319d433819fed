#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/budget_text.h"
#include "report/check_lines.h"
#include "report/format.h"
#include "report/memory_text.h"
#include "report/quality_text.h"
#include "report/profile_text.h"
#include "report/report.h"
#include "report/summary.h"
#include "report/verdict_text.h"
#include "stats/budget_check.h"

/* Criterion's layout: names padded to 24 columns, values in brackets. */
#define NAME_WIDTH 24

#define BOLD "\033[1m"
#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RESET "\033[0m"

typedef struct terminal {
    cb_report_options opt;
    const char       *unit; /* of the run being printed */
} terminal;

static const char *paint(const terminal *t, const char *code)
{
    return t->opt.color ? code : "";
}

static void print_name(terminal *t, const char *name)
{
    FILE *out = t->opt.out;

    if (strlen(name) >= NAME_WIDTH) {
        fprintf(out, "%s%s%s\n%*s", paint(t, BOLD), name, paint(t, RESET), NAME_WIDTH, "");
    } else {
        fprintf(out, "%s%s%s%*s", paint(t, BOLD), name, paint(t, RESET),
                (int) (NAME_WIDTH - strlen(name)), "");
    }
}

static void print_begin(void *self, const cb_run *run)
{
    terminal *t = self;

    if (run->measure == CB_MEASURE_CYCLES && run->tsc_ghz > 0.0) {
        fprintf(t->opt.out,
                "Reference cycles of the time-stamp counter, which ticks at %.3f GHz whatever "
                "the core's clock.\n\n",
                run->tsc_ghz);
    } else if (run->measure == CB_MEASURE_INSTRUCTIONS && t->opt.live) {
        fprintf(t->opt.out, "Counting the instructions of each measured loop, in user space.\n\n");
    }
}

static void print_interval(FILE *out, const terminal *t, const char *lo, const char *mid,
                           const char *hi)
{
    fprintf(out, "[%s %s%s%s %s]", lo, paint(t, BOLD), mid, paint(t, RESET), hi);
}

static void print_estimate(terminal *t, const cb_run *run, const cb_result *r)
{
    const cb_estimate *e = cb_result_typical(r);
    const cb_estimate *tp = &r->analysis.throughput;
    const char        *label = run->measure == CB_MEASURE_WALL     ? "time:  "
                               : run->measure == CB_MEASURE_CYCLES ? "cycles:"
                                                                   : "instrs:";
    char               lo[48], mid[48], hi[48];

    cb_format_value(lo, sizeof lo, e->lower, run->unit);
    cb_format_value(mid, sizeof mid, e->point, run->unit);
    cb_format_value(hi, sizeof hi, e->upper, run->unit);
    fprintf(t->opt.out, "%s ", label);
    print_interval(t->opt.out, t, lo, mid, hi);
    fputc('\n', t->opt.out);
    if (r->throughput == CB_THROUGHPUT_NONE || r->per_iteration == 0) {
        return;
    }
    if (run->measure == CB_MEASURE_WALL) {
        cb_format_throughput(lo, sizeof lo, tp->lower, r->throughput);
        cb_format_throughput(mid, sizeof mid, tp->point, r->throughput);
        cb_format_throughput(hi, sizeof hi, tp->upper, r->throughput);
        fprintf(t->opt.out, "%*sthrpt:  ", NAME_WIDTH, "");
        print_interval(t->opt.out, t, lo, mid, hi);
        fputc('\n', t->opt.out);
    } else {
        int bytes = r->throughput == CB_THROUGHPUT_BYTES;

        snprintf(lo, sizeof lo, "%.4g", tp->lower);
        snprintf(mid, sizeof mid, "%.4g", tp->point);
        snprintf(hi, sizeof hi, "%.4g", tp->upper);
        fprintf(t->opt.out, "%*s%s:    ", NAME_WIDTH, "",
                run->measure == CB_MEASURE_CYCLES ? (bytes ? "cpb" : "cpe")
                                                  : (bytes ? "ipb" : "ipe"));
        print_interval(t->opt.out, t, lo, mid, hi);
        fprintf(t->opt.out, " %s/%s\n", run->unit, bytes ? "byte" : "element");
    }
}

/* "blocks: 16 per iteration, 1.2G/s", a line per custom counter */
static void print_counters(terminal *t, const cb_result *r)
{
    char   rate[32];
    size_t i;

    for (i = 0; i < r->ncounters; i++) {
        cb_format_count(rate, sizeof rate, r->counters[i].per_second);
        fprintf(t->opt.out, "%*s%s: %.5g per iteration, %s/s\n", NAME_WIDTH, "",
                r->counters[i].name, r->counters[i].per_iteration, rate);
    }
}

/* "calls:  p50 1.2 ms  p90 ...  (1000 single calls)": the percentiles of
 * calls timed one by one */
static void print_calls(terminal *t, const cb_run *run, const cb_result *r)
{
    char   v[48];
    size_t i;

    if (r->calls.n == 0) {
        return;
    }
    fprintf(t->opt.out, "%*scalls:  ", NAME_WIDTH, "");
    for (i = 0; i < CB_NCALL_PERCENTILES - 1; i++) {
        cb_format_value(v, sizeof v, r->calls.percentiles[i], run->unit);
        fprintf(t->opt.out, "p%g %s  ", cb_call_percentile_levels[i], v);
    }
    fprintf(t->opt.out, "(%zu single calls)\n", r->calls.n);
}

/* A count without a unit: "208.30", "104.23 K". */
static void plain_count(char *buf, size_t size, double n)
{
    size_t len;

    cb_format_value(buf, size, n, "");
    len = strlen(buf);
    if (len > 0 && buf[len - 1] == ' ') {
        buf[len - 1] = '\0';
    }
}

/* "ops/s:  [lo est hi] on 2 threads, 98% [95% 101%] of 2 x one thread": a
 * measurement on threads, and a note when there were more than cores. */
static void print_threads(terminal *t, const cb_result *r)
{
    const cb_threads *th = &r->threads;
    char              lo[32], mid[32], hi[32];

    if (th->n == 0) {
        return;
    }
    plain_count(lo, sizeof lo, th->ops.lower);
    plain_count(mid, sizeof mid, th->ops.point);
    plain_count(hi, sizeof hi, th->ops.upper);
    fprintf(t->opt.out, "%*sops/s:  ", NAME_WIDTH, "");
    print_interval(t->opt.out, t, lo, mid, hi);
    fprintf(t->opt.out, " on %zu thread%s", th->n, th->n == 1 ? "" : "s");
    if (th->n > 1 && isfinite(th->efficiency.point)) {
        fprintf(t->opt.out, ", scaling %.0f%% [%.0f%% %.0f%%] of %zu x one thread",
                100.0 * th->efficiency.point, 100.0 * th->efficiency.lower,
                100.0 * th->efficiency.upper, th->n);
    }
    fputc('\n', t->opt.out);
    if ((long) th->n > th->cores) {
        fprintf(t->opt.out, "%*s%snote: %zu threads on %ld core%s: oversubscribed, they take "
                            "turns%s\n", NAME_WIDTH, "", paint(t, YELLOW), th->n, th->cores,
                th->cores == 1 ? "" : "s", paint(t, RESET));
    }
}

/* "budget: p99 at most 1 s: held, 135.24 ms (p99 of 11 single calls), 86% to
 * spare": a line per limit that applies */
static void print_budgets(terminal *t, const cb_result *r)
{
    char   limit[96], measured[48], source[96], margin[48];
    size_t i;

    for (i = 0; i < r->nbudgets; i++) {
        const cb_budget_outcome *o = &r->budgets[i];

        cb_budget_text_limit(limit, sizeof limit, o);
        cb_budget_text_measured(measured, sizeof measured, r, o);
        cb_budget_text_source(source, sizeof source, o);
        cb_budget_text_margin(margin, sizeof margin, o);
        fprintf(t->opt.out, "%*sbudget: %s: %s%s%s, %s (%s), %s\n", NAME_WIDTH, "", limit,
                paint(t, o->held ? GREEN : RED), o->held ? "held" : "BROKEN", paint(t, RESET),
                measured, source, margin);
    }
}

static void print_change(terminal *t, const cb_result *r)
{
    const cb_change   *ch = &r->change;
    const cb_estimate *c = &ch->estimate;
    char               lo[32], mid[32], hi[32], words[512];
    const char        *color = "";

    cb_format_percent(lo, sizeof lo, c->lower);
    cb_format_percent(mid, sizeof mid, c->point);
    cb_format_percent(hi, sizeof hi, c->upper);
    fprintf(t->opt.out, "%*schange: ", NAME_WIDTH - 7, "");
    print_interval(t->opt.out, t, lo, mid, hi);
    if (r->nalso > 0) {
        fprintf(t->opt.out, " %s", cb_verdict_text_measure(ch, t->unit));
    }
    if (ch->p_value < 0.0) {
        fprintf(t->opt.out, " (exact counts)");
    } else {
        char test[64];

        cb_format_p_test(test, sizeof test, ch->p_value, ch->significance);
        fprintf(t->opt.out, " (%s%s)", test, ch->rounds > 0 ? ", paired rounds" : "");
    }
    /* the statistic when it is not the estimate printed above */
    if (ch->mode_differs) {
        fprintf(t->opt.out, " of the mean: the baseline was sampled in the other mode");
    }
    fputc('\n', t->opt.out);
    if (ch->verdict == CB_VERDICT_REGRESSED) {
        color = RED;
    } else if (ch->verdict == CB_VERDICT_IMPROVED) {
        color = GREEN;
    } else if (ch->verdict == CB_VERDICT_UNRESOLVED) {
        color = YELLOW;
    }
    if (r->nalso > 0) {
        /* over two measures: which decided, and what the other saw */
        cb_verdict_text(words, sizeof words, r, t->unit);
        words[0] = (char) (words[0] - 'a' + 'A');
        fprintf(t->opt.out, "%*s%s%s.%s\n", NAME_WIDTH, "", paint(t, color), words,
                paint(t, color[0] != '\0' ? RESET : ""));
        return;
    }
    fprintf(t->opt.out, "%*s%s%s%s", NAME_WIDTH, "", paint(t, color),
            cb_change_sentence(ch), paint(t, color[0] != '\0' ? RESET : ""));
    /* what it could see; a change established needs no resolution beside it */
    if (ch->p_value >= 0.0 && ch->verdict != CB_VERDICT_REGRESSED &&
        ch->verdict != CB_VERDICT_IMPROVED) {
        fprintf(t->opt.out, " Resolved to \u00b1%.3g%%.", 100.0 * ch->resolution);
    }
    if (ch->verdict == CB_VERDICT_UNRESOLVED && ch->stop == CB_STOP_FUTILE) {
        if (ch->need > 0) {
            fprintf(t->opt.out, " Would need about %zu rounds.", ch->need);
        } else {
            fprintf(t->opt.out, " Would need more rounds than a comparison holds.");
        }
    }
    fputc('\n', t->opt.out);
}

static void print_outliers(terminal *t, const cb_result *r)
{
    const cb_outliers *o = &r->analysis.outliers;
    size_t             total = cb_outliers_total(o), n = r->samples.n;
    const struct {
        size_t      count;
        const char *what;
    } rows[] = { { o->low_severe, "low severe" },
                 { o->low_mild, "low mild" },
                 { o->high_mild, "high mild" },
                 { o->high_severe, "high severe" } };
    size_t i;

    /* exact counts vary only by the fixed cost per sample spread over its
     * iterations: Tukey would flag the shortest sample, which means nothing */
    if (total == 0 || strcmp(t->unit, "instructions") == 0) {
        return;
    }
    fprintf(t->opt.out, "%sFound %zu outliers among %zu measurements (%.2f%%)%s\n",
            paint(t, YELLOW), total, n, 100.0 * (double) total / (double) n, paint(t, RESET));
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (rows[i].count > 0) {
            fprintf(t->opt.out, "  %zu (%.2f%%) %s\n", rows[i].count,
                    100.0 * (double) rows[i].count / (double) n, rows[i].what);
        }
    }
}

static void print_overrun(terminal *t, const cb_result *r)
{
    char target[32], need[32];

    if (!cb_plan_overruns(&r->plan)) {
        return;
    }
    cb_format_time(target, sizeof target, r->plan.target_ns);
    cb_format_time(need, sizeof need, r->plan.expected_ns);
    fprintf(t->opt.err,
            "%sWarning:%s Unable to complete %zu samples in %s. You may wish to increase "
            "target time to %s%s.\n",
            paint(t, YELLOW), paint(t, RESET), r->plan.n, target, need,
            r->plan.mode == CB_MODE_LINEAR ? ", or reduce the sample count" : "");
}

/* "flag: poor fit: R² 0.33, ..." for each weak number, what it means for it. */
static void print_flags(terminal *t, const cb_run *run, const cb_result *r)
{
    cb_quality q = cb_quality_assess(r, run->machine.cores, t->opt.noise_threshold);
    char       text[512];
    size_t     i;

    for (i = 0; i < CB_QUALITY_NFLAGS; i++) {
        if (q.flags & cb_quality_order[i]) {
            cb_quality_text(text, sizeof text, &q, cb_quality_order[i], run->unit);
            fprintf(t->opt.out, "%*s%sflag: %s%s\n", NAME_WIDTH, "", paint(t, YELLOW), text,
                    paint(t, RESET));
        }
    }
}

static void print_result(void *self, const cb_run *run, const cb_result *r)
{
    terminal *t = self;

    t->unit = run->unit;
    if (r->failed) {
        print_name(t, r->name);
        fprintf(t->opt.out, "%sFAILED%s: %s\n", paint(t, RED), paint(t, RESET),
                r->failure != NULL ? r->failure : "unknown reason");
        if (r->note != NULL) {
            fprintf(t->opt.out, "%*snote: %s\n", NAME_WIDTH, "", r->note);
        }
        fflush(t->opt.out);
        return;
    }
    fflush(t->opt.out);
    print_overrun(t, r);
    fflush(t->opt.err);
    print_name(t, r->name);
    print_estimate(t, run, r);
    print_threads(t, r);
    cb_memory_lines(t->opt.out, r, NAME_WIDTH, t->opt.color);
    print_counters(t, r);
    print_calls(t, run, r);
    if (r->profile != NULL) {
        cb_profile_text_top(t->opt.out, NAME_WIDTH, r->profile, CB_PROFILE_TOP);
    }
    print_budgets(t, r);
    if (r->plan.mode == CB_MODE_FLAT) {
        /* linear is the rule; say when a routine was too slow for it */
        fprintf(t->opt.out, "%*sflat sampling: %zu samples of %llu iteration%s\n", NAME_WIDTH, "",
                r->samples.n, (unsigned long long) r->plan.d, r->plan.d == 1 ? "" : "s");
    }
    if (r->has_change) {
        print_change(t, r);
        /* where the instructions went, when there were more or fewer */
        if (r->grew != NULL && (r->change.verdict == CB_VERDICT_REGRESSED ||
                                r->change.verdict == CB_VERDICT_IMPROVED)) {
            cb_profile_text_grew(t->opt.out, NAME_WIDTH, r->grew, CB_PROFILE_GREW_TOP);
        }
    }
    print_flags(t, run, r);
    if (r->note != NULL) {
        fprintf(t->opt.out, "%*s%snote: %s%s\n", NAME_WIDTH, "", paint(t, YELLOW), r->note,
                paint(t, RESET));
    }
    cb_check_lines(t->opt.out, r, NAME_WIDTH, t->opt.color);
    print_outliers(t, r);
    fflush(t->opt.out);
}

static void print_group(void *self, const cb_run *run, const char *group, const cb_groups *g)
{
    terminal *t = self;
    char      line[512];
    size_t    i;

    if (g->nratios + g->nsweeps + g->ncosts == 0) {
        return;
    }
    fprintf(t->opt.out, "\n%s%s summary%s\n", paint(t, BOLD), group, paint(t, RESET));
    for (i = 0; i < g->nratios; i++) {
        cb_summary_ratio(line, sizeof line, &g->ratios[i], run->unit);
        fprintf(t->opt.out, "  %s\n", line);
    }
    for (i = 0; i < g->nsweeps; i++) {
        if (cb_summary_sweep_once(line, sizeof line, &g->sweeps[i], run->unit)) {
            fprintf(t->opt.out, "  %s\n", line);
        }
        if (g->sweeps[i].has_memory && g->sweeps[i].fitted) {
            cb_summary_sweep_memory(line, sizeof line, &g->sweeps[i]);
            fprintf(t->opt.out, "  %s\n", line);
        }
    }
    for (i = 0; i < g->ncosts; i++) {
        cb_summary_cost(line, sizeof line, &g->costs[i], run->unit);
        fprintf(t->opt.out, "  %s\n", line);
        if (g->costs[i].has_memory) {
            cb_summary_cost_memory(line, sizeof line, &g->costs[i]);
            fprintf(t->opt.out, "  %s\n", line);
        }
    }
    fputc('\n', t->opt.out);
    fflush(t->opt.out);
}

/* Which budgets held and which broke, over the whole run. */
static void print_budget_summary(terminal *t, const cb_run *run)
{
    char   limit[96], measured[48], source[96];
    size_t i, j, held = 0, broken = 0;

    for (i = 0; i < run->n; i++) {
        broken += cb_budget_broken(&run->results[i]);
        held += run->results[i].nbudgets - cb_budget_broken(&run->results[i]);
    }
    if (held + broken == 0) {
        return;
    }
    fprintf(t->opt.out, "\nBudgets: %zu held, %s%zu broken%s\n", held,
            paint(t, broken > 0 ? RED : ""), broken, paint(t, broken > 0 ? RESET : ""));
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        for (j = 0; j < r->nbudgets; j++) {
            if (!r->budgets[j].held) {
                cb_budget_text_limit(limit, sizeof limit, &r->budgets[j]);
                cb_budget_text_measured(measured, sizeof measured, r, &r->budgets[j]);
                cb_budget_text_source(source, sizeof source, &r->budgets[j]);
                fprintf(t->opt.out, "  %s: %s, measured %s (%s)\n", r->name, limit, measured,
                        source);
            }
        }
    }
}

static void print_end(void *self, const cb_run *run)
{
    terminal *t = self;
    size_t    i, failed = 0;

    for (i = 0; i < run->n; i++) {
        failed += run->results[i].failed != 0;
    }
    for (i = 0; i < t->opt.nmissing; i++) {
        fprintf(t->opt.out, "%s%s", i == 0 ? "\nIn the baseline, not in this run: " : ", ",
                t->opt.missing[i]);
    }
    if (t->opt.nmissing > 0) {
        fputc('\n', t->opt.out);
    }
    cb_check_lines_summary(t->opt.out, run, &t->opt);
    cb_memory_lines_summary(t->opt.out, run, t->opt.color);
    print_budget_summary(t, run);
    if (failed > 0) {
        fprintf(t->opt.out, "\n%s%zu of %zu benchmarks FAILED:%s\n", paint(t, RED), failed,
                run->n, paint(t, RESET));
        for (i = 0; i < run->n; i++) {
            if (run->results[i].failed) {
                fprintf(t->opt.out, "  %s: %s\n", run->results[i].name,
                        run->results[i].failure != NULL ? run->results[i].failure : "");
            }
        }
    }
    fflush(t->opt.out);
}

static void close_terminal(void *self)
{
    free(self);
}

int cb_report_terminal_open(cb_reporter *rep, const cb_report_options *opt)
{
    terminal *t = calloc(1, sizeof *t);

    if (t == NULL) {
        return -1;
    }
    t->opt = *opt;
    *rep = (cb_reporter){ .begin = print_begin,
                          .result = print_result,
                          .group = print_group,
                          .end = print_end,
                          .close = close_terminal,
                          .self = t };
    return 0;
}
