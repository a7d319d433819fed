#include <stdlib.h>
#include <string.h>

#include "core/memory.h"
#include "core/run.h"
#include "core/strmap.h"
#include "core/text.h"

static const char *const figure_keys[CB_MEMORY_NFIGURES] = {
    "allocations", "frees", "bytes", "freed_bytes", "net_bytes", "peak_bytes",
    "peak_resident_bytes"
};

int cb_memory_judged(cb_memory_figure f)
{
    return f == CB_MEMORY_ALLOCATIONS || f == CB_MEMORY_NET_BYTES || f == CB_MEMORY_BYTES ||
           f == CB_MEMORY_PEAK_BYTES;
}

const char *cb_memory_figure_key(cb_memory_figure f)
{
    return figure_keys[f];
}

int cb_memory_figure_parse(const char *s, cb_memory_figure *f)
{
    int i = cb_strmap_index(figure_keys, CB_MEMORY_NFIGURES, s);

    if (i < 0) {
        return -1;
    }
    *f = (cb_memory_figure) i;
    return 0;
}

int cb_memory_figure_is_bytes(cb_memory_figure f)
{
    return f != CB_MEMORY_ALLOCATIONS && f != CB_MEMORY_FREES;
}

static const char *const statuses[] = { "not-counted", "counted", "failed" };
static const char *const verdicts[] = { "same", "less", "more" };

const char *cb_memory_status_name(cb_memory_status s)
{
    return statuses[s];
}

int cb_memory_status_parse(const char *s, cb_memory_status *status)
{
    int i = cb_strmap_index(statuses, sizeof statuses / sizeof statuses[0], s);

    if (i < 0) {
        return -1;
    }
    *status = (cb_memory_status) i;
    return 0;
}

const char *cb_memory_verdict_name(cb_memory_verdict v)
{
    return verdicts[v];
}

int cb_memory_verdict_parse(const char *s, cb_memory_verdict *v)
{
    int i = cb_strmap_index(verdicts, sizeof verdicts / sizeof verdicts[0], s);

    if (i < 0) {
        return -1;
    }
    *v = (cb_memory_verdict) i;
    return 0;
}

void cb_memory_fail(cb_memory *m, const char *why)
{
    free(m->why);
    m->status = CB_MEMORY_FAILED;
    m->why = cb_text_dup(why != NULL ? why : "failed");
}

void cb_memory_free(cb_memory *m)
{
    free(m->why);
    memset(m, 0, sizeof *m);
}

cb_memory_summary cb_memory_summarize(const cb_run *run)
{
    cb_memory_summary sum = { 0, 0, 0, 0, 0 };
    size_t            i;

    for (i = 0; i < run->n; i++) {
        const cb_memory *m = &run->results[i].memory;

        sum.failed += m->status == CB_MEMORY_FAILED;
        if (m->status != CB_MEMORY_COUNTED) {
            continue;
        }
        sum.counted++;
        sum.leaking += m->figures[CB_MEMORY_NET_BYTES] > 0.0;
        sum.more += m->has_change && m->change.verdict == CB_MEMORY_MORE;
        sum.less += m->has_change && m->change.verdict == CB_MEMORY_LESS;
    }
    return sum;
}
