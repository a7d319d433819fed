#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/atomic_file.h"
#include "store/baseline.h"
#include "store/history.h"

/* "20261130T140718Z": the run's time as a file name sorts it. */
#define STAMP_LEN 16

/* One file of a baseline's history, as its name tells. */
typedef struct entry {
    char    *file; /* the name in the directory */
    char     stamp[STAMP_LEN + 1];
    unsigned seq;  /* 0 for the older form, which had none */
} entry;

typedef struct listing {
    entry *items;
    size_t n, cap;
} listing;

/* 2026-11-30T14:07:18Z -> 20261130T140718Z: no ':' in a file name. A run
 * without a time gets the current one. */
static void stamp_of(const cb_run *run, char stamp[STAMP_LEN + 1])
{
    const char *t = run->timestamp;
    size_t      i, k = 0;

    for (i = 0; t[i] != '\0' && k < STAMP_LEN; i++) {
        if (t[i] != '-' && t[i] != ':') {
            stamp[k++] = t[i];
        }
    }
    stamp[k] = '\0';
    if (k != STAMP_LEN) {
        time_t    now = time(NULL);
        struct tm tm;

        gmtime_r(&now, &tm);
        strftime(stamp, STAMP_LEN + 1, "%Y%m%dT%H%M%SZ", &tm);
    }
}

/* The stamp a day from now: a file dated after it was written by a clock
 * that was wrong, or edited; sorted by its name it would stay the newest run
 * for ever. A day leaves room for machines whose clocks disagree. */
static void future_stamp(char stamp[STAMP_LEN + 1])
{
    time_t    later = time(NULL) + CB_HISTORY_FUTURE_S;
    struct tm tm;

    gmtime_r(&later, &tm);
    strftime(stamp, STAMP_LEN + 1, "%Y%m%dT%H%M%SZ", &tm);
}

static int is_stamp(const char *s)
{
    size_t i;

    for (i = 0; i < STAMP_LEN; i++) {
        int want_digit = i != 8 && i != 15;

        if (want_digit ? (s[i] < '0' || s[i] > '9') : s[i] != (i == 8 ? 'T' : 'Z')) {
            return 0;
        }
    }
    return 1;
}

/* Whether file is one of name's: <stamp>-<seq>-<name>.json or the older
 * <stamp>-<name>.json; fills e's stamp and seq. */
static int parse_file(const char *file, const char *name, entry *e)
{
    size_t len = strlen(file), nlen = strlen(name), mid;

    /* the shortest: stamp, '-', name, ".json" */
    if (len < STAMP_LEN + 1 + nlen + 5 || !is_stamp(file) || file[STAMP_LEN] != '-' ||
        strcmp(file + len - 5, ".json") != 0 || strncmp(file + len - 5 - nlen, name, nlen) != 0) {
        return 0;
    }
    mid = len - 5 - nlen - (STAMP_LEN + 1); /* what lies between stamp- and name */
    memcpy(e->stamp, file, STAMP_LEN);
    e->stamp[STAMP_LEN] = '\0';
    if (mid == 0) {
        e->seq = 0;
        return 1;
    }
    if (mid == 4 && file[STAMP_LEN + 4] == '-' && file[STAMP_LEN + 1] >= '0' &&
        file[STAMP_LEN + 1] <= '9' && file[STAMP_LEN + 2] >= '0' && file[STAMP_LEN + 2] <= '9' &&
        file[STAMP_LEN + 3] >= '0' && file[STAMP_LEN + 3] <= '9') {
        e->seq = (unsigned) ((file[STAMP_LEN + 1] - '0') * 100 + (file[STAMP_LEN + 2] - '0') * 10 +
                             (file[STAMP_LEN + 3] - '0'));
        return e->seq > 0;
    }
    return 0;
}

