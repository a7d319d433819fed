/*
 * DID hashing: the digest of a DID document's commitment, the same bytes hashed
 * by each library, at 64 bytes (a commitment), 1 KiB and 16 KiB (a document; the
 * size where cycles/byte is quoted); and the derivation of a did:key identifier
 * from an Ed25519 public key.
 *
 * The digests are rows of one table (digest, library, sizes), served by one
 * run function per library; the input, and OpenSSL's digest and context, are
 * a fixture made once per benchmark. OpenSSL's SHA-256 and SHA-512 also run
 * through EVP_Digest ("-fresh-ctx"), the one-shot call that makes and frees a
 * context every time: what most code calls, and what `openssl speed -evp`
 * times, so that ci/speed-check holds the two against each other. Each
 * counts "blocks": the calls of the
 * compression function (SHA-2, BLAKE2b) or of the Keccak-f permutation
 * (SHA3-256) a message takes, padding included: a 64-byte commitment is two
 * SHA-256 blocks, where 55 bytes would be one.
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
    const char *stem;                /* in the benchmarks' names: "sha256" */
    const char *evp_name;            /* OpenSSL's name, fetched once per benchmark */
    const EVP_MD *(*implicit)(void); /* the same digest fetched on every call, or NULL */
    /* libsodium's one-shot function, or NULL */
    int (*sodium)(unsigned char *out, const unsigned char *in, unsigned long long len);
    size_t        len;
    size_t        block, pad;        /* the block size, and the padding a message takes at least */
    const char   *source;            /* where the vectors are published */
    digest_vector kat[2];
    int (*also)(cb_state *s);        /* a check of its own besides the vectors, or NULL */
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

