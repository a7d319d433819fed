/*
 * Key derivation: the slow-by-design primitives that turn a password into a
 * key, and the fast ones that turn a key into subkeys. Each is checked against
 * a published vector (or, where the API cannot take one, a cross-check) before
 * it is timed, and says when its parameters are below OWASP's 2023 guidance: a
 * KDF can be too cheap as well as too slow.
 *
 * Time budget: a password KDF costs 10 ms to 1 s a call, so these declare ten
 * samples and a measurement time of their own. With ten samples the runner
 * samples linearly (55 x d calls in all) when that fits in twice the target,
 * flat (10 x d calls) otherwise, and warns when even d = 1 overruns the target.
 * Flat sampling with two or three calls a sample costs 20-30 calls; linear
 * without a warning costs 110 or more. So a target here is about 15 calls at
 * the time per call measured on the 2-core VM the suite is budgeted on (quiet,
 * and under a second job): flat sampling then holds, without a warning, for
 * calls from 10/27.5 to 10/15 of that (0.55x to 1.5x) -- wide enough for a
 * busy machine; a much faster one gets Criterion's "unable to complete" hint.
 * The cheap ones (PBKDF2 up to 100 000 iterations) keep linear sampling.
 * The sweeps (Argon2id's memory against passes, scrypt's N) are registered
 * once on named axes; a sweep's measurement time is that of one of its
 * points, and configure scales it for every other point by what a call there
 * costs against a call at that one.
 *
 * The OpenSSL KDFs (scrypt, PBKDF2, HKDF) are one EVP_KDF context each, with
 * every parameter set once per benchmark: one run function times them all.
 */
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <sodium.h>
#include <stdio.h>
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
static const argon2_limits argon2_moderate = { crypto_pwhash_OPSLIMIT_MODERATE,
                                               crypto_pwhash_MEMLIMIT_MODERATE };

/*
 * OWASP 2023 (Password Storage Cheat Sheet): Argon2id with 19 MiB and 2
 * passes, or one of the configurations it gives as equally strong: the memory
 * in KiB it asks for at each number of passes, 7 MiB from 5 passes on.
 */
static const size_t owasp_argon2id_kib[] = { 47104, 19456, 12288, 9216, 7168 };

#define NOWASP_ARGON2ID (sizeof owasp_argon2id_kib / sizeof owasp_argon2id_kib[0])

static void argon2_note(cb_state *s, const argon2_limits *l)
{
    unsigned long long passes = l->opslimit < NOWASP_ARGON2ID ? l->opslimit : NOWASP_ARGON2ID;
    size_t             kib = owasp_argon2id_kib[passes > 0 ? passes - 1 : 0];

    if (l->opslimit < 1 || l->memlimit < kib * 1024) {
        cb_state_note(s, "below OWASP 2023 guidance for Argon2id (at %llu pass%s, %zu MiB)",
                      l->opslimit, l->opslimit == 1 ? "" : "es", kib / 1024);
    }
}

/* The limits of this benchmark: its ctx's, or its point's of the sweep. */
static argon2_limits argon2_limits_of(cb_state *s)
{
    const argon2_limits *named = cb_state_ctx(s);

    if (named != NULL) {
        return *named;
    }
    return (argon2_limits){ cb_state_arg(s, "passes"), (size_t) cb_state_arg(s, "mem_kib") * 1024 };
}

/*
 * The Argon2 reference implementation's own vectors (P-H-C/phc-winner-argon2,
 * src/test.c, Argon2id v=19, password "password", salt "somesalt"). They fit
 * only the encoded-string API: crypto_pwhash itself takes 16-byte salts and no
 * secret or associated data, so neither these nor the RFC 9106 vectors can be
 * fed to it. 256 KiB and 64 MiB (the interactive limits), both 2 passes; the
 * arrays have the size crypto_pwhash_str_verify's prototype declares.
 */
