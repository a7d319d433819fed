/*
 * The HTML reporter end to end, on a run made here: every page it writes,
 * their links, and hostile strings in every place a run can carry one (names,
 * a failure's reason, the machine, the baseline's name, the names missing from
 * this run, the differences), which must come out escaped and nowhere raw.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats/analysis.h"
#include "stats/compare.h"
#include "html/chart.h"
#include "cli/runner.h"
#include "report/report.h"
#include "store/history.h"
#include "support.h"

#define EVIL "<img src=x onerror=alert(1)>"
#define EVIL_ESCAPED "&lt;img src=x onerror=alert(1)&gt;"

typedef struct fixture {
    char   dir[64];
    cb_run run, old;
} fixture;

/* n samples around `ns` per iteration, with a little deterministic noise. */
static void add_result(cb_run *run, const char *name, const char *impl, uint64_t param,
                       cb_mode mode, double ns, unsigned seed)
{
    cb_bootstrap_config boot = { 1000, 0.95, 7 };
    cb_result          *r = cb_run_add(run);
    cb_error            err;
    size_t              i, n = 12;

    assert_non_null(r);
    assert_int_equal(cb_result_set_string(&r->name, name), 0);
    assert_int_equal(cb_result_set_string(&r->impl, impl), 0);
    if (param > 0) {
        cb_result_set_param(r, "bytes", param);
        r->throughput = CB_THROUGHPUT_BYTES;
        r->per_iteration = param;
    }
    assert_int_equal(cb_samples_alloc(&r->samples, n), 0);
    for (i = 0; i < n; i++) {
        double iters = mode == CB_MODE_LINEAR ? (double) (i + 1) * 100.0 : 5.0;

        seed = seed * 1103515245u + 12345u;
        r->samples.iters[i] = iters;
        r->samples.values[i] = iters * ns * (1.0 + (double) (seed >> 16 & 0xff) / 100000.0);
    }
    /* a severe outlier, for the Tukey colours */
    r->samples.values[n - 1] *= 1.05;
    r->plan = (cb_plan){ mode, n, mode == CB_MODE_LINEAR ? 100 : 5, ns, 1e9, 1e8 };
    assert_int_equal(cb_analysis_run(&r->samples, mode, &boot, &r->analysis, &err), 0);
    cb_analysis_throughput(r, "ns");
}

static void describe(cb_run *run, const char *cpu)
{
    run->measure = CB_MEASURE_WALL;
    run->unit = "ns";
    run->sample_size = 12;
    run->nresamples = 1000;
    run->confidence = 0.95;
    run->seed = 7;
    snprintf(run->timestamp, sizeof run->timestamp, "2026-01-01T00:00:00Z");
    snprintf(run->machine.cpu, sizeof run->machine.cpu, "%s", cpu);
    cb_context_set(&run->context, "openssl", "OpenSSL 3.0.19");
    cb_context_set(&run->context, "libsodium", "1.0.18");
}

static void fill(cb_run *run, double scale)
{
    add_result(run, "did/sha256/64/libsodium", "libsodium", 64, CB_MODE_LINEAR, 340 * scale, 1);
    add_result(run, "did/sha256/64/openssl", "openssl", 64, CB_MODE_LINEAR, 100 * scale, 2);
    add_result(run, "mk/seal/32/x", "x", 32, CB_MODE_LINEAR, 200 * scale, 3);
    add_result(run, "mk/seal/1024/x", "x", 1024, CB_MODE_LINEAR, 900 * scale, 4);
    add_result(run, "mk/seal/16384/x", "x", 16384, CB_MODE_LINEAR, 12000 * scale, 5);
    add_result(run, "kdf/slow", NULL, 0, CB_MODE_FLAT, 5e7 * scale, 6);
    add_result(run, "evil/" EVIL, NULL, 0, CB_MODE_LINEAR, 50 * scale, 7);
    add_result(run, "../../etc/passwd", NULL, 0, CB_MODE_LINEAR, 50 * scale, 8);
}

