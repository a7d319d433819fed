#include <math.h>

#include "stats/scaling.h"

void cb_scaling_ops(cb_result *r)
{
    const cb_estimate *t = cb_result_typical(r);
    cb_estimate       *ops = &r->threads.ops;

    ops->point = t->point > 0.0 ? 1e9 / t->point : NAN;
    ops->lower = t->upper > 0.0 ? 1e9 / t->upper : NAN;
    ops->upper = t->lower > 0.0 ? 1e9 / t->lower : NAN;
    /* to first order, the inverse's relative error is the estimate's */
    ops->std_err = t->point > 0.0 ? ops->point * t->std_err / t->point : NAN;
}

int cb_scaling_efficiency(const cb_result *one, cb_result *r, const cb_bootstrap_config *boot,
                          cb_error *err)
{
    cb_estimate *e = &r->threads.efficiency;
    double       n = (double) r->threads.n;

    if (one == NULL || one->failed || r->failed || one->samples.n < 2 || !(n >= 1.0)) {
        *e = (cb_estimate){ NAN, NAN, NAN, NAN };
        return 0;
    }
    if (one == r) {
        *e = (cb_estimate){ 1.0, 1.0, 1.0, 0.0 };
        return 0;
    }
    {
        cb_bootstrap_run a = { r->samples.iters, r->samples.values, r->samples.n,
                               CB_SLOPE_NONE, cb_result_typical(r)->point };
        cb_bootstrap_run b = { one->samples.iters, one->samples.values, one->samples.n,
                               CB_SLOPE_NONE, cb_result_typical(one)->point };

        /* one thread's time per operation over n threads' (each the
         * machine's), over n */
        if (cb_bootstrap_typicals(&a, &b, boot, e, NULL, err) != 0) {
            return -1;
        }
    }
    e->point /= n;
    e->lower /= n;
    e->upper /= n;
    e->std_err /= n;
    return 0;
}
