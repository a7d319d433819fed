#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/budget_json.h"

static const char *const sources[] = { "estimate", "calls", "samples", "memory" };
static const char *const limits[] = { "max", "min", "min_throughput" };

/* The unit of an outcome's budget and measured value. */
static const char *outcome_unit(const cb_result *r, const cb_budget_outcome *o)
{
    if (o->statistic.kind == CB_BUDGET_MEMORY) {
        return cb_memory_figure_is_bytes(o->statistic.figure)
                   ? "bytes"
                   : cb_memory_figure_key(o->statistic.figure);
    }
    if (o->limit != CB_BUDGET_MIN_THROUGHPUT) {
        return "ns";
    }
    return r->throughput == CB_THROUGHPUT_BYTES ? "bytes/s" : "elements/s";
}

json_t *cb_budget_json_encode(const cb_result *r)
{
    json_t *a = json_array();
    char    stat[32];
    size_t  i;

    for (i = 0; a != NULL && i < r->nbudgets; i++) {
        const cb_budget_outcome *o = &r->budgets[i];
        json_t                  *obj;

        cb_budget_statistic_name(stat, sizeof stat, o->statistic);
        obj = json_pack("{s:s, s:o, s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:I, s:o, s:b}", "match",
                        o->match, "comment",
                        o->comment != NULL ? json_string(o->comment) : json_null(), "statistic",
                        stat, "limit", limits[o->limit], "written", o->written, "budget",
                        cb_json_real(o->budget), "measured",
                        cb_json_real(o->measured), "unit", outcome_unit(r, o), "of",
                        sources[o->source], "n", (json_int_t) o->n, "margin",
                        cb_json_real(o->margin), "held", o->held);
        if (json_array_append_new(a, obj) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static int decode_outcome(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          const cb_result *r, cb_budget_outcome *o)
{
    cb_json_path p;
    const char  *match, *comment, *stat, *unit, *written;
    json_t      *held;
    uint64_t     n;
    double       margin;
    int          limit, source;

    if (!json_is_object(obj)) {
        return cb_json_fail(rd, at, "expected a budget outcome (an object)");
    }
    if (cb_json_string(rd, obj, at, "match", 0, &match) != 0 ||
        cb_json_string(rd, obj, at, "comment", 1, &comment) != 0 ||
        cb_json_string(rd, obj, at, "statistic", 0, &stat) != 0 ||
        cb_json_choice(rd, obj, at, "limit", limits, 3, &limit) != 0 ||
        cb_json_string(rd, obj, at, "written", 0, &written) != 0 ||
        cb_json_number(rd, obj, at, "budget", CB_JSON_NONNEGATIVE, &o->budget) != 0 ||
        cb_json_number(rd, obj, at, "measured", CB_JSON_NULLABLE, &o->measured) != 0 ||
        cb_json_string(rd, obj, at, "unit", 0, &unit) != 0 ||
        cb_json_choice(rd, obj, at, "of", sources, 4, &source) != 0 ||
        cb_json_uint(rd, obj, at, "n", 0, &n) != 0 ||
        cb_json_number(rd, obj, at, "margin", CB_JSON_NULLABLE, &margin) != 0 ||
        (held = cb_json_member(rd, obj, at, "held", JSON_TRUE, 0, &p)) == NULL) {
        return -1;
    }
    if (cb_budget_statistic_parse(stat, &o->statistic) != 0) {
        return cb_json_fail(rd, &(cb_json_path){ at, "statistic", 0 },
                            "expected a statistic such as \"p99\", got \"%.64s\"", stat);
    }
    if (o->budget == 0.0 && o->statistic.kind != CB_BUDGET_MEMORY) {
        return cb_json_fail(rd, &(cb_json_path){ at, "budget", 0 },
                            "expected a positive limit: only a memory figure's may be 0");
    }
    if ((o->statistic.kind == CB_BUDGET_MEMORY) != (source == CB_BUDGET_OF_MEMORY) ||
        (o->statistic.kind == CB_BUDGET_MEMORY && limit == CB_BUDGET_MIN_THROUGHPUT)) {
        return cb_json_fail(rd, &(cb_json_path){ at, "of", 0 },
                            "a memory figure is limited by max and min, of \"memory\"; "
                            "nothing else is");
    }
    o->limit = (cb_budget_limit) limit;
    o->source = (cb_budget_source) source;
    o->n = (size_t) n;
    if (strcmp(unit, outcome_unit(r, o)) != 0) {
        return cb_json_fail(rd, &(cb_json_path){ at, "unit", 0 }, "expected \"%s\", got \"%.64s\"",
                            outcome_unit(r, o), unit);
    }
    if (o->limit == CB_BUDGET_MIN_THROUGHPUT && r->throughput == CB_THROUGHPUT_NONE) {
        return cb_json_fail(rd, &(cb_json_path){ at, "limit", 0 },
                            "a throughput budget on a benchmark without a throughput");
    }
    cb_budget_outcome_judge(o);
    if (json_is_true(held) != (o->held != 0)) {
        return cb_json_fail(rd, &p, "held is %s, but the measured value %s the budget",
                            json_is_true(held) ? "true" : "false",
                            o->held ? "keeps" : "breaks");
    }
    /* a baseline's strings are text from outside, printed by every report */
    o->match = cb_text_dup(match);
    o->comment = comment != NULL ? cb_text_dup(comment) : NULL;
    o->written = cb_text_dup(written);
    if (o->match == NULL || (comment != NULL && o->comment == NULL) || o->written == NULL) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    return 0;
}

int cb_budget_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          cb_result *r)
{
    cb_json_path p;
    json_t      *a;
    size_t       i, n;

    if (json_object_get(obj, "budgets") == NULL) {
        return 0;
    }
    if ((a = cb_json_member(rd, obj, at, "budgets", JSON_ARRAY, 0, &p)) == NULL) {
        return -1;
    }
    n = json_array_size(a);
    r->budgets = calloc(n > 0 ? n : 1, sizeof *r->budgets);
    if (r->budgets == NULL) {
        return cb_error_set(rd->err, "%s: out of memory for %zu budget outcomes", rd->file, n);
    }
    for (i = 0; i < n; i++) {
        cb_json_path e = { &p, NULL, i };

        /* counted before it is read: what it holds so far is freed with the result */
        r->nbudgets = i + 1;
        if (decode_outcome(rd, json_array_get(a, i), &e, r, &r->budgets[i]) != 0) {
            return -1;
        }
    }
    return 0;
}
