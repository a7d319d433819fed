#include <stdio.h>

#include "report/format.h"
#include "report/quality_text.h"

const unsigned cb_quality_order[CB_QUALITY_NFLAGS] = { CB_FLAG_BUSY, CB_FLAG_DISAGREE,
                                                       CB_FLAG_POOR_FIT, CB_FLAG_CALLS_APART };

const char *cb_quality_name(unsigned flag)
{
    switch (flag) {
    case CB_FLAG_POOR_FIT:
        return "poor-fit";
    case CB_FLAG_DISAGREE:
        return "estimators-disagree";
    case CB_FLAG_CALLS_APART:
        return "calls-apart";
    default:
        break;
    }
    return "busy-machine";
}

void cb_quality_text(char *buf, size_t size, const cb_quality *q, unsigned flag,
                     const char *unit)
{
    char a[48], b[48];

    switch (flag) {
    case CB_FLAG_POOR_FIT:
        snprintf(buf, size, "poor fit: R\xc2\xb2 %.2f, the samples' totals do not grow in step "
                            "with their iterations; the slope is a weak estimate, read it beside "
                            "the mean and the median", q->r_squared);
        return;
    case CB_FLAG_DISAGREE:
        cb_format_percent(a, sizeof a, q->change);
        cb_format_percent(b, sizeof b, q->median_change);
        snprintf(buf, size, "estimators disagree: the estimate changed %s, the median %s; the "
                            "direction of the change is not established, whatever its verdict",
                 a, b);
        return;
    case CB_FLAG_CALLS_APART:
        cb_format_value(a, sizeof a, q->samples_p50, unit);
        cb_format_value(b, sizeof b, q->calls_p50, unit);
        snprintf(buf, size, "samples and single calls apart: median %s per iteration in "
                            "samples, %s per single call (%.1fx); a call on its own costs "
                            "%s than one in a batch, so the estimate is not what one call costs",
                 a, b, q->calls_p50 > q->samples_p50 ? q->calls_p50 / q->samples_p50
                                                     : q->samples_p50 / q->calls_p50,
                 q->calls_p50 > q->samples_p50 ? "more" : "less");
        return;
    default:
        break;
    }
    snprintf(buf, size, "busy machine: load average %.2f on %ld cores, %.1f%% of the CPU time "
                        "stolen while it ran; the figures may be slower and noisier than on a "
                        "quiet machine", q->load, q->cores, 100.0 * q->steal);
}
