/*
 * The line formats other tools parse, byte for byte, and read back with
 * those tools' own rules: libtest's lines as github-action-benchmark's cargo
 * parser and Bencher's Rust adapter read them.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/runner.h"
#include "report/report.h"
#include "support.h"

/* github-action-benchmark's cargo parser, extractCargoResult in
 * dist/src/extract.js, applied to each line, as its releases wrote it
 * (JavaScript's \s as POSIX [[:space:]], \w as [[:alnum:]_]):
 * v1.20.1 and before, whole nanoseconds only (parseInt)
 *   /^test (.+)\s+\.\.\. bench:\s+([0-9,]+) ns\/iter \(\+\/- ([0-9,]+)\)$/ */
#define CARGO_RE_1_20_1                                                                       \
    "^test (.+)[[:space:]]+\\.\\.\\. bench:[[:space:]]+([0-9,]+) ns/iter \\(\\+/- ([0-9,]+)\\)$"
/* v1.20.2 (2024-05-19) to v1.20.4, fractions too (parseFloat), nanoseconds only
 *   /^test (.+)\s+\.\.\. bench:\s+([0-9,.]+) ns\/iter \(\+\/- ([0-9,.]+)\)$/ */
#define CARGO_RE_1_20_4                                                                       \
    "^test (.+)[[:space:]]+\\.\\.\\. bench:[[:space:]]+([0-9,.]+) ns/iter \\(\\+/- ([0-9,.]+)\\)$"
/* v1.20.5 (2025-09-02) to v1.22.0, any unit "x/y", kept as the chart's unit
 *   /^test (.+)\s+\.\.\. bench:\s+([0-9,.]+) (\w+\/\w+) \(\+\/- ([0-9,.]+)\)$/ */
#define CARGO_RE_1_22_0                                                                       \
    "^test (.+)[[:space:]]+\\.\\.\\. bench:[[:space:]]+([0-9,.]+) ([[:alnum:]_]+/[[:alnum:]_]+) "  \
    "\\(\\+/- ([0-9,.]+)\\)$"

/* Bencher's rust_bench adapter (nom, lib/bencher_adapter/src/adapters/rust/
 * bench.rs and util.rs, parse_number_as_f64 since it reads fractions):
 * "test", spaces, a name up to the first space, spaces, "...", spaces,
 * "bench:", spaces, a number of digits, '.' and ',', spaces, a time unit
 * (ps ns us ms s) and "/iter", spaces, "(+/-", spaces, a number, ")", and
 * nothing after it */
#define BENCHER_RE                                                                      \
    "^test[ \t]+([^ ]+)[ \t]+\\.\\.\\.[ \t]+bench:[ \t]+([0-9.,]+)[ \t]+"               \
    "(ps|ns|\xce\xbcs|\xc2\xb5s|us|ms|s)/iter[ \t]+\\(\\+/-[ \t]+([0-9.,]+)\\)$"

static void add_ok(cb_run *run, const char *name, double typical, double range)
{
    cb_result *r = cb_run_add(run);

    assert_non_null(r);
    cb_result_set_string(&r->name, name);
    r->plan.mode = CB_MODE_FLAT;
    r->samples.n = 10;
    r->analysis.mean = (cb_estimate){ typical, typical * 0.99, typical * 1.01, 0.1 };
    r->analysis.winsorized_range = range;
}

static void add_failed(cb_run *run, const char *name, const char *why)
{
    cb_result *r = cb_run_add(run);

    assert_non_null(r);
    cb_result_set_string(&r->name, name);
    cb_result_fail(r, why);
}

/* What a reporter opened by `open` writes on run: its stdout, and its stderr
 * in *err_text (freed by the caller) when err_text is not NULL. */
static char *render_both(int (*open)(cb_reporter *, const cb_report_options *),
                         const cb_run *run, char **err_text)
{
    cb_report_options opt;
    cb_reporter       rep;
    char             *text = NULL, *err = NULL;
    size_t            len = 0, err_len = 0;
    int               write_failed = 0;

    memset(&opt, 0, sizeof opt);
    opt.out = open_memstream(&text, &len);
    opt.err = open_memstream(&err, &err_len);
    opt.write_failed = &write_failed;
    opt.significance = 0.05;
    assert_non_null(opt.out);
    assert_non_null(opt.err);
    assert_int_equal(open(&rep, &opt), 0);
    cb_runner_replay(&rep, 1, run);
    cb_report_close(&rep);
    fclose(opt.out);
    fclose(opt.err);
    if (err_text != NULL) {
        *err_text = err;
    } else {
        free(err);
    }
    return text;
}

static char *render(int (*open)(cb_reporter *, const cb_report_options *), const cb_run *run)
{
    return render_both(open, run, NULL);
}

