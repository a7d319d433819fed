#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "cli/command.h"
#include "cli/filter.h"
#include "measure/isolate.h"
#include "stats/analysis.h"
#include "store/result_json.h"

/*
 * `serve`: the paired gate's measuring end (command_gate.c drives two of
 * them, the base's build and the head's). One process per side for the whole
 * gate, each benchmark still measured in a child of its own: no start-up, no
 * baseline files, no bootstrap and no HTML per measurement, only what the
 * paired comparison reads.
 *
 * The protocol, a line each way:
 *     -> {"protocol": 1, "cryptbench": VERSION, "measure": M, "unit": U,
 *         "benchmarks": [NAME...]}             once, on start
 *     <- measure WARM_UP_S MEASUREMENT_S SAMPLES NAME
 *     -> the result as one JSON object (a baseline's benchmark object)
 * End of input ends it.
 */

/* The line's result: the measurement of inst, analysed for its point
 * estimates only (one resample: the comparison reads medians). *checked says
 * whether its known-answer check has passed in an earlier round: a KDF's check
 * costs as much as its measurement, and the code does not change between
 * rounds. */
static json_t *measure_one(const cb_config *cfg, const cb_instance *inst, cb_clock *clock,
                           double warm_up_s, double measurement_s, size_t samples,
                           unsigned char *checked, cb_error *err)
{
    /* a program executed afresh, not a fork of the server: whatever a
     * process's start settles (its layout, its pages, its libraries' state)
     * is drawn anew each round, as calibrate draws it, not once per side */
    cb_measure_config   mc = { .warm_up_ns = warm_up_s * 1e9,
                               .measurement_ns = measurement_s * 1e9, .sample_size = samples,
                               .fresh_process = 1, .checked = *checked };
    cb_bootstrap_config one = { 1, cfg->confidence, cfg->seed };
    cb_result           r = { 0 };
    json_t             *obj = NULL;
    const char         *unit = cb_clock_unit(clock);

    if (cb_measure_identify(&r, inst) != 0) {
        cb_error_set(err, "out of memory");
    } else if (cb_isolate_run(inst, clock, &mc, NULL, cfg->timeout_s * 1e9, &r, err) == 0) {
        if (!r.failed && cb_analysis_run_unit(&r.samples, r.plan.mode, unit, &one, &r.analysis,
                                              err) != 0) {
            cb_result_fail(&r, err->msg);
        }
        cb_analysis_throughput(&r, unit);
        *checked |= !r.failed;
        obj = cb_result_json_encode(&r, unit, 1);
        if (obj == NULL) {
            cb_error_set(err, "out of memory");
        }
    }
    cb_result_free(&r);
    return obj;
}

static int hello(FILE *out, const cb_clock *clock, const cb_instance_list *list,
                 const unsigned char *selected)
{
    json_t *names = json_array(), *doc;
    size_t  i;
    int     rc;

    for (i = 0; names != NULL && i < list->n; i++) {
        if (selected[i]) {
            json_array_append_new(names, json_string(list->items[i].name));
        }
    }
    doc = json_pack("{s:i, s:s, s:s, s:s, s:o}", "protocol", CB_SERVE_PROTOCOL, "cryptbench",
                    CB_VERSION_STRING, "measure", cb_measure_name(cb_clock_kind(clock)), "unit",
                    cb_clock_unit(clock), "benchmarks", names);
    rc = doc != NULL && json_dumpf(doc, out, JSON_COMPACT) == 0 && fputc('\n', out) != EOF &&
                 fflush(out) == 0
             ? 0
             : -1;
    json_decref(doc);
    return rc;
}

static const cb_instance *find(const cb_instance_list *list, const unsigned char *selected,
                               const char *name)
{
    size_t i;

    for (i = 0; i < list->n; i++) {
        if (selected[i] && strcmp(list->items[i].name, name) == 0) {
            return &list->items[i];
        }
    }
    return NULL;
}

/* Answers requests from in on out until in ends. */
static int answer(const cb_config *cfg, FILE *in, FILE *out, const cb_instance_list *list,
                  const unsigned char *selected, cb_clock *clock, cb_error *err)
{
    char          *line = NULL, name[512];
    unsigned char *checked = calloc(list->n + 1, 1);
    size_t         cap = 0;
    int            rc = checked != NULL ? 0 : cb_error_set(err, "out of memory");

    while (rc == 0 && getline(&line, &cap, in) > 0) {
        const cb_instance *inst;
        double             warm_up_s, measurement_s;
        size_t             samples;
        json_t            *obj;
        int                n = -1;

        if (sscanf(line, "measure %lf %lf %zu %511s%n", &warm_up_s, &measurement_s, &samples,
                   name, &n) != 4 || n < 0 || samples < 2) {
            rc = cb_error_set(err, "serve: unreadable request: %.80s", line);
        } else if ((inst = find(list, selected, name)) == NULL) {
            rc = cb_error_set(err, "serve: no benchmark named %s", name);
        } else if ((obj = measure_one(cfg, inst, clock, warm_up_s, measurement_s, samples,
                                      &checked[inst - list->items], err)) == NULL) {
            rc = -1;
        } else {
            rc = json_dumpf(obj, out, JSON_COMPACT | JSON_REAL_PRECISION(17)) == 0 &&
                         fputc('\n', out) != EOF && fflush(out) == 0
                     ? 0
                     : cb_error_set(err, "serve: the gate stopped listening");
            json_decref(obj);
        }
    }
    free(checked);
    free(line);
    return rc;
}

int cb_command_serve(const cb_config *cfg, cb_error *err)
{
    cb_filter        f;
    cb_config        slowed;
    cb_instance_list list = { NULL, 0 };
    unsigned char   *selected = NULL;
    cb_clock         clock;
    FILE            *out = NULL;
    size_t           n;
    int              fd, status = CB_EXIT_USAGE;

    if (cb_filter_init(&f, cfg->filters, cfg->nfilters, cfg->exact, err) != 0) {
        return CB_EXIT_USAGE;
    }
    /* the protocol keeps stdout to itself; whatever else writes there (a
     * benchmark's printf, in its child) goes to stderr */
    fflush(stdout);
    fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (fd < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0 || (out = fdopen(fd, "w")) == NULL) {
        cb_error_set(err, "serve: cannot set up its output");
        goto done;
    }
    if (cb_filter_select(&f, &list, &selected, &n, err) != 0 ||
        cb_clock_open(&clock, cfg->measure, err) != 0) {
        goto done;
    }
    slowed = *cfg;
    slowed.timeout_s = cb_command_timeout_s(cfg, clock.ops->child_tool != NULL);
    if (hello(out, &clock, &list, selected) == 0 &&
        answer(&slowed, stdin, out, &list, selected, &clock, err) == 0) {
        status = CB_EXIT_OK;
    }
    cb_clock_close(&clock);
done:
    if (out != NULL) {
        fclose(out);
    }
    free(selected);
    cb_instance_list_free(&list);
    cb_filter_free(&f);
    return status;
}