static const char argon2id_ref_256k[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
static const char argon2id_ref_64m[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

/* The PHC string's base64: the standard alphabet, no padding. */
#define B64_VARIANT sodium_base64_VARIANT_ORIGINAL_NO_PADDING
#define B64_LEN(n) sodium_base64_ENCODED_LEN((n), B64_VARIANT)

/*
 * The published vectors through crypto_pwhash_str_verify, and a wrong password
 * refused; then the raw crypto_pwhash call that is timed, at the benchmark's
 * own limits, cross-checked against the (now verified) string API by encoding
 * its output as a PHC string: the two paths must agree on every byte.
 */
static int argon2id_check(cb_state *s)
{
    argon2_limits l = argon2_limits_of(s);
    unsigned char salt[crypto_pwhash_SALTBYTES], key[32];
    char          salt64[B64_LEN(sizeof salt)], key64[B64_LEN(sizeof key)];
    char          encoded[crypto_pwhash_STRBYTES];
    int           n, rc = 0;

    argon2_note(s, &l);
    if (crypto_pwhash_str_verify(argon2id_ref_256k, "password", 8) != 0 ||
        crypto_pwhash_str_verify(argon2id_ref_64m, "password", 8) != 0) {
        return cb_state_fail(s, "Argon2id (phc-winner-argon2 test.c): a reference hash was "
                                "not verified");
    }
    if (crypto_pwhash_str_verify(argon2id_ref_256k, "passwore", 8) == 0) {
        return cb_state_fail(s, "Argon2id (phc-winner-argon2 test.c): a wrong password was "
                                "accepted");
    }
    randombytes_buf(salt, sizeof salt);
    if (crypto_pwhash(key, sizeof key, password, strlen(password), salt, l.opslimit, l.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return cb_state_fail(s, "crypto_pwhash failed (out of memory?)");
    }
    sodium_bin2base64(salt64, sizeof salt64, salt, sizeof salt, B64_VARIANT);
    sodium_bin2base64(key64, sizeof key64, key, sizeof key, B64_VARIANT);
    n = snprintf(encoded, sizeof encoded, "$argon2id$v=19$m=%zu,t=%llu,p=1$%s$%s",
                 l.memlimit / 1024, l.opslimit, salt64, key64);
    if (n < 0 || (size_t) n >= sizeof encoded) {
        rc = cb_state_fail(s, "Argon2id cross-check: encoded string too long");
    } else if (crypto_pwhash_str_verify(encoded, password, strlen(password)) != 0) {
        rc = cb_state_fail(s, "Argon2id cross-check: crypto_pwhash and crypto_pwhash_str "
                              "disagree at these limits");
    }
    sodium_memzero(key, sizeof key);
    sodium_memzero(encoded, sizeof encoded);
    sodium_memzero(key64, sizeof key64);
    return rc;
}

static int argon2id_run(cb_state *s)
{
    argon2_limits l = argon2_limits_of(s);
    unsigned char key[32], salt[crypto_pwhash_SALTBYTES];
    int           rc = 0;

    randombytes_buf(salt, sizeof salt);
    CB_LOOP(s) {
        rc |= crypto_pwhash(key, sizeof key, password, strlen(password), salt, l.opslimit,
                            l.memlimit, crypto_pwhash_ALG_ARGON2ID13);
        cb_black_box(key);
    }
    sodium_memzero(key, sizeof key);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_pwhash failed (out of memory?)");
}

/*
 * The sweep: memory against passes around OWASP's 19 MiB and 2 passes, its
 * diagonal OWASP's equally strong 46 MiB and 1 pass, 19 MiB and 2, 12 MiB
 * and 3: which of them costs least here, and what another pass or another
 * MiB costs. A call's cost grows with the memory, and much less with the
 * passes: on the suite's VM a further pass costs about a fifth of the first,
 * which also pays for faulting in the fresh memory. The sweep's measurement
 * time is that of its 19 MiB and 2 passes (12-18 ms a call); each point's is
 * scaled by its cost against that one.
 */
static const uint64_t argon2_mem_kib[] = { 12288, 19456, 47104 };
static const uint64_t argon2_passes[] = { 1, 2, 3 };
static const cb_axis  argon2_axes[] = {
    { "mem_kib", argon2_mem_kib, sizeof argon2_mem_kib / sizeof argon2_mem_kib[0], "KiB" },
    { "passes", argon2_passes, sizeof argon2_passes / sizeof argon2_passes[0], "pass" },
};

#define ARGON2_FURTHER_PASS 0.2 /* a further pass's cost, per KiB, against the first's */

static double argon2id_cost(uint64_t kib, uint64_t passes)
{
    return (double) kib * (1.0 + ARGON2_FURTHER_PASS * (double) (passes - 1));
}

static void argon2id_configure(cb_point *p)
{
    p->measurement_time *= argon2id_cost(p->args[0], p->args[1]) / argon2id_cost(19456, 2);
}

/* ---- OpenSSL's KDFs: one EVP_KDF context each ---------------------------------- */

/* An EVP_KDF context of the algorithm name with params set, or NULL. */
static EVP_KDF_CTX *evp_kdf_new(const char *name, const OSSL_PARAM *params)
{
    EVP_KDF     *kdf = EVP_KDF_fetch(NULL, name, NULL);
    EVP_KDF_CTX *ctx = kdf != NULL ? EVP_KDF_CTX_new(kdf) : NULL;

    EVP_KDF_free(kdf); /* the context holds its own reference */
    if (ctx != NULL && EVP_KDF_CTX_set_params(ctx, params) != 1) {
        EVP_KDF_CTX_free(ctx);
        ctx = NULL;
    }
    return ctx;
}

/* One derivation of a known-answer check: fails the benchmark unless name with
 * params derives want (hex, at most 64 bytes). */
static int evp_kdf_expect(cb_state *s, const char *what, const char *name,
                          const OSSL_PARAM *params, const char *want)
{
    unsigned char out[64];
    size_t        len = strlen(want) / 2;
    EVP_KDF_CTX  *ctx = evp_kdf_new(name, params);
    int           rc;

    if (ctx == NULL || len > sizeof out || EVP_KDF_derive(ctx, out, len, NULL) != 1) {
        rc = cb_state_fail(s, "%s: EVP_KDF %s failed", what, name);
    } else {
        rc = suite_expect(s, what, out, len, want);
    }
    EVP_KDF_CTX_free(ctx);
    OPENSSL_cleanse(out, sizeof out);
    return rc;
}

/* The fixture of an OpenSSL KDF benchmark is its context, every parameter set
 * (the secrets in it are cleansed when it is freed). */
static int evp_kdf_keep(cb_state *s, EVP_KDF_CTX *ctx, const char *name)
{
    if (ctx == NULL) {
        return cb_state_fail(s, "EVP_KDF %s context could not be set up", name);
    }
    cb_state_set_fixture(s, ctx);
    return 0;
}

static void evp_kdf_teardown(cb_state *s)
{
    EVP_KDF_CTX_free(cb_state_fixture(s));
}

/* A 32-byte key from the fixture's context, again and again. */
static int evp_kdf_run(cb_state *s)
{
    EVP_KDF_CTX  *ctx = cb_state_fixture(s);
    unsigned char key[32];
    int           ok = 1;

    CB_LOOP(s) {
        ok &= EVP_KDF_derive(ctx, key, sizeof key, NULL) == 1;
        cb_black_box(key);
    }
    OPENSSL_cleanse(key, sizeof key);
    return ok ? 0 : cb_state_fail(s, "EVP_KDF_derive failed");
}

/* ---- scrypt (libsodium and OpenSSL EVP_KDF) --------------------------------- */

/* OWASP 2023: scrypt with N=2^17, r=8, p=1 at least. Both libraries run the
 * same points, so that their results pair. */
#define OWASP_SCRYPT_N (1u << 17)
#define OWASP_SCRYPT_R 8u

typedef struct scrypt_vector {
    const char *pass, *salt;
    uint64_t    n;
    uint32_t    r, p;
    const char *dk; /* 64 bytes */
} scrypt_vector;

/* RFC 7914, section 12; the fourth vector (N=2^20, 1 GiB) is left out for time. */
static const scrypt_vector scrypt_vectors[] = {
    { "", "", 16, 1, 1,
      "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
      "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906" },
    { "password", "NaCl", 1024, 8, 16,
      "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
      "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640" },
    { "pleaseletmein", "SodiumChloride", 16384, 8, 1,
      "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
      "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887" },
};

#define NSCRYPT_VECTORS (sizeof scrypt_vectors / sizeof scrypt_vectors[0])
#define SCRYPT_WHAT "scrypt (RFC 7914 section 12)"

/* N=2^14 (16 MiB at r=8) and OWASP's 2^17 (128 MiB); r and p as OWASP has them. */
static const uint64_t scrypt_n[] = { 1u << 14, OWASP_SCRYPT_N };
static const uint64_t scrypt_r[] = { OWASP_SCRYPT_R };
static const uint64_t scrypt_p[] = { 1 };
static const cb_axis  scrypt_axes[] = {
    { "n", scrypt_n, sizeof scrypt_n / sizeof scrypt_n[0], NULL },
    { "r", scrypt_r, 1, NULL },
    { "p", scrypt_p, 1, NULL },
};

/* A call's cost is proportional to N r p: the sweep's measurement time is that
 * of its first point (N=2^14, r=8, p=1: 23-48 ms a call), scaled. */
static void scrypt_configure(cb_point *p)
{
    p->measurement_time *=
        (double) (p->args[0] * p->args[1] * p->args[2]) / (double) (scrypt_n[0] * scrypt_r[0]);
}

static void scrypt_note(cb_state *s)
{
    if (cb_state_arg(s, "n") < OWASP_SCRYPT_N || cb_state_arg(s, "r") < OWASP_SCRYPT_R) {
        cb_state_note(s, "below OWASP 2023 guidance for scrypt (N=2^17, r=8, p=1)");
    }
}

static int scrypt_sodium(const char *pass, size_t pass_len, const unsigned char *salt,
                         size_t salt_len, uint64_t n, uint64_t r, uint64_t p,
                         unsigned char *out, size_t out_len)
{
    return crypto_pwhash_scryptsalsa208sha256_ll((const uint8_t *) pass, pass_len, salt,
                                                 salt_len, n, (uint32_t) r, (uint32_t) p, out,
                                                 out_len);
}

static int scrypt_libsodium_check(cb_state *s)
{
    unsigned char out[64];
    size_t        i;
    int           rc = 0;

    scrypt_note(s);
    for (i = 0; rc == 0 && i < NSCRYPT_VECTORS; i++) {
        const scrypt_vector *v = &scrypt_vectors[i];

        if (scrypt_sodium(v->pass, strlen(v->pass), (const unsigned char *) v->salt,
                          strlen(v->salt), v->n, v->r, v->p, out, sizeof out) != 0) {
            rc = cb_state_fail(s, "crypto_pwhash_scryptsalsa208sha256_ll failed");
        } else {
            rc = suite_expect(s, SCRYPT_WHAT, out, sizeof out, v->dk);
        }
    }
    sodium_memzero(out, sizeof out);
    return rc;
}

static int scrypt_libsodium_run(cb_state *s)
{
    unsigned char key[32], salt[16];
    uint64_t      n = cb_state_arg(s, "n"), r = cb_state_arg(s, "r"), p = cb_state_arg(s, "p");
    int           rc = 0;

    randombytes_buf(salt, sizeof salt);
    CB_LOOP(s) {
        rc |= scrypt_sodium(password, strlen(password), salt, sizeof salt, n, r, p, key,
                            sizeof key);
        cb_black_box(key);
    }
    sodium_memzero(key, sizeof key);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_pwhash_scryptsalsa208sha256_ll failed");
}

/* EVP_KDF's scrypt parameters; n, r and p must outlive their use. */
static void scrypt_params(OSSL_PARAM params[6], const char *pass, size_t pass_len,
                          const unsigned char *salt, size_t salt_len, uint64_t *n, uint32_t *r,
                          uint32_t *p)
{
    params[0] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, (void *) pass,
                                                  pass_len);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *) salt, salt_len);
    params[2] = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, n);
    params[3] = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, r);
    params[4] = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, p);
    params[5] = OSSL_PARAM_construct_end();
}

