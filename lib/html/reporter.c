#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/atomic_file.h"
#include "html/bench_page.h"
#include "html/group_page.h"
#include "html/index_page.h"
#include "html/page.h"
#include "report/report.h"

/*
 * The HTML report: opt->html_dir/index.html, a page per benchmark and a page
 * per group. A group's page is written out when its summaries come (the
 * group hook: they are computed once, for every reporter, and live only
 * during the call); every file is written at the end, when the run is whole,
 * each atomically.
 */
typedef struct group_page {
    char    name[CB_HTML_GROUP_MAX];
    cb_buf text; /* empty until the group's page was written out */
} group_page;

typedef struct html_report {
    cb_report_options opt;
    group_page       *groups; /* in the order they first came */
    size_t            ngroups, cap;
    int               oom;
} html_report;

static group_page *group_of(html_report *rep, const char *name)
{
    size_t i;

    for (i = 0; i < rep->ngroups; i++) {
        if (strcmp(rep->groups[i].name, name) == 0) {
            return &rep->groups[i];
        }
    }
    if (rep->ngroups == rep->cap) {
        size_t      cap = rep->cap * 2 + 8;
        group_page *grown = realloc(rep->groups, cap * sizeof *grown);

        if (grown == NULL) {
            rep->oom = 1;
            return NULL;
        }
        rep->groups = grown;
        rep->cap = cap;
    }
    memset(&rep->groups[rep->ngroups], 0, sizeof rep->groups[0]);
    snprintf(rep->groups[rep->ngroups].name, CB_HTML_GROUP_MAX, "%s", name);
    return &rep->groups[rep->ngroups++];
}

static void write_group(void *self, const cb_run *run, const char *group, const cb_groups *g)
{
    html_report *rep = self;
    group_page  *page = group_of(rep, group);

    if (page != NULL) {
        /* a group seen again (a baseline may interleave them) is written anew */
        cb_buf_free(&page->text);
        if (cb_html_group_page(&page->text, run, group, g, rep->opt.noise_threshold) != 0) {
            page->text.oom = 1;
        }
    }
}

/* Writes html_dir/file; on failure says so on opt->err, marks the run's
 * output as failed, and returns -1. */
static int write_file(html_report *rep, const char *file, const cb_buf *h)
{
    char     path[4096 + CB_HTML_FILE_MAX];
    cb_error err;

    if (h->oom || rep->oom) {
        fprintf(rep->opt.err, "cryptbench: out of memory writing %s/%s\n", rep->opt.html_dir,
                file);
        *rep->opt.write_failed = 1;
        return -1;
    }
    if ((size_t) snprintf(path, sizeof path, "%s/%s", rep->opt.html_dir, file) >= sizeof path) {
        fprintf(rep->opt.err, "cryptbench: %s: path too long for the HTML report\n",
                rep->opt.html_dir);
        *rep->opt.write_failed = 1;
        return -1;
    }
    if (cb_atomic_write(path, h->data != NULL ? h->data : "", h->len, &err) != 0) {
        fprintf(rep->opt.err, "cryptbench: HTML report: %s\n", err.msg);
        *rep->opt.write_failed = 1;
        return -1;
    }
    return 0;
}

static int write_benchmarks(html_report *rep, const cb_run *run, const cb_trend *trends)
{
    char   file[CB_HTML_FILE_MAX], group[CB_HTML_GROUP_MAX];
    size_t i;
    int    rc = 0;

    for (i = 0; i < run->n && rc == 0; i++) {
        const cb_result *r = &run->results[i];
        cb_buf           h = { NULL, 0, 0, 0 };

        /* every group gets a page, even one whose summaries never came */
        cb_name_group(r->name, group, sizeof group);
        group_of(rep, group);
        if (r->failed) {
            continue;
        }
        if (cb_html_bench_page(&h, run, &rep->opt, r, trends != NULL ? &trends[i] : NULL) != 0) {
            h.oom = 1;
        }
        cb_html_file_name(file, CB_HTML_BENCH, r->name);
        rc = write_file(rep, file, &h);
        cb_buf_free(&h);
    }
    return rc;
}

