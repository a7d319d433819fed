/*
 * Key derivation: the slow-by-design primitives that turn a password into a
 * key. Each is checked against a published vector (or, where the API cannot
 * take one, a round trip) before it is timed, and says when its parameters are
 * below OWASP's 2023 guidance: a KDF can be too cheap as well as too slow.
 */
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <sodium.h>
#include <string.h>

#include "suite.h"

static const char password[] = "correct horse battery staple";

/* ---- Argon2id (libsodium crypto_pwhash) ------------------------------------ */

typedef struct argon2_limits {
    unsigned long long opslimit;
    size_t             memlimit;
} argon2_limits;

static const argon2_limits argon2_interactive = { crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                  crypto_pwhash_MEMLIMIT_INTERACTIVE };

/* OWASP 2023: Argon2id with at least 19 MiB of memory and 2 passes. */
static void argon2_note(cb_state *s, const argon2_limits *l)
{
    if (l->memlimit < 19u * 1024 * 1024 || l->opslimit < 2) {
        cb_state_note(s, "below OWASP 2023 guidance for Argon2id (19 MiB, 2 passes)");
    }
}

/* crypto_pwhash takes no secret or associated data and only 16-byte salts, so
 * the RFC 9106 vectors do not fit: check a round trip through the encoded
 * string form instead, and that a wrong password is refused. */
static int argon2id_check(cb_state *s)
{
    const argon2_limits *l = cb_state_ctx(s);
    char                 encoded[crypto_pwhash_STRBYTES];

    argon2_note(s, l);
    if (crypto_pwhash_str_alg(encoded, password, strlen(password), l->opslimit, l->memlimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return cb_state_fail(s, "crypto_pwhash_str_alg failed (out of memory?)");
    }
    if (crypto_pwhash_str_verify(encoded, password, strlen(password)) != 0) {
        return cb_state_fail(s, "Argon2id round trip: the password was not verified");
    }
    if (crypto_pwhash_str_verify(encoded, "wrong", 5) == 0) {
        return cb_state_fail(s, "Argon2id round trip: a wrong password was accepted");
    }
    return 0;
}

static int argon2id_run(cb_state *s)
{
    const argon2_limits *l = cb_state_ctx(s);
    unsigned char        key[32], salt[crypto_pwhash_SALTBYTES];
    int                  rc = 0;

    randombytes_buf(salt, sizeof salt);
    CB_LOOP(s) {
        rc |= crypto_pwhash(key, sizeof key, password, strlen(password), salt, l->opslimit,
                            l->memlimit, crypto_pwhash_ALG_ARGON2ID13);
        cb_black_box(key);
    }
    sodium_memzero(key, sizeof key);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_pwhash failed (out of memory?)");
}

/* ---- PBKDF2-HMAC-SHA256 (OpenSSL EVP_KDF) ----------------------------------- */

/* OWASP 2023: PBKDF2-HMAC-SHA256 with at least 600 000 iterations. */
#define OWASP_PBKDF2_SHA256_ITERATIONS 600000u

static EVP_KDF_CTX *pbkdf2_new(const char *pass, size_t pass_len, const unsigned char *salt,
                               size_t salt_len, uint64_t iterations)
{
    EVP_KDF     *kdf = EVP_KDF_fetch(NULL, OSSL_KDF_NAME_PBKDF2, NULL);
    EVP_KDF_CTX *ctx = kdf != NULL ? EVP_KDF_CTX_new(kdf) : NULL;
    OSSL_PARAM   params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *) "SHA256", 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, (void *) pass, pass_len),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *) salt, salt_len),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, &iterations),
        OSSL_PARAM_construct_end()
    };

    EVP_KDF_free(kdf); /* the context holds its own reference */
    if (ctx != NULL && EVP_KDF_CTX_set_params(ctx, params) != 1) {
        EVP_KDF_CTX_free(ctx);
        ctx = NULL;
    }
    return ctx;
}

static int pbkdf2_vector(cb_state *s, const char *pass, const char *salt, uint64_t iterations,
                         const char *want)
{
    unsigned char out[64];
    EVP_KDF_CTX  *ctx = pbkdf2_new(pass, strlen(pass), (const unsigned char *) salt,
                                   strlen(salt), iterations);
    int           rc;

    if (ctx == NULL || EVP_KDF_derive(ctx, out, sizeof out, NULL) != 1) {
        EVP_KDF_CTX_free(ctx);
        return cb_state_fail(s, "EVP_KDF PBKDF2 failed");
    }
    EVP_KDF_CTX_free(ctx);
    rc = suite_expect(s, "PBKDF2-HMAC-SHA256 (RFC 7914 section 11)", out, sizeof out, want);
    OPENSSL_cleanse(out, sizeof out);
    return rc;
}

static int pbkdf2_check(cb_state *s)
{
    if (cb_state_param(s) < OWASP_PBKDF2_SHA256_ITERATIONS) {
        cb_state_note(s, "below OWASP 2023 guidance for PBKDF2-HMAC-SHA256 (%u iterations)",
                      OWASP_PBKDF2_SHA256_ITERATIONS);
    }
    if (pbkdf2_vector(s, "passwd", "salt", 1,
                      "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                      "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783") != 0) {
        return -1;
    }
    return pbkdf2_vector(s, "Password", "NaCl", 80000,
                         "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                         "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

static int pbkdf2_run(cb_state *s)
{
    unsigned char key[32], salt[16];
    EVP_KDF_CTX  *ctx;
    int           ok = 1;

    randombytes_buf(salt, sizeof salt);
    ctx = pbkdf2_new(password, strlen(password), salt, sizeof salt, cb_state_param(s));
    if (ctx == NULL) {
        return cb_state_fail(s, "EVP_KDF PBKDF2 context could not be set up");
    }
    CB_LOOP(s) {
        ok &= EVP_KDF_derive(ctx, key, sizeof key, NULL) == 1;
        cb_black_box(key);
    }
    EVP_KDF_CTX_free(ctx);
    OPENSSL_cleanse(key, sizeof key);
    return ok ? 0 : cb_state_fail(s, "EVP_KDF_derive failed");
}

void suite_kdf_register(void)
{
    static const uint64_t pbkdf2_iterations[] = { 1000, 10000, 100000, 600000 };

    cb_register(&(cb_bench){ .name = "kdf/argon2id-interactive", .impl = "libsodium",
                             .run = argon2id_run, .check = argon2id_check,
                             .ctx = (void *) &argon2_interactive, .sample_size = 10,
                             .measurement_time = 3.0 });
    cb_register(&(cb_bench){ .name = "kdf/pbkdf2-sha256", .impl = "openssl", .run = pbkdf2_run,
                             .check = pbkdf2_check, .params = pbkdf2_iterations,
                             .nparams = 4, .param_name = "iterations", .sample_size = 10,
                             .measurement_time = 3.0 });
}
