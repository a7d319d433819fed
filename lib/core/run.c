#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/run.h"

cb_result *cb_run_add(cb_run *run)
{
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

    for (i = 0; i < run->n; i++) {
        if (run->results[i].name != NULL && strcmp(run->results[i].name, name) == 0) {
            return &run->results[i];
        }
    }
    return NULL;
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
}
