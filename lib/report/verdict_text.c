#include <stdio.h>
#include <string.h>

#include "report/format.h"
#include "report/verdict_text.h"

const char *cb_verdict_text_measure(const cb_change *c, const char *run_unit)
{
    const char *unit = c->unit != NULL ? c->unit : run_unit;

    return strcmp(unit, "ns") == 0 ? "wall time" : unit;
}

const char *cb_verdict_text_word(cb_verdict v)
{
    switch (v) {
    case CB_VERDICT_REGRESSED:
        return "regressed";
    case CB_VERDICT_IMPROVED:
        return "improved";
    case CB_VERDICT_WITHIN_NOISE:
        return "within noise";
    case CB_VERDICT_NO_CHANGE:
        return "no change";
    case CB_VERDICT_UNRESOLVED:
        return "unresolved";
    }
    return "";
}

void cb_verdict_text_brief(char *buf, size_t size, const cb_change *c, const char *run_unit)
{
    const char *what = cb_verdict_text_measure(c, run_unit);
    char        mid[32], lo[32], hi[32], res[32];

    cb_format_percent(mid, sizeof mid, c->estimate.point);
    if (c->p_value < 0.0) {
        snprintf(buf, size, "%s %s (exact)", mid, what);
    } else if (c->verdict == CB_VERDICT_UNRESOLVED) {
        cb_format_plain(res, sizeof res, 100.0 * c->resolution, 2);
        snprintf(buf, size, "%s unresolved \u00b1%s%%", what, res);
    } else {
        cb_format_percent(lo, sizeof lo, c->estimate.lower);
        cb_format_percent(hi, sizeof hi, c->estimate.upper);
        snprintf(buf, size, "%s %s [%s, %s]", what, mid, lo, hi);
    }
}

void cb_verdict_text(char *buf, size_t size, const cb_result *r, const char *run_unit)
{
    const cb_change *c = &r->change;
    char             brief[96];
    size_t           i, used;

    if (r->nalso == 0 && c->verdict == CB_VERDICT_UNRESOLVED) {
        cb_format_plain(brief, sizeof brief, 100.0 * c->resolution, 2);
        snprintf(buf, size, "unresolved \u00b1%s%%", brief);
    } else if (r->nalso == 0) {
        snprintf(buf, size, "%s", cb_verdict_text_word(c->verdict));
    } else {
        cb_verdict_text_brief(brief, sizeof brief, c, run_unit);
        if (c->p_value < 0.0 && c->verdict == CB_VERDICT_NO_CHANGE) {
            /* counts that agree say the work is the same, not that the time is */
            snprintf(buf, size, "no change in work: %s", brief);
        } else {
            snprintf(buf, size, "%s: %s", cb_verdict_text_word(c->verdict), brief);
        }
        for (i = 0; i < r->nalso; i++) {
            used = strlen(buf);
            cb_verdict_text_brief(brief, sizeof brief, &r->also[i], run_unit);
            if (r->also[i].p_value >= 0.0 && r->also[i].verdict != CB_VERDICT_UNRESOLVED) {
                /* "wall time no change: +1.67% [+0.46%, +2.89%]" */
                const char *what = cb_verdict_text_measure(&r->also[i], run_unit);

                snprintf(buf + used, size - used, "; %s %s:%s", what,
                         cb_verdict_text_word(r->also[i].verdict), brief + strlen(what));
            } else {
                snprintf(buf + used, size - used, "; %s", brief);
            }
        }
    }
    used = strlen(buf);
    if (c->flags & CB_CHANGE_DISAGREE) {
        snprintf(buf + used, size - used, "; the measures disagree: instruction counts mislead "
                                          "here (a change of instruction mix, or memory)");
    } else if (c->flags & CB_CHANGE_MEMORY_BOUND) {
        snprintf(buf + used, size - used, "; memory bound: instruction counts miss the time it "
                                          "waits on memory");
    }
}