static int setup(void **state)
{
    fixture          *f = calloc(1, sizeof *f);
    cb_compare_config c = { .noise_threshold = 0.02, .resolution = 0.06, .significance = 0.05,
                            .comparisons = 1, .boot = { 1000, 0.95, 7 } };
    cb_error          err;
    cb_result        *failed;
    size_t            i;

    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/cb-test-html-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    describe(&f->old, "old cpu");
    describe(&f->run, "<b>cpu</b>");
    fill(&f->old, 1.0);
    fill(&f->run, 1.1);
    failed = cb_run_add(&f->run);
    assert_int_equal(cb_result_set_string(&failed->name, "sign/broken"), 0);
    cb_result_fail(failed, "known-answer mismatch: <script>alert(2)</script>");
    for (i = 0; i + 1 < f->run.n; i++) {
        cb_result *r = &f->run.results[i];

        assert_int_equal(cb_compare_results(&f->old.results[i], r, &c, &r->change, &err), 0);
        r->has_change = 1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture       *f = *state;
    DIR           *d;
    struct dirent *e;
    char           path[512];

    d = opendir(f->dir);
    if (d != NULL) {
        while ((e = readdir(d)) != NULL) {
            snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
                unlink(path);
            }
        }
        closedir(d);
    }
    rmdir(f->dir);
    cb_run_free(&f->run);
    cb_run_free(&f->old);
    free(f);
    return 0;
}

/* Writes the report to dir, with trends from history (NULL: none), found
 * before as the runner finds them for a live run; what it said on its error
 * stream lands in said. Returns 1 when it marked the run's output as failed. */
static int write_report(fixture *f, const char *dir, const cb_history *history, char *said,
                        size_t size)
{
    static const char *const missing[] = { "gone/" EVIL };
    cb_report_options        opt;
    int                      failed = 0;
    cb_reporter              rep;
    cb_trends                trends = { NULL, 0 };
    FILE                    *err = tmpfile();
    size_t                   n;

    assert_non_null(err);
    if (history != NULL) {
        assert_int_equal(cb_trends_open(&trends, history, &f->run, 1, 0.02), 0);
    }
    memset(&opt, 0, sizeof opt);
    opt.out = stdout;
    opt.err = err;
    opt.significance = 0.05;
    opt.noise_threshold = 0.02;
    opt.resolution = 0.06;
    opt.comparisons = 8;
    opt.baseline_name = "base" EVIL;
    opt.baseline = &f->old;
    opt.missing = missing;
    opt.nmissing = 1;
    opt.differences = "CPU: 'old cpu' vs " EVIL;
    opt.html_dir = dir;
    opt.write_failed = &failed;
    opt.history = history;
    opt.history_name = "base" EVIL;
    opt.trends = &trends;
    opt.live = 1;
    assert_int_equal(cb_report_html_open(&rep, &opt), 0);
    cb_runner_replay(&rep, 1, &f->run);
    cb_report_close(&rep);
    cb_trends_free(&trends);
    rewind(err);
    n = fread(said, 1, size - 1, err);
    said[n] = '\0';
    fclose(err);
    return failed;
}

static char *slurp(const char *dir, const char *file)
{
    char  path[512], *text;
    FILE *in;
    long  n;

    snprintf(path, sizeof path, "%s/%s", dir, file);
    in = fopen(path, "rb");
    if (in == NULL) {
        fail_msg("%s was not written", path);
    }
    fseek(in, 0, SEEK_END);
    n = ftell(in);
    rewind(in);
    text = malloc((size_t) n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t) n, in), (size_t) n);
    text[n] = '\0';
    fclose(in);
    return text;
}

static void expect_in(const char *text, const char *what, const char *file)
{
    if (strstr(text, what) == NULL) {
        fail_msg("%s: no '%s'", file, what);
    }
}

static void expect_not_in(const char *text, const char *what, const char *file)
{
    if (strstr(text, what) != NULL) {
        fail_msg("%s: unexpected '%s'", file, what);
    }
}

