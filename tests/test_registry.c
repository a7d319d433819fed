/*
 * Registration: what cb_register accepts and refuses, how parameters and
 * implementations become names, and the filters that select among them.
 */
#include <string.h>

#include "cli/filter.h"
#include "measure/registry.h"
#include "support.h"

static int run_nothing(cb_state *s)
{
    (void) s;
    return 0;
}

static int teardown(void **state)
{
    (void) state;
    cb_registry_clear();
    return 0;
}

static void test_names(void **state)
{
    static const uint64_t sizes[] = { 64, 1024 };
    cb_instance_list      list;
    cb_error              err;

    (void) state;
    assert_int_equal(cb_register(&(cb_bench){ .name = "did/sha256", .impl = "openssl",
                                              .run = run_nothing, .params = sizes, .nparams = 2,
                                              .throughput = CB_THROUGHPUT_BYTES }),
                     0);
    assert_int_equal(cb_register(&(cb_bench){ .name = "sign/x25519", .run = run_nothing }), 0);
    assert_null(cb_registry_error());
    assert_int_equal(cb_registry_expand(&list, &err), 0);
    assert_int_equal(list.n, 3);
    assert_string_equal(list.items[0].name, "did/sha256/64/openssl");
    assert_string_equal(list.items[1].name, "did/sha256/1024/openssl");
    assert_int_equal(list.items[1].per_iteration, 1024); /* "the parameter" */
    assert_string_equal(list.items[2].name, "sign/x25519");
    cb_instance_list_free(&list);
}

static void refused(const cb_bench *b, const char *why)
{
    cb_registry_clear();
    assert_int_equal(cb_register(b), -1);
    assert_non_null(cb_registry_error());
    if (strstr(cb_registry_error(), why) == NULL) {
        fail_msg("'%s' lacks '%s'", cb_registry_error(), why);
    }
}

static void test_refusals(void **state)
{
    static const uint64_t huge[] = { 1, UINT64_C(1) << 63 };
    char                  long_name[300];

    (void) state;
    refused(&(cb_bench){ .name = "did/", .run = run_nothing }, "name must be");
    refused(&(cb_bench){ .name = "did sha", .run = run_nothing }, "name must be");
    refused(&(cb_bench){ .name = "did/<img>", .run = run_nothing }, "name must be");
    refused(&(cb_bench){ .name = "did/sha", .impl = "a/b", .run = run_nothing }, "impl must be");
    refused(&(cb_bench){ .name = "did/sha" }, "no run function");
    refused(&(cb_bench){ .name = "did/sha", .run = run_nothing, .params = huge, .nparams = 2 },
            "below 2^63");
    refused(&(cb_bench){ .name = "did/sha", .run = run_nothing, .sample_size = 5 },
            "sample_size must be at least 10");
    refused(&(cb_bench){ .name = "did/sha", .run = run_nothing,
                         .throughput = CB_THROUGHPUT_BYTES },
            "per_iteration 0 means");
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    refused(&(cb_bench){ .name = long_name, .run = run_nothing }, "longer than 200");
}

static void test_duplicates(void **state)
{
    cb_instance_list list;
    cb_error         err;

    (void) state;
    cb_registry_clear();
    assert_int_equal(cb_register(&(cb_bench){ .name = "a/b", .run = run_nothing }), 0);
    assert_int_equal(cb_register(&(cb_bench){ .name = "a/b", .run = run_nothing }), 0);
    assert_int_equal(cb_registry_expand(&list, &err), -1);
    assert_string_equal(err.msg, "benchmark \"a/b\" is registered twice");
}

static void test_filters(void **state)
{
    static const char *const word[] = { "sha256" }, *const re[] = { "^did/.*/64/" };
    static const char *const exact[] = { "did/sha256/64/openssl" }, *const bad[] = { "sha(256" };
    cb_filter                f;
    cb_error                 err;

    (void) state;
    assert_int_equal(cb_filter_init(&f, word, 1, 0, &err), 0);
    assert_true(cb_filter_match(&f, "kdf/pbkdf2-sha256/1000/openssl"));
    assert_false(cb_filter_match(&f, "did/sha512/64/openssl"));
    cb_filter_free(&f);
    assert_int_equal(cb_filter_init(&f, re, 1, 0, &err), 0);
    assert_true(cb_filter_match(&f, "did/sha512/64/openssl"));
    assert_false(cb_filter_match(&f, "did/sha512/1024/openssl"));
    cb_filter_free(&f);
    assert_int_equal(cb_filter_init(&f, exact, 1, 1, &err), 0);
    assert_true(cb_filter_match(&f, "did/sha256/64/openssl"));
    assert_false(cb_filter_match(&f, "did/sha256/64/openssl2"));
    cb_filter_free(&f);
    assert_int_equal(cb_filter_init(&f, bad, 1, 0, &err), -1);
    assert_non_null(
        strstr(err.msg, "filter 'sha(256': not a valid POSIX extended regular expression"));
    assert_int_equal(cb_filter_init(&f, NULL, 0, 0, &err), 0);
    assert_true(cb_filter_match(&f, "anything"));
    cb_filter_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_names, teardown),
        cmocka_unit_test_teardown(test_refusals, teardown),
        cmocka_unit_test_teardown(test_duplicates, teardown),
        cmocka_unit_test(test_filters),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
