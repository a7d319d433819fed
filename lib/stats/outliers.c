#include "stats/outliers.h"
#include "stats/stats.h"

cb_outlier_class cb_outliers_class_of(const cb_outliers *o, double x)
{
    if (x < o->fences[0]) {
        return CB_OUTLIER_LOW_SEVERE;
    }
    if (x < o->fences[1]) {
        return CB_OUTLIER_LOW_MILD;
    }
    if (x > o->fences[3]) {
        return CB_OUTLIER_HIGH_SEVERE;
    }
    if (x > o->fences[2]) {
        return CB_OUTLIER_HIGH_MILD;
    }
    return CB_OUTLIER_NONE;
}

void cb_outliers_classify(const double *sorted, size_t n, cb_outliers *out)
{
    double q1 = cb_stats_percentile_sorted(sorted, n, 25.0);
    double q3 = cb_stats_percentile_sorted(sorted, n, 75.0);
    double iqr = q3 - q1;
    size_t i;

    out->fences[0] = q1 - 3.0 * iqr;
    out->fences[1] = q1 - 1.5 * iqr;
    out->fences[2] = q3 + 1.5 * iqr;
    out->fences[3] = q3 + 3.0 * iqr;
    out->low_severe = out->low_mild = out->high_mild = out->high_severe = 0;
    for (i = 0; i < n; i++) {
        switch (cb_outliers_class_of(out, sorted[i])) {
        case CB_OUTLIER_LOW_SEVERE:
            out->low_severe++;
            break;
        case CB_OUTLIER_LOW_MILD:
            out->low_mild++;
            break;
        case CB_OUTLIER_HIGH_MILD:
            out->high_mild++;
            break;
        case CB_OUTLIER_HIGH_SEVERE:
            out->high_severe++;
            break;
        case CB_OUTLIER_NONE:
            break;
        }
    }
}

