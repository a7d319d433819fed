/* The crypto suite's own encodings: base58btc and did:key (bench/suite.c). */
#include <string.h>

#include "suite.h"
#include "support.h"

static void expect_base58(const void *in, size_t len, const char *want)
{
    char buf[128];

    assert_int_equal(suite_base58btc(buf, sizeof buf, in, len), 0);
    assert_string_equal(buf, want);
}

/* The examples of draft-msporny-base58 ("The Base58 Encoding Scheme"). Its
 * third example reads "111233QC4" for 0x0000287fb4cd, one '1' too many: two
 * zero bytes give two '1's, as the draft's own algorithm and every
 * implementation have it. */
static void test_base58_draft_examples(void **state)
{
    static const unsigned char bin[] = { 0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd };

    (void) state;
    expect_base58("Hello World!", 12, "2NEpo7TZRRrLZSi2U");
    expect_base58("The quick brown fox jumps over the lazy dog.", 44,
                  "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
    expect_base58(bin, sizeof bin, "11233QC4");
}

static void test_base58_leading_zeros(void **state)
{
    static const unsigned char zeros[3] = { 0 };
    static const unsigned char one[] = { 0x00, 0x00, 0x01 };
    static const unsigned char big[] = { 0x00, 0xff };

    (void) state;
    expect_base58(zeros, 1, "1");
    expect_base58(zeros, 3, "111");
    expect_base58(one, sizeof one, "112");
    expect_base58(big, sizeof big, "15Q"); /* 255 = 4 * 58 + 23 */
}

static void test_base58_empty(void **state)
{
    char buf[4] = "xyz";

    (void) state;
    assert_int_equal(suite_base58btc(buf, sizeof buf, (const unsigned char *) "", 0), 0);
    assert_string_equal(buf, "");
    assert_int_equal(suite_base58btc(buf, 1, NULL, 0), 0);
    assert_string_equal(buf, "");
}

/* "Hello World!" takes 17 digits: 18 bytes fit, 17 (no room for the NUL) do not,
 * and neither do too few bytes for the leading '1's. */
static void test_base58_buffer_size(void **state)
{
    static const unsigned char zeros[4] = { 0 };
    char                       buf[18];

    (void) state;
    assert_int_equal(suite_base58btc(buf, 18, (const unsigned char *) "Hello World!", 12), 0);
    assert_string_equal(buf, "2NEpo7TZRRrLZSi2U");
    assert_int_equal(suite_base58btc(buf, 17, (const unsigned char *) "Hello World!", 12), -1);
    assert_int_equal(suite_base58btc(buf, 4, zeros, 4), -1);
    assert_int_equal(suite_base58btc(buf, 5, zeros, 4), 0);
    assert_string_equal(buf, "1111");
    assert_int_equal(suite_base58btc(buf, 0, zeros, 0), -1);
}

/* The W3C CCG did:key method's test vectors (w3c-ccg/did-method-key,
 * test-vectors/ed25519-x25519.json, seeds 00..00 and 00..01): the public keys
 * are the vectors' publicKeyBase58 values, in hex. */
static void test_did_key_w3c_vectors(void **state)
{
    static const struct {
        const char *pk, *did;
    } vectors[] = {
        { "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
          "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp" },
        { "4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29",
          "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG" },
    };
    unsigned char pk[32];
    char          did[SUITE_DID_KEY_ED25519_SIZE];
    size_t        i;

    (void) state;
    for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        suite_unhex(pk, sizeof pk, vectors[i].pk);
        assert_int_equal(suite_did_key_ed25519(did, sizeof did, pk), 0);
        assert_string_equal(did, vectors[i].did);
    }
}

/* Every Ed25519 did:key starts "did:key:z6Mk" (the multicodec prefix 0xed 0x01
 * fixes the first digits) and fits the documented buffer; a short one fails. */
static void test_did_key_shape(void **state)
{
    unsigned char pk[32];
    char          did[SUITE_DID_KEY_ED25519_SIZE];

    (void) state;
    memset(pk, 0xff, sizeof pk);
    assert_int_equal(suite_did_key_ed25519(did, sizeof did, pk), 0);
    assert_memory_equal(did, "did:key:z6Mk", 12);
    assert_true(strlen(did) < sizeof did);
    memset(pk, 0, sizeof pk);
    assert_int_equal(suite_did_key_ed25519(did, sizeof did, pk), 0);
    assert_memory_equal(did, "did:key:z6Mk", 12);
    assert_int_equal(suite_did_key_ed25519(did, 20, pk), -1);
    assert_int_equal(suite_did_key_ed25519(did, 5, pk), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base58_draft_examples),
        cmocka_unit_test(test_base58_leading_zeros),
        cmocka_unit_test(test_base58_empty),
        cmocka_unit_test(test_base58_buffer_size),
        cmocka_unit_test(test_did_key_w3c_vectors),
        cmocka_unit_test(test_did_key_shape),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
