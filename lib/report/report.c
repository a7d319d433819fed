#include <stdio.h>
#include <string.h>

#include "report/report.h"

int cb_report_open_format(cb_reporter *rep, cb_format format, const cb_report_options *opt)
{
    switch (format) {
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

void cb_fanout_begin(const cb_fanout *f, const cb_run *run)
{
    size_t j;

    for (j = 0; j < f->n; j++) {
        if (f->reps[j].begin != NULL) {
            f->reps[j].begin(f->reps[j].self, run);
        }
    }
}

void cb_fanout_result(const cb_fanout *f, const cb_run *run, const cb_result *r)
{
    size_t j;

    for (j = 0; j < f->n; j++) {
        if (f->reps[j].result != NULL) {
            f->reps[j].result(f->reps[j].self, run, r);
        }
    }
}

int cb_fanout_wants_groups(const cb_fanout *f)
{
    size_t j;

    for (j = 0; j < f->n; j++) {
        if (f->reps[j].group != NULL) {
            return 1;
        }
    }
    return 0;
}

void cb_fanout_group(const cb_fanout *f, const cb_run *run, const char *group,
                     const cb_groups *g)
{
    size_t j;

    for (j = 0; j < f->n; j++) {
        if (f->reps[j].group != NULL) {
            f->reps[j].group(f->reps[j].self, run, group, g);
        }
    }
}

void cb_fanout_end(const cb_fanout *f, const cb_run *run)
{
    size_t j;

    for (j = 0; j < f->n; j++) {
        if (f->reps[j].end != NULL) {
            f->reps[j].end(f->reps[j].self, run);
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
