#include <assert.h>

#include "stats/regression.h"
#include "stats/stats.h"

static double r_squared(const double *x, const double *y, size_t n, const cb_fit *f)
{
    double mean = cb_stats_mean(y, n), ss_res = 0.0, ss_tot = 0.0;
    size_t i;

    for (i = 0; i < n; i++) {
        double r = y[i] - (f->intercept + f->slope * x[i]);

        ss_res += r * r;
        ss_tot += (y[i] - mean) * (y[i] - mean);
    }
    /* constant y that the fit reproduces exactly: a perfect fit, not 0/0 */
    return ss_tot > 0.0 ? 1.0 - ss_res / ss_tot : (ss_res == 0.0 ? 1.0 : 0.0);
}

cb_fit cb_regression_origin(const double *x, const double *y, size_t n)
{
    double xy = 0.0, xx = 0.0;
    cb_fit f = { 0.0, 0.0, 0.0 };
    size_t i;

    assert(n > 0);
    for (i = 0; i < n; i++) {
        xy += x[i] * y[i];
        xx += x[i] * x[i];
    }
    assert(xx > 0.0);
    f.slope = xy / xx;
    f.r_squared = r_squared(x, y, n, &f);
    return f;
}

cb_fit cb_regression_ols(const double *x, const double *y, size_t n)
{
    double mx = cb_stats_mean(x, n), my = cb_stats_mean(y, n), sxy = 0.0, sxx = 0.0;
    cb_fit f;
    size_t i;

    assert(n >= 2);
    for (i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
    }
    assert(sxx > 0.0);
    f.slope = sxy / sxx;
    f.intercept = my - f.slope * mx;
    f.r_squared = r_squared(x, y, n, &f);
    return f;
}

cb_fit cb_regression_relative(const double *x, const double *y, size_t n)
{
    double sw = 0.0, swx = 0.0, swy = 0.0, mx, my, sxy = 0.0, sxx = 0.0, ss_res = 0.0,
           ss_tot = 0.0;
    cb_fit f;
    size_t i;

    assert(n >= 2);
    for (i = 0; i < n; i++) {
        double w = 1.0 / (y[i] * y[i]);

        sw += w;
        swx += w * x[i];
        swy += w * y[i];
    }
    mx = swx / sw;
    my = swy / sw;
    for (i = 0; i < n; i++) {
        double w = 1.0 / (y[i] * y[i]);

        sxy += w * (x[i] - mx) * (y[i] - my);
        sxx += w * (x[i] - mx) * (x[i] - mx);
    }
    assert(sxx > 0.0);
    f.slope = sxy / sxx;
    f.intercept = my - f.slope * mx;
    for (i = 0; i < n; i++) {
        double w = 1.0 / (y[i] * y[i]), r = y[i] - (f.intercept + f.slope * x[i]);

        ss_res += w * r * r;
        ss_tot += w * (y[i] - my) * (y[i] - my);
    }
    f.r_squared = ss_tot > 0.0 ? 1.0 - ss_res / ss_tot : 1.0;
    return f;
}
