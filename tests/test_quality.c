/*
 * Quality flags on results built by hand: each flag where its figure crosses
 * its line and not before, and its sentence, the same for every reporter.
 */
#include <string.h>

#include "report/quality_text.h"
#include "stats/quality.h"
#include "support.h"

static cb_result plain(void)
{
    cb_result r;

    memset(&r, 0, sizeof r);
    r.plan.mode = CB_MODE_LINEAR;
    r.samples.n = 100;
    r.analysis.r_squared = 0.99;
    r.analysis.percentiles[0] = 100.0;
    return r;
}

static void test_none(void **state)
{
    cb_result r = plain();

    (void) state;
    assert_int_equal(cb_quality_assess(&r, 2, 0.02).flags, 0);
}

static void test_poor_fit(void **state)
{
    cb_result  r = plain();
    cb_quality q;
    char       text[512];

    (void) state;
    r.analysis.r_squared = 0.33;
    q = cb_quality_assess(&r, 2, 0.02);
    assert_int_equal(q.flags, CB_FLAG_POOR_FIT);
    cb_quality_text(text, sizeof text, &q, CB_FLAG_POOR_FIT, "ns");
    assert_string_equal(text, "poor fit: R\xc2\xb2 0.33, the samples' totals do not grow in step "
                              "with their iterations; the slope is a weak estimate, read it "
                              "beside the mean and the median");
    /* flat sampling has no slope to doubt */
    r.plan.mode = CB_MODE_FLAT;
    assert_int_equal(cb_quality_assess(&r, 2, 0.02).flags, 0);
}

static void test_disagree(void **state)
{
    cb_result  r = plain();
    cb_quality q;
    char       text[512];

    (void) state;
    r.has_change = 1;
    r.change.p_value = 0.001;
    r.change.estimate.point = 0.536;
    r.change.median.point = -0.535;
    q = cb_quality_assess(&r, 2, 0.02);
    assert_int_equal(q.flags, CB_FLAG_DISAGREE);
    cb_quality_text(text, sizeof text, &q, CB_FLAG_DISAGREE, "ns");
    assert_string_equal(text, "estimators disagree: the estimate changed +53.60%, the median "
                              "-53.50%; the direction of the change is not established, whatever "
                              "its verdict");
    /* opposite, but one within the noise threshold: no disagreement worth a flag */
    r.change.median.point = -0.01;
    assert_int_equal(cb_quality_assess(&r, 2, 0.02).flags, 0);
}

static void test_calls_apart(void **state)
{
    cb_result  r = plain();
    double     values[1] = { 0.0 };
    cb_quality q;
    char       text[512];

    (void) state;
    r.plan.mode = CB_MODE_FLAT;
    r.analysis.percentiles[0] = 1.17e6;
    r.calls.n = 1;
    r.calls.values = values;
    r.calls.percentiles[0] = 385e3;
    q = cb_quality_assess(&r, 2, 0.02);
    assert_int_equal(q.flags, CB_FLAG_CALLS_APART);
    cb_quality_text(text, sizeof text, &q, CB_FLAG_CALLS_APART, "ns");
    assert_string_equal(text, "samples and single calls apart: median 1.1700 ms per iteration in "
                              "samples, 385.00 us per single call (3.0x); a call on its own "
                              "costs less than one in a batch, so the estimate is not what one "
                              "call costs");
    r.calls.percentiles[0] = 1.0e6;
    assert_int_equal(cb_quality_assess(&r, 2, 0.02).flags, 0);
}

static void test_busy(void **state)
{
    cb_result  r = plain();
    cb_quality q;
    char       text[512];

    (void) state;
    r.load = (cb_load){ 1, 1.5, 2.5, 0.0 };
    q = cb_quality_assess(&r, 2, 0.02);
    assert_int_equal(q.flags, CB_FLAG_BUSY);
    cb_quality_text(text, sizeof text, &q, CB_FLAG_BUSY, "ns");
    assert_string_equal(text, "busy machine: load average 2.50 on 2 cores, 0.0% of the CPU time "
                              "stolen while it ran; the figures may be slower and noisier than "
                              "on a quiet machine");
    /* a quiet load, but the hypervisor took 6% */
    r.load = (cb_load){ 1, 0.5, 0.7, 0.06 };
    assert_int_equal(cb_quality_assess(&r, 2, 0.02).flags, CB_FLAG_BUSY);
    r.load = (cb_load){ 1, 0.5, 1.9, 0.01 };
    assert_int_equal(cb_quality_assess(&r, 2, 0.02).flags, 0);
    /* not recorded: nothing to say */
    r.load = (cb_load){ 0, 64.0, 64.0, 0.5 };
    assert_int_equal(cb_quality_assess(&r, 2, 0.02).flags, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_none),     cmocka_unit_test(test_poor_fit),
        cmocka_unit_test(test_disagree), cmocka_unit_test(test_calls_apart),
        cmocka_unit_test(test_busy),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
