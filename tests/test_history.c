/*
 * The history of runs: names that never collide (six runs within one second
 * are six files), the retention bound, and reading it back in time order with
 * a corrupt file skipped and said, never fatal.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats/analysis.h"
#include "store/atomic_file.h"
#include "store/history.h"
#include "support.h"

typedef struct fixture {
    char dir[64];
} fixture;

/* A run of two benchmarks at `ns` per iteration, stamped `when`. */
static void make_run(cb_run *run, const char *when, double ns)
{
    static const char *const names[] = { "did/sha256/64/openssl", "kdf/slow" };
    cb_bootstrap_config      boot = { 200, 0.95, 1 };
    cb_error                 err;
    size_t                   i, k;

    memset(run, 0, sizeof *run);
    run->measure = CB_MEASURE_WALL;
    run->unit = "ns";
    run->warm_up_s = run->measurement_s = 0.5;
    run->sample_size = 10;
    run->nresamples = 200;
    run->confidence = 0.95;
    snprintf(run->timestamp, sizeof run->timestamp, "%s", when);
    snprintf(run->machine.git_commit, sizeof run->machine.git_commit, "c0ffee%.0f", ns);
    for (i = 0; i < 2; i++) {
        cb_result *r = cb_run_add(run);

        assert_non_null(r);
        assert_int_equal(cb_result_set_string(&r->name, names[i]), 0);
        assert_int_equal(cb_samples_alloc(&r->samples, 10), 0);
        for (k = 0; k < 10; k++) {
            r->samples.iters[k] = 10.0;
            r->samples.values[k] = 10.0 * ns * (i + 1) * (1.0 + 0.001 * (double) k);
        }
        r->plan = (cb_plan){ CB_MODE_FLAT, 10, 10, ns, 1e9, 1e8 };
        assert_int_equal(cb_analysis_run(&r->samples, CB_MODE_FLAT, &boot, &r->analysis, &err),
                         0);
    }
}

static void save(const fixture *f, const char *name, const char *when, double ns, size_t limit)
{
    cb_run   run;
    cb_error err;

    make_run(&run, when, ns);
    if (cb_history_save(f->dir, name, &run, limit, &err) != 0) {
        fail_msg("saving the history: %s", err.msg);
    }
    cb_run_free(&run);
}

/* The files in f->dir whose names contain `part`, sorted, joined by spaces. */
static void files(const fixture *f, const char *part, char *out, size_t size)
{
    struct dirent **list;
    int             i, n = scandir(f->dir, &list, NULL, alphasort);
    size_t          k = 0;

    out[0] = '\0';
    assert_true(n >= 0);
    for (i = 0; i < n; i++) {
        if (list[i]->d_name[0] != '.' && strstr(list[i]->d_name, part) != NULL) {
            k += (size_t) snprintf(out + k, size - k, "%s%s", k > 0 ? " " : "", list[i]->d_name);
        }
        free(list[i]);
    }
    free(list);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);

    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/cb-test-history-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture       *f = *state;
    DIR           *d = opendir(f->dir);
    struct dirent *e;
    char           path[512];

    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
            unlink(path);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

static void test_names_never_collide(void **state)
{
    fixture *f = *state;
    char     got[1024];
    int      i;

    /* six runs stamped with the same second: the old names made one file of them */
    for (i = 0; i < 6; i++) {
        save(f, "base", "2026-11-30T14:07:18Z", 100.0 + i, 100);
    }
    files(f, "base", got, sizeof got);
    assert_string_equal(got, "20261130T140718Z-001-base.json 20261130T140718Z-002-base.json "
                             "20261130T140718Z-003-base.json 20261130T140718Z-004-base.json "
                             "20261130T140718Z-005-base.json 20261130T140718Z-006-base.json");
}

static void test_create_never_replaces(void **state)
{
    fixture *f = *state;
    char     path[128];
    cb_error err;

    snprintf(path, sizeof path, "%s/taken", f->dir);
    assert_int_equal(cb_atomic_create(path, "first", 5, &err), 0);
    assert_int_equal(cb_atomic_create(path, "second", 6, &err), 1);
    files(f, "taken", path, sizeof path);
    /* no temporary file left behind either */
    assert_string_equal(path, "taken");
}

static void test_retention(void **state)
{
    fixture *f = *state;
    char     got[1024];

    save(f, "other", "2026-01-01T00:00:00Z", 100.0, 2);
    save(f, "base", "2026-01-01T00:00:01Z", 101.0, 3);
    save(f, "base", "2026-01-01T00:00:02Z", 102.0, 3);
    save(f, "base", "2026-01-01T00:00:03Z", 103.0, 3);
    save(f, "base", "2026-01-01T00:00:03Z", 104.0, 3);
    save(f, "base", "2026-01-01T00:00:05Z", 105.0, 3);
    /* the newest three of base; other's file is another baseline's, kept */
    files(f, "base", got, sizeof got);
    assert_string_equal(got, "20260101T000003Z-001-base.json 20260101T000003Z-002-base.json "
                             "20260101T000005Z-001-base.json");
    files(f, "other", got, sizeof got);
    assert_string_equal(got, "20260101T000000Z-001-other.json");
    /* "base-cycles" is another baseline too, never pruned with base */
    save(f, "base-cycles", "2026-01-01T00:00:00Z", 1.0, 1);
    save(f, "base", "2026-01-01T00:00:06Z", 106.0, 1);
    files(f, "base-cycles", got, sizeof got);
    assert_string_equal(got, "20260101T000000Z-001-base-cycles.json");
}

