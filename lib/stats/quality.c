#include <math.h>
#include <string.h>

#include "stats/quality.h"

cb_quality cb_quality_assess(const cb_result *r, long cores, double threshold)
{
    cb_quality q;

    memset(&q, 0, sizeof q);
    q.cores = cores;
    if (r->failed) {
        return q;
    }
    if (r->plan.mode == CB_MODE_LINEAR && r->change.rounds == 0 && r->samples.n >= 3 &&
        r->analysis.r_squared < CB_QUALITY_POOR_FIT) {
        q.flags |= CB_FLAG_POOR_FIT;
        q.r_squared = r->analysis.r_squared;
    }
    if (r->has_change && r->change.rounds == 0 && r->change.p_value >= 0.0) {
        double a = r->change.estimate.point, m = r->change.median.point;

        if (a * m < 0.0 && fabs(a) > threshold && fabs(m) > threshold) {
            q.flags |= CB_FLAG_DISAGREE;
            q.change = a;
            q.median_change = m;
        }
    }
    if (r->calls.n > 0 && r->analysis.percentiles[0] > 0.0 && r->calls.percentiles[0] > 0.0) {
        double s = r->analysis.percentiles[0], c = r->calls.percentiles[0];

        if (fmax(s, c) / fmin(s, c) >= CB_QUALITY_CALLS_APART) {
            q.flags |= CB_FLAG_CALLS_APART;
            q.samples_p50 = s;
            q.calls_p50 = c;
        }
    }
    if (r->load.known) {
        double load = fmax(r->load.start, r->load.end);

        if ((cores > 0 && load > (double) cores) || r->load.steal >= CB_QUALITY_BUSY_STEAL) {
            q.flags |= CB_FLAG_BUSY;
            q.load = load;
            q.steal = r->load.steal;
        }
    }
    return q;
}
