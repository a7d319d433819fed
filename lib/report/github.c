#include <stdio.h>
#include <stdlib.h>

#include "core/strbuf.h"
#include "report/format.h"
#include "report/report.h"
#include "store/json_reader.h"

/*
 * github-action-benchmark's "customSmallerIsBetter" input: an array of
 * {name, unit, value, range, extra}. value is the typical estimate; range its
 * confidence interval's half-width, written as the action writes its own
 * ("± 12.3", plain decimals: it shows the string as it is); extra the sample
 * count, the mode, the interval and the benchmark's note, one per line as the
 * action's own extractors do.
 *
 * With --memory, each benchmark's allocations and bytes per iteration and its
 * peak follow it as entries of their own, "NAME (allocations)".
 *
 * The format has no place for a benchmark that failed: those are named on
 * stderr at the end, with their reasons, so that they are not dropped
 * silently (and the run exits 1 for them).
 */
typedef struct github {
    cb_report_options opt;
    json_t           *entries;
} github;

/* --memory's counts, each a series of its own beside the time: the action
 * charts entries by name. Exact counts have no range. */
static void add_memory(github *g, const cb_result *r)
{
    static const struct {
        cb_memory_figure figure;
        const char      *what, *unit;
    } series[] = { { CB_MEMORY_ALLOCATIONS, "allocations", "allocations/iter" },
                   { CB_MEMORY_BYTES, "bytes allocated", "bytes/iter" },
                   { CB_MEMORY_PEAK_BYTES, "peak", "bytes" } };
    char   name[600];
    size_t i;

    for (i = 0; r->memory.status == CB_MEMORY_COUNTED && i < sizeof series / sizeof series[0];
         i++) {
        snprintf(name, sizeof name, "%s (%s)", r->name, series[i].what);
        if (json_array_append_new(
                g->entries, json_pack("{s:s, s:s, s:o, s:s}", "name", name, "unit", series[i].unit,
                                      "value", cb_json_real(r->memory.figures[series[i].figure]),
                                      "extra", "exact count (--memory)")) != 0) {
            fprintf(g->opt.err, "cryptbench: out of memory formatting %s\n", r->name);
        }
    }
}

static void add_entry(void *self, const cb_run *run, const cb_result *r)
{
    github            *g = self;
    const cb_estimate *e = cb_result_typical(r);
    char               half[48], lo[48], hi[48], range[64];
    cb_buf             extra = { NULL, 0, 0, 0 };

    if (r->failed || g->entries == NULL) {
        return;
    }
    cb_format_plain(half, sizeof half, (e->upper - e->lower) / 2.0, 3);
    snprintf(range, sizeof range, "\u00b1 %s", half);
    cb_format_plain(lo, sizeof lo, e->lower, 6);
    cb_format_plain(hi, sizeof hi, e->upper, 6);
    cb_buf_printf(&extra, "%zu samples, %s sampling\n%.0f%% CI [%s, %s]", r->samples.n,
                  cb_mode_name(r->plan.mode), run->confidence * 100.0, lo, hi);
    if (r->note != NULL) {
        cb_buf_printf(&extra, "\nnote: %s", r->note);
    }
    if (extra.oom ||
        json_array_append_new(g->entries,
                              json_pack("{s:s, s:s, s:o, s:s, s:s}", "name", r->name, "unit",
                                        run->unit, "value", cb_json_real(e->point),
                                        "range", range, "extra", extra.data)) != 0) {
        fprintf(g->opt.err, "cryptbench: out of memory formatting %s\n", r->name);
    }
    cb_buf_free(&extra);
    add_memory(g, r);
}

static void write_array(void *self, const cb_run *run)
{
    github *g = self;
    size_t  i;

    if (g->entries != NULL) {
        json_dumpf(g->entries, g->opt.out, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
        fputc('\n', g->opt.out);
        fflush(g->opt.out);
    }
    for (i = 0; i < run->n; i++) {
        if (run->results[i].failed) {
            fprintf(g->opt.err, "cryptbench: %s FAILED, so it is not in the github output: %s\n",
                    run->results[i].name,
                    run->results[i].failure != NULL ? run->results[i].failure : "");
        }
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
