/*
 * A benchmark across its history: its estimate in each run, oldest first,
 * and the change points in them, found once (stats/changepoint.h, held to the
 * noise threshold) for every reporter that shows them: `cryptbench trend` and
 * the HTML report's charts and sparklines.
 */
#ifndef CB_REPORT_TREND_H
#define CB_REPORT_TREND_H

#include "stats/changepoint.h"
#include "store/history.h"

typedef struct cb_trend {
    cb_history_point *points;
    size_t            n;
    cb_changepoint   *changes;
    size_t            nchanges;
    double            threshold; /* the smallest step that counted */
    double            lowest, highest; /* of the estimates, when n > 0 */
    double            spread; /* highest / lowest - 1: how far the runs lie apart */
} cb_trend;

/*
 * The trend of the series `past` (NULL: none), then of `now`, a result of
 * `run` measured now and so not in the history yet (NULL: none); its change
 * points with seed `seed`, a step smaller than `threshold` (relative, the
 * noise threshold the run's comparisons are held to) not one. Free with
 * cb_trend_free(). -1 when out of memory, t zeroed.
 */
int cb_trend_open(cb_trend *t, const cb_history_series *past, const cb_run *run,
                  const cb_result *now, double threshold, uint64_t seed);

void cb_trend_free(cb_trend *t);

/* The rule change points were found by, for a sentence: "E-divisive means,
 * p <= 0.01, levels of 3 runs at least, steps of 2% or more". */
void cb_trend_rule(char *buf, size_t size, const cb_trend *t);

#endif
