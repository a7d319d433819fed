#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/result.h"
#include "core/text.h"

const double cb_percentile_levels[CB_NPERCENTILES] = { 50.0, 75.0, 90.0, 95.0, 99.0 };
const double cb_call_percentile_levels[CB_NCALL_PERCENTILES] = { 50.0, 90.0, 95.0, 99.0, 99.9,
                                                                  100.0 };

const cb_estimate *cb_result_typical(const cb_result *r)
{
    if (r->analysis.median_is_typical) {
        return &r->analysis.median;
    }
    return r->plan.mode == CB_MODE_LINEAR ? &r->analysis.slope : &r->analysis.mean;
}

int cb_plan_overruns(const cb_plan *plan)
{
    /* d > 1 means the plan was sized to the target; only d == 1 can overrun,
     * and only a target there was: none (the gate's one call a sample for a
     * slow call) asked for what it got */
    return plan->d == 1 && plan->target_ns > 0.0 && plan->expected_ns > plan->target_ns;
}

int cb_samples_alloc(cb_samples *s, size_t n)
{
    s->n = n;
    s->iters = calloc(n > 0 ? n : 1, sizeof *s->iters);
    s->values = calloc(n > 0 ? n : 1, sizeof *s->values);
    if (s->iters == NULL || s->values == NULL) {
        cb_samples_free(s);
        return -1;
    }
    return 0;
}

void cb_samples_free(cb_samples *s)
{
    free(s->iters);
    free(s->values);
    s->iters = s->values = NULL;
    s->n = 0;
}

void cb_profile_free(cb_profile *p)
{
    size_t i;

    if (p == NULL) {
        return;
    }
    for (i = 0; i < p->nnodes; i++) {
        free(p->nodes[i].name);
        free(p->nodes[i].object);
    }
    for (i = 0; i < p->nfns; i++) {
        free(p->fns[i].name);
        free(p->fns[i].object);
    }
    free(p->nodes);
    free(p->fns);
    free(p);
}

void cb_profile_diff_free(cb_profile_diff *d)
{
    size_t i;

    if (d == NULL) {
        return;
    }
    for (i = 0; i < d->n; i++) {
        free(d->changes[i].name);
        free(d->changes[i].object);
    }
    free(d->changes);
    free(d->old_node_total);
    free(d);
}

void cb_result_free(cb_result *r)
{
    free(r->name);
    free(r->impl);
    free(r->failure);
    free(r->note);
    free(r->variant_of);
    free(r->variant);
    cb_samples_free(&r->samples);
    free(r->calls.values);
    cb_checks_free(&r->checks);
    cb_memory_free(&r->memory);
    cb_profile_free(r->profile);
    cb_profile_diff_free(r->grew);
    cb_budget_outcomes_free(r->budgets, r->nbudgets);
    memset(r, 0, sizeof *r);
}

void cb_result_set_param(cb_result *r, const char *name, uint64_t value)
{
    memset(&r->args[0], 0, sizeof r->args[0]);
    snprintf(r->args[0].name, sizeof r->args[0].name, "%s", name != NULL ? name : "");
    r->args[0].value = value;
    r->nargs = 1;
    r->named_args = 0;
}

int cb_result_set_string(char **field, const char *s)
{
    char *copy = NULL;

    if (s != NULL && (copy = cb_text_dup(s)) == NULL) {
        return -1;
    }
    free(*field);
    *field = copy;
    return 0;
}

void cb_result_fail(cb_result *r, const char *reason)
{
    r->failed = 1;
    if (cb_result_set_string(&r->failure, reason) != 0) {
        /* out of memory: a static reason still tells the user something */
        r->failure = NULL;
    }
}

const char *cb_statistic_name(cb_statistic s)
{
    switch (s) {
    case CB_STATISTIC_SLOPE:
        return "slope";
    case CB_STATISTIC_MEAN:
        return "mean";
    case CB_STATISTIC_MEDIAN:
        return "median";
    }
    return "";
}

const char *cb_mode_name(cb_mode mode)
{
    return mode == CB_MODE_LINEAR ? "linear" : "flat";
}

void cb_name_group(const char *name, char *buf, size_t size)
{
    size_t len = strcspn(name, "/");

    if (size == 0) {
        return;
    }
    if (len >= size) {
        len = size - 1;
    }
    memcpy(buf, name, len);
    buf[len] = '\0';
}

size_t cb_outliers_total(const cb_outliers *o)
{
    return o->low_severe + o->low_mild + o->high_mild + o->high_severe;
}