static int entry_order(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int          c = strcmp(x->stamp, y->stamp);

    return c != 0 ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void listing_free(listing *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        free(l->items[i].file);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* name's files in dir, oldest first; a missing dir is an empty list. */
static int list_files(const char *dir, const char *name, listing *l, cb_error *err)
{
    DIR           *d = opendir(dir);
    struct dirent *de;
    entry          e;

    memset(l, 0, sizeof *l);
    if (d == NULL) {
        return errno == ENOENT ? 0 : cb_error_set(err, "%s: cannot list: %s", dir, strerror(errno));
    }
    while ((de = readdir(d)) != NULL) {
        if (!parse_file(de->d_name, name, &e)) {
            continue;
        }
        if (l->n == l->cap) {
            size_t cap = l->cap * 2 + 16;
            entry *grown = realloc(l->items, cap * sizeof *grown);

            if (grown == NULL) {
                break;
            }
            l->items = grown;
            l->cap = cap;
        }
        if ((e.file = strdup(de->d_name)) == NULL) {
            break;
        }
        l->items[l->n++] = e;
    }
    closedir(d);
    if (de != NULL) {
        listing_free(l);
        return cb_error_set(err, "%s: out of memory listing the history", dir);
    }
    if (l->n > 1) {
        qsort(l->items, l->n, sizeof *l->items, entry_order);
    }
    return 0;
}

/* Removes name's files beyond limit: first those dated in the future, then
 * the oldest; never `kept`, the file just written. A file that cannot be
 * removed is left: the next save tries again. */
static void prune(const char *dir, const char *name, size_t limit, const char *kept)
{
    char    path[4096 + 256], future[STAMP_LEN + 1];
    listing l;
    size_t  i, left;

    if (list_files(dir, name, &l, NULL) != 0) {
        return;
    }
    future_stamp(future);
    left = l.n;
    for (i = l.n; i > 0 && left > limit; i--) {
        if (strcmp(l.items[i - 1].stamp, future) > 0 && strcmp(l.items[i - 1].file, kept) != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, l.items[i - 1].file);
            left -= unlink(path) == 0;
        }
    }
    for (i = 0; i < l.n && left > limit; i++) {
        if (strcmp(l.items[i].stamp, future) <= 0 && strcmp(l.items[i].file, kept) != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, l.items[i].file);
            left -= unlink(path) == 0;
        }
    }
    listing_free(&l);
}

int cb_history_save(const char *dir, const char *name, const cb_run *run, size_t limit,
                    cb_error *err)
{
    char     stamp[STAMP_LEN + 1], file[4096 + 256], check[4096], *base;
    json_t  *doc;
    char    *text;
    unsigned seq;
    int      rc = 1;

    if (cb_baseline_path(check, sizeof check, dir, name, err) != 0) {
        return -1;
    }
    doc = cb_baseline_encode(run);
    /* compact: a history holds many runs, and nobody reads them by eye */
    text = doc != NULL ? json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(17)) : NULL;
    json_decref(doc);
    if (text == NULL) {
        return cb_error_set(err, "%s: out of memory encoding the run", dir);
    }
    stamp_of(run, stamp);
    for (seq = 1; seq <= CB_HISTORY_MAX_SEQ && rc == 1; seq++) {
        if ((size_t) snprintf(file, sizeof file, "%s/%s-%03u-%s.json", dir, stamp, seq, name) >=
            sizeof file) {
            free(text);
            return cb_error_set(err, "%s: history path too long", dir);
        }
        rc = cb_atomic_create(file, text, strlen(text), err);
    }
    free(text);
    if (rc == 1) {
        return cb_error_set(err, "%s: %d runs of '%s' within one second already", dir,
                            CB_HISTORY_MAX_SEQ, name);
    }
    if (rc != 0) {
        return -1;
    }
    base = strrchr(file, '/');
    prune(dir, name, limit > 0 ? limit : 1, base != NULL ? base + 1 : file);
    return 0;
}

static cb_history_series *series_of(cb_history *h, const char *name)
{
    cb_history_series *s;
    size_t             i;

    for (i = 0; i < h->n; i++) {
        if (strcmp(h->series[i].name, name) == 0) {
            return &h->series[i];
        }
    }
    if (h->n == h->cap) {
        size_t             cap = h->cap * 2 + 16;
        cb_history_series *grown = realloc(h->series, cap * sizeof *grown);

        if (grown == NULL) {
            return NULL;
        }
        h->series = grown;
        h->cap = cap;
    }
    s = &h->series[h->n];
    memset(s, 0, sizeof *s);
    if ((s->name = strdup(name)) == NULL) {
        return NULL;
    }
    h->n++;
    return s;
}

