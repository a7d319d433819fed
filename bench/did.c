/*
 * DID hashing: the digest of a DID document's commitment, the same bytes hashed
 * by each library.
 */
#include <openssl/evp.h>
#include <sodium.h>

#include "suite.h"

/* FIPS 180-2, appendix B: SHA-256 of "abc" and of the 448-bit message. */
static const char abc_sha256[] =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
static const char msg448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char msg448_sha256[] =
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

static int sha256_libsodium_check(cb_state *s)
{
    unsigned char out[crypto_hash_sha256_BYTES];

    crypto_hash_sha256(out, (const unsigned char *) "abc", 3);
    if (suite_expect(s, "SHA-256 (FIPS 180-2 'abc')", out, sizeof out, abc_sha256) != 0) {
        return -1;
    }
    crypto_hash_sha256(out, (const unsigned char *) msg448, sizeof msg448 - 1);
    return suite_expect(s, "SHA-256 (FIPS 180-2 448-bit)", out, sizeof out, msg448_sha256);
}

static int sha256_libsodium_run(cb_state *s)
{
    unsigned char in[16384], out[crypto_hash_sha256_BYTES];
    size_t        len = (size_t) cb_state_param(s);

    randombytes_buf(in, len);
    CB_LOOP(s) {
        crypto_hash_sha256(out, in, len);
        cb_black_box(out);
    }
    return 0;
}

/* One EVP digest with a context and digest fetched by the caller; 1 on success. */
static int evp_digest(EVP_MD_CTX *ctx, const EVP_MD *md, const unsigned char *in, size_t len,
                      unsigned char *out)
{
    return EVP_DigestInit_ex2(ctx, md, NULL) == 1 && EVP_DigestUpdate(ctx, in, len) == 1 &&
           EVP_DigestFinal_ex(ctx, out, NULL) == 1;
}

static int sha256_openssl_check(cb_state *s)
{
    unsigned char out[32];
    EVP_MD       *md = EVP_MD_fetch(NULL, "SHA256", NULL);
    EVP_MD_CTX   *ctx = EVP_MD_CTX_new();
    int           ok = md != NULL && ctx != NULL &&
                       evp_digest(ctx, md, (const unsigned char *) "abc", 3, out);

    if (ok && suite_expect(s, "SHA-256 (FIPS 180-2 'abc')", out, sizeof out, abc_sha256) != 0) {
        ok = -1;
    }
    if (ok == 1 && evp_digest(ctx, md, (const unsigned char *) msg448, sizeof msg448 - 1, out) &&
        suite_expect(s, "SHA-256 (FIPS 180-2 448-bit)", out, sizeof out, msg448_sha256) != 0) {
        ok = -1;
    }
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
    return ok == 1 ? 0 : (ok == 0 ? cb_state_fail(s, "EVP SHA-256 failed") : -1);
}

static int sha256_openssl_run(cb_state *s)
{
    unsigned char in[16384], out[32];
    size_t        len = (size_t) cb_state_param(s);
    EVP_MD       *md = EVP_MD_fetch(NULL, "SHA256", NULL);
    EVP_MD_CTX   *ctx = EVP_MD_CTX_new();
    int           ok = md != NULL && ctx != NULL;

    randombytes_buf(in, len);
    CB_LOOP(s) {
        ok &= evp_digest(ctx, md, in, len, out);
        cb_black_box(out);
    }
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
    return ok ? 0 : cb_state_fail(s, "EVP SHA-256 failed");
}

void suite_did_register(void)
{
    static const uint64_t commitment[] = { 64 };

    cb_register(&(cb_bench){ .name = "did/sha256", .impl = "libsodium",
                             .run = sha256_libsodium_run, .check = sha256_libsodium_check,
                             .params = commitment, .nparams = 1, .param_name = "bytes",
                             .throughput = CB_THROUGHPUT_BYTES });
    cb_register(&(cb_bench){ .name = "did/sha256", .impl = "openssl", .run = sha256_openssl_run,
                             .check = sha256_openssl_check, .params = commitment, .nparams = 1,
                             .param_name = "bytes", .throughput = CB_THROUGHPUT_BYTES });
}