/* Every href of text names a file of dir. */
static void expect_links(const char *dir, const char *text, const char *file)
{
    const char *at = text;
    char        target[300], path[600];

    while ((at = strstr(at, "href=\"")) != NULL) {
        size_t n = strcspn(at + 6, "\"");

        assert_true(n < sizeof target);
        memcpy(target, at + 6, n);
        target[n] = '\0';
        snprintf(path, sizeof path, "%s/%s", dir, target);
        if (access(path, F_OK) != 0) {
            fail_msg("%s links to %s, which is not there", file, target);
        }
        at += 6 + n;
    }
}

static void test_pages(void **state)
{
    static const char *const pages[] = {
        "index.html", "bench-did.sha256.64.openssl.html", "bench-kdf.slow.html",
        "bench-evil.=3cimg=20src=3dx=20onerror=3dalert=281=29=3e.html",
        "bench-=2e=2e.=2e=2e.etc.passwd.html", "group-did.html", "group-mk.html",
        "group-kdf.html", "group-evil.html", "group-=2e=2e.html", "group-sign.html"
    };
    fixture *f = *state;
    char     said[512], *text;
    size_t   i;

    assert_int_equal(write_report(f, f->dir, NULL, said, sizeof said), 0);
    assert_string_equal(said, "");
    for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        text = slurp(f->dir, pages[i]);
        expect_in(text, "<!DOCTYPE html>", pages[i]);
        expect_in(text, "</html>\n", pages[i]);
        expect_not_in(text, "<img", pages[i]);
        expect_not_in(text, "<script", pages[i]);
        expect_not_in(text, "<b>cpu", pages[i]);
        expect_not_in(text, "http", pages[i]);
        expect_not_in(text, "url(", pages[i]);
        expect_not_in(text, "<link", pages[i]);
        expect_in(text, "&lt;b&gt;cpu&lt;/b&gt;", pages[i]);
        expect_links(f->dir, text, pages[i]);
        free(text);
    }
    text = slurp(f->dir, "index.html");
    /* names break between their parts, never inside one */
    expect_in(text, ">evil/<wbr>" EVIL_ESCAPED "</a>", "index.html");
    expect_in(text, ">did/<wbr>sha256/<wbr>64/<wbr>openssl</a>", "index.html");
    expect_in(text, "&lt;script&gt;alert(2)&lt;/script&gt;", "index.html");
    expect_in(text, "gone/<wbr>" EVIL_ESCAPED, "index.html");
    expect_in(text, "vs " EVIL_ESCAPED, "index.html");
    expect_in(text, "base" EVIL_ESCAPED, "index.html");
    /* every benchmark got slower by 10%: regressions, listed first */
    expect_in(text, "class=\"verdict regressed\">regressed<", "index.html");
    /* the change summary opens the page: a forest plot, the threshold stated */
    assert_true(strstr(text, "<h2>Changes</h2>") < strstr(text, "<h2>Benchmarks</h2>"));
    expect_in(text, "aria-label=\"each benchmark&#39;s change against the baseline", "the forest");
    expect_in(text, "<rect class=\"band\"", "the noise band");
    expect_in(text, "noise threshold, \xc2\xb1" "2%", "the threshold");
    expect_in(text, "(the resolution, dashed) is unresolved", "the resolution");
    expect_in(text, "family-wise over the 8 comparisons", "the significance level");
    expect_in(text, "class=\"v-regressed\"", "regressions marked as such");
    /* no history given: no sparkline */
    expect_not_in(text, "History (spread)</th>", "index.html");
    /* a dark scheme, and cards below 760 px */
    expect_in(text, "@media (prefers-color-scheme:dark)", "index.html");
    expect_in(text, "<table class=\"results cards\">", "index.html");
    free(text);
    text = slurp(f->dir, "bench-did.sha256.64.openssl.html");
    expect_in(text, "aria-label=\"probability density", "a benchmark's page");
    /* every chart drawn twice, for a wide and a narrow window */
    expect_in(text, "<svg class=\"plot wide\"", "a benchmark's page");
    expect_in(text, "<svg class=\"plot narrow\"", "a benchmark's page");
    expect_in(text, "<title>baseline base&lt;img", "the baseline's density");
    expect_in(text, "Slope (R\xc2\xb2", "the estimates");
    expect_in(text, "<dt>p99</dt>", "the percentiles");
    expect_in(text, "high severe outlier", "the samples' titles");
    /* scaled to both runs: the baseline, 10% faster, stays in view; this
     * run's severe outlier is on the edge */
    expect_in(text, "Scaled to both runs", "the density's caption");
    expect_not_in(text, "of the baseline's 12 samples lie beyond", "the density's caption");
    expect_in(text, "beyond the range shown</title>", "the clipped sample");
    expect_in(text, "density (1/ns)", "the density's axis");
    expect_not_in(text, "<h2>History</h2>", "a page without history");
    expect_in(text, "Change against baseline base&lt;img", "the change table");
    free(text);
    text = slurp(f->dir, "bench-kdf.slow.html");
    expect_in(text, "Flat sampling: 12 samples of 5 iterations", "a flat benchmark's page");
    free(text);
    text = slurp(f->dir, "group-mk.html");
    expect_in(text, "mk/seal/*/x: ", "the sweep's fit");
    expect_in(text, " fixed, R\xc2\xb2 ", "the sweep's fit");
    expect_in(text, "aria-label=\"each series", "the sweep's chart");
    free(text);
    text = slurp(f->dir, "group-did.html");
    expect_in(text, "did/sha256/64: openssl ", "the speedup");
    expect_in(text, ">libsodium</text>", "the box chart's categories");
    /* an implementation's colour is its name's */
    expect_in(text, "<rect class=\"s7\"", "libsodium's box");
    expect_in(text, "<rect class=\"s1\"", "openssl's box");
    free(text);
}