static int scrypt_openssl_check(cb_state *s)
{
    size_t i;
    int    rc = 0;

    scrypt_note(s);
    for (i = 0; rc == 0 && i < NSCRYPT_VECTORS; i++) {
        scrypt_vector v = scrypt_vectors[i];
        OSSL_PARAM    params[6];

        scrypt_params(params, v.pass, strlen(v.pass), (const unsigned char *) v.salt,
                      strlen(v.salt), &v.n, &v.r, &v.p);
        rc = evp_kdf_expect(s, SCRYPT_WHAT, OSSL_KDF_NAME_SCRYPT, params, v.dk);
    }
    return rc;
}

static int scrypt_openssl_setup(cb_state *s)
{
    unsigned char salt[16];
    uint64_t      n = cb_state_arg(s, "n");
    uint32_t      r = (uint32_t) cb_state_arg(s, "r"), p = (uint32_t) cb_state_arg(s, "p");
    OSSL_PARAM    params[6];

    randombytes_buf(salt, sizeof salt);
    scrypt_params(params, password, strlen(password), salt, sizeof salt, &n, &r, &p);
    return evp_kdf_keep(s, evp_kdf_new(OSSL_KDF_NAME_SCRYPT, params), OSSL_KDF_NAME_SCRYPT);
}

