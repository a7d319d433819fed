/*
 * The patterns users give (filters, budgets' "match"): what regcomp reads,
 * but nothing that would take unbounded time or memory to compile or match;
 * a pattern without operators matched as text, the same way as the
 * expression would.
 */
#include <regex.h>
#include <string.h>

#include "core/pattern.h"
#include "support.h"

static void test_catastrophic_patterns_are_refused(void **state)
{
    static const struct {
        const char *pattern, *want;
    } bad[] = {
        { "((a{1,100}){1,100}){1,100}", "more than 4096 elements" },
        { "(a{1,100}){1,100}", "more than 4096 elements" },
        { "(((((((((((((x+)+)+)+)+)+)+)+)+)+)+)+)+)+", "more than 4096 elements" },
        { "a{1,99999999999999999999}", "more than 4096 elements" },
        { "(a*)\\1", "back-reference (\\1)" },
        { "sha(256", "not a valid POSIX extended regular expression" },
    };
    char       long_one[CB_PATTERN_MAX_LENGTH + 2];
    char       why[256];
    cb_pattern p;
    size_t     i;

    (void) state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (cb_pattern_compile(&p, bad[i].pattern, why, sizeof why) == 0) {
            cb_pattern_free(&p);
            fail_msg("%s was compiled", bad[i].pattern);
        }
        if (strstr(why, bad[i].want) == NULL) {
            fail_msg("%s: \"%s\" lacks \"%s\"", bad[i].pattern, why, bad[i].want);
        }
    }
    memset(long_one, 'a', sizeof long_one - 1);
    long_one[sizeof long_one - 1] = '\0';
    assert_int_equal(cb_pattern_compile(&p, long_one, why, sizeof why), -1);
    assert_non_null(strstr(why, "longer than 4096 bytes"));
}

/* Each pattern matches the names regexec matches, whichever way it is run. */
static void test_same_matches_as_regexec(void **state)
{
    static const char *const patterns[] = {
        "did/", "^did/", "/64$", "^did/sha256/64/openssl$", "^", "$", "^$", "",
        "sha(256|512)", "a{2,3}", "[[:digit:]]+/", "^kdf/.*/openssl$", "(did|kdf)/{1,2}x?",
    };
    static const char *const names[] = {
        "did/sha256/64/openssl", "did/sha512/64/libsodium", "kdf/pbkdf2-sha256/1000/openssl",
        "master_key/aes-256-gcm/32", "", "aaa", "x/did/", "did/64",
    };
    size_t i, j;

    (void) state;
    for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
        cb_pattern p;
        regex_t    re;
        char       why[256];

        if (cb_pattern_compile(&p, patterns[i], why, sizeof why) != 0) {
            fail_msg("%s: %s", patterns[i], why);
        }
        assert_int_equal(regcomp(&re, patterns[i], REG_EXTENDED | REG_NOSUB), 0);
        for (j = 0; j < sizeof names / sizeof names[0]; j++) {
            if (cb_pattern_match(&p, names[j]) != (regexec(&re, names[j], 0, NULL, 0) == 0)) {
                fail_msg("'%s' on '%s': not as regexec", patterns[i], names[j]);
            }
        }
        regfree(&re);
        cb_pattern_free(&p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catastrophic_patterns_are_refused),
        cmocka_unit_test(test_same_matches_as_regexec),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