static void test_colours(void **state)
{
    char a[8], b[8];

    (void) state;
    cb_html_colour(a, "libsodium");
    cb_html_colour(b, "openssl");
    assert_string_equal(a, "s7");
    assert_string_equal(b, "s1");
    cb_html_colour(b, "libsodium");
    assert_string_equal(a, b);
}

static void test_history(void **state)
{
    fixture   *f = *state;
    cb_history h;
    char       said[512], *text;
    int        i;

    /* eight past runs like the baseline, then this one, 10% slower */
    memset(&h, 0, sizeof h);
    h.measure = CB_MEASURE_WALL;
    h.unit = "ns";
    for (i = 0; i < 8; i++) {
        assert_int_equal(cb_history_add_run(&h, &f->old), 0);
    }
    assert_int_equal(write_report(f, f->dir, &h, said, sizeof said), 0);
    cb_history_free(&h);
    text = slurp(f->dir, "index.html");
    expect_in(text, "History (spread)</th>", "index.html");
    expect_in(text, "<svg class=\"plot spark\"", "a sparkline");
    expect_in(text, "aria-label=\"9 runs, from ", "a sparkline's label");
    free(text);
    text = slurp(f->dir, "bench-did.sha256.64.openssl.html");
    expect_in(text, "<h2>History</h2>", "the history section");
    expect_in(text, "9 runs of baseline <b>base&lt;img", "its name, escaped");
    expect_in(text, "aria-label=\"the estimate in each run", "the trend chart");
    expect_in(text, "Every run (9)", "the table of runs");
    /* eight equal runs, then the slower one: too short a level to be a change */
    expect_in(text, "No change point in these 9 runs", "the change points");
    free(text);
}

static void test_write_failure(void **state)
{
    fixture *f = *state;
    char     said[512], dir[128];

    /* a directory that cannot be: under a regular file */
    snprintf(dir, sizeof dir, "%s/file", f->dir);
    fclose(fopen(dir, "w"));
    snprintf(dir, sizeof dir, "%s/file/html", f->dir);
    /* the failure is marked, so that the command exits 2 */
    assert_int_equal(write_report(f, dir, NULL, said, sizeof said), 1);
    expect_in(said, "cryptbench: HTML report: ", "the error");
    /* said once: the first failure ends the report */
    assert_non_null(strchr(said, '\n'));
    assert_null(strchr(strchr(said, '\n') + 1, '\n'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history, setup, teardown),
        cmocka_unit_test(test_colours),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
