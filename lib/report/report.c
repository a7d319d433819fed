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

void cb_fanout_begin(cb_fanout *f, const cb_run *run)
{
    size_t j;

    f->group[0] = '\0';
    for (j = 0; j < f->n; j++) {
        if (f->reps[j].begin != NULL) {
            f->reps[j].begin(f->reps[j].self, run);
        }
    }
}

static void close_group(cb_fanout *f, const cb_run *run)
{
    cb_groups g;
    cb_error  err;
    size_t    j;
    int       wanted = 0;

    for (j = 0; j < f->n; j++) {
        wanted |= f->reps[j].group != NULL;
    }
    if (f->group[0] == '\0' || !wanted) {
        return;
    }
    if (cb_group_analyse(run, f->group, &f->boot, &g, &err) != 0) {
        fprintf(stderr, "cryptbench: group %s: %s\n", f->group, err.msg);
        return;
    }
    for (j = 0; j < f->n; j++) {
        if (f->reps[j].group != NULL) {
            f->reps[j].group(f->reps[j].self, run, f->group, &g);
        }
    }
    cb_groups_free(&g);
}

void cb_fanout_next(cb_fanout *f, const cb_run *run, const char *name)
{
    char group[sizeof f->group];

    cb_name_group(name, group, sizeof group);
    if (strcmp(group, f->group) != 0) {
        close_group(f, run);
        memcpy(f->group, group, sizeof group);
    }
}

void cb_fanout_result(cb_fanout *f, const cb_run *run, const cb_result *r)
{
    size_t j;

    cb_fanout_next(f, run, r->name);
    for (j = 0; j < f->n; j++) {
        if (f->reps[j].result != NULL) {
            f->reps[j].result(f->reps[j].self, run, r);
        }
    }
}

void cb_fanout_end(cb_fanout *f, const cb_run *run)
{
    size_t j;

    close_group(f, run);
    f->group[0] = '\0';
    for (j = 0; j < f->n; j++) {
        if (f->reps[j].end != NULL) {
            f->reps[j].end(f->reps[j].self, run);
        }
    }
}

void cb_report_replay(cb_reporter *reps, size_t n, const cb_run *run)
{
    cb_fanout f = { reps, n, { run->nresamples, run->confidence, run->seed }, "" };
    size_t    i;

    cb_fanout_begin(&f, run);
    for (i = 0; i < run->n; i++) {
        cb_fanout_result(&f, run, &run->results[i]);
    }
    cb_fanout_end(&f, run);
}

void cb_report_close(cb_reporter *rep)
{
    if (rep->close != NULL) {
        rep->close(rep->self);
    }
    memset(rep, 0, sizeof *rep);
}
