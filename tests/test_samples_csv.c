/*
 * Reading samples measured elsewhere: what is accepted, and that every bad
 * input is refused with file, line (and column) and what was wrong.
 */
#include <stdlib.h>
#include <string.h>

#include "store/samples_csv.h"
#include "support.h"

static int parse(const char *text, double scale, cb_samples *s, cb_error *err)
{
    return cb_samples_csv_parse("s.csv", text, strlen(text), scale, s, err);
}

static void test_reads_with_and_without_header(void **state)
{
    cb_samples s;
    cb_error   err;

    (void) state;
    assert_int_equal(parse("iterations,total\n1,100\n2, 210\r\n\n3 ,290\n", 1.0, &s, &err), 0);
    assert_int_equal(s.n, 3);
    assert_true(s.iters[1] == 2.0 && s.values[1] == 210.0);
    assert_int_equal(cb_samples_mode(&s), CB_MODE_LINEAR);
    cb_samples_free(&s);

    /* a byte-order mark before a first line of data: the line is a sample */
    assert_int_equal(parse("\xef\xbb\xbf" "1,100\n2,210\n3,290\n", 1.0, &s, &err), 0);
    assert_int_equal(s.n, 3);
    assert_true(s.iters[0] == 1.0 && s.values[0] == 100.0);
    cb_samples_free(&s);
    /* and before a header, the header */
    assert_int_equal(parse("\xef\xbb\xbfiterations,total\n1,100\n2,210\n", 1.0, &s, &err), 0);
    assert_int_equal(s.n, 2);
    cb_samples_free(&s);

    assert_int_equal(parse("5,1.5\n5,1.25", 1e3, &s, &err), 0); /* microseconds, no last newline */
    assert_true(s.values[0] == 1500.0 && s.values[1] == 1250.0);
    assert_int_equal(cb_samples_mode(&s), CB_MODE_FLAT);
    cb_samples_free(&s);
}

static void test_refuses_bad_input(void **state)
{
    static const char *const cases[][2] = {
        { "1,100\n2\n", ":2:2: expected 2 fields" },
        { "1,100\n2,3,4\n", ":2:5: expected 2 fields" },
        { "10,abc\n2,3\n", ":1:4: total: 'abc' is not a number" },
        { "1,\n2,3\n", ":1:3: total: '' is not a number" },
        { "1,100\n2,abc\n", ":2:3: total: 'abc' is not a number" },
        { "1,100\nx,200\n", ":2:1: iterations: 'x' is not a number" },
        { "1,100\n2,0\n", ":2:3: total: expected a positive finite number, got '0'" },
        { "1,100\n2,-5\n", ":2:3: total: expected a positive" },
        { "1,100\n2,nan\n", ":2:3: total: 'nan' is not a number" },
        { "1,100\n2,inf\n", ":2:3: total: 'inf' is not a number" },
        { "1,100\n0x10,100\n", ":2:1: iterations: '0x10' is not a number" },
        /* read as a double it would be 2^53: another count than the file's */
        { "1,100\n9007199254740993,100\n",
          ":2:1: iterations: expected a positive whole number up to 2^53 - 1 (9007199254740991)" },
        { "1,100\n0,100\n", ":2:1: iterations: expected a positive whole number" },
        { "1,100\n2.5,100\n", ":2:1: iterations: expected a positive whole number" },
        { "1,100\n", ": 1 sample: at least 2 are needed" },
        { "iterations,total\n", ": 0 samples: at least 2 are needed" },
        { "", ": 0 samples: at least 2 are needed" },
        { "a,b\nc,d\n", ":2:1: iterations: 'c' is not a number" },
    };
    cb_samples s;
    cb_error   err;
    size_t     i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char want[256];

        snprintf(want, sizeof want, "s.csv%s", cases[i][1]);
        if (parse(cases[i][0], 1.0, &s, &err) != -1) {
            fail_msg("case %zu was accepted", i);
        }
        if (strncmp(err.msg, want, strlen(want)) != 0) {
            fail_msg("case %zu: got '%s', want '%s...'", i, err.msg, want);
        }
    }
}

static void test_scaled_overflow(void **state)
{
    cb_samples s;
    cb_error   err;

    (void) state;
    assert_int_equal(parse("1,1e300\n2,2e300\n", 1e9, &s, &err), -1);
    assert_non_null(strstr(err.msg, ":1:3: total: expected a positive finite number"));
    /* finite, but the analysis would square it to infinity */
    assert_int_equal(parse("1,100\n2,1e160\n", 1.0, &s, &err), -1);
    assert_string_equal(err.msg, "s.csv:2:3: total: '1e160' is beyond what cryptbench analyses, "
                                 "1e-30 to 1e+30 (its statistics would overflow)");
    assert_int_equal(parse("1,100\n2,1e25\n", 1e9, &s, &err), -1);
    assert_string_equal(err.msg, "s.csv:2:3: total: '1e25' is beyond what cryptbench analyses, "
                                 "1e-30 to 1e+30 once scaled to ns (its statistics would overflow)");
    assert_int_equal(parse("1,1e-31\n2,1\n", 1.0, &s, &err), -1);
}

/* A NUL byte used to end the line silently, the rest of it unread. */
static void test_refuses_nul(void **state)
{
    static const char text[] = "1,100\n2,200\0garbage\n3,300\n";
    cb_samples        s;
    cb_error          err;

    (void) state;
    assert_int_equal(cb_samples_csv_parse("s.csv", text, sizeof text - 1, 1.0, &s, &err), -1);
    assert_string_equal(err.msg, "s.csv:2:6: a NUL byte (expected 'iterations,total')");
}

/* Bounds: a line's length, and the number of samples, refused at the first
 * line beyond them rather than after reading millions. */
static void test_bounds(void **state)
{
    char      *text = malloc(40 * (CB_MAX_SAMPLES + 10));
    size_t     i, len = 0;
    cb_samples s;
    cb_error   err;

    (void) state;
    assert_non_null(text);
    memset(text, '1', CB_CSV_LINE_MAX + 1);
    memcpy(text + CB_CSV_LINE_MAX + 1, ",5\n", 4);
    assert_int_equal(parse(text, 1.0, &s, &err), -1);
    assert_string_equal(err.msg, "s.csv:1: a line of 1027 bytes, longer than the 1024 of "
                                 "'iterations,total' cryptbench reads");

    len = (size_t) sprintf(text, "iterations,total\n");
    for (i = 0; i < CB_MAX_SAMPLES; i++) {
        len += (size_t) sprintf(text + len, "%zu,%zu\n", i + 1, 100 * (i + 1));
    }
    assert_int_equal(parse(text, 1.0, &s, &err), 0);
    assert_int_equal(s.n, CB_MAX_SAMPLES);
    cb_samples_free(&s);
    sprintf(text + len, "1,100\n");
    assert_int_equal(parse(text, 1.0, &s, &err), -1);
    assert_string_equal(err.msg, "s.csv:10002: more than 10000 samples, the most cryptbench "
                                 "analyses");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_with_and_without_header),
        cmocka_unit_test(test_refuses_bad_input),
        cmocka_unit_test(test_scaled_overflow),
        cmocka_unit_test(test_refuses_nul),
        cmocka_unit_test(test_bounds),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
