#include <math.h>
#include <string.h>

#include "report/check_lines.h"
#include "report/format.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RESET "\033[0m"

static const char *status_color(cb_check_status s)
{
    switch (s) {
    case CB_CHECK_LEAKS:
    case CB_CHECK_FAILED:
        return RED;
    case CB_CHECK_PASSED:
        return GREEN;
    case CB_CHECK_INCONCLUSIVE:
        return YELLOW;
    default:
        return "";
    }
}

static void verdict_line(FILE *out, int indent, int color, const char *label,
                         cb_check_status status, const char *verdict)
{
    const char *c = color ? status_color(status) : "";

    fprintf(out, "%*s%-15s%s%s%s", indent, "", label, c, verdict, c[0] != '\0' ? RESET : "");
}

/* " (class 1 only; allowed: NAME)": when memcheck first saw it and what the
 * gate made of it. Class 0's inputs run first: a finding first seen with
 * class 1 was not reached by any input of class 0. */
static void finding_notes(FILE *out, const cb_finding *f)
{
    const char *sep = " (";

    if (f->phase == CB_PHASE_CLASS1 || f->phase == CB_PHASE_SETUP ||
        f->phase == CB_PHASE_TEARDOWN) {
        fprintf(out, "%s%s%s", sep, f->phase == CB_PHASE_CLASS1 ? "class 1 only" : "in ",
                f->phase == CB_PHASE_CLASS1 ? "" : cb_check_phase_label(f->phase));
        sep = "; ";
    }
    if (f->paths > 1) {
        fprintf(out, "%s%zu paths", sep, f->paths);
        sep = "; ";
    }
    if (f->allowed_by != NULL) {
        fprintf(out, "%sallowed: %s", sep, f->allowed_by);
        sep = "; ";
    } else if (f->is_new) {
        fprintf(out, "%snew", sep);
        sep = "; ";
    }
    fputs(sep[0] == ';' ? ")" : "", out);
}

void cb_check_lines(FILE *out, const cb_result *r, int indent, int color)
{
    const cb_check_exact *e = &r->checks.exact;
    const cb_check_leak  *l = &r->checks.leak;
    char                  verdict[1024], trace[1024], where[600];
    size_t                i;

    if (e->status != CB_CHECK_NOT_RUN) {
        cb_check_exact_verdict(e, verdict, sizeof verdict);
        verdict_line(out, indent, color, "constant-time:", e->status, verdict);
        if (e->status == CB_CHECK_LEAKS || e->status == CB_CHECK_PASSED) {
            fprintf(out, " (memcheck, %llu secret bytes, ", (unsigned long long) e->secret_bytes);
            if (e->inputs > 0) {
                fprintf(out, "%zu input%s of each class)", e->inputs, e->inputs == 1 ? "" : "s");
            } else {
                fputs("one call)", out);
            }
        }
        fputc('\n', out);
        for (i = 0; i < e->nfindings; i++) {
            const cb_finding *f = &e->findings[i];

            cb_frame_location(&f->frames[f->site], where, sizeof where);
            cb_finding_backtrace(f, trace, sizeof trace);
            fprintf(out, "%*s  %s at %s in %s", indent, "", cb_finding_kind_name(f->kind), where,
                    trace);
            finding_notes(out, f);
            fputc('\n', out);
        }
        for (i = 0; i < e->ndivisions; i++) {
            const cb_division *d = &e->divisions[i];

            cb_division_location(d, where, sizeof where);
            fprintf(out, "%*s  division: %s at %s in %s, ran %llu time%s: its time may depend "
                         "on its operands\n",
                    indent, "", d->instruction, where, d->where.function,
                    (unsigned long long) d->executed, d->executed == 1 ? "" : "s");
        }
        if (e->divisions_listed && e->ndivisions == 0) {
            fprintf(out, "%*s  no division ran (callgrind)\n", indent, "");
        }
        if (e->other_errors > 0) {
            fprintf(out, "%*s  and %zu memcheck error%s no secret caused: run the benchmark "
                         "under valgrind to see %s\n",
                    indent, "", e->other_errors, e->other_errors == 1 ? "" : "s",
                    e->other_errors == 1 ? "it" : "them");
        }
    }
    if (l->status != CB_CHECK_NOT_RUN) {
        cb_check_leak_verdict(l, verdict, sizeof verdict);
        verdict_line(out, indent, color, "timing-leak:", l->status, verdict);
        fputc('\n', out);
        cb_check_leak_figures(l, verdict, sizeof verdict);
        if (verdict[0] != '\0') {
            fprintf(out, "%*s%-15s%s\n", indent, "", "", verdict);
        }
    }
}

void cb_check_leak_figures(const cb_check_leak *l, char *buf, size_t size)
{
    char   needed[32];
    size_t n;

    buf[0] = '\0';
    if (l->status != CB_CHECK_PASSED && l->status != CB_CHECK_LEAKS) {
        return;
    }
    if (l->tau > 0.0 && isfinite(l->needed)) {
        cb_format_count(needed, sizeof needed, ceil(l->needed));
        n = (size_t) snprintf(buf, size, "tau = %.2g: a leak that size needs about %s "
                                         "measurement%s for |t| = %g",
                              l->tau, needed, ceil(l->needed) > 1.0 ? "s" : "", l->threshold);
    } else {
        n = (size_t) snprintf(buf, size, "tau = 0: the classes' timings did not differ");
    }
    if (n < size && !isnan(l->median[0]) && !isnan(l->median[1])) {
        n += (size_t) snprintf(buf + n, size - n, "; medians %.4g and %.4g cycles a call",
                               l->median[0], l->median[1]);
    }
    if (n < size && l->calls > 1) {
        snprintf(buf + n, size - n, " (%llu calls a measurement)",
                 (unsigned long long) l->calls);
    }
}

