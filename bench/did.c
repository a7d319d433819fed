/*
 * DID hashing: the digest of a DID document's commitment, the same bytes hashed
 * by each library, at 64 bytes (a commitment), 1 KiB and 16 KiB (a document; the
 * size where cycles/byte is quoted); and the derivation of a did:key identifier
 * from an Ed25519 public key.
 */
#include <openssl/evp.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "suite.h"

#define MAX_MESSAGE 16384
#define MAX_DIGEST 64

typedef struct digest_vector {
    const char *msg;
    const char *want; /* hex */
} digest_vector;

typedef struct digest {
    const char *name;                /* for messages: "SHA-256" */
    const char *evp_name;            /* OpenSSL's name, fetched once per benchmark */
    const EVP_MD *(*implicit)(void); /* the same digest fetched on every call, or NULL */
    /* libsodium's one-shot function, or NULL */
    int (*sodium)(unsigned char *out, const unsigned char *in, unsigned long long len);
    size_t        len;
    const char   *source;            /* where the vectors are published */
    digest_vector kat[2];
} digest;

/* BLAKE2b with a 256-bit output (the digest length is part of BLAKE2b's
 * parameter block, so this is not a truncated BLAKE2b-512). */
static int blake2b_256(unsigned char *out, const unsigned char *in, unsigned long long len)
{
    return crypto_generichash(out, 32, in, len, NULL, 0);
}

static const char abc[] = "abc";
static const char msg448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char msg896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                             "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