/* ---- PBKDF2-HMAC-SHA256 (OpenSSL EVP_KDF) ----------------------------------- */

/* OWASP 2023: PBKDF2-HMAC-SHA256 with at least 600 000 iterations. */
#define OWASP_PBKDF2_SHA256_ITERATIONS 600000u

/* EVP_KDF's PBKDF2-HMAC-SHA256 parameters; iterations must outlive their use. */
static void pbkdf2_params(OSSL_PARAM params[5], const char *pass, size_t pass_len,
                          const unsigned char *salt, size_t salt_len, uint64_t *iterations)
{
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *) "SHA256", 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, (void *) pass,
                                                  pass_len);
    params[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *) salt, salt_len);
    params[3] = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, iterations);
    params[4] = OSSL_PARAM_construct_end();
}

/* RFC 7914, section 11: PBKDF2-HMAC-SHA256's two vectors. */
static int pbkdf2_check(cb_state *s)
{
    static const struct {
        const char *pass, *salt;
        uint64_t    iterations;
        const char *dk;
    } vectors[] = {
        { "passwd", "salt", 1,
          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783" },
        { "Password", "NaCl", 80000,
          "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
          "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d" },
    };
    size_t i;
    int    rc = 0;

    if (cb_state_param(s) < OWASP_PBKDF2_SHA256_ITERATIONS) {
        cb_state_note(s, "below OWASP 2023 guidance for PBKDF2-HMAC-SHA256 (%u iterations)",
                      OWASP_PBKDF2_SHA256_ITERATIONS);
    }
    for (i = 0; rc == 0 && i < sizeof vectors / sizeof vectors[0]; i++) {
        uint64_t   iterations = vectors[i].iterations;
        OSSL_PARAM params[5];

        pbkdf2_params(params, vectors[i].pass, strlen(vectors[i].pass),
                      (const unsigned char *) vectors[i].salt, strlen(vectors[i].salt),
                      &iterations);
        rc = evp_kdf_expect(s, "PBKDF2-HMAC-SHA256 (RFC 7914 section 11)", OSSL_KDF_NAME_PBKDF2,
                            params, vectors[i].dk);
    }
    return rc;
}

static int pbkdf2_setup(cb_state *s)
{
    unsigned char salt[16];
    uint64_t      iterations = cb_state_param(s);
    OSSL_PARAM    params[5];

    randombytes_buf(salt, sizeof salt);
    pbkdf2_params(params, password, strlen(password), salt, sizeof salt, &iterations);
    return evp_kdf_keep(s, evp_kdf_new(OSSL_KDF_NAME_PBKDF2, params), OSSL_KDF_NAME_PBKDF2);
}

/* ---- HKDF-SHA256 (OpenSSL EVP_KDF) ------------------------------------------ */

/* EVP_KDF's extract-and-expand HKDF-SHA256 parameters. (libsodium 1.0.18 has
 * no HKDF; crypto_kdf_hkdf_sha256 arrived in 1.0.19, so this one is OpenSSL
 * only.) */
static void hkdf_params(OSSL_PARAM params[5], const unsigned char *ikm, size_t ikm_len,
                        const unsigned char *salt, size_t salt_len, const unsigned char *info,
                        size_t info_len)
{
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *) "SHA256", 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, (void *) ikm, ikm_len);
    params[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *) salt, salt_len);
    params[3] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, (void *) info, info_len);
    params[4] = OSSL_PARAM_construct_end();
}

