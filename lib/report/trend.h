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

/* Change points are searched among the newest this many runs of a longer
 * history (older runs are listed and drawn, not searched): the search costs
 * O(n^2) a permutation and up to 999 permutations a change point, 1.6 s for
 * one benchmark over 500 runs and 9 s over 1000, so that `trend` over 1000
 * runs of ten benchmarks took 74 s, and the HTML report as long after every
 * run. 250 runs, 2.5 times the default --history-limit, take about 0.4 s. */
#define CB_TREND_RUNS_SEARCHED 250

typedef struct cb_trend {
    cb_history_point *points;
    size_t            n;
    size_t            from;      /* the first run searched for change points */
    cb_changepoint   *changes;   /* their indexes in points */
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

/* Each result's trend, in the run's order (a failed result's zeroed). */
typedef struct cb_trends {
    cb_trend *t;
    size_t    n;
} cb_trends;

/* The trends of every result of `run` across history h, with the run's seed;
 * `live`: the results were measured now, not in the history yet, and each is
 * its trend's last point. Free with cb_trends_free(). -1 when out of memory,
 * ts zeroed. */
int cb_trends_open(cb_trends *ts, const cb_history *h, const cb_run *run, int live,
                   double threshold);

void cb_trends_free(cb_trends *ts);

/* The rule change points were found by, for a sentence: "E-divisive means,
 * p <= 0.01, levels of 3 runs at least, steps of 2% or more", and ", among
 * the newest 250 runs" when older ones were not searched. */
void cb_trend_rule(char *buf, size_t size, const cb_trend *t);

#endif