/* keep: only did/ */
static int only_did(void *ctx, const char *name)
{
    (void) ctx;
    return strncmp(name, "did/", 4) == 0;
}

static void test_read_in_order(void **state)
{
    fixture                 *f = *state;
    const cb_history_series *s;
    cb_history               h;
    cb_error                 err;
    char                     path[256], said[1024];
    FILE                    *warn = tmpfile();
    size_t                   n;

    assert_non_null(warn);
    /* saved out of time order; the older file form among them */
    save(f, "base", "2026-03-01T00:00:00Z", 300.0, 100);
    save(f, "base", "2026-01-01T00:00:00Z", 100.0, 100);
    save(f, "base", "2026-02-01T00:00:00Z", 200.0, 100);
    snprintf(path, sizeof path, "%s/20260201T000000Z-001-base.json", f->dir);
    snprintf(said, sizeof said, "%s/20260115T000000Z-base.json", f->dir);
    assert_int_equal(link(path, said), 0);
    /* a truncated file and a file of another measure */
    snprintf(path, sizeof path, "%s/20260110T000000Z-001-base.json", f->dir);
    assert_int_equal(cb_atomic_write(path, "{\"schema_version\": 2, \"time", 28, &err), 0);
    {
        cb_run run;

        make_run(&run, "2026-01-20T00:00:00Z", 7.0);
        run.measure = CB_MEASURE_CYCLES;
        run.unit = "cycles";
        assert_int_equal(cb_history_save(f->dir, "base", &run, 100, &err), 0);
        cb_run_free(&run);
    }
    assert_int_equal(cb_history_load(f->dir, "base", CB_MEASURE_WALL, NULL, NULL, warn, &h, &err),
                     0);
    assert_int_equal(h.runs, 4);
    assert_int_equal(h.skipped, 2);
    s = cb_history_find(&h, "did/sha256/64/openssl");
    assert_non_null(s);
    assert_int_equal(s->n, 4);
    support_close_rel(s->points[0].estimate.point, 100.45, 1e-9, "January");
    support_close_rel(s->points[1].estimate.point, 200.9, 1e-9, "January, the older name");
    support_close_rel(s->points[2].estimate.point, 200.9, 1e-9, "February");
    support_close_rel(s->points[3].estimate.point, 301.35, 1e-9, "March");
    assert_string_equal(s->points[0].timestamp, "2026-01-01T00:00:00Z");
    assert_string_equal(s->points[3].commit, "c0ffee300");
    assert_non_null(cb_history_find(&h, "kdf/slow"));
    cb_history_free(&h);
    /* each skipped file named, and why */
    rewind(warn);
    n = fread(said, 1, sizeof said - 1, warn);
    said[n] = '\0';
    fclose(warn);
    if (strstr(said, "20260110T000000Z-001-base.json:1:") == NULL ||
        strstr(said, "20260120T000000Z-001-base.json holds cycles, not wall") == NULL) {
        fail_msg("the warnings: %s", said);
    }
    /* a filter, and the run being reported added last */
    assert_int_equal(cb_history_load(f->dir, "base", CB_MEASURE_WALL, only_did, NULL, NULL, &h,
                                     &err), 0);
    assert_null(cb_history_find(&h, "kdf/slow"));
    {
        cb_run run;

        make_run(&run, "2026-04-01T00:00:00Z", 400.0);
        assert_int_equal(cb_history_add_run(&h, &run), 0);
        cb_run_free(&run);
    }
    s = cb_history_find(&h, "did/sha256/64/openssl");
    assert_int_equal(s->n, 5);
    assert_string_equal(s->points[4].timestamp, "2026-04-01T00:00:00Z");
    cb_history_free(&h);
}

static void test_missing_directory(void **state)
{
    fixture   *f = *state;
    cb_history h;
    cb_error   err;
    char       dir[128];

    snprintf(dir, sizeof dir, "%s/none", f->dir);
    assert_int_equal(cb_history_load(dir, "base", CB_MEASURE_WALL, NULL, NULL, NULL, &h, &err), 0);
    assert_int_equal(h.runs, 0);
    assert_int_equal(h.n, 0);
    cb_history_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_names_never_collide, setup, teardown),
        cmocka_unit_test_setup_teardown(test_create_never_replaces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retention, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_directory, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