/* FIPS 180-2, appendices B.1, B.2 and C.1, C.2. */
static const digest sha256 = {
    "SHA-256", "SHA256", EVP_sha256, crypto_hash_sha256, 32, "FIPS 180-2",
    { { abc, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
      { msg448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" } }
};
static const digest sha512 = {
    "SHA-512", "SHA512", NULL, crypto_hash_sha512, 64, "FIPS 180-2",
    { { abc, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
             "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
      { msg896, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" } }
};
/* FIPS 202 itself gives examples only for bit-length messages; these are
 * SHA3-256 of FIPS 180-2's two messages as SHA-3 implementations test them
 * (Bouncy Castle's DigestTest abcVectors for "abc"; Python's hashlib.sha3_256
 * agrees on both). OpenSSL only: libsodium 1.0.18 has no SHA-3. */
static const digest sha3_256 = {
    "SHA3-256", "SHA3-256", NULL, NULL, 32, "SHA3-256 test values",
    { { abc, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" },
      { msg448, "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376" } }
};
/* libsodium only: OpenSSL 3.0 offers BLAKE2b with a 512-bit output alone (the
 * output length parameter arrived in 3.2), so there is nothing to pair with.
 * RFC 7693 publishes only BLAKE2b-512 "abc", which blake2b_check adds; the
 * 256-bit "abc" value is Bouncy Castle's (bc-java, DigestTest.java, abcVectors
 * "BLAKE2B-256"), and agrees with Python's hashlib.blake2b(digest_size=32). */
static const digest blake2b256 = {
    "BLAKE2b-256", NULL, NULL, blake2b_256, 32, "Bouncy Castle DigestTest",
    { { abc, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319" },
      { NULL, NULL } }
};

static void vector_name(char *buf, size_t size, const digest *d, const digest_vector *v)
{
    snprintf(buf, size, "%s (%s, %s)", d->name, d->source,
             v->msg == abc ? "'abc'" : v->msg == msg448 ? "448-bit message" : "896-bit message");
}

static int sodium_digest_check(cb_state *s)
{
    const digest *d = cb_state_ctx(s);
    unsigned char out[MAX_DIGEST];
    char          what[96];
    size_t        i;

    for (i = 0; i < 2 && d->kat[i].msg != NULL; i++) {
        vector_name(what, sizeof what, d, &d->kat[i]);
        if (d->sodium(out, (const unsigned char *) d->kat[i].msg, strlen(d->kat[i].msg)) != 0) {
            return cb_state_fail(s, "%s: libsodium call failed", what);
        }
        if (suite_expect(s, what, out, d->len, d->kat[i].want) != 0) {
            return -1;
        }
    }
    return 0;
}

/* The 256-bit vector, and RFC 7693 appendix A through the same function. */
static int blake2b_check(cb_state *s)
{
    unsigned char out[64];

    if (sodium_digest_check(s) != 0) {
        return -1;
    }
    if (crypto_generichash(out, sizeof out, (const unsigned char *) abc, 3, NULL, 0) != 0) {
        return cb_state_fail(s, "crypto_generichash failed");
    }
    return suite_expect(s, "BLAKE2b-512 (RFC 7693 appendix A)", out, sizeof out,
                        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

static int sodium_digest_run(cb_state *s)
{
    const digest *d = cb_state_ctx(s);
    unsigned char in[MAX_MESSAGE], out[MAX_DIGEST];
    size_t        len = (size_t) cb_state_param(s);
    int           rc = 0;

    randombytes_buf(in, len);
    CB_LOOP(s) {
        rc |= d->sodium(out, in, len);
        cb_black_box(out);
    }
    return rc == 0 ? 0 : cb_state_fail(s, "libsodium %s failed", d->name);
}

/* One EVP digest with a context and digest supplied by the caller; 1 on success. */
static int evp_digest(EVP_MD_CTX *ctx, const EVP_MD *md, const unsigned char *in, size_t len,
                      unsigned char *out)
{
    return EVP_DigestInit_ex2(ctx, md, NULL) == 1 && EVP_DigestUpdate(ctx, in, len) == 1 &&
           EVP_DigestFinal_ex(ctx, out, NULL) == 1;
}

/* The vectors through the fetched digest, and through the implicit one where
 * the benchmark has that variant. */
static int openssl_digest_check(cb_state *s)
{
    const digest *d = cb_state_ctx(s);
    unsigned char out[MAX_DIGEST];
    char          what[96];
    EVP_MD       *md = EVP_MD_fetch(NULL, d->evp_name, NULL);
    EVP_MD_CTX   *ctx = EVP_MD_CTX_new();
    size_t        i;
    int           pass, rc = 0;

    if (md == NULL || ctx == NULL || EVP_MD_get_size(md) != (int) d->len) {
        rc = cb_state_fail(s, "EVP %s could not be fetched", d->evp_name);
    }
    for (pass = 0; rc == 0 && pass < (d->implicit != NULL ? 2 : 1); pass++) {
        const EVP_MD *use = pass == 0 ? md : d->implicit();

        for (i = 0; rc == 0 && i < 2 && d->kat[i].msg != NULL; i++) {
            vector_name(what, sizeof what, d, &d->kat[i]);
            if (!evp_digest(ctx, use, (const unsigned char *) d->kat[i].msg,
                            strlen(d->kat[i].msg), out)) {
                rc = cb_state_fail(s, "%s: EVP digest failed", what);
            } else {
                rc = suite_expect(s, what, out, d->len, d->kat[i].want);
            }
        }
    }
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
    return rc;
}

/* implicit: pass the EVP_sha256()-style digest, fetched again on every call. */
static int openssl_digest(cb_state *s, int implicit)
{
    const digest *d = cb_state_ctx(s);
    unsigned char in[MAX_MESSAGE], out[MAX_DIGEST];
    size_t        len = (size_t) cb_state_param(s);
    EVP_MD       *fetched = EVP_MD_fetch(NULL, d->evp_name, NULL);
    const EVP_MD *md = implicit ? d->implicit() : fetched;
    EVP_MD_CTX   *ctx = EVP_MD_CTX_new();
    int           ok = md != NULL && ctx != NULL;

    randombytes_buf(in, len);
    if (ok) {
        CB_LOOP(s) {
            ok &= evp_digest(ctx, md, in, len, out);
            cb_black_box(out);
        }
    }
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(fetched);
    return ok ? 0 : cb_state_fail(s, "EVP %s failed", d->name);
}

static int openssl_digest_run(cb_state *s)
{
    return openssl_digest(s, 0);
}

static int openssl_digest_fetch_run(cb_state *s)
{
    return openssl_digest(s, 1);
}

/* ---- did:key from an Ed25519 public key ------------------------------------- */

/*
 * The W3C CCG did:key method's own test vectors (w3c-ccg/did-method-key,
 * test-vectors/ed25519-x25519.json): the Ed25519 keys of the seeds 00..00 and
 * 00..01 and their DIDs. The public keys are the vectors' publicKeyBase58
 * values in hex; the seeds check them through libsodium as well.
 */
static const struct {
    const char *seed, *pk, *did;
} did_key_vectors[] = {
    { "0000000000000000000000000000000000000000000000000000000000000000",
      "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29",
      "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp" },
    { "0000000000000000000000000000000000000000000000000000000000000001",
      "4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29",
      "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG" },
};

static int did_key_check(cb_state *s)
{
    unsigned char seed[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    char          did[SUITE_DID_KEY_ED25519_SIZE];
    size_t        i;
    int           rc = 0;

    for (i = 0; rc == 0 && i < sizeof did_key_vectors / sizeof did_key_vectors[0]; i++) {
        suite_unhex(seed, sizeof seed, did_key_vectors[i].seed);
        if (crypto_sign_seed_keypair(pk, sk, seed) != 0) {
            rc = cb_state_fail(s, "crypto_sign_seed_keypair failed");
        } else if (suite_expect(s, "Ed25519 key of the did:key vector (w3c-ccg/did-method-key)",
                                pk, sizeof pk, did_key_vectors[i].pk) != 0) {
            rc = -1;
        } else if (suite_did_key_ed25519(did, sizeof did, pk) != 0) {
            rc = cb_state_fail(s, "did:key buffer too small");
        } else {
            rc = suite_expect_str(s, "did:key (w3c-ccg/did-method-key test vectors)", did,
                                  did_key_vectors[i].did);
        }
    }
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(sk, sizeof sk);
    return rc;
}

static int did_key_run(cb_state *s)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    char          did[SUITE_DID_KEY_ED25519_SIZE];
    int           rc;

    rc = crypto_sign_keypair(pk, sk);
    sodium_memzero(sk, sizeof sk); /* only the public key is encoded */
    CB_LOOP(s) {
        rc |= suite_did_key_ed25519(did, sizeof did, pk);
        cb_black_box(did);
    }
    return rc == 0 ? 0 : cb_state_fail(s, "did:key derivation failed");
}

static void add_digest(const digest *d, const char *name, const char *impl,
                       int (*run)(cb_state *), int (*check)(cb_state *), const uint64_t *sizes,
                       size_t nsizes)
{
    cb_register(&(cb_bench){ .name = name, .impl = impl, .run = run, .check = check,
                             .ctx = (void *) d, .params = sizes, .nparams = nsizes,
                             .param_name = "bytes", .throughput = CB_THROUGHPUT_BYTES });
}

void suite_did_register(void)
{
    static const uint64_t sizes[] = { 64, 1024, 16384 }, commitment[] = { 64 };

    add_digest(&sha256, "did/sha256", "libsodium", sodium_digest_run, sodium_digest_check,
               sizes, 3);
    add_digest(&sha256, "did/sha256", "openssl", openssl_digest_run, openssl_digest_check,
               sizes, 3);
    /* EVP_sha256() on every call against the digest fetched once: the fetch's cost */
    cb_register(&(cb_bench){ .name = "did/sha256-fetch-per-call", .impl = "openssl",
                             .run = openssl_digest_fetch_run, .check = openssl_digest_check,
                             .ctx = (void *) &sha256, .params = commitment, .nparams = 1,
                             .param_name = "bytes", .throughput = CB_THROUGHPUT_BYTES,
                             .variant_of = "did/sha256", .variant = "per-call fetch" });
    add_digest(&sha512, "did/sha512", "libsodium", sodium_digest_run, sodium_digest_check,
               sizes, 3);
    add_digest(&sha512, "did/sha512", "openssl", openssl_digest_run, openssl_digest_check,
               sizes, 3);
    add_digest(&blake2b256, "did/blake2b-256", "libsodium", sodium_digest_run, blake2b_check,
               sizes, 3);
    add_digest(&sha3_256, "did/sha3-256", "openssl", openssl_digest_run, openssl_digest_check,
               sizes, 3);
    /* our own encoder: no library to name */
    cb_register(&(cb_bench){ .name = "did/did-key-ed25519", .run = did_key_run,
                             .check = did_key_check });
}
