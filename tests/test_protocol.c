/*
 * The report a benchmark's process sends: whatever text it holds arrives
 * clean, and a plan of more samples than can be analysed is refused.
 */
#include <stdio.h>
#include <string.h>

#include "measure/protocol.h"
#include "support.h"

#define FFFD "\xef\xbf\xbd"

static void test_text_arrives_clean(void **state)
{
    char      text[] = "note \033[2J\xff note\n"
                       "counter \033]0;x\007ops 2 2000000000\n"
                       "failed why \xc2\x9b" "31m\n"
                       "end\n";
    cb_result r;
    const char *why = NULL;

    (void) state;
    memset(&r, 0, sizeof r);
    assert_int_equal(cb_protocol_parse(text, &r, &why), 0);
    assert_string_equal(r.note, FFFD "[2J" FFFD " note");
    assert_string_equal(r.counters[0].name, FFFD "]0;x" FFFD "ops");
    assert_string_equal(r.failure, "why " FFFD "31m");
    cb_result_free(&r);
}

static void test_plan_beyond_the_bound(void **state)
{
    char      text[128];
    cb_result r;
    const char *why = NULL;

    (void) state;
    memset(&r, 0, sizeof r);
    snprintf(text, sizeof text, "plan 0 %d 1 1 1 1\nend\n", CB_MAX_SAMPLES + 1);
    assert_int_equal(cb_protocol_parse(text, &r, &why), -1);
    assert_string_equal(why, "plan of more than 10000 samples, the most cryptbench analyses");
    cb_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_arrives_clean),
        cmocka_unit_test(test_plan_beyond_the_bound),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
