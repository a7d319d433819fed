#include <stdio.h>
#include <stdlib.h>

#include "report/report.h"
#include "store/result_json.h"

/*
 * github-action-benchmark's "customSmallerIsBetter" input: an array of
 * {name, unit, value, range, extra}, value the typical estimate, range its
 * confidence interval's half-width.
 */
typedef struct github {
    cb_report_options opt;
    json_t           *entries;
} github;

static void add_entry(void *self, const cb_run *run, const cb_result *r)
{
    github            *g = self;
    const cb_estimate *e = cb_result_typical(r);
    char               range[64], extra[128];

    if (r->failed || g->entries == NULL) {
        return;
    }
    snprintf(range, sizeof range, "\u00b1 %.4g", (e->upper - e->lower) / 2.0);
    snprintf(extra, sizeof extra, "%zu samples, %s sampling, %.0f%% CI [%.6g, %.6g]",
             r->samples.n, cb_mode_name(r->plan.mode), run->confidence * 100.0, e->lower,
             e->upper);
    json_array_append_new(g->entries,
                          json_pack("{s:s, s:s, s:o, s:s, s:s}", "name", r->name, "unit",
                                    run->unit, "value", cb_result_json_real(e->point), "range",
                                    range, "extra", extra));
}

static void write_array(void *self, const cb_run *run)
{
    github *g = self;

    (void) run;
    if (g->entries != NULL) {
        json_dumpf(g->entries, g->opt.out, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
        fputc('\n', g->opt.out);
        fflush(g->opt.out);
    }
}

static void close_github(void *self)
{
    github *g = self;

    json_decref(g->entries);
    free(g);
}

int cb_report_github_open(cb_reporter *rep, const cb_report_options *opt)
{
    github *g = calloc(1, sizeof *g);

    if (g == NULL || (g->entries = json_array()) == NULL) {
        free(g);
        return -1;
    }
    g->opt = *opt;
    *rep = (cb_reporter){ .result = add_entry, .end = write_array, .close = close_github,
                          .self = g };
    return 0;
}