/* Tally of one check over the run. */
typedef struct tally {
    size_t counts[CB_CHECK_FAILED + 1];
    size_t checked;
} tally;

static void print_tally(FILE *out, const char *what, const tally *t, const char *clean,
                        const char *skipped)
{
    fprintf(out, "%s: %zu flagged, %zu %s, %zu skipped (%s)", what, t->counts[CB_CHECK_LEAKS],
            t->counts[CB_CHECK_PASSED], clean, t->counts[CB_CHECK_SKIPPED], skipped);
    if (t->counts[CB_CHECK_INCONCLUSIVE] > 0) {
        fprintf(out, ", %zu inconclusive", t->counts[CB_CHECK_INCONCLUSIVE]);
    }
    if (t->counts[CB_CHECK_FAILED] > 0) {
        fprintf(out, ", %zu could not be checked", t->counts[CB_CHECK_FAILED]);
    }
    fputc('\n', out);
}

/* What the constant-time gate makes of the run's findings. */
static void print_gate(FILE *out, const cb_run *run, const cb_report_options *opt)
{
    size_t i, sites = 0, nnew = 0, allowed = 0, unaccepted = 0;

    for (i = 0; i < run->n; i++) {
        const cb_check_exact *e = &run->results[i].checks.exact;

        sites += e->status == CB_CHECK_LEAKS ? e->nfindings : 0;
        nnew += e->nnew;
        allowed += e->nallowed;
        unaccepted += e->status == CB_CHECK_LEAKS ? e->nunaccepted : 0;
    }
    if (nnew > 0) {
        fprintf(out, "%s%zu secret-dependent site%s the baseline did not have.%s\n",
                opt->color ? RED : "", nnew, nnew == 1 ? "" : "s", opt->color ? RESET : "");
    }
    if (sites == 0 || (!opt->gate_constant_time && opt->allow_findings == NULL)) {
        return;
    }
    fprintf(out, "Constant-time gate: %zu of %zu site%s accepted", sites - unaccepted, sites,
            sites == 1 ? "" : "s");
    if (allowed > 0) {
        fprintf(out, " (%zu by %s)", allowed, opt->allow_findings);
    }
    if (unaccepted == 0) {
        fputs(".\n", out);
        return;
    }
    fprintf(out, "; %s%zu not accepted%s: ", opt->color ? RED : "", unaccepted,
            opt->color ? RESET : "");
    if (opt->allow_findings == NULL && opt->accepted_baseline == NULL) {
        fputs("no allow-list (--allow-findings) and no baseline named with --baseline: the "
              "gate accepts no finding until one is reviewed\n", out);
    } else if (opt->accepted_baseline == NULL) {
        fputs("not allowed by the allow-list\n", out);
    } else {
        fprintf(out, "neither %sin baseline %s\n",
                opt->allow_findings != NULL ? "allowed by the allow-list nor " : "",
                opt->accepted_baseline);
    }
}

void cb_check_lines_summary(FILE *out, const cb_run *run, const cb_report_options *opt)
{
    tally  exact, leak;
    size_t i;

    memset(&exact, 0, sizeof exact);
    memset(&leak, 0, sizeof leak);
    for (i = 0; i < run->n; i++) {
        const cb_checks *c = &run->results[i].checks;

        exact.counts[c->exact.status]++;
        leak.counts[c->leak.status]++;
    }
    exact.checked = run->n - exact.counts[CB_CHECK_NOT_RUN];
    leak.checked = run->n - leak.counts[CB_CHECK_NOT_RUN];
    if (exact.checked == 0 && leak.checked == 0) {
        return;
    }
    fputc('\n', out);
    if (exact.checked > 0) {
        print_tally(out, "Constant-time check (memcheck)", &exact, "without findings",
                    "declare no secrets");
    }
    if (leak.checked > 0) {
        print_tally(out, "Timing-leak check (dudect, |t| > 5)", &leak, "no leak detected",
                    "declare no input classes");
    }
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];
        char             verdict[1024];

        if (r->checks.exact.status == CB_CHECK_LEAKS) {
            cb_check_exact_verdict(&r->checks.exact, verdict, sizeof verdict);
            fprintf(out, "  %s: %s%s%s%s\n", r->name, opt->color ? RED : "", verdict,
                    r->checks.exact.nnew > 0 ? " (new)" : "", opt->color ? RESET : "");
        }
        if (r->checks.leak.status == CB_CHECK_LEAKS) {
            fprintf(out, "  %s: %stiming leak likely (max |t| = %.2f)%s\n", r->name,
                    opt->color ? RED : "", r->checks.leak.max_t, opt->color ? RESET : "");
        }
    }
    fputs("Neither check sees an instruction whose time depends on its operands (a division) "
          "unless the timings tell (docs/constant-time.md).\n", out);
    print_gate(out, run, opt);
}
