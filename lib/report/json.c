#include <stdlib.h>

#include "report/quality_text.h"
#include "report/report.h"
#include "store/result_json.h"

typedef struct json_reporter {
    cb_report_options opt;
} json_reporter;

/* "flags": [{"flag": "poor-fit", "text": "poor fit: ..."}], what is weak about
 * the numbers beside it; [] when nothing is. Not stored in a baseline: it is
 * assessed anew from what is. */
static void add_flags(json_t *obj, const cb_run *run, const cb_result *r, double threshold)
{
    cb_quality q = cb_quality_assess(r, run->machine.cores, threshold);
    json_t    *flags = json_array();
    char       text[512];
    size_t     i;

    for (i = 0; flags != NULL && i < CB_QUALITY_NFLAGS; i++) {
        if (q.flags & cb_quality_order[i]) {
            cb_quality_text(text, sizeof text, &q, cb_quality_order[i], run->unit);
            json_array_append_new(flags, json_pack("{s:s, s:s}", "flag",
                                                   cb_quality_name(cb_quality_order[i]), "text",
                                                   text));
        }
    }
    if (!r->failed && flags != NULL) {
        json_object_set_new(obj, "flags", flags);
    } else {
        json_decref(flags);
    }
}

static void write_result(void *self, const cb_run *run, const cb_result *r)
{
    json_reporter *j = self;
    json_t        *obj = cb_result_json_encode(r, run->unit, 1);

    if (obj == NULL) {
        fprintf(j->opt.err, "cryptbench: out of memory encoding %s\n", r->name);
        return;
    }
    add_flags(obj, run, r, j->opt.noise_threshold);
    json_dumpf(obj, j->opt.out, JSON_COMPACT | JSON_REAL_PRECISION(17));
    fputc('\n', j->opt.out);
    fflush(j->opt.out);
    json_decref(obj);
}

static void close_json(void *self)
{
    free(self);
}

int cb_report_json_open(cb_reporter *rep, const cb_report_options *opt)
{
    json_reporter *j = calloc(1, sizeof *j);

    if (j == NULL) {
        return -1;
    }
    j->opt = *opt;
    *rep = (cb_reporter){ .result = write_result, .close = close_json, .self = j };
    return 0;
}
