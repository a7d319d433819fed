#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/dudect.h"

void cb_welch_push(cb_welch *w, int cls, double x)
{
    double delta = x - w->mean[cls];

    w->n[cls] += 1.0;
    w->mean[cls] += delta / w->n[cls];
    w->m2[cls] += delta * (x - w->mean[cls]);
}

double cb_welch_t(const cb_welch *w)
{
    double num = w->mean[0] - w->mean[1], den;

    if (w->n[0] < 2.0 || w->n[1] < 2.0) {
        return 0.0;
    }
    den = sqrt(w->m2[0] / (w->n[0] - 1.0) / w->n[0] + w->m2[1] / (w->n[1] - 1.0) / w->n[1]);
    if (den > 0.0) {
        return num / den;
    }
    return num == 0.0 ? 0.0 : (num > 0.0 ? DBL_MAX : -DBL_MAX);
}

int cb_dudect_init(cb_dudect *d)
{
    memset(d, 0, sizeof *d);
    if (cb_histogram_init(&d->classes[0]) != 0 || cb_histogram_init(&d->classes[1]) != 0) {
        cb_dudect_free(d);
        return -1;
    }
    return 0;
}

void cb_dudect_free(cb_dudect *d)
{
    cb_histogram_free(&d->classes[0]);
    cb_histogram_free(&d->classes[1]);
}

double cb_dudect_crop_level(size_t k)
{
    return 100.0 * (1.0 - pow(0.5, 10.0 * (double) (k + 1) / CB_DUDECT_PERCENTILES));
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

void cb_dudect_calibrate(cb_dudect *d, double *times, size_t n)
{
    size_t k;

    qsort(times, n, sizeof *times, compare_doubles);
    for (k = 0; k < CB_DUDECT_PERCENTILES; k++) {
        /* dudect's percentile: the value at rank floor(n * q), no interpolation */
        size_t at = (size_t) ((double) n * cb_dudect_crop_level(k) / 100.0);

        d->crop[k] = times[at < n ? at : n - 1];
    }
    d->calibrated = 1;
}

void cb_dudect_push(cb_dudect *d, int cls, double t)
{
    cb_welch *raw = &d->tests[0];
    size_t    k;

    cb_welch_push(raw, cls, t);
    cb_histogram_add(&d->classes[cls], t);
    for (k = 0; k < CB_DUDECT_PERCENTILES; k++) {
        if (t < d->crop[k]) {
            cb_welch_push(&d->tests[k + 1], cls, t);
        }
    }
    /* the second moment needs a settled mean to be centred on */
    if (raw->n[0] > CB_DUDECT_ENOUGH) {
        double centred = t - raw->mean[cls];

        cb_welch_push(&d->tests[CB_DUDECT_TESTS - 1], cls, centred * centred);
    }
    d->measurements++;
}

void cb_dudect_verdict(const cb_dudect *d, uint64_t calls, cb_check_leak *out)
{
    size_t i, best = CB_DUDECT_TESTS;
    double max = 0.0, n;
    int    c;

    for (i = 0; i < CB_DUDECT_TESTS; i++) {
        const cb_welch *w = &d->tests[i];
        double          t = fabs(cb_welch_t(w));

        if (w->n[0] > CB_DUDECT_ENOUGH && w->n[1] > CB_DUDECT_ENOUGH &&
            (best == CB_DUDECT_TESTS || t > max)) {
            max = t;
            best = i;
        }
    }
    out->measurements = d->measurements;
    out->threshold = CB_DUDECT_THRESHOLD;
    out->calls = calls > 0 ? calls : 1;
    for (c = 0; c < 2; c++) {
        out->median[c] = cb_histogram_quantile(&d->classes[c], 0.5) / (double) out->calls;
    }
    out->max_t = max;
    out->crop = 0.0;
    out->crop_cycles = 0.0;
    out->test = CB_LEAK_TEST_RAW;
    out->test_measurements = 0;
    out->tau = 0.0;
    out->needed = INFINITY;
    if (best == CB_DUDECT_TESTS) {
        out->status = CB_CHECK_INCONCLUSIVE;
        return;
    }
    if (best == CB_DUDECT_TESTS - 1) {
        out->test = CB_LEAK_TEST_SECOND_ORDER;
    } else if (best > 0) {
        out->test = CB_LEAK_TEST_CROPPED;
        out->crop = cb_dudect_crop_level(best - 1);
        out->crop_cycles = d->crop[best - 1];
    }
    n = d->tests[best].n[0] + d->tests[best].n[1];
    out->test_measurements = (uint64_t) n;
    /* dudect's effect size: |t| grows with sqrt(N) for a leak of a given size */
    out->tau = max / sqrt(n);
    if (out->tau > 0.0) {
        /* (5 / tau)^2 of the test's measurements, which are that share of the run's */
        out->needed = pow(CB_DUDECT_THRESHOLD / out->tau, 2.0) * (double) d->measurements / n;
    }
    out->status = max > CB_DUDECT_THRESHOLD ? CB_CHECK_LEAKS : CB_CHECK_PASSED;
}
