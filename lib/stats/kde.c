#include <assert.h>
#include <math.h>

#include "stats/kde.h"
#include "stats/stats.h"

double cb_kde_bandwidth(const double *x, size_t n)
{
    return 1.06 * cb_stats_std_dev(x, n) * pow((double) n, -0.2);
}

double cb_kde_density(const double *x, size_t n, double h, double at)
{
    /* 1 / sqrt(2 pi) */
    const double inv_sqrt_2pi = 0.39894228040143267794;
    double       sum = 0.0;
    size_t       i;

    assert(n > 0 && h > 0.0);
    for (i = 0; i < n; i++) {
        double u = (at - x[i]) / h;

        sum += exp(-0.5 * u * u);
    }
    return sum * inv_sqrt_2pi / ((double) n * h);
}
