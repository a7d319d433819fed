/*
 * Known answers for the constant-time checks (docs/constant-time.md):
 * code whose time is known to depend on a secret, or known not to, so that
 * the checks themselves are checked on every run of the suite.
 *
 *   ct/compare/32/early-exit  a byte-wise comparison that returns at the first
 *                             difference: both checks must flag it
 *   ct/compare/32/libsodium   sodium_memcmp: neither check may flag it
 *   ct/compare/32/openssl     CRYPTO_memcmp: neither check may flag it
 *   ct/verify/32/libsodium    crypto_verify_32, libsodium's comparison of MACs:
 *                             neither check may flag it
 *   ct/table-lookup/32        a 256-byte table read at secret indexes: the exact
 *                             check must flag the memory access; the table stays in
 *                             L1, so the statistical check has nothing to see here
 *
 * A comparison checks a 32-byte secret (a MAC tag, a password hash) against a
 * guess: class 0 guesses right, class 1 at random, which an early exit answers
 * at the first byte. The table lookup's secret is its input: class 0 all
 * zeros, class 1 random.
 */
#include <openssl/crypto.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"

#define SECRET_BYTES 32

typedef struct comparison {
    const char *name, *impl;
    int (*compare)(const void *a, const void *b, size_t n);
} comparison;

/* What a timing attack on a MAC check finds: the loop ends at the first byte
 * that differs, so the time says how many bytes of the guess were right. */
static int early_exit_compare(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    size_t               i;

    for (i = 0; i < n; i++) {
        if (x[i] != y[i]) {
            return x[i] < y[i] ? -1 : 1;
        }
    }
    return 0;
}

static int openssl_compare(const void *a, const void *b, size_t n)
{
    return CRYPTO_memcmp(a, b, n);
}

static int verify_compare(const void *a, const void *b, size_t n)
{
    (void) n; /* SECRET_BYTES, which crypto_verify_32 is made for */
    return crypto_verify_32(a, b);
}

static const comparison comparisons[] = {
    { "ct/compare", "early-exit", early_exit_compare },
    { "ct/compare", "libsodium", sodium_memcmp },
    { "ct/compare", "openssl", openssl_compare },
    { "ct/verify", "libsodium", verify_compare },
};

/* The secret, random, declared to the checks once it is written. */
static int secret_setup(cb_state *s)
{
    unsigned char *secret = malloc(SECRET_BYTES);

    if (secret == NULL) {
        return cb_state_fail(s, "out of memory");
    }
    randombytes_buf(secret, SECRET_BYTES);
    cb_secret(s, secret, SECRET_BYTES);
    cb_state_set_fixture(s, secret);
    return 0;
}

static void secret_teardown(cb_state *s)
{
    unsigned char *secret = cb_state_fixture(s);

    sodium_memzero(secret, SECRET_BYTES);
    free(secret);
}

/* Class 0: the right guess; class 1: a random one. */
static int guess_input(cb_state *s, int input_class, void *input)
{
    if (input_class == 0) {
        memcpy(input, cb_state_fixture(s), SECRET_BYTES);
    } else {
        randombytes_buf(input, SECRET_BYTES);
    }
    return 0;
}

/* Equal buffers compare equal, and buffers differing in the last byte do not. */
static int compare_check(cb_state *s)
{
    const comparison *c = cb_state_ctx(s);
    unsigned char     a[SECRET_BYTES], b[SECRET_BYTES];

    randombytes_buf(a, sizeof a);
    memcpy(b, a, sizeof b);
    if (c->compare(a, b, sizeof a) != 0) {
        return cb_state_fail(s, "%s: equal buffers compared unequal", c->impl);
    }
    b[SECRET_BYTES - 1] ^= 1;
    if (c->compare(a, b, sizeof a) == 0) {
        return cb_state_fail(s, "%s: buffers differing in the last byte compared equal", c->impl);
    }
    return 0;
}

static int compare_run(cb_state *s)
{
    const comparison    *c = cb_state_ctx(s);
    const unsigned char *secret = cb_state_fixture(s), *guess = cb_state_input(s);
    int                  differ = 0;

    CB_LOOP(s) {
        differ |= c->compare(guess, secret, SECRET_BYTES);
        cb_black_box(&differ);
    }
    /* whether a guess was right is the comparison's answer, public by design */
    cb_declassify(s, &differ, sizeof differ);
    return 0;
}

/* A byte substitution through a table, as a table-based AES's S-box does:
 * which line of the table is read depends on the secret. The table is a
 * fixture so that the compiler cannot see its contents. */
static int table_setup(cb_state *s)
{
    unsigned char *table = malloc(256);
    unsigned       i;

    if (table == NULL) {
        return cb_state_fail(s, "out of memory");
    }
    for (i = 0; i < 256; i++) {
        table[i] = (unsigned char) (i * 167u + 13u); /* a permutation: 167 is odd */
    }
    cb_state_set_fixture(s, table);
    return 0;
}

static void table_teardown(cb_state *s)
{
    free(cb_state_fixture(s));
}

/* Class 0: a key of zeros; class 1: a random key. */
static int key_input(cb_state *s, int input_class, void *input)
{
    (void) s;
    if (input_class == 0) {
        memset(input, 0, SECRET_BYTES);
    } else {
        randombytes_buf(input, SECRET_BYTES);
    }
    return 0;
}

static int table_check(cb_state *s)
{
    const unsigned char *table = cb_state_fixture(s);
    unsigned char        seen[256] = { 0 };
    unsigned             i;

    for (i = 0; i < 256; i++) {
        seen[table[i]] = 1;
    }
    for (i = 0; i < 256 && seen[i]; i++) {
    }
    return i == 256 ? 0 : cb_state_fail(s, "the table is not a permutation: %u never appears", i);
}

static int table_run(cb_state *s)
{
    const unsigned char *table = cb_state_fixture(s);
    unsigned char       *key = cb_state_input(s), out[SECRET_BYTES];
    size_t               i;

    cb_secret(s, key, SECRET_BYTES);
    CB_LOOP(s) {
        for (i = 0; i < SECRET_BYTES; i++) {
            out[i] = table[key[i]];
        }
        cb_black_box(out);
    }
    return 0;
}

void suite_ct_register(void)
{
    static const uint64_t bytes[] = { SECRET_BYTES };
    size_t                i;

    for (i = 0; i < sizeof comparisons / sizeof comparisons[0]; i++) {
        cb_register(&(cb_bench){ .name = comparisons[i].name, .impl = comparisons[i].impl,
                                 .setup = secret_setup, .teardown = secret_teardown,
                                 .check = compare_check, .run = compare_run,
                                 .ctx = (void *) &comparisons[i], .params = bytes, .nparams = 1,
                                 .param_name = "bytes", .throughput = CB_THROUGHPUT_BYTES,
                                 .prepare_input = guess_input, .input_size = SECRET_BYTES });
    }
    cb_register(&(cb_bench){ .name = "ct/table-lookup", .setup = table_setup,
                             .teardown = table_teardown, .check = table_check, .run = table_run,
                             .params = bytes, .nparams = 1, .param_name = "bytes",
                             .throughput = CB_THROUGHPUT_BYTES, .prepare_input = key_input,
                             .input_size = SECRET_BYTES });
}
