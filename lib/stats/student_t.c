#include <assert.h>
#include <math.h>

#include "stats/student_t.h"

/* the continued fraction of I_x(a, b), converging fast for x < (a+1)/(a+b+2) */
static double beta_fraction(double a, double b, double x)
{
    const double tiny = 1e-300, eps = 1e-15;
    double       c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0), h;
    int          m;

    if (fabs(d) < tiny) {
        d = tiny;
    }
    d = 1.0 / d;
    h = d;
    for (m = 1; m <= 300; m++) {
        double aa = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m)), del;

        d = 1.0 + aa * d;
        d = fabs(d) < tiny ? tiny : d;
        c = 1.0 + aa / c;
        c = fabs(c) < tiny ? tiny : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
        d = 1.0 + aa * d;
        d = fabs(d) < tiny ? tiny : d;
        c = 1.0 + aa / c;
        c = fabs(c) < tiny ? tiny : c;
        d = 1.0 / d;
        del = d * c;
        h *= del;
        if (fabs(del - 1.0) < eps) {
            break;
        }
    }
    return h;
}

/* I_x(a, b), the regularized incomplete beta function */
static double incomplete_beta(double a, double b, double x)
{
    double front;

    if (x <= 0.0) {
        return 0.0;
    }
    if (x >= 1.0) {
        return 1.0;
    }
    front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0)) {
        return front * beta_fraction(a, b, x) / a;
    }
    return 1.0 - front * beta_fraction(b, a, 1.0 - x) / b;
}

double cb_student_t_cdf(double t, double df)
{
    double tail;

    assert(df > 0.0);
    /* P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2) */
    tail = incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
    return t >= 0.0 ? 1.0 - tail / 2.0 : tail / 2.0;
}

double cb_student_t_quantile(double p, double df)
{
    double lo = -1.0, hi = 1.0;
    int    i;

    assert(p > 0.0 && p < 1.0 && df > 0.0);
    while (cb_student_t_cdf(lo, df) > p) {
        lo *= 2.0;
    }
    while (cb_student_t_cdf(hi, df) < p) {
        hi *= 2.0;
    }
    /* bisection: the cdf is monotone, and 200 halvings reach any double */
    for (i = 0; i < 200 && hi - lo > 1e-13 * (1.0 + fabs(lo)); i++) {
        double mid = (lo + hi) / 2.0;

        if (cb_student_t_cdf(mid, df) < p) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return (lo + hi) / 2.0;
}