static int has_group(const cb_run *run, const char *group)
{
    char   g[CB_HTML_GROUP_MAX];
    size_t i;

    for (i = 0; i < run->n; i++) {
        cb_name_group(run->results[i].name, g, sizeof g);
        if (strcmp(g, group) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The page of a group only the kept run has (a filtered run left all of it
 * out), as that run's, with the summaries the command made of it. */
static int kept_group_page(html_report *rep, group_page *page)
{
    const cb_groups *g = NULL;
    size_t           i;

    for (i = 0; i < rep->opt.nkept_groups && g == NULL; i++) {
        if (strcmp(rep->opt.kept_groups[i].name, page->name) == 0) {
            g = &rep->opt.kept_groups[i].g;
        }
    }
    return cb_html_group_page(&page->text, rep->opt.kept, page->name, g,
                              rep->opt.noise_threshold);
}

static int write_groups(html_report *rep, const cb_run *run)
{
    char   file[CB_HTML_FILE_MAX];
    size_t i;

    for (i = 0; i < rep->ngroups; i++) {
        group_page *page = &rep->groups[i];
        int         kept = rep->opt.kept != NULL && !has_group(run, page->name);

        if (page->text.len == 0 && !page->text.oom &&
            (kept ? kept_group_page(rep, page)
                  : cb_html_group_page(&page->text, run, page->name, NULL,
                                       rep->opt.noise_threshold)) != 0) {
            page->text.oom = 1;
        }
        cb_html_file_name(file, CB_HTML_GROUP, page->name);
        if (write_file(rep, file, &page->text) != 0) {
            return -1;
        }
    }
    return 0;
}

/* The trends of run's results, as handed in (ts), for their pages and the
 * index; NULL when there are none. */
static const cb_trend *trends_of(const cb_trends *ts, const cb_run *run)
{
    return ts != NULL && ts->n == run->n && run->n > 0 ? ts->t : NULL;
}

/* The kept run's results that this run did not measure (opt->kept: a
 * filtered run), with the trends handed in; others->n 0 when none. Their pages are
 * written here, each as the run it was measured in reports it, compared as it
 * was then. -1 when a page could not be written. */
static int write_others(html_report *rep, const cb_run *run, cb_html_others *others)
{
    const cb_run     *kept = rep->opt.kept;
    const cb_trend   *trends = kept != NULL ? trends_of(rep->opt.kept_trends, kept) : NULL;
    cb_report_options opt = rep->opt;
    char              file[CB_HTML_FILE_MAX], group[CB_HTML_GROUP_MAX];
    size_t            i;

    memset(others, 0, sizeof *others);
    if (kept == NULL) {
        return 0;
    }
    others->run = kept;
    others->rs = malloc((kept->n + 1) * sizeof *others->rs);
    others->trends = calloc(kept->n + 1, sizeof *others->trends);
    if (others->rs == NULL || others->trends == NULL) {
        rep->oom = 1;
        return 0;
    }
    opt.baseline_name = kept->compared_with[0] != '\0' ? kept->compared_with : NULL;
    opt.baseline = NULL;
    opt.live = 0;
    opt.missing = NULL;
    opt.nmissing = 0;
    opt.kept = NULL;
    for (i = 0; i < kept->n; i++) {
        const cb_result *r = &kept->results[i];
        cb_trend        *t = &others->trends[others->n];
        cb_buf           h = { NULL, 0, 0, 0 };

        int              rc;

        if (cb_run_find(run, r->name) != NULL) {
            continue;
        }
        if (trends != NULL) {
            *t = trends[i];
        }
        others->rs[others->n++] = r;
        cb_name_group(r->name, group, sizeof group);
        group_of(rep, group);
        if (r->failed) {
            continue;
        }
        if (cb_html_bench_page(&h, kept, &opt, r, trends != NULL ? t : NULL) != 0) {
            h.oom = 1;
        }
        cb_html_file_name(file, CB_HTML_BENCH, r->name);
        rc = write_file(rep, file, &h);
        cb_buf_free(&h);
        if (rc != 0) {
            return -1;
        }
    }
    return 0;
}

static void close_others(cb_html_others *others)
{
    free(others->trends);
    free(others->rs);
}

static void write_report(void *self, const cb_run *run)
{
    html_report   *rep = self;
    const cb_trend *trends = trends_of(rep->opt.trends, run);
    cb_html_others others;
    const char   **names;
    cb_buf         h = { NULL, 0, 0, 0 };
    size_t         i;

    memset(&others, 0, sizeof others);
    /* the first failure is reported and ends the report: the next file would
     * most likely fail alike */
    if (write_benchmarks(rep, run, trends) != 0 || write_others(rep, run, &others) != 0 ||
        write_groups(rep, run) != 0) {
        close_others(&others);
        return;
    }
    names = malloc((rep->ngroups + 1) * sizeof *names);
    for (i = 0; names != NULL && i < rep->ngroups; i++) {
        names[i] = rep->groups[i].name;
    }
    if (names == NULL ||
        cb_html_index_page(&h, run, &rep->opt, names, rep->ngroups, trends, &others) != 0) {
        h.oom = 1;
    }
    write_file(rep, "index.html", &h);
    cb_buf_free(&h);
    free(names);
    close_others(&others);
}

static void close_html(void *self)
{
    html_report *rep = self;
    size_t       i;

    for (i = 0; i < rep->ngroups; i++) {
        cb_buf_free(&rep->groups[i].text);
    }
    free(rep->groups);
    free(rep);
}

int cb_report_html_open(cb_reporter *rep, const cb_report_options *opt)
{
    html_report *h = calloc(1, sizeof *h);

    if (h == NULL) {
        return -1;
    }
    h->opt = *opt;
    *rep = (cb_reporter){ .group = write_group, .end = write_report, .close = close_html,
                          .self = h };
    return 0;
}
