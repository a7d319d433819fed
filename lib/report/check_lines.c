#include <string.h>

#include "report/check_lines.h"

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

void cb_check_lines(FILE *out, const cb_result *r, int indent, int color)
{
    const cb_check_exact *e = &r->checks.exact;
    const cb_check_leak  *l = &r->checks.leak;
    char                  verdict[1024], trace[1024];
    size_t                i;

    if (e->status != CB_CHECK_NOT_RUN) {
        cb_check_exact_verdict(e, verdict, sizeof verdict);
        verdict_line(out, indent, color, "constant-time:", e->status, verdict);
        if (e->status == CB_CHECK_LEAKS || e->status == CB_CHECK_PASSED) {
            fprintf(out, " (memcheck, %llu secret bytes)",
                    (unsigned long long) e->secret_bytes);
        }
        fputc('\n', out);
        for (i = 0; i < e->nfindings; i++) {
            cb_finding_backtrace(&e->findings[i], trace, sizeof trace);
            fprintf(out, "%*s  %s in %s%s\n", indent, "",
                    cb_finding_kind_name(e->findings[i].kind), trace,
                    e->findings[i].is_new ? " (new)" : "");
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
    }
}

/* Tally of one check over the run. */
typedef struct tally {
    size_t counts[CB_CHECK_FAILED + 1];
    size_t checked;
} tally;

static void print_tally(FILE *out, const char *what, const tally *t, const char *skipped)
{
    fprintf(out, "%s: %zu flagged, %zu passed, %zu skipped (%s)", what,
            t->counts[CB_CHECK_LEAKS], t->counts[CB_CHECK_PASSED], t->counts[CB_CHECK_SKIPPED],
            skipped);
    if (t->counts[CB_CHECK_INCONCLUSIVE] > 0) {
        fprintf(out, ", %zu inconclusive", t->counts[CB_CHECK_INCONCLUSIVE]);
    }
    if (t->counts[CB_CHECK_FAILED] > 0) {
        fprintf(out, ", %zu could not be checked", t->counts[CB_CHECK_FAILED]);
    }
    fputc('\n', out);
}

void cb_check_lines_summary(FILE *out, const cb_run *run, int color)
{
    tally  exact, leak;
    size_t i, nnew = 0;

    memset(&exact, 0, sizeof exact);
    memset(&leak, 0, sizeof leak);
    for (i = 0; i < run->n; i++) {
        const cb_checks *c = &run->results[i].checks;

        exact.counts[c->exact.status]++;
        leak.counts[c->leak.status]++;
        nnew += c->exact.nnew;
    }
    exact.checked = run->n - exact.counts[CB_CHECK_NOT_RUN];
    leak.checked = run->n - leak.counts[CB_CHECK_NOT_RUN];
    if (exact.checked == 0 && leak.checked == 0) {
        return;
    }
    fputc('\n', out);
    if (exact.checked > 0) {
        print_tally(out, "Constant-time check (memcheck)", &exact, "declare no secrets");
    }
    if (leak.checked > 0) {
        print_tally(out, "Timing-leak check (dudect, |t| > 5)", &leak, "declare no input classes");
    }
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];
        char             verdict[1024];

        if (r->checks.exact.status == CB_CHECK_LEAKS) {
            cb_check_exact_verdict(&r->checks.exact, verdict, sizeof verdict);
            fprintf(out, "  %s: %s%s%s%s\n", r->name, color ? RED : "", verdict,
                    r->checks.exact.nnew > 0 ? " (new)" : "", color ? RESET : "");
        }
        if (r->checks.leak.status == CB_CHECK_LEAKS) {
            fprintf(out, "  %s: %stiming leak likely (max |t| = %.2f)%s\n", r->name,
                    color ? RED : "", r->checks.leak.max_t, color ? RESET : "");
        }
    }
    if (nnew > 0) {
        fprintf(out, "%s%zu secret-dependent finding%s the baseline did not have.%s\n",
                color ? RED : "", nnew, nnew == 1 ? "" : "s", color ? RESET : "");
    }
}