/* RFC 7693 appendix A, BLAKE2b-512, through the function BLAKE2b-256 calls. */
static int blake2b_512_check(cb_state *s)
{
    unsigned char out[64];

    if (crypto_generichash(out, sizeof out, (const unsigned char *) abc, 3, NULL, 0) != 0) {
        return cb_state_fail(s, "crypto_generichash failed");
    }
    return suite_expect(s, "BLAKE2b-512 (RFC 7693 appendix A)", out, sizeof out,
                        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

/* FIPS 180-2, appendices B.1, B.2 and C.1, C.2. */
static const digest sha256 = {
    "SHA-256", "sha256", "SHA256", EVP_sha256, crypto_hash_sha256, 32, 64, 1 + 8, "FIPS 180-2",
    { { abc, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
      { msg448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" } },
    NULL
};
static const digest sha512 = {
    "SHA-512", "sha512", "SHA512", NULL, crypto_hash_sha512, 64, 128, 1 + 16, "FIPS 180-2",
    { { abc, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
             "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
      { msg896, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" } },
    NULL
};
/* FIPS 202 itself gives examples only for bit-length messages; these are
 * SHA3-256 of FIPS 180-2's two messages as SHA-3 implementations test them
 * (Bouncy Castle's DigestTest abcVectors for "abc"; Python's hashlib.sha3_256
 * agrees on both). OpenSSL only: libsodium 1.0.18 has no SHA-3. */
static const digest sha3_256 = {
    /* the rate, 136 bytes, is what a permutation absorbs; the pad10*1 takes a byte at least */
    "SHA3-256", "sha3-256", "SHA3-256", NULL, NULL, 32, 136, 1, "SHA3-256 test values",
    { { abc, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" },
      { msg448, "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376" } },
    NULL
};
/* libsodium only: OpenSSL 3.0 offers BLAKE2b with a 512-bit output alone (the
 * output length parameter arrived in 3.2), so there is nothing to pair with.
 * RFC 7693 publishes only BLAKE2b-512 "abc", which blake2b_512_check adds; the
 * 256-bit "abc" value is Bouncy Castle's (bc-java, DigestTest.java, abcVectors
 * "BLAKE2B-256"), and agrees with Python's hashlib.blake2b(digest_size=32). */
static const digest blake2b256 = {
    /* the last block is zero-filled, no length appended; an empty message is one block */
    "BLAKE2b-256", "blake2b-256", NULL, NULL, blake2b_256, 32, 128, 0, "Bouncy Castle DigestTest",
    { { abc, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319" },
      { NULL, NULL } },
    blake2b_512_check
};

typedef enum digest_library {
    DIGEST_LIBSODIUM,
    DIGEST_OPENSSL,                /* the digest fetched once per benchmark */
    DIGEST_OPENSSL_FETCH_PER_CALL, /* EVP_sha256() passed on every call: the fetch's cost */
    DIGEST_OPENSSL_FRESH_CTX       /* EVP_Digest: a context made and freed on every call */
} digest_library;

typedef struct digest_bench {
    const digest   *digest;
    digest_library  library;
    const uint64_t *sizes;
    size_t          nsizes;
} digest_bench;

static void vector_name(char *buf, size_t size, const digest *d, const digest_vector *v)
{
    snprintf(buf, size, "%s (%s, %s)", d->name, d->source,
             v->msg == abc ? "'abc'" : v->msg == msg448 ? "448-bit message" : "896-bit message");
}

static int sodium_digest_check(cb_state *s)
{
    const digest *d = ((const digest_bench *) cb_state_ctx(s))->digest;
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
    return d->also != NULL ? d->also(s) : 0;
}

/* One EVP digest with a context and digest supplied by the caller; 1 on success. */
static int evp_digest(EVP_MD_CTX *ctx, const EVP_MD *md, const unsigned char *in, size_t len,
                      unsigned char *out)
{
    return EVP_DigestInit_ex2(ctx, md, NULL) == 1 && EVP_DigestUpdate(ctx, in, len) == 1 &&
           EVP_DigestFinal_ex(ctx, out, NULL) == 1;
}

/* The vectors through the fetched digest, in a reused context and through
 * EVP_Digest's one-shot call, and through the implicit one where the digest
 * has that variant. */
static int openssl_digest_check(cb_state *s)
{
    const digest *d = ((const digest_bench *) cb_state_ctx(s))->digest;
    unsigned char out[MAX_DIGEST];
    char          what[96];
    EVP_MD       *md = EVP_MD_fetch(NULL, d->evp_name, NULL);
    EVP_MD_CTX   *ctx = EVP_MD_CTX_new();
    size_t        i;
    int           pass, rc = 0;

    if (md == NULL || ctx == NULL || EVP_MD_get_size(md) != (int) d->len) {
        rc = cb_state_fail(s, "EVP %s could not be fetched", d->evp_name);
    }
    for (pass = 0; rc == 0 && pass < (d->implicit != NULL ? 3 : 2); pass++) {
        const EVP_MD *use = pass < 2 ? md : d->implicit();

        for (i = 0; rc == 0 && i < 2 && d->kat[i].msg != NULL; i++) {
            const unsigned char *msg = (const unsigned char *) d->kat[i].msg;

            vector_name(what, sizeof what, d, &d->kat[i]);
            if (pass == 1 ? EVP_Digest(msg, strlen(d->kat[i].msg), out, NULL, use, NULL) != 1
                          : !evp_digest(ctx, use, msg, strlen(d->kat[i].msg), out)) {
                rc = cb_state_fail(s, "%s: EVP digest failed", what);
            } else {
                rc = suite_expect(s, what, out, d->len, d->kat[i].want);
            }
        }
    }
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
    return rc == 0 && d->also != NULL ? d->also(s) : rc;
}

/* ---- the benchmarks: one row each ---------------------------------------------- */

/* The input, its blocks, and OpenSSL's digest and context. */
typedef struct digest_fixture {
    unsigned char in[MAX_MESSAGE], out[MAX_DIGEST];
    size_t        len;
    double        blocks;
    EVP_MD       *fetched;
    const EVP_MD *md;
    EVP_MD_CTX   *ctx;
} digest_fixture;

static void digest_fixture_free(digest_fixture *f)
{
    if (f != NULL) {
        EVP_MD_CTX_free(f->ctx);
        EVP_MD_free(f->fetched);
        suite_free(f, sizeof *f);
    }
}

static void digest_teardown(cb_state *s)
{
    digest_fixture_free(cb_state_fixture(s));
}

/* A random input of the parameter's size; for OpenSSL, the digest (fetched
 * once, or the implicitly fetched one) and a context (which EVP_Digest does
 * not use: it makes its own). */
static int digest_setup(cb_state *s)
{
    const digest_bench *b = cb_state_ctx(s);
    const digest       *d = b->digest;
    digest_fixture     *f = suite_alloc(sizeof *f);
    size_t              blocks;

    if (f == NULL) {
        return cb_state_fail(s, "out of memory");
    }
    f->len = (size_t) cb_state_param(s);
    randombytes_buf(f->in, f->len);
    blocks = (f->len + d->pad + d->block - 1) / d->block;
    f->blocks = (double) (blocks > 0 ? blocks : 1);
    if (b->library != DIGEST_LIBSODIUM) {
        f->fetched = EVP_MD_fetch(NULL, d->evp_name, NULL);
        f->md = b->library == DIGEST_OPENSSL_FETCH_PER_CALL ? d->implicit() : f->fetched;
        f->ctx = EVP_MD_CTX_new();
        if (f->fetched == NULL || f->md == NULL || f->ctx == NULL) {
            digest_fixture_free(f);
            return cb_state_fail(s, "EVP %s could not be set up", d->evp_name);
        }
    }
    cb_state_set_fixture(s, f);
    return 0;
}

static int sodium_digest_run(cb_state *s)
{
    const digest   *d = ((const digest_bench *) cb_state_ctx(s))->digest;
    digest_fixture *f = cb_state_fixture(s);
    int             rc = 0;

    CB_LOOP(s) {
        rc |= d->sodium(f->out, f->in, f->len);
        cb_black_box(f->out);
    }
    cb_state_counter(s, "blocks", f->blocks * (double) cb_state_iterations(s));
    return rc == 0 ? 0 : cb_state_fail(s, "libsodium %s failed", d->name);
}

/* EVP_Digest: a context made, used and freed on every call */
static int openssl_oneshot_run(cb_state *s)
{
    const digest   *d = ((const digest_bench *) cb_state_ctx(s))->digest;
    digest_fixture *f = cb_state_fixture(s);
    const EVP_MD   *md = f->md;
    int             ok = 1;

    CB_LOOP(s) {
        ok &= EVP_Digest(f->in, f->len, f->out, NULL, md, NULL);
        cb_black_box(f->out);
    }
    cb_state_counter(s, "blocks", f->blocks * (double) cb_state_iterations(s));
    return ok ? 0 : cb_state_fail(s, "EVP_Digest %s failed", d->name);
}

static int openssl_digest_run(cb_state *s)
{
    const digest   *d = ((const digest_bench *) cb_state_ctx(s))->digest;
    digest_fixture *f = cb_state_fixture(s);
    EVP_MD_CTX     *ctx = f->ctx;
    const EVP_MD   *md = f->md;
    int             ok = 1;

    CB_LOOP(s) {
        ok &= evp_digest(ctx, md, f->in, f->len, f->out);
        cb_black_box(f->out);
    }
    cb_state_counter(s, "blocks", f->blocks * (double) cb_state_iterations(s));
    return ok ? 0 : cb_state_fail(s, "EVP %s failed", d->name);
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

/* The fixture is the public key a did:key is made of. */
static int did_key_setup(cb_state *s)
{
    unsigned char  sk[crypto_sign_SECRETKEYBYTES];
    unsigned char *pk = suite_alloc(crypto_sign_PUBLICKEYBYTES);

    if (pk == NULL || crypto_sign_keypair(pk, sk) != 0) {
        suite_free(pk, crypto_sign_PUBLICKEYBYTES);
        return cb_state_fail(s, "crypto_sign_keypair failed");
    }
    sodium_memzero(sk, sizeof sk); /* only the public key is encoded */
    cb_state_set_fixture(s, pk);
    return 0;
}

static void did_key_teardown(cb_state *s)
{
    suite_free(cb_state_fixture(s), crypto_sign_PUBLICKEYBYTES);
}

static int did_key_run(cb_state *s)
{
    const unsigned char *pk = cb_state_fixture(s);
    char                 did[SUITE_DID_KEY_ED25519_SIZE];
    int                  rc = 0;

    CB_LOOP(s) {
        rc |= suite_did_key_ed25519(did, sizeof did, pk);
        cb_black_box(did);
    }
    return rc == 0 ? 0 : cb_state_fail(s, "did:key derivation failed");
}

/* ---- registration ------------------------------------------------------------ */

#define SIZES(a) (a), sizeof(a) / sizeof(a)[0]

static const uint64_t sizes[] = { 64, 1024, 16384 }, commitment[] = { 64 };

static const digest_bench digests[] = {
    { &sha256, DIGEST_LIBSODIUM, SIZES(sizes) },
    { &sha256, DIGEST_OPENSSL, SIZES(sizes) },
    { &sha256, DIGEST_OPENSSL_FETCH_PER_CALL, SIZES(commitment) },
    { &sha256, DIGEST_OPENSSL_FRESH_CTX, SIZES(sizes) },
    { &sha512, DIGEST_LIBSODIUM, SIZES(sizes) },
    { &sha512, DIGEST_OPENSSL, SIZES(sizes) },
    { &sha512, DIGEST_OPENSSL_FRESH_CTX, SIZES(sizes) },
    { &blake2b256, DIGEST_LIBSODIUM, SIZES(sizes) },
    { &sha3_256, DIGEST_OPENSSL, SIZES(sizes) },
};

/* Each library's functions, and for a variant its name's suffix and the cost
 * it adds to the benchmark without the suffix. */
static const struct {
    const char *impl, *suffix, *adds;
    int (*check)(cb_state *s);
    int (*run)(cb_state *s);
} libraries[] = {
    [DIGEST_LIBSODIUM] = { "libsodium", "", NULL, sodium_digest_check, sodium_digest_run },
    [DIGEST_OPENSSL] = { "openssl", "", NULL, openssl_digest_check, openssl_digest_run },
    [DIGEST_OPENSSL_FETCH_PER_CALL] = { "openssl", "-fetch-per-call", "per-call fetch",
                                        openssl_digest_check, openssl_digest_run },
    [DIGEST_OPENSSL_FRESH_CTX] = { "openssl", "-fresh-ctx", "fresh context", openssl_digest_check,
                                   openssl_oneshot_run },
};

void suite_did_register(void)
{
    char   name[64], base[64];
    size_t i;

    for (i = 0; i < sizeof digests / sizeof digests[0]; i++) {
        const digest_bench *b = &digests[i];

        snprintf(name, sizeof name, "did/%s%s", b->digest->stem, libraries[b->library].suffix);
        snprintf(base, sizeof base, "did/%s", b->digest->stem);
        cb_register(&(cb_bench){ .name = name, .impl = libraries[b->library].impl,
                                 .setup = digest_setup, .check = libraries[b->library].check,
                                 .run = libraries[b->library].run, .teardown = digest_teardown,
                                 .ctx = (void *) b, .params = b->sizes, .nparams = b->nsizes,
                                 .param_name = "bytes", .throughput = CB_THROUGHPUT_BYTES,
                                 .variant_of = libraries[b->library].adds != NULL ? base : NULL,
                                 .variant = libraries[b->library].adds });
    }
    /* our own encoder: no library to name */
    cb_register(&(cb_bench){ .name = "did/did-key-ed25519", .setup = did_key_setup,
                             .check = did_key_check, .run = did_key_run,
                             .teardown = did_key_teardown });
}
