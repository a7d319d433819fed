#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/check_result.h"
#include "core/strmap.h"
#include "core/text.h"

static const char *const kind_names[CB_FINDING_KINDS] = { "branch", "memory-access", "syscall" };
static const char *const kind_labels[CB_FINDING_KINDS] = {
    "secret-dependent branch", "secret-dependent memory access", "secret passed to a system call"
};
static const char *const status_names[] = { "not-run", "skipped",      "passed",
                                            "leaks",   "inconclusive", "failed" };
static const char *const test_names[] = { "raw", "cropped", "second-order" };

static const char *const phase_names[CB_CHECK_PHASES] = { "setup", "run", "class-0", "class-1",
                                                          "teardown" };
static const char *const phase_labels[CB_CHECK_PHASES] = { "setup", "run", "class 0", "class 1",
                                                           "teardown" };

void cb_frame_free(cb_frame *f)
{
    free(f->function);
    free(f->file);
    free(f->object);
    memset(f, 0, sizeof *f);
}

int cb_frame_copy(cb_frame *dst, const cb_frame *src)
{
    *dst = *src;
    dst->function = strdup(src->function);
    dst->file = src->file != NULL ? strdup(src->file) : NULL;
    dst->object = src->object != NULL ? strdup(src->object) : NULL;
    if (dst->function == NULL || (src->file != NULL && dst->file == NULL) ||
        (src->object != NULL && dst->object == NULL)) {
        cb_frame_free(dst);
        return -1;
    }
    return 0;
}

static void free_finding(cb_finding *f)
{
    size_t i;

    for (i = 0; i < f->nframes; i++) {
        cb_frame_free(&f->frames[i]);
    }
    free(f->frames);
    free(f->allowed_by);
}

void cb_check_exact_free(cb_check_exact *e)
{
    size_t i;

    for (i = 0; i < e->nfindings; i++) {
        free_finding(&e->findings[i]);
    }
    free(e->findings);
    for (i = 0; i < e->ndivisions; i++) {
        free(e->divisions[i].instruction);
        cb_frame_free(&e->divisions[i].where);
    }
    free(e->divisions);
    free(e->why);
    memset(e, 0, sizeof *e);
}

void cb_checks_free(cb_checks *c)
{
    cb_check_exact_free(&c->exact);
    free(c->leak.why);
    memset(c, 0, sizeof *c);
}

int cb_check_exact_add(cb_check_exact *e, cb_finding_kind kind, const cb_frame *frames, size_t n,
                       size_t site, cb_check_phase phase, size_t input)
{
    cb_finding *grown = realloc(e->findings, (e->nfindings + 1) * sizeof *grown);
    cb_finding *f;
    size_t      i;

    assert(n > 0 && site < n);
    if (grown == NULL) {
        return -1;
    }
    e->findings = grown;
    f = &e->findings[e->nfindings];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->site = site;
    f->paths = 1;
    f->phase = phase;
    f->input = input;
    f->frames = calloc(n, sizeof *f->frames);
    if (f->frames == NULL) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (cb_frame_copy(&f->frames[i], &frames[i]) != 0) {
            free_finding(f);
            return -1;
        }
        f->nframes = i + 1;
    }
    e->nfindings++;
    return 0;
}

int cb_check_exact_add_division(cb_check_exact *e, const char *instruction, const cb_frame *where,
                                uint64_t executed)
{
    cb_division *grown = realloc(e->divisions, (e->ndivisions + 1) * sizeof *grown);
    cb_division *d;

    if (grown == NULL) {
        return -1;
    }
    e->divisions = grown;
    d = &e->divisions[e->ndivisions];
    memset(d, 0, sizeof *d);
    if ((d->instruction = strdup(instruction)) == NULL) {
        return -1;
    }
    if (cb_frame_copy(&d->where, where) != 0) {
        free(d->instruction);
        return -1;
    }
    d->executed = executed;
    e->ndivisions++;
    return 0;
}