void cb_history_point_of(cb_history_point *p, const cb_run *run, const cb_result *r)
{
    snprintf(p->timestamp, sizeof p->timestamp, "%s", run->timestamp);
    snprintf(p->commit, sizeof p->commit, "%s",
             run->machine.git_commit[0] != '\0' ? run->machine.git_commit : "unknown");
    p->estimate = *cb_result_typical(r);
}

static int add_point(cb_history *h, const cb_run *run, const cb_result *r)
{
    cb_history_series *s = series_of(h, r->name);
    cb_history_point  *p;

    if (s == NULL) {
        return -1;
    }
    if (s->n == s->cap) {
        size_t            cap = s->cap * 2 + 8;
        cb_history_point *grown = realloc(s->points, cap * sizeof *grown);

        if (grown == NULL) {
            return -1;
        }
        s->points = grown;
        s->cap = cap;
    }
    p = &s->points[s->n++];
    cb_history_point_of(p, run, r);
    return 0;
}

int cb_history_add_run(cb_history *h, const cb_run *run)
{
    size_t i;

    for (i = 0; i < run->n; i++) {
        if (!run->results[i].failed && add_point(h, run, &run->results[i]) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Adds the runs' results that keep accepts; -1 when out of memory. */
static int add_kept(cb_history *h, const cb_run *run, int (*keep)(void *, const char *),
                    void *ctx)
{
    size_t i;

    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        if (!r->failed && (keep == NULL || keep(ctx, r->name)) && add_point(h, run, r) != 0) {
            return -1;
        }
    }
    return 0;
}

int cb_history_load(const char *dir, const char *name, cb_measure measure,
                    int (*keep)(void *ctx, const char *name), void *ctx, FILE *warn,
                    cb_history *h, cb_error *err)
{
    char     path[4096 + 256], future[STAMP_LEN + 1];
    listing  l;
    size_t   i;
    int      rc = 0;

    memset(h, 0, sizeof *h);
    future_stamp(future);
    h->measure = measure;
    h->unit = measure == CB_MEASURE_WALL ? "ns" : cb_measure_name(measure);
    if (list_files(dir, name, &l, err) != 0) {
        return -1;
    }
    for (i = 0; i < l.n && rc == 0; i++) {
        cb_run   run;
        cb_error why;

        snprintf(path, sizeof path, "%s/%s", dir, l.items[i].file);
        if (strcmp(l.items[i].stamp, future) > 0) {
            if (warn != NULL) {
                fprintf(warn, "warning: skipping a history file dated more than a day ahead of "
                              "this machine's clock (its clock was wrong, or it was edited; the "
                              "next save removes it): %s\n", path);
            }
            h->skipped++;
            continue;
        }
        if (cb_baseline_load(path, &run, &why) != 0) {
            /* one bad file must not cost the whole history */
            if (warn != NULL) {
                fprintf(warn, "warning: skipping a history file: %s\n", why.msg);
            }
            h->skipped++;
            continue;
        }
        if (run.measure != measure) {
            if (warn != NULL) {
                fprintf(warn, "warning: skipping a history file: %s holds %s, not %s\n", path,
                        cb_measure_name(run.measure), cb_measure_name(measure));
            }
            h->skipped++;
        } else {
            h->runs++;
            if (add_kept(h, &run, keep, ctx) != 0) {
                rc = cb_error_set(err, "%s: out of memory reading the history", dir);
            }
        }
        cb_run_free(&run);
    }
    listing_free(&l);
    if (rc != 0) {
        cb_history_free(h);
    }
    return rc;
}

double *cb_history_values(const cb_history_series *s)
{
    double *x = malloc((s->n + 1) * sizeof *x);
    size_t  i;

    for (i = 0; x != NULL && i < s->n; i++) {
        x[i] = s->points[i].estimate.point;
    }
    return x;
}

const cb_history_series *cb_history_find(const cb_history *h, const char *name)
{
    size_t i;

    for (i = 0; i < h->n; i++) {
        if (strcmp(h->series[i].name, name) == 0) {
            return &h->series[i];
        }
    }
    return NULL;
}

void cb_history_free(cb_history *h)
{
    size_t i;

    for (i = 0; i < h->n; i++) {
        free(h->series[i].name);
        free(h->series[i].points);
    }
    free(h->series);
    memset(h, 0, sizeof *h);
}
