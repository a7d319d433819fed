#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/format.h"
#include "report/memory_text.h"
#include "report/summary.h"

void cb_summary_ratio(char *buf, size_t size, const cb_impl_ratio *r, const char *unit)
{
    /* a count is fewer, not faster: a time is faster */
    const char *more = strcmp(unit, "ns") == 0 ? "faster than"
                       : strcmp(unit, "cycles") == 0 ? "fewer cycles than"
                                                     : "fewer instructions than";

    if (r->speedup.lower <= 1.0) {
        /* the interval holds 1: which is faster is not established */
        snprintf(buf, size, "%s: no measurable difference between %s and %s [%.2fx %.2fx]",
                 r->primitive, r->faster->impl, r->slower->impl, r->speedup.lower,
                 r->speedup.upper);
        return;
    }
    snprintf(buf, size, "%s: %s %.2fx %s %s [%.2fx %.2fx]", r->primitive, r->faster->impl,
             r->speedup.point, more, r->slower->impl, r->speedup.lower, r->speedup.upper);
}

void cb_summary_sweep(char *buf, size_t size, const cb_sweep *s, const char *unit)
{
    char per[48], fixed[48], what[64];

    if (!s->fitted) {
        snprintf(buf, size, "%s: %zu points, too few for a fit", s->series, s->n);
        return;
    }
    cb_format_value(per, sizeof per, s->fit.slope, unit);
    cb_format_value(fixed, sizeof fixed, fabs(s->fit.intercept), unit);
    cb_group_unit_name(s, what, sizeof what);
    /* a line that fits badly says so: its per-unit cost is no such thing */
    snprintf(buf, size, "%s: %s per %s %s %s fixed, R\u00b2 %.5f%s", s->series, per, what,
             s->fit.intercept < 0.0 ? "-" : "+", fixed, s->fit.r_squared,
             s->fit.r_squared < CB_SUMMARY_POOR_FIT ? " (poor fit: not a straight line)" : "");
}

int cb_summary_sweep_once(char *buf, size_t size, const cb_sweep *s, const char *unit)
{
    if (s->fitted || s->alike == 1) {
        cb_summary_sweep(buf, size, s, unit);
        return 1;
    }
    if (s->alike == 0) {
        return 0;
    }
    snprintf(buf, size, "%s: %zu sweeps along %s of %zu points each, too few for a fit",
             s->family, s->alike, s->param_name != NULL ? s->param_name : "a parameter", s->n);
    return 1;
}

void cb_summary_cost(char *buf, size_t size, const cb_variant_cost *c, const char *unit)
{
    char mid[48], lo[48], hi[48];

    cb_format_value(mid, sizeof mid, fabs(c->cost.point), unit);
    cb_format_value(lo, sizeof lo, c->cost.lower, unit);
    cb_format_value(hi, sizeof hi, c->cost.upper, unit);
    if (c->cost.lower > 0.0) {
        snprintf(buf, size, "%s: %s costs %s [%s %s] more than %s", c->variant->name, c->what,
                 mid, lo, hi, c->base->name);
    } else if (c->cost.upper < 0.0) {
        /* faster with the extra work: whatever it measured, it is not that cost */
        snprintf(buf, size, "%s: %s faster than %s [%s %s]: no %s cost is measurable",
                 c->variant->name, mid, c->base->name, lo, hi, c->what);
    } else {
        snprintf(buf, size, "%s: %s: no measurable difference from %s [%s %s]",
                 c->variant->name, c->what, c->base->name, lo, hi);
    }
}

void cb_summary_sweep_memory(char *buf, size_t size, const cb_sweep *s)
{
    char per[48], fixed[48], what[64];

    cb_format_bytes(per, sizeof per, s->memory_fit.slope);
    cb_format_bytes(fixed, sizeof fixed, fabs(s->memory_fit.intercept));
    cb_group_unit_name(s, what, sizeof what);
    snprintf(buf, size, "%s: peak %s per %s %s %s fixed%s", s->series, per, what,
             s->memory_fit.intercept < 0.0 ? "-" : "+", fixed,
             s->memory_fit.r_squared < CB_SUMMARY_POOR_FIT ? " (poor fit: not a straight line)"
                                                           : "");
}

void cb_summary_cost_memory(char *buf, size_t size, const cb_variant_cost *c)
{
    double n = c->memory[CB_MEMORY_ALLOCATIONS], bytes = c->memory[CB_MEMORY_BYTES];
    char   b[48], count[48];

    cb_format_bytes(b, sizeof b, fabs(bytes));
    cb_memory_text_figure(count, sizeof count, CB_MEMORY_ALLOCATIONS, fabs(n));
    if (n == 0.0 && bytes == 0.0) {
        snprintf(buf, size, "%s: %s allocates nothing more than %s", c->variant->name, c->what,
                 c->base->name);
        return;
    }
    snprintf(buf, size, "%s: %s %s %s allocation%s (%s) per iteration %s %s", c->variant->name,
             c->what, n < 0.0 || (n == 0.0 && bytes < 0.0) ? "saves" : "adds", count,
             fabs(n) == 1.0 ? "" : "s", b, n < 0.0 || (n == 0.0 && bytes < 0.0) ? "over" : "to",
             c->base->name);
}