/* RFC 5869, appendix A.1 (test case 1). */
static int hkdf_check(cb_state *s)
{
    unsigned char ikm[22], salt[13], info[10];
    OSSL_PARAM    params[5];

    suite_unhex(ikm, sizeof ikm, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    suite_unhex(salt, sizeof salt, "000102030405060708090a0b0c");
    suite_unhex(info, sizeof info, "f0f1f2f3f4f5f6f7f8f9");
    hkdf_params(params, ikm, sizeof ikm, salt, sizeof salt, info, sizeof info);
    return evp_kdf_expect(s, "HKDF-SHA256 (RFC 5869 test case 1)", OSSL_KDF_NAME_HKDF, params,
                          "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                          "34007208d5b887185865");
}

/* A 32-byte subkey from a random 32-byte master key. */
static int hkdf_setup(cb_state *s)
{
    static const unsigned char info[] = "cryptbench master key v1";
    unsigned char              master[32], salt[32];
    OSSL_PARAM                 params[5];
    EVP_KDF_CTX               *ctx;

    randombytes_buf(master, sizeof master);
    randombytes_buf(salt, sizeof salt);
    hkdf_params(params, master, sizeof master, salt, sizeof salt, info, sizeof info - 1);
    ctx = evp_kdf_new(OSSL_KDF_NAME_HKDF, params);
    sodium_memzero(master, sizeof master); /* the context keeps its own copy */
    return evp_kdf_keep(s, ctx, OSSL_KDF_NAME_HKDF);
}

/* ---- libsodium crypto_kdf (BLAKE2b) ----------------------------------------- */

/*
 * crypto_kdf_derive_from_key has no external vector: libsodium's own test
 * (test/default/kdf.c and kdf.exp: master key 00..1f, context "KDF test",
 * subkey 0, 64 bytes) is checked, and the definition it implements is
 * cross-checked against the lower-level primitive: BLAKE2b keyed with the master
 * key, the subkey id (little-endian, zero-padded) as salt and the context
 * (zero-padded) as personalisation.
 */
static int blake2b_kdf_check(cb_state *s)
{
    unsigned char master[crypto_kdf_KEYBYTES], sub[64], ref[64];
    unsigned char salt[crypto_generichash_blake2b_SALTBYTES] = { 0 };
    unsigned char personal[crypto_generichash_blake2b_PERSONALBYTES] = { 0 };
    const uint64_t id = 0x0123456789abcdefu;
    size_t         i;
    int            rc;

    for (i = 0; i < sizeof master; i++) {
        master[i] = (unsigned char) i;
    }
    if (crypto_kdf_derive_from_key(sub, sizeof sub, 0, "KDF test", master) != 0) {
        return cb_state_fail(s, "crypto_kdf_derive_from_key failed");
    }
    rc = suite_expect(s, "crypto_kdf (libsodium test/default/kdf.exp)", sub, sizeof sub,
                      "a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcbeda51d807"
                      "1b5d70aae12066dfc94ce943f145aa176c055040c3dd73b0a15e36254d450614");
    for (i = 0; i < 8; i++) {
        salt[i] = (unsigned char) (id >> (8 * i));
    }
    memcpy(personal, "cbenchKD", crypto_kdf_CONTEXTBYTES);
    if (rc == 0 &&
        (crypto_kdf_derive_from_key(sub, 32, id, "cbenchKD", master) != 0 ||
         crypto_generichash_blake2b_salt_personal(ref, 32, NULL, 0, master, sizeof master, salt,
                                                  personal) != 0)) {
        rc = cb_state_fail(s, "crypto_kdf or crypto_generichash_blake2b failed");
    } else if (rc == 0 && sodium_memcmp(sub, ref, 32) != 0) {
        rc = cb_state_fail(s, "crypto_kdf disagrees with BLAKE2b(key, salt=id, personal=ctx)");
    }
    sodium_memzero(sub, sizeof sub);
    sodium_memzero(ref, sizeof ref);
    return rc;
}

static int blake2b_kdf_run(cb_state *s)
{
    unsigned char master[crypto_kdf_KEYBYTES], key[32];
    int           rc = 0;

    crypto_kdf_keygen(master);
    CB_LOOP(s) {
        rc |= crypto_kdf_derive_from_key(key, sizeof key, 1, "cbenchKD", master);
        cb_black_box(key);
    }
    sodium_memzero(master, sizeof master);
    sodium_memzero(key, sizeof key);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_kdf_derive_from_key failed");
}

void suite_kdf_register(void)
{
    static const uint64_t pbkdf2_iterations[] = { 1000, 10000, 100000, 600000 };

    /* 45-90 ms a call (64 MiB, 2 passes) */
    cb_register(&(cb_bench){ .name = "kdf/argon2id-interactive", .impl = "libsodium",
                             .run = argon2id_run, .check = argon2id_check,
                             .ctx = (void *) &argon2_interactive, .sample_size = 10,
                             .measurement_time = 1.0 });
    /* 0.45-0.9 s a call (256 MiB, 3 passes, much of it page faults) */
    cb_register(&(cb_bench){ .name = "kdf/argon2id-moderate", .impl = "libsodium",
                             .run = argon2id_run, .check = argon2id_check,
                             .ctx = (void *) &argon2_moderate, .sample_size = 10,
                             .measurement_time = 11.0 });
    cb_register(&(cb_bench){ .name = "kdf/argon2id", .impl = "libsodium", .run = argon2id_run,
                             .check = argon2id_check, .axes = argon2_axes, .naxes = 2,
                             .configure = argon2id_configure, .sample_size = 10,
                             .measurement_time = 0.25 });
    /* N=2^14 (16 MiB): 23-48 ms a call, 0.6 s; N=2^17 (128 MiB): 0.27-0.4 s, 4.8 s */
    cb_register(&(cb_bench){ .name = "kdf/scrypt", .impl = "libsodium",
                             .run = scrypt_libsodium_run, .check = scrypt_libsodium_check,
                             .axes = scrypt_axes, .naxes = 3, .configure = scrypt_configure,
                             .sample_size = 10, .measurement_time = 0.6 });
    cb_register(&(cb_bench){ .name = "kdf/scrypt", .impl = "openssl", .run = evp_kdf_run,
                             .check = scrypt_openssl_check, .setup = scrypt_openssl_setup,
                             .teardown = evp_kdf_teardown, .axes = scrypt_axes, .naxes = 3,
                             .configure = scrypt_configure, .sample_size = 10,
                             .measurement_time = 0.6 });
    /* 0.2 ms to 22-33 ms a call, linear; 600 000 iterations, 125-215 ms: flat */
    cb_register(&(cb_bench){ .name = "kdf/pbkdf2-sha256", .impl = "openssl", .run = evp_kdf_run,
                             .check = pbkdf2_check, .setup = pbkdf2_setup,
                             .teardown = evp_kdf_teardown, .params = pbkdf2_iterations,
                             .nparams = 4, .param_name = "iterations", .sample_size = 10,
                             .measurement_time = 3.0 });
    /* microseconds: the runner's defaults */
    cb_register(&(cb_bench){ .name = "kdf/hkdf-sha256", .impl = "openssl", .run = evp_kdf_run,
                             .check = hkdf_check, .setup = hkdf_setup,
                             .teardown = evp_kdf_teardown });
    cb_register(&(cb_bench){ .name = "kdf/blake2b-kdf", .impl = "libsodium",
                             .run = blake2b_kdf_run, .check = blake2b_kdf_check });
}