int cb_source_path_is(const char *path, const char *pattern)
{
    size_t n = strlen(path), m = strlen(pattern);

    if (m > n) {
        return 0;
    }
    /* whole trailing components: "ct.c" names "bench/ct.c", not "bench/act.c" */
    return strcmp(path + n - m, pattern) == 0 && (m == n || path[n - m - 1] == '/');
}

/* The same optional string. */
static int same_string(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int cb_frame_same_site(const cb_frame *a, const cb_frame *b)
{
    if (a->file != NULL || b->file != NULL) {
        return a->file != NULL && b->file != NULL && a->line == b->line &&
               (cb_source_path_is(a->file, b->file) || cb_source_path_is(b->file, a->file));
    }
    if (a->has_offset != b->has_offset || a->offset != b->offset ||
        strcmp(a->function, b->function) != 0) {
        return 0;
    }
    /* a symbol names its function wherever it is; "???" is only an offset in an object */
    return strcmp(a->function, "???") != 0 || same_string(a->object, b->object);
}

int cb_finding_same(const cb_finding *a, const cb_finding *b)
{
    return a->kind == b->kind && cb_frame_same_site(&a->frames[a->site], &b->frames[b->site]);
}

void cb_frame_location(const cb_frame *f, char *buf, size_t size)
{
    if (f->file != NULL) {
        snprintf(buf, size, "%s:%u", f->file, f->line);
    } else if (strcmp(f->function, "???") != 0) {
        char offset[32] = "";

        if (f->has_offset) {
            snprintf(offset, sizeof offset, "+%llu", (unsigned long long) f->offset);
        }
        snprintf(buf, size, "%s%s%s%s%s", f->function, offset, f->object != NULL ? " (" : "",
                 f->object != NULL ? f->object : "", f->object != NULL ? ")" : "");
    } else if (f->object != NULL && f->has_offset) {
        snprintf(buf, size, "??? (%s+0x%llx)", f->object, (unsigned long long) f->offset);
    } else {
        snprintf(buf, size, "??? (%s)", f->object != NULL ? f->object : "unknown object");
    }
}

void cb_division_location(const cb_division *d, char *buf, size_t size)
{
    if (d->where.file != NULL || d->where.object == NULL) {
        cb_frame_location(&d->where, buf, size);
    } else {
        snprintf(buf, size, "%s+0x%llx", d->where.object, (unsigned long long) d->where.offset);
    }
}

const char *cb_check_phase_label(cb_check_phase p)
{
    return phase_labels[p];
}

const char *cb_check_phase_name(cb_check_phase p)
{
    return phase_names[p];
}

void cb_check_fail(cb_check_status *status, char **why_field, const char *why)
{
    *status = CB_CHECK_FAILED;
    free(*why_field);
    /* out of memory leaves why NULL: the status alone still says it failed; a
     * benchmark's failure or an error quoting a file is text from outside */
    *why_field = cb_text_dup(why);
}

const char *cb_finding_kind_label(cb_finding_kind kind)
{
    return kind_labels[kind];
}

const char *cb_finding_kind_name(cb_finding_kind kind)
{
    return kind_names[kind];
}

/* The index of s in names[0..n), or -1. */
int cb_check_phase_parse(const char *s, cb_check_phase *p)
{
    int i = cb_strmap_index(phase_names, CB_CHECK_PHASES, s);

    if (i < 0) {
        return -1;
    }
    *p = (cb_check_phase) i;
    return 0;
}

int cb_finding_kind_parse(const char *s, cb_finding_kind *kind)
{
    int i = cb_strmap_index(kind_names, CB_FINDING_KINDS, s);

    if (i < 0) {
        return -1;
    }
    *kind = (cb_finding_kind) i;
    return 0;
}

const char *cb_check_status_name(cb_check_status s)
{
    return status_names[s];
}

int cb_check_status_parse(const char *s, cb_check_status *status)
{
    int i = cb_strmap_index(status_names, sizeof status_names / sizeof status_names[0], s);

    if (i < 0) {
        return -1;
    }
    *status = (cb_check_status) i;
    return 0;
}

const char *cb_leak_test_name(cb_leak_test t)
{
    return test_names[t];
}

int cb_leak_test_parse(const char *s, cb_leak_test *t)
{
    int i = cb_strmap_index(test_names, sizeof test_names / sizeof test_names[0], s);

    if (i < 0) {
        return -1;
    }
    *t = (cb_leak_test) i;
    return 0;
}

void cb_check_exact_verdict(const cb_check_exact *e, char *buf, size_t size)
{
    int    seen[CB_FINDING_KINDS] = { 0 };
    size_t i, n = 0;

    switch (e->status) {
    case CB_CHECK_SKIPPED:
        snprintf(buf, size, "skipped: declares no secrets");
        return;
    case CB_CHECK_FAILED:
        snprintf(buf, size, "failed: %s", e->why != NULL ? e->why : "unknown reason");
        return;
    case CB_CHECK_LEAKS:
        break;
    default:
        /* memcheck carries a secret through a division without a word */
        snprintf(buf, size, "no secret-dependent branch or memory access; divisions not checked");
        return;
    }
    for (i = 0; i < e->nfindings; i++) {
        seen[e->findings[i].kind] = 1;
    }
    /* "secret-dependent branch and memory access": the kinds named once */
    if (seen[CB_FINDING_BRANCH] || seen[CB_FINDING_ACCESS]) {
        n = (size_t) snprintf(buf, size, "secret-dependent %s%s%s",
                              seen[CB_FINDING_BRANCH] ? "branch" : "",
                              seen[CB_FINDING_BRANCH] && seen[CB_FINDING_ACCESS] ? " and " : "",
                              seen[CB_FINDING_ACCESS] ? "memory access" : "");
    }
    if (seen[CB_FINDING_SYSCALL] && n < size) {
        n += (size_t) snprintf(buf + n, size - n, "%s%s", n > 0 ? "; " : "",
                               kind_labels[CB_FINDING_SYSCALL]);
    }
    if (n < size) {
        snprintf(buf + n, size - n, " at %zu site%s", e->nfindings, e->nfindings == 1 ? "" : "s");
    }
}

void cb_check_leak_verdict(const cb_check_leak *l, char *buf, size_t size)
{
    char test[96];

    if (l->test == CB_LEAK_TEST_CROPPED) {
        /* the share of this run's timings, not the calibration batch's percentile */
        double share = l->measurements > 0
                           ? 100.0 * (double) l->test_measurements / (double) l->measurements
                           : 0.0;

        if (share >= 99.95 && l->test_measurements < l->measurements) {
            /* what rounds to 100% is not all of them */
            snprintf(test, sizeof test, "all timings but the slowest %llu, below %.0f cycles",
                     (unsigned long long) (l->measurements - l->test_measurements),
                     l->crop_cycles);
        } else {
            snprintf(test, sizeof test, "the fastest %.3g%% of timings, below %.0f cycles", share,
                     l->crop_cycles);
        }
    } else {
        snprintf(test, sizeof test, "%s",
                 l->test == CB_LEAK_TEST_RAW ? "raw timings" : "second-order test");
    }
    switch (l->status) {
    case CB_CHECK_SKIPPED:
        snprintf(buf, size, "skipped: declares no input classes (prepare_input)");
        break;
    case CB_CHECK_FAILED:
        snprintf(buf, size, "failed: %s", l->why != NULL ? l->why : "unknown reason");
        break;
    case CB_CHECK_LEAKS:
        snprintf(buf, size, "leak likely: max |t| = %.2f > %g (%s) at %llu measurements",
                 l->max_t, l->threshold, test, (unsigned long long) l->measurements);
        break;
    case CB_CHECK_INCONCLUSIVE:
        snprintf(buf, size, "inconclusive: %llu measurements, too few for any test to count",
                 (unsigned long long) l->measurements);
        break;
    default:
        snprintf(buf, size, "no leak detected at %llu measurements (max |t| = %.2f, %s)",
                 (unsigned long long) l->measurements, l->max_t, test);
        break;
    }
}

void cb_finding_backtrace(const cb_finding *f, char *buf, size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < f->nframes && len < size; i++) {
        len += (size_t) snprintf(buf + len, size - len, "%s%s", i > 0 ? " < " : "",
                                 f->frames[i].function);
    }
}
