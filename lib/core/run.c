#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/run.h"
#include "core/text.h"

cb_result *cb_run_add(cb_run *run)
{
    if (run->names.n > 0) {
        cb_strmap_free(&run->names); /* a name to come would not be in it */
    }
    if (run->n == run->cap) {
        size_t     cap = run->cap * 2 + 16;
        cb_result *grown = realloc(run->results, cap * sizeof *grown);

        if (grown == NULL) {
            return NULL;
        }
        run->results = grown;
        run->cap = cap;
    }
    memset(&run->results[run->n], 0, sizeof run->results[run->n]);
    return &run->results[run->n++];
}

const cb_result *cb_run_find(const cb_run *run, const char *name)
{
    size_t i;

    if (run->n > 0 && run->names.n == run->n) {
        if (!cb_strmap_get(&run->names, name, &i)) {
            return NULL;
        }
        /* a result moved since the map was made: no index, then */
        if (i < run->n && run->results[i].name != NULL && strcmp(run->results[i].name, name) == 0) {
            return &run->results[i];
        }
    }
    for (i = 0; i < run->n; i++) {
        if (run->results[i].name != NULL && strcmp(run->results[i].name, name) == 0) {
            return &run->results[i];
        }
    }
    return NULL;
}

cb_tally cb_run_tally(const cb_run *run)
{
    cb_tally c = { 0 };
    size_t   i;

    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        c.failed += r->failed != 0;
        c.fresh += !r->failed && !r->has_change;
        if (!r->has_change) {
            continue;
        }
        c.compared++;
        c.regressed += r->change.verdict == CB_VERDICT_REGRESSED;
        c.improved += r->change.verdict == CB_VERDICT_IMPROVED;
        c.unresolved += r->change.verdict == CB_VERDICT_UNRESOLVED;
        c.rounds = r->change.rounds > c.rounds ? r->change.rounds : c.rounds;
    }
    return c;
}

void cb_run_stamp(cb_run *run)
{
    time_t    now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    strftime(run->timestamp, sizeof run->timestamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void cb_run_free(cb_run *run)
{
    size_t i;

    for (i = 0; i < run->n; i++) {
        cb_result_free(&run->results[i]);
    }
    free(run->results);
    run->results = NULL;
    run->n = run->cap = 0;
    cb_context_free(&run->context);
    cb_strmap_free(&run->names);
}

int cb_context_set(cb_context *ctx, const char *key, const char *value)
{
    cb_context_entry *grown;
    char             *k = cb_text_dup(key), *v = cb_text_dup(value);
    size_t            i;

    if (k == NULL || v == NULL) {
        free(k);
        free(v);
        return -1;
    }
    for (i = 0; i < ctx->n; i++) {
        if (strcmp(ctx->entries[i].key, k) == 0) {
            free(k);
            free(ctx->entries[i].value);
            ctx->entries[i].value = v;
            return 0;
        }
    }
    grown = realloc(ctx->entries, (ctx->n + 1) * sizeof *grown);
    if (grown == NULL) {
        free(k);
        free(v);
        return -1;
    }
    ctx->entries = grown;
    ctx->entries[ctx->n++] = (cb_context_entry){ k, v };
    return 0;
}

const char *cb_context_get(const cb_context *ctx, const char *key)
{
    size_t i;

    for (i = 0; i < ctx->n; i++) {
        if (strcmp(ctx->entries[i].key, key) == 0) {
            return ctx->entries[i].value;
        }
    }
    return NULL;
}

int cb_context_copy(cb_context *dst, const cb_context *src)
{
    size_t i;

    cb_context_free(dst);
    for (i = 0; i < src->n; i++) {
        if (cb_context_set(dst, src->entries[i].key, src->entries[i].value) != 0) {
            cb_context_free(dst);
            return -1;
        }
    }
    return 0;
}

void cb_context_free(cb_context *ctx)
{
    size_t i;

    for (i = 0; i < ctx->n; i++) {
        free(ctx->entries[i].key);
        free(ctx->entries[i].value);
    }
    free(ctx->entries);
    ctx->entries = NULL;
    ctx->n = 0;
}

const char *cb_measure_name(cb_measure kind)
{
    switch (kind) {
    case CB_MEASURE_WALL:
        return "wall";
    case CB_MEASURE_CYCLES:
        return "cycles";
    case CB_MEASURE_INSTRUCTIONS:
        return "instructions";
    }
    return "unknown";
}

const char *cb_measure_unit(cb_measure kind)
{
    return kind == CB_MEASURE_WALL ? "ns" : cb_measure_name(kind);
}

int cb_measure_exact(cb_measure kind)
{
    return kind == CB_MEASURE_INSTRUCTIONS;
}

int cb_measure_parse(const char *s, cb_measure *kind)
{
    static const cb_measure all[] = { CB_MEASURE_WALL, CB_MEASURE_CYCLES,
                                      CB_MEASURE_INSTRUCTIONS };
    size_t i;

    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(s, cb_measure_name(all[i])) == 0) {
            *kind = all[i];
            return 0;
        }
    }
    return -1;
}

