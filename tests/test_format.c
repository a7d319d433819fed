/* Unit scaling, the formatter every reporter shares. */
#include <string.h>

#include "report/format.h"
#include "support.h"

static void expect_time(double ns, const char *want)
{
    char buf[64];

    cb_format_time(buf, sizeof buf, ns);
    assert_string_equal(buf, want);
}

static void test_time(void **state)
{
    (void) state;
    expect_time(0.3791, "379.10 ps");
    /* below what five digits show, not "0.0000 ps" */
    expect_time(1.11e-14, "1.1100e-11 ps");
    expect_time(112.9, "112.90 ns");
    expect_time(9.87654, "9.8765 ns");
    expect_time(1234.5, "1.2345 us");
    expect_time(50.615e6, "50.615 ms");
    expect_time(2.5e9, "2.5000 s");
    expect_time(12345e9, "12345 s");
}

static void test_throughput(void **state)
{
    char buf[64];

    (void) state;
    cb_format_throughput(buf, sizeof buf, 540.6 * 1024 * 1024, CB_THROUGHPUT_BYTES);
    assert_string_equal(buf, "540.6 MiB/s");
    cb_format_throughput(buf, sizeof buf, 1.5 * 1024 * 1024 * 1024, CB_THROUGHPUT_BYTES);
    assert_string_equal(buf, "1.500 GiB/s");
    cb_format_throughput(buf, sizeof buf, 999.0, CB_THROUGHPUT_BYTES);
    assert_string_equal(buf, "999.0 B/s");
    cb_format_throughput(buf, sizeof buf, 74000.0, CB_THROUGHPUT_ELEMENTS);
    assert_string_equal(buf, "74.00 Kelem/s");
}

static void test_values_and_percent(void **state)
{
    char buf[64];

    (void) state;
    cb_format_value(buf, sizeof buf, 292.14, "cycles");
    assert_string_equal(buf, "292.14 cycles");
    cb_format_value(buf, sizeof buf, 123456.0, "instructions");
    assert_string_equal(buf, "123.46 Kinstructions");
    cb_format_value(buf, sizeof buf, 112.9, "ns");
    assert_string_equal(buf, "112.90 ns");
    cb_format_percent(buf, sizeof buf, 0.0021);
    assert_string_equal(buf, "+0.21%");
    cb_format_percent(buf, sizeof buf, -0.0102);
    assert_string_equal(buf, "-1.02%");
    cb_format_count(buf, sizeof buf, 5.1e6);
    assert_string_equal(buf, "5.1M");
}

/* Rust libtest's numbers since it prints fractions: two decimals, a ',' in
 * the whole part's last three places only (its fmt_thousands_sep); below 1,
 * three significant digits, so that nothing positive reads as 0. */
static void test_libtest(void **state)
{
    static const struct {
        double      x;
        const char *want;
    } cases[] = {
        { 0.0, "0.00" },          { 0.14, "0.140" },        { 0.004123, "0.00412" },
        { 0.99, "0.990" },        { 0.9999, "1.00" },       { 1.0, "1.00" },
        { 99.994, "99.99" },      { 99.996, "100.00" },     { 999.0, "999.00" },
        { 1000.0, "1,000.00" },   { 1234.5, "1,234.50" },   { 1000001.0, "1,000,001.00" },
        { 123456789012.0, "123,456,789,012.00" },
        { 1234567890123.0, "1234,567,890,123.00" },
        { 1e30, "18446744073,709,551,615.00" },             { -5.0, "0.00" },
    };
    char   buf[64];
    size_t i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cb_format_libtest(buf, sizeof buf, cases[i].x);
        assert_string_equal(buf, cases[i].want);
    }
}

static void test_plain(void **state)
{
    char buf[64];

    (void) state;
    cb_format_plain(buf, sizeof buf, 61240.3, 3);
    assert_string_equal(buf, "61200");
    cb_format_plain(buf, sizeof buf, 888539.0, 3);
    assert_string_equal(buf, "889000");
    cb_format_plain(buf, sizeof buf, 12.345, 3);
    assert_string_equal(buf, "12.3");
    cb_format_plain(buf, sizeof buf, 0.012345, 3);
    assert_string_equal(buf, "0.0123");
    cb_format_plain(buf, sizeof buf, 0.9999, 3);
    assert_string_equal(buf, "1.00");
    cb_format_plain(buf, sizeof buf, 0.0, 3);
    assert_string_equal(buf, "0");
}

/* p is printed one way everywhere: never an exponent, never a level of
 * "<0.0001" beside it, never rounded to look like its level. */
static void test_p_values(void **state)
{
    char buf[64];

    (void) state;
    cb_format_probability(buf, sizeof buf, 0.74);
    assert_string_equal(buf, "0.74");
    cb_format_probability(buf, sizeof buf, 0.0087);
    assert_string_equal(buf, "0.0087");
    cb_format_probability(buf, sizeof buf, 0.01 / 105.0);
    assert_string_equal(buf, "0.000095");
    cb_format_probability(buf, sizeof buf, 3e-9);
    assert_string_equal(buf, "<0.000001");
    cb_format_p_test(buf, sizeof buf, 0.74, 0.01 / 105.0);
    assert_string_equal(buf, "p = 0.74 > 0.000095");
    cb_format_p_test(buf, sizeof buf, 0.0087, 0.05);
    assert_string_equal(buf, "p = 0.0087 < 0.05");
    cb_format_p_test(buf, sizeof buf, 0.04962, 0.05);
    assert_string_equal(buf, "p = 0.0496 < 0.05");
    cb_format_p_test(buf, sizeof buf, 1e-12, 0.01 / 105.0);
    assert_string_equal(buf, "p < 0.000001 < 0.000095");
    cb_format_p_test(buf, sizeof buf, -1.0, 0.05);
    assert_string_equal(buf, "exact");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_throughput),
        cmocka_unit_test(test_values_and_percent),
        cmocka_unit_test(test_libtest),
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_p_values),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
