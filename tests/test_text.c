/*
 * The sanitiser of outside text: valid UTF-8 passes, control characters and
 * ill-formed sequences do not, and cutting never splits a character.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "support.h"

#define FFFD "\xef\xbf\xbd"

static void expect_clean(const char *in, const char *want)
{
    char  buf[256];
    char *dup = cb_text_dup(in);

    cb_text_clean(buf, sizeof buf, in);
    assert_string_equal(buf, want);
    assert_non_null(dup);
    assert_string_equal(dup, want);
    assert_true(cb_text_is_clean(buf));
    assert_int_equal(cb_text_is_clean(in), strcmp(in, want) == 0);
    free(dup);
}

static void test_valid_text_passes(void **state)
{
    (void) state;
    expect_clean("", "");
    expect_clean("known-answer mismatch: got 00, want ff", "known-answer mismatch: got 00, want ff");
    expect_clean("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    expect_clean("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"); /* U+10FFFF */
}

static void test_controls_are_replaced(void **state)
{
    (void) state;
    /* a newline must not start a line of its own: it could forge a result */
    expect_clean("boom\ntest forged ... bench: 1 ns/iter (+/- 0)",
                 "boom test forged ... bench: 1 ns/iter (+/- 0)");
    expect_clean("a\tb\rc\vd\fe", "a b c d e");
    /* an escape sequence must not reach the terminal */
    expect_clean("\033[31mred\033]0;title\007", FFFD "[31mred" FFFD "]0;title" FFFD);
    expect_clean("del\x7f", "del" FFFD);
    expect_clean("csi\xc2\x9b" "2J", "csi" FFFD "2J"); /* U+009B, a C1 control */
    expect_clean("\xc2\xa0nbsp", "\xc2\xa0nbsp");      /* U+00A0 is no control */
}

static void test_ill_formed_utf8_is_replaced(void **state)
{
    (void) state;
    expect_clean("bad \xff byte", "bad " FFFD " byte");
    expect_clean("cut \xc3", "cut " FFFD);
    expect_clean("cut \xe2\x82", "cut " FFFD);      /* one maximal subpart, one U+FFFD */
    expect_clean("cut \xe2\x82x", "cut " FFFD "x");
    expect_clean("\x80\xbf", FFFD FFFD);            /* lone continuation bytes */
    expect_clean("\xc0\xaf", FFFD FFFD);            /* overlong '/' */
    expect_clean("\xe0\x80\xaf", FFFD FFFD FFFD);   /* overlong, three bytes */
    expect_clean("\xed\xa0\x80", FFFD FFFD FFFD);   /* a surrogate */
    expect_clean("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD); /* beyond U+10FFFF */
    expect_clean("\xf5x", FFFD "x");
}

static void test_cut_between_characters(void **state)
{
    char buf[8];

    (void) state;
    assert_int_equal(cb_text_clean(buf, 6, "ab\xc3\xa9\xc3\xa9"), 4);
    assert_string_equal(buf, "ab\xc3\xa9"); /* the second e-acute does not fit */
    assert_int_equal(cb_text_clean(buf, 4, "a\033"), 1);
    assert_string_equal(buf, "a"); /* nor does the U+FFFD for ESC */
    assert_int_equal(cb_text_clean(buf, 1, "abc"), 0);
    assert_string_equal(buf, "");
}

static void test_drop_partial(void **state)
{
    static const char *const cases[][2] = {
        { "ab\xc3", "ab" },
        { "ab\xe2\x82", "ab" },
        { "\xf0\x9f\x98", "" },
        { "ab\xe2\x82\xac", "ab\xe2\x82\xac" },
        { "ab\xf0\x9f\x98\x80", "ab\xf0\x9f\x98\x80" },
        { "ab", "ab" },
        { "", "" },
    };
    char   buf[16];
    size_t i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(buf, sizeof buf, "%s", cases[i][0]);
        cb_text_drop_partial(buf);
        assert_string_equal(buf, cases[i][1]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_text_passes),
        cmocka_unit_test(test_controls_are_replaced),
        cmocka_unit_test(test_ill_formed_utf8_is_replaced),
        cmocka_unit_test(test_cut_between_characters),
        cmocka_unit_test(test_drop_partial),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