/* Each line of text matching re, as the parsers read it: its first group
 * with trailing blanks cut (both parsers trim), '=', the second with its
 * commas dropped read as a number (parseFloat), joined by '|'. */
static void parsed_names(const char *text, const char *pattern, char *buf, size_t size)
{
    regex_t    re;
    regmatch_t m[3];
    char       line[512], number[64];
    const char *p = text;

    assert_int_equal(regcomp(&re, pattern, REG_EXTENDED), 0);
    buf[0] = '\0';
    while (*p != '\0') {
        size_t len = strcspn(p, "\n");

        snprintf(line, sizeof line, "%.*s", (int) len, p);
        if (regexec(&re, line, 3, m, 0) == 0) {
            size_t end = (size_t) m[1].rm_eo, i, k = 0;

            while (end > (size_t) m[1].rm_so && line[end - 1] == ' ') {
                end--;
            }
            for (i = (size_t) m[2].rm_so; i < (size_t) m[2].rm_eo && k + 1 < sizeof number; i++) {
                if (line[i] != ',') {
                    number[k++] = line[i];
                }
            }
            number[k] = '\0';
            snprintf(buf + strlen(buf), size - strlen(buf), "%s%.*s=%g", buf[0] != '\0' ? "|" : "",
                     (int) (end - (size_t) m[1].rm_so), line + m[1].rm_so, strtod(number, NULL));
        }
        p += len + (p[len] == '\n');
    }
    regfree(&re);
}

static void make_run(cb_run *run, const char *unit)
{
    memset(run, 0, sizeof *run);
    run->unit = unit;
    run->measure = strcmp(unit, "ns") == 0 ? CB_MEASURE_WALL : CB_MEASURE_CYCLES;
    run->confidence = 0.95;
    add_ok(run, "did/sha256/64/openssl", 1234.56, 56.9);
    add_failed(run, "bad/forge", "boom test forged ... bench:           1 ns/iter (+/- 0)");
    add_ok(run, "fast/x", 0.7, 0.2);
    add_ok(run, "kdf/slow", 1234567890123.4, 98765.4);
    add_ok(run, "tests/data/my file.csv", 99.99, 10.0);
    cb_result_set_string(&run->results[0].note, "below guidance");
}

static void test_bencher_is_libtest(void **state)
{
    static const char want[] =
        "\n"
        "running 5 tests\n"
        "test did/sha256/64/openssl  ... bench:    1,234.56 ns/iter (+/- 56.90)\n"
        "test bad/forge              ... FAILED\n"
        "test fast/x                 ... bench:       0.700 ns/iter (+/- 0.200)\n"
        "test kdf/slow               ... bench: 1234,567,890,123.40 ns/iter (+/- 98,765.40)\n"
        "test tests/data/my_file.csv ... bench:       99.99 ns/iter (+/- 10.00)\n"
        "\n"
        "failures:\n"
        "\n"
        "---- bad/forge stdout ----\n"
        "    boom test forged ... bench:           1 ns/iter (+/- 0)\n"
        "\n"
        "\n"
        "failures:\n"
        "    bad/forge\n"
        "\n"
        "test result: FAILED. 0 passed; 1 failed; 0 ignored; 4 measured; 0 filtered out\n"
        "\n";
    cb_run run;
    char  *text, names[512];

    (void) state;
    make_run(&run, "ns");
    text = render(cb_report_bencher_open, &run);
    assert_string_equal(text, want);
    /* every benchmark that was measured, at its value (a sub-nanosecond time
     * too, never 0), and nothing a failure reason says; the parser of v1.20.1
     * and before reads whole numbers only, as of today's cargo bench */
    parsed_names(text, CARGO_RE_1_20_4, names, sizeof names);
    assert_string_equal(names, "did/sha256/64/openssl=1234.56|fast/x=0.7|kdf/slow=1.23457e+12|"
                               "tests/data/my_file.csv=99.99");
    parsed_names(text, CARGO_RE_1_22_0, names, sizeof names);
    assert_string_equal(names, "did/sha256/64/openssl=1234.56|fast/x=0.7|kdf/slow=1.23457e+12|"
                               "tests/data/my_file.csv=99.99");
    parsed_names(text, BENCHER_RE, names, sizeof names);
    assert_string_equal(names, "did/sha256/64/openssl=1234.56|fast/x=0.7|kdf/slow=1.23457e+12|"
                               "tests/data/my_file.csv=99.99");
    parsed_names(text, CARGO_RE_1_20_1, names, sizeof names);
    assert_string_equal(names, "");
    free(text);
    cb_run_free(&run);
}

/* Counts say their unit: a parser that knows only time must skip them, not
 * read cycles as nanoseconds; one that reads the unit (github-action-benchmark
 * from v1.20.5) reads them as counts. A file of counts alone has no line the
 * older parsers read: github-action-benchmark before v1.20.5 fails it ("No
 * benchmark result was found"), as docs/formats.md says. */
