/*
 * Weak numbers, flagged: what about a result makes its headline number less
 * than it seems, assessed once here from the result (its analysis, its single
 * calls, its change, the load it ran under) for every reporter, which only
 * words it (report/quality_text.h):
 *  - a poor linear fit: in linear mode the slope is the estimate, and an R^2
 *    below 0.9 says the samples' totals do not grow in step with their
 *    iterations;
 *  - estimators that disagree in direction: the headline statistic's change
 *    and the median's point opposite ways, each beyond the noise threshold;
 *  - samples and single calls far apart: their medians differ by 1.5x or
 *    more, so a batch of calls does not cost what one call does;
 *  - a busy machine: a load average above the cores, or 5% of the CPU time
 *    stolen by the hypervisor, when the benchmark began or ended.
 */
#ifndef CB_QUALITY_H
#define CB_QUALITY_H

#include "core/result.h"

#define CB_QUALITY_POOR_FIT 0.9
#define CB_QUALITY_CALLS_APART 1.5
#define CB_QUALITY_BUSY_STEAL 0.05

enum {
    CB_FLAG_POOR_FIT = 1u << 0,
    CB_FLAG_DISAGREE = 1u << 1,
    CB_FLAG_CALLS_APART = 1u << 2,
    CB_FLAG_BUSY = 1u << 3
};

/* The flags of a result and the figures behind them. */
typedef struct cb_quality {
    unsigned flags;
    double   r_squared;              /* CB_FLAG_POOR_FIT */
    double   change, median_change;  /* CB_FLAG_DISAGREE: the headline's and the median's */
    double   samples_p50, calls_p50; /* CB_FLAG_CALLS_APART, in the run's unit */
    double   load;                   /* CB_FLAG_BUSY: the higher load average */
    double   steal;                  /* and the share stolen */
    long     cores;
} cb_quality;

/* The flags of r (measured, not failed) on a machine of `cores` cores, its
 * change held to `threshold` (the noise threshold, relative). */
cb_quality cb_quality_assess(const cb_result *r, long cores, double threshold);

#endif
