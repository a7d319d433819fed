#include <stdlib.h>

#include "report/report.h"
#include "store/result_json.h"

typedef struct json_reporter {
    cb_report_options opt;
} json_reporter;

static void write_result(void *self, const cb_run *run, const cb_result *r)
{
    json_reporter *j = self;
    json_t        *obj = cb_result_json_encode(r, run->unit, 1);

    if (obj == NULL) {
        fprintf(j->opt.err, "cryptbench: out of memory encoding %s\n", r->name);
        return;
    }
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
