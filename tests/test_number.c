/*
 * Numbers as people write them, and nothing else: decimal, with a fraction
 * and an exponent, never hex, infinity, NaN or a leading blank.
 */
#include <string.h>

#include "core/number.h"
#include "support.h"

static void test_decimals_are_read(void **state)
{
    static const struct {
        const char *text;
        double      value;
        size_t      len;
    } good[] = {
        { "250", 250.0, 3 },    { "1.5 GiB/s", 1.5, 3 }, { ".5", 0.5, 2 },
        { "5.", 5.0, 2 },       { "2e-3", 2e-3, 4 },     { "-7", -7.0, 2 },
        { "+1E2 ms", 100.0, 4 }, { "1e", 1.0, 1 },        { "3e+x", 3.0, 1 },
    };
    size_t i;

    (void) state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        const char *end;
        double      x;

        if (cb_number_decimal(good[i].text, &x, &end) != 0) {
            fail_msg("\"%s\" was not read", good[i].text);
        }
        assert_true(x == good[i].value);
        assert_int_equal((size_t) (end - good[i].text), good[i].len);
    }
}

static void test_the_rest_is_refused(void **state)
{
    static const char *const bad[] = { "", " 1", "inf", "nan", "NaN", "infinity", ".", "-",
                                       "e5", "x1", "1e999", "-1e400", "0x10" };
    size_t                   i;

    (void) state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double x;

        if (cb_number_decimal(bad[i], &x, NULL) == 0) {
            fail_msg("\"%s\" was read as %g", bad[i], x);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimals_are_read),
        cmocka_unit_test(test_the_rest_is_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
