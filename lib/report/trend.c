#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/trend.h"

int cb_trend_open(cb_trend *t, const cb_history_series *past, const cb_run *run,
                  const cb_result *now, double threshold, uint64_t seed)
{
    cb_changepoint_config cfg = cb_changepoint_defaults(seed);
    size_t                n = past != NULL ? past->n : 0, i;
    double               *x;
    int                   rc;

    memset(t, 0, sizeof *t);
    cfg.min_step = threshold;
    t->threshold = threshold;
    t->points = malloc((n + 1) * sizeof *t->points);
    t->changes = malloc(((n + 1) / cfg.min_size + 1) * sizeof *t->changes);
    x = malloc((n + 1) * sizeof *x);
    if (t->points == NULL || t->changes == NULL || x == NULL) {
        free(x);
        cb_trend_free(t);
        return -1;
    }
    if (n > 0) {
        memcpy(t->points, past->points, n * sizeof *t->points);
    }
    t->n = n;
    if (now != NULL) {
        cb_history_point_of(&t->points[t->n++], run, now);
    }
    for (i = 0; i < t->n; i++) {
        double v = t->points[i].estimate.point;

        t->lowest = i == 0 ? v : fmin(t->lowest, v);
        t->highest = i == 0 ? v : fmax(t->highest, v);
    }
    t->spread = t->n > 0 && t->lowest > 0.0 ? t->highest / t->lowest - 1.0 : 0.0;
    t->from = t->n > CB_TREND_RUNS_SEARCHED ? t->n - CB_TREND_RUNS_SEARCHED : 0;
    for (i = t->from; i < t->n; i++) {
        x[i - t->from] = t->points[i].estimate.point;
    }
    rc = cb_changepoint_find(x, t->n - t->from, &cfg, t->changes, &t->nchanges);
    for (i = 0; i < t->nchanges; i++) {
        t->changes[i].index += t->from;
    }
    free(x);
    if (rc != 0) {
        cb_trend_free(t);
    }
    return rc;
}

void cb_trend_free(cb_trend *t)
{
    free(t->points);
    free(t->changes);
    memset(t, 0, sizeof *t);
}

int cb_trends_open(cb_trends *ts, const cb_history *h, const cb_run *run, int live,
                   double threshold)
{
    ts->n = 0;
    ts->t = calloc(run->n + 1, sizeof *ts->t);
    if (ts->t == NULL) {
        return -1;
    }
    for (ts->n = 0; ts->n < run->n; ts->n++) {
        const cb_result *r = &run->results[ts->n];

        if (!r->failed && cb_trend_open(&ts->t[ts->n], cb_history_find(h, r->name), run,
                                        live ? r : NULL, threshold, run->seed) != 0) {
            cb_trends_free(ts);
            return -1;
        }
    }
    return 0;
}

void cb_trends_free(cb_trends *ts)
{
    size_t i;

    for (i = 0; ts->t != NULL && i < ts->n; i++) {
        cb_trend_free(&ts->t[i]);
    }
    free(ts->t);
    ts->t = NULL;
    ts->n = 0;
}

void cb_trend_rule(char *buf, size_t size, const cb_trend *t)
{
    char among[48] = "";

    if (t->from > 0) {
        snprintf(among, sizeof among, ", among the newest %zu runs", t->n - t->from);
    }
    snprintf(buf, size, "E-divisive means, p <= %.2f, levels of %d runs at least, steps of "
                        "%.3g%% or more%s", CB_CHANGEPOINT_SIGNIFICANCE, CB_CHANGEPOINT_MIN_SIZE,
             t->threshold * 100.0, among);
}
