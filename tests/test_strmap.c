/*
 * Names to indexes: the hashed map that the parsers fill with thousands of
 * names, and the lookup in a fixed table that every enum's parser uses.
 */
#include <stdio.h>

#include "core/strmap.h"
#include "support.h"

static void test_map_finds_what_was_put(void **state)
{
    cb_strmap m = { 0 };
    char      key[32];
    size_t    i, v;

    (void) state;
    /* enough keys to make the table grow several times */
    for (i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "bench/%zu", i);
        assert_int_equal(cb_strmap_put(&m, key, i), 0);
    }
    assert_int_equal(cb_strmap_put(&m, "bench/7", 70), 0);
    for (i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "bench/%zu", i);
        assert_int_equal(cb_strmap_get(&m, key, &v), 1);
        assert_int_equal(v, i == 7 ? 70 : i);
    }
    assert_int_equal(cb_strmap_get(&m, "bench/1000", &v), 0);
    cb_strmap_free(&m);
    assert_int_equal(cb_strmap_get(&m, "bench/1", &v), 0);
}

static void test_index_in_a_fixed_table(void **state)
{
    static const char *const names[] = { "ok", "failed", "skipped" };

    (void) state;
    assert_int_equal(cb_strmap_index(names, 3, "ok"), 0);
    assert_int_equal(cb_strmap_index(names, 3, "skipped"), 2);
    assert_int_equal(cb_strmap_index(names, 3, "Skipped"), -1);
    assert_int_equal(cb_strmap_index(names, 3, ""), -1);
    assert_int_equal(cb_strmap_index(names, 2, "skipped"), -1);
    assert_int_equal(cb_strmap_index(names, 0, "ok"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_finds_what_was_put),
        cmocka_unit_test(test_index_in_a_fixed_table),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
