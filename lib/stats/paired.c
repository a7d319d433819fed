#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "stats/paired.h"
#include "stats/stats.h"
#include "stats/student_t.h"

static double median_of(const double *x, size_t n, double *scratch)
{
    size_t i;

    for (i = 0; i < n; i++) {
        scratch[i] = x[i];
    }
    return cb_stats_percentile_select(scratch, n, 50.0);
}

/* the share trimmed from each end */
#define TRIM 0.2

void cb_paired_compare(const double *a, const double *b, size_t rounds,
                       const cb_compare_config *cfg, cb_change *out)
{
    double l[CB_PAIRED_MAX_ROUNDS], r[CB_PAIRED_MAX_ROUNDS], scratch[CB_PAIRED_MAX_ROUNDS];
    double m, se, q, df, wmean, wvar = 0.0;
    size_t n = rounds, g, h, k;
    int    agree;

    assert(rounds >= 2 && rounds <= CB_PAIRED_MAX_ROUNDS);
    for (k = 0; k < n; k++) {
        r[k] = b[k] / a[k];
        l[k] = log(r[k]);
    }
    cb_stats_sort(l, n);
    agree = l[0] == l[n - 1];
    g = (size_t) floor(TRIM * (double) n);
    h = n - 2 * g;
    m = cb_stats_mean(l + g, h);
    /* winsorize: the g lowest become l[g], the g highest l[n - g - 1] */
    for (k = 0; k < g; k++) {
        l[k] = l[g];
        l[n - 1 - k] = l[n - 1 - g];
    }
    wmean = cb_stats_mean(l, n);
    for (k = 0; k < n; k++) {
        wvar += (l[k] - wmean) * (l[k] - wmean);
    }
    wvar /= (double) (n - 1);
    se = h > 1 ? sqrt((double) (n - 1) * wvar / ((double) h * (double) (h - 1))) : 0.0;
    df = (double) (h - 1);
    out->statistic = CB_STATISTIC_MEDIAN;
    out->rounds = n;
    out->mode_differs = 0;
    out->median.point = out->median.lower = out->median.upper = median_of(r, n, scratch) - 1.0;
    out->median.std_err = 0.0;
    out->estimate.point = exp(m) - 1.0;
    out->estimate.std_err = se;
    /* one number in every column: Old is the base's typical value, New that
     * times the paired ratio, so that New / Old - 1 is the change shown */
    out->old_typical = median_of(a, n, scratch);
    out->new_typical = out->old_typical * exp(m);
    out->significance = cb_compare_level(cfg);
    if (cfg->exact && agree) {
        /* an exact measure whose rounds agree: the difference is certain, as
         * the same build counts the same in every process */
        out->t = 0.0;
        out->p_value = -1.0;
        out->estimate.lower = out->estimate.upper = out->estimate.point;
        out->mean = out->estimate;
        out->resolution = 0.0;
        out->verdict = cb_compare_exact_verdict(out->estimate.point, cfg);
        return;
    }
    if (se > 0.0 && df >= 1.0) {
        q = cb_student_t_quantile((1.0 + cfg->boot.confidence) / 2.0, df);
        out->t = m / se;
        out->p_value = 2.0 * (1.0 - cb_student_t_cdf(fabs(out->t), df));
        out->estimate.lower = exp(m - q * se) - 1.0;
        out->estimate.upper = exp(m + q * se) - 1.0;
    } else {
        /* the untrimmed rounds agree to the last bit: nothing is left to test */
        out->t = 0.0;
        out->p_value = m != 0.0 ? 0.0 : 1.0;
        out->estimate.lower = out->estimate.upper = out->estimate.point;
    }
    /* the rounds' trimmed mean is the change: there is no other mean to show */
    out->mean = out->estimate;
    out->resolution = cb_compare_resolution(&out->estimate);
    out->verdict = cb_compare_verdict(&out->estimate, out->p_value, cfg);
}
