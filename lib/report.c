#include <string.h>

#include "config.h"
#include "report.h"

int cb_report_open_format(cb_reporter *rep, int format, const cb_report_options *opt)
{
    switch ((cb_format) format) {
    case CB_FORMAT_JSON:
        return cb_report_json_open(rep, opt);
    case CB_FORMAT_CSV:
        return cb_report_csv_open(rep, opt);
    case CB_FORMAT_MARKDOWN:
        return cb_report_markdown_open(rep, opt);
    case CB_FORMAT_BENCHER:
        return cb_report_bencher_open(rep, opt);
    case CB_FORMAT_GITHUB:
        return cb_report_github_open(rep, opt);
    case CB_FORMAT_HUMAN:
        break;
    }
    return cb_report_terminal_open(rep, opt);
}

void cb_report_replay(cb_reporter *reps, size_t n, const cb_run *run)
{
    size_t i, j;

    for (j = 0; j < n; j++) {
        if (reps[j].begin != NULL) {
            reps[j].begin(reps[j].self, run);
        }
    }
    for (i = 0; i < run->n; i++) {
        for (j = 0; j < n; j++) {
            if (reps[j].result != NULL) {
                reps[j].result(reps[j].self, run, &run->results[i]);
            }
        }
    }
    for (j = 0; j < n; j++) {
        if (reps[j].end != NULL) {
            reps[j].end(reps[j].self, run);
        }
    }
}

void cb_report_close(cb_reporter *rep)
{
    if (rep->close != NULL) {
        rep->close(rep->self);
    }
    memset(rep, 0, sizeof *rep);
}