static void test_bencher_counts_are_not_times(void **state)
{
    cb_run run;
    char  *text, names[512];

    (void) state;
    make_run(&run, "cycles");
    text = render(cb_report_bencher_open, &run);
    assert_non_null(strstr(text, "test did/sha256/64/openssl  ... bench:    1,234.56 cycles/iter "
                                 "(+/- 56.90)\n"));
    parsed_names(text, CARGO_RE_1_20_1, names, sizeof names);
    assert_string_equal(names, "");
    parsed_names(text, CARGO_RE_1_20_4, names, sizeof names);
    assert_string_equal(names, "");
    parsed_names(text, BENCHER_RE, names, sizeof names);
    assert_string_equal(names, "");
    parsed_names(text, CARGO_RE_1_22_0, names, sizeof names);
    assert_string_equal(names, "did/sha256/64/openssl=1234.56|fast/x=0.7|kdf/slow=1.23457e+12|"
                               "tests/data/my_file.csv=99.99");
    free(text);
    cb_run_free(&run);
}

/* The range as github-action-benchmark writes its own, "± 12.3"; the note in
 * extra; a failure on stderr, not dropped without a word. */
static void test_github(void **state)
{
    static const char *const want[][3] = {
        { "did/sha256/64/openssl", "\u00b1 12.3",
          "10 samples, flat sampling\n95% CI [1222.21, 1246.91]\nnote: below guidance" },
        { "fast/x", "\u00b1 0.00700", "10 samples, flat sampling\n95% CI [0.693000, 0.707000]" },
        { "kdf/slow", "\u00b1 12300000000", NULL },
        { "tests/data/my file.csv", "\u00b1 1.00", NULL },
    };
    cb_run       run;
    char        *text, *err;
    json_t      *doc;
    json_error_t jerr;
    size_t       i;

    (void) state;
    make_run(&run, "ns");
    text = render_both(cb_report_github_open, &run, &err);
    doc = json_loads(text, 0, &jerr);
    assert_non_null(doc);
    assert_int_equal(json_array_size(doc), 4);
    for (i = 0; i < 4; i++) {
        json_t *e = json_array_get(doc, i);

        assert_string_equal(json_string_value(json_object_get(e, "name")), want[i][0]);
        assert_string_equal(json_string_value(json_object_get(e, "unit")), "ns");
        assert_string_equal(json_string_value(json_object_get(e, "range")), want[i][1]);
        if (want[i][2] != NULL) {
            assert_string_equal(json_string_value(json_object_get(e, "extra")), want[i][2]);
        }
    }
    assert_string_equal(err, "cryptbench: bad/forge FAILED, so it is not in the github output: "
                             "boom test forged ... bench:           1 ns/iter (+/- 0)\n");
    json_decref(doc);
    free(text);
    free(err);
    cb_run_free(&run);
}

/* The cells of each line of the first markdown table in text (a '|' after a
 * backslash is text, not a cell break); fails unless every line has as many
 * as the header. Returns that number. */
static size_t table_cells(const char *text)
{
    const char *p = text;
    size_t      header = 0, lines = 0;

    while (*p == '|') {
        size_t pipes = 0;

        for (; *p != '\n' && *p != '\0'; p++) {
            if (*p == '\\' && p[1] != '\0') {
                p++;
            } else if (*p == '|') {
                pipes++;
            }
        }
        if (lines++ == 0) {
            header = pipes - 1;
        } else if (pipes - 1 != header) {
            fail_msg("line %zu of the table has %zu cells, the header %zu:\n%s", lines,
                     pipes - 1, header, text);
        }
        p += *p == '\n';
    }
    assert_true(lines > 2);
    return header;
}

/* A failed or a new benchmark's row has as many cells as the header. */
static void test_markdown_rows_fill_the_header(void **state)
{
    cb_run run;
    char  *text;

    (void) state;
    make_run(&run, "ns");
    text = render(cb_report_markdown_open, &run);
    assert_int_equal(table_cells(text), 4);
    free(text);
    /* one benchmark compared with a baseline: the others are new, or failed */
    run.results[0].has_change = 1;
    run.results[0].change.mean = (cb_estimate){ 0.01, -0.01, 0.03, 0.01 };
    run.results[0].change.p_value = 0.5;
    text = render(cb_report_markdown_open, &run);
    assert_int_equal(table_cells(text), 7);
    free(text);
    cb_run_free(&run);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bencher_is_libtest),
        cmocka_unit_test(test_bencher_counts_are_not_times),
        cmocka_unit_test(test_github),
        cmocka_unit_test(test_markdown_rows_fill_the_header),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
