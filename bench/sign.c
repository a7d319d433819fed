/*
 * Signatures and key exchange: Ed25519 key generation, signing and verifying a
 * 64-byte DID commitment, and the X25519 shared secret, in both libraries.
 * OpenSSL goes through EVP_PKEY: Ed25519 is a one-shot EVP_DigestSign with no
 * digest, X25519 an EVP_PKEY_derive with the peer's key set once.
 *
 * Both libraries do the same four operations on the same raw keys and
 * message, so each library is a table of them (and of how it makes its keys
 * from raw bytes), one run function times any of them, and one check per
 * operation puts the published vectors through the very functions the loop
 * times, in either library. Keys, contexts and the message are a fixture,
 * made once per benchmark process and wiped after it.
 */
#include <openssl/evp.h>
#include <sodium.h>
#include <string.h>

#include "suite.h"

#define MESSAGE_BYTES 64

/* RFC 8032, section 7.1, TEST 1 (empty message) and TEST 2 (one byte). */
static const struct ed25519_vector {
    const char *seed, *pk, *msg, *sig;
} ed25519_vectors[] = {
    { "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
      "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
    { "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
      "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
};

#define NED25519_VECTORS (sizeof ed25519_vectors / sizeof ed25519_vectors[0])

/* RFC 7748, section 6.1: Alice's and Bob's keys and their shared secret. */
static const char x25519_a[] = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
static const char x25519_a_pub[] =
    "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
static const char x25519_b[] = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
static const char x25519_b_pub[] =
    "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
static const char x25519_shared[] =
    "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

/* X25519's base point, u = 9: X25519(k, 9) is k's public key (RFC 7748). */
static const char x25519_base[] = "0900000000000000000000000000000000000000000000000000000000000000";

#define X25519_WHAT "X25519 (RFC 7748 section 6.1)"

/* ---- the operations, and what each library needs for them ----------------------- */

typedef enum pk_op { PK_KEYGEN, PK_SIGN, PK_VERIFY, PK_X25519, PK_NOPS } pk_op;

/* What the operations work on: raw keys and message, and the library's objects
 * made from them (bound) before they are timed. */
typedef struct pk_fixture {
    unsigned char seed[32], pk[32], sk[64]; /* Ed25519; sk is libsodium's, seed || pk */
    unsigned char msg[MESSAGE_BYTES], sig[64];
    size_t        msg_len;
    unsigned char x_sk[32], x_peer[32], shared[32]; /* X25519: ours, the peer's public */
    /* OpenSSL's: the key, the signing or verifying context, the key generation
     * or derivation context */
    EVP_PKEY     *key;
    EVP_MD_CTX   *md;
    EVP_PKEY_CTX *pkey;
} pk_fixture;

typedef struct pk_library {
    const char *impl;
    /* Makes what op needs from f's raw bytes: for PK_SIGN the key of f->seed
     * (its public key into f->pk), for PK_VERIFY the public key f->pk, for
     * PK_X25519 f->x_sk with the peer f->x_peer. 1 on success. */
    int (*bind)(pk_fixture *f, pk_op op);
    void (*unbind)(pk_fixture *f);
    /* A fresh key pair, its seed and public key into f, for a check. */
    int (*generate)(pk_fixture *f);
    /* The timed operations, on bound inputs: 1 on success (verify: on a valid
     * signature). */
    int (*op[PK_NOPS])(pk_fixture *f);
} pk_library;

/* ---- libsodium ------------------------------------------------------------------ */

static int sodium_bind(pk_fixture *f, pk_op op)
{
    return op != PK_SIGN || crypto_sign_seed_keypair(f->pk, f->sk, f->seed) == 0;
}

static void sodium_unbind(pk_fixture *f)
{
    (void) f;
}

static int sodium_generate(pk_fixture *f)
{
    if (crypto_sign_keypair(f->pk, f->sk) != 0) {
        return 0;
    }
    memcpy(f->seed, f->sk, sizeof f->seed);
    return 1;
}

/* a random seed (a getrandom() call in libsodium's default generator) and the
 * derivation of the key from it */
static int sodium_keygen(pk_fixture *f)
{
    return crypto_sign_keypair(f->pk, f->sk) == 0;
}

static int sodium_sign(pk_fixture *f)
{
    return crypto_sign_detached(f->sig, NULL, f->msg, f->msg_len, f->sk) == 0;
}

static int sodium_verify(pk_fixture *f)
{
    return crypto_sign_verify_detached(f->sig, f->msg, f->msg_len, f->pk) == 0;
}

static int sodium_x25519(pk_fixture *f)
{
    return crypto_scalarmult(f->shared, f->x_sk, f->x_peer) == 0;
}

static const pk_library libsodium = {
    "libsodium", sodium_bind, sodium_unbind, sodium_generate,
    { sodium_keygen, sodium_sign, sodium_verify, sodium_x25519 }
};

/* ---- OpenSSL, through EVP_PKEY ------------------------------------------------- */

static EVP_PKEY *ed25519_private(const unsigned char seed[32])
{
    return EVP_PKEY_new_raw_private_key_ex(NULL, "ED25519", NULL, seed, 32);
}

static EVP_PKEY *ed25519_public(const unsigned char pk[32])
{
    return EVP_PKEY_new_raw_public_key_ex(NULL, "ED25519", NULL, pk, 32);
}

/*
 * Contexts for one-shot Ed25519 signing and verifying (no digest). A context
 * serves one key: in OpenSSL 3.0, EVP_DigestSignInit_ex with another key on a
 * context that has signed before silently keeps the first key (this suite's
 * check caught RFC 8032 TEST 2 signed with TEST 1's key), so each key gets an
 * EVP_MD_CTX of its own. NULL on failure.
 */
static EVP_MD_CTX *evp_ed25519_new(EVP_PKEY *key, int verify)
{
    EVP_MD_CTX *ctx = key != NULL ? EVP_MD_CTX_new() : NULL;
    int         ok = ctx != NULL &&
                     (verify ? EVP_DigestVerifyInit_ex(ctx, NULL, NULL, NULL, NULL, key, NULL)
                             : EVP_DigestSignInit_ex(ctx, NULL, NULL, NULL, NULL, key, NULL)) == 1;

    if (!ok) {
        EVP_MD_CTX_free(ctx);
        ctx = NULL;
    }
    return ctx;
}

/*
 * A derivation context for our private key and the peer's public key, both
 * raw. The peer is not "validated": OpenSSL 3.0 has no public-key check for
 * X25519 (EVP_PKEY_derive_set_peer_ex with validation fails with "operation
 * not supported for this keytype"); like libsodium, the derivation itself
 * refuses an all-zero shared secret.
 */
static EVP_PKEY_CTX *x25519_openssl_new(const unsigned char priv[32],
                                        const unsigned char peer_pub[32])
{
    EVP_PKEY     *key = EVP_PKEY_new_raw_private_key_ex(NULL, "X25519", NULL, priv, 32);
    EVP_PKEY     *peer = EVP_PKEY_new_raw_public_key_ex(NULL, "X25519", NULL, peer_pub, 32);
    EVP_PKEY_CTX *ctx = key != NULL ? EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL) : NULL;

    if (ctx != NULL && (peer == NULL || EVP_PKEY_derive_init(ctx) != 1 ||
                        EVP_PKEY_derive_set_peer_ex(ctx, peer, 0) != 1)) {
        EVP_PKEY_CTX_free(ctx);
        ctx = NULL;
    }
    EVP_PKEY_free(key); /* the context holds its own references */
    EVP_PKEY_free(peer);
    return ctx;
}

static int openssl_bind(pk_fixture *f, pk_op op)
{
    size_t len = sizeof f->pk;

    switch (op) {
    case PK_KEYGEN:
        f->pkey = EVP_PKEY_CTX_new_from_name(NULL, "ED25519", NULL);
        return f->pkey != NULL && EVP_PKEY_keygen_init(f->pkey) == 1;
    case PK_SIGN:
        f->key = ed25519_private(f->seed);
        return f->key != NULL && EVP_PKEY_get_raw_public_key(f->key, f->pk, &len) == 1 &&
               len == sizeof f->pk && (f->md = evp_ed25519_new(f->key, 0)) != NULL;
    case PK_VERIFY:
        /* the verifier holds the public key only, as a DID resolver would */
        f->key = ed25519_public(f->pk);
        return (f->md = evp_ed25519_new(f->key, 1)) != NULL;
    default:
        return (f->pkey = x25519_openssl_new(f->x_sk, f->x_peer)) != NULL;
    }
}

static void openssl_unbind(pk_fixture *f)
{
    EVP_MD_CTX_free(f->md);
    EVP_PKEY_CTX_free(f->pkey);
    EVP_PKEY_free(f->key); /* frees a private key securely */
    f->md = NULL;
    f->pkey = NULL;
    f->key = NULL;
}

static int openssl_generate(pk_fixture *f)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "ED25519", NULL);
    EVP_PKEY     *key = NULL;
    size_t        seed_len = sizeof f->seed, pk_len = sizeof f->pk;
    int           ok = ctx != NULL && EVP_PKEY_keygen_init(ctx) == 1 &&
                       EVP_PKEY_keygen(ctx, &key) == 1 &&
                       EVP_PKEY_get_raw_private_key(key, f->seed, &seed_len) == 1 &&
                       EVP_PKEY_get_raw_public_key(key, f->pk, &pk_len) == 1 &&
                       seed_len == sizeof f->seed && pk_len == sizeof f->pk;

    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(ctx);
    return ok;
}

/* EVP_PKEY_keygen returns a new key object: its allocation and release are part
 * of generating a key through EVP, so they are timed. */
static int openssl_keygen(pk_fixture *f)
{
    EVP_PKEY *key = NULL;
    int       ok = EVP_PKEY_keygen(f->pkey, &key) == 1;

    cb_black_box(key);
    EVP_PKEY_free(key);
    return ok;
}

/*
 * One signature with the context's key: the context is re-initialised (a NULL
 * key keeps the key and resets the state), then signs once. The
 * re-initialisation is part of every signature: from OpenSSL 3.2 a context
 * refuses a second EVP_DigestSign without it (openssl/openssl#23075); 3.0 would
 * tolerate the reuse, but timing that would flatter OpenSSL with a sequence it
 * now refuses.
 */
static int openssl_sign(pk_fixture *f)
{
    size_t sig_len = sizeof f->sig;

    return EVP_DigestSignInit_ex(f->md, NULL, NULL, NULL, NULL, NULL, NULL) == 1 &&
           EVP_DigestSign(f->md, f->sig, &sig_len, f->msg, f->msg_len) == 1 &&
           sig_len == sizeof f->sig;
}

static int openssl_verify(pk_fixture *f)
{
    return EVP_DigestVerifyInit_ex(f->md, NULL, NULL, NULL, NULL, NULL, NULL) == 1 &&
           EVP_DigestVerify(f->md, f->sig, sizeof f->sig, f->msg, f->msg_len) == 1;
}

static int openssl_x25519(pk_fixture *f)
{
    size_t len = sizeof f->shared;

    return EVP_PKEY_derive(f->pkey, f->shared, &len) == 1 && len == sizeof f->shared;
}

static const pk_library openssl = {
    "openssl", openssl_bind, openssl_unbind, openssl_generate,
    { openssl_keygen, openssl_sign, openssl_verify, openssl_x25519 }
};

/* ---- the benchmarks: one row each ---------------------------------------------- */

typedef struct pk_bench {
    pk_op             op;
    const pk_library *library;
} pk_bench;

static const pk_bench benches[] = {
    { PK_KEYGEN, &libsodium }, { PK_KEYGEN, &openssl }, { PK_SIGN, &libsodium },
    { PK_SIGN, &openssl },     { PK_VERIFY, &libsodium }, { PK_VERIFY, &openssl },
    { PK_X25519, &libsodium }, { PK_X25519, &openssl },
};

/* The RFC 8032 vector i as f's seed, public key, message and signature. */
static void ed25519_vector(pk_fixture *f, size_t i)
{
    suite_unhex(f->seed, sizeof f->seed, ed25519_vectors[i].seed);
    suite_unhex(f->pk, sizeof f->pk, ed25519_vectors[i].pk);
    f->msg_len = suite_unhex_upto(f->msg, sizeof f->msg, ed25519_vectors[i].msg);
    suite_unhex(f->sig, sizeof f->sig, ed25519_vectors[i].sig);
}

/* A check's fixture: the library's objects released, every byte wiped. */
static void pk_check_done(const pk_library *lib, pk_fixture *f)
{
    lib->unbind(f);
    sodium_memzero(f, sizeof *f);
}

/* The RFC 8032 seeds give their public keys; and a key pair the library
 * generates agrees with libsodium on the public key of its seed. */
static int keygen_check(cb_state *s)
{
    const pk_library *lib = ((const pk_bench *) cb_state_ctx(s))->library;
    pk_fixture        f = { 0 };
    unsigned char     ref_pk[32], ref_sk[64];
    size_t            i;
    int               rc = 0;

    for (i = 0; rc == 0 && i < NED25519_VECTORS; i++) {
        ed25519_vector(&f, i);
        if (!lib->bind(&f, PK_SIGN)) {
            rc = cb_state_fail(s, "%s: an Ed25519 key from a seed failed", lib->impl);
        } else {
            rc = suite_expect(s, "Ed25519 public key (RFC 8032 section 7.1)", f.pk, sizeof f.pk,
                              ed25519_vectors[i].pk);
        }
        lib->unbind(&f);
    }
    if (rc == 0 && (!lib->generate(&f) || crypto_sign_seed_keypair(ref_pk, ref_sk, f.seed) != 0)) {
        rc = cb_state_fail(s, "%s: Ed25519 key generation failed", lib->impl);
    } else if (rc == 0 && sodium_memcmp(f.pk, ref_pk, sizeof ref_pk) != 0) {
        rc = cb_state_fail(s, "Ed25519: %s's generated key disagrees with libsodium", lib->impl);
    }
    sodium_memzero(ref_sk, sizeof ref_sk);
    pk_check_done(lib, &f);
    return rc;
}

/* The RFC 8032 signatures, through the timed call. */
static int sign_check(cb_state *s)
{
    const pk_library *lib = ((const pk_bench *) cb_state_ctx(s))->library;
    pk_fixture        f = { 0 };
    size_t            i;
    int               rc = 0;

    for (i = 0; rc == 0 && i < NED25519_VECTORS; i++) {
        ed25519_vector(&f, i);
        if (!lib->bind(&f, PK_SIGN) || !lib->op[PK_SIGN](&f)) {
            rc = cb_state_fail(s, "%s: Ed25519 signing failed", lib->impl);
        } else {
            rc = suite_expect(s, "Ed25519 signature (RFC 8032 section 7.1)", f.sig, sizeof f.sig,
                              ed25519_vectors[i].sig);
        }
        lib->unbind(&f);
    }
    pk_check_done(lib, &f);
    return rc;
}

/* The RFC 8032 signatures verify; a flipped bit in the signature, or in the
 * message, is refused. */
static int verify_check(cb_state *s)
{
    const pk_library *lib = ((const pk_bench *) cb_state_ctx(s))->library;
    pk_fixture        f = { 0 };
    size_t            i;
    int               rc = 0;

    for (i = 0; rc == 0 && i < NED25519_VECTORS; i++) {
        ed25519_vector(&f, i);
        if (!lib->bind(&f, PK_VERIFY) || !lib->op[PK_VERIFY](&f)) {
            rc = cb_state_fail(s, "Ed25519 (RFC 8032 section 7.1): a valid signature was "
                                  "refused");
        }
        f.sig[i * 17] ^= 0x04;
        if (rc == 0 && lib->op[PK_VERIFY](&f)) {
            rc = cb_state_fail(s, "Ed25519: a tampered signature was accepted");
        }
        f.sig[i * 17] ^= 0x04;
        if (rc == 0 && f.msg_len > 0) {
            f.msg[0] ^= 1;
            if (lib->op[PK_VERIFY](&f)) {
                rc = cb_state_fail(s, "Ed25519: a signature over another message was accepted");
            }
        }
        lib->unbind(&f);
    }
    pk_check_done(lib, &f);
    return rc;
}

/* X25519 of sk and peer, both hex, through the timed call: fails the benchmark
 * unless it gives want. */
static int x25519_expect(cb_state *s, const pk_library *lib, pk_fixture *f, const char *sk,
                         const char *peer, const char *want)
{
    int rc;

    suite_unhex(f->x_sk, sizeof f->x_sk, sk);
    suite_unhex(f->x_peer, sizeof f->x_peer, peer);
    if (!lib->bind(f, PK_X25519) || !lib->op[PK_X25519](f)) {
        rc = cb_state_fail(s, "%s: X25519 failed", lib->impl);
    } else {
        rc = suite_expect(s, X25519_WHAT, f->shared, sizeof f->shared, want);
    }
    lib->unbind(f);
    return rc;
}

/* RFC 7748 section 6.1: Alice's public key (her key times the base point),
 * and the shared secret from either side. */
static int x25519_check(cb_state *s)
{
    const pk_library *lib = ((const pk_bench *) cb_state_ctx(s))->library;
    pk_fixture        f = { 0 };
    int               rc;

    rc = x25519_expect(s, lib, &f, x25519_a, x25519_base, x25519_a_pub);
    if (rc == 0) {
        rc = x25519_expect(s, lib, &f, x25519_a, x25519_b_pub, x25519_shared);
    }
    if (rc == 0) {
        rc = x25519_expect(s, lib, &f, x25519_b, x25519_a_pub, x25519_shared);
    }
    pk_check_done(lib, &f);
    return rc;
}

/*
 * The inputs: a random key and message to sign; to verify, a fixed key (the
 * seed of RFC 8032 TEST 1), a fixed message and its signature. Verification is
 * variable-time in its public inputs, so a random key per run made instruction
 * counts differ by up to 0.6% from run to run; fixed inputs make every
 * verification the same work, and both libraries verify the same signature
 * (Ed25519 signing is deterministic). X25519: a random key and peer.
 */
static int pk_inputs(pk_fixture *f, pk_op op)
{
    unsigned char peer_sk[32];
    size_t        i;
    int           ok = 1;

    f->msg_len = MESSAGE_BYTES;
    switch (op) {
    case PK_KEYGEN:
        break;
    case PK_SIGN:
        randombytes_buf(f->seed, sizeof f->seed);
        randombytes_buf(f->msg, f->msg_len);
        break;
    case PK_VERIFY:
        suite_unhex(f->seed, sizeof f->seed, ed25519_vectors[0].seed);
        for (i = 0; i < f->msg_len; i++) {
            f->msg[i] = (unsigned char) i;
        }
        ok = crypto_sign_seed_keypair(f->pk, f->sk, f->seed) == 0 &&
             crypto_sign_detached(f->sig, NULL, f->msg, f->msg_len, f->sk) == 0;
        sodium_memzero(f->sk, sizeof f->sk);
        sodium_memzero(f->seed, sizeof f->seed);
        break;
    default:
        randombytes_buf(f->x_sk, sizeof f->x_sk);
        randombytes_buf(peer_sk, sizeof peer_sk);
        ok = crypto_scalarmult_base(f->x_peer, peer_sk) == 0;
        sodium_memzero(peer_sk, sizeof peer_sk);
        break;
    }
    return ok;
}

static void pk_teardown(cb_state *s)
{
    const pk_bench *b = cb_state_ctx(s);
    pk_fixture     *f = cb_state_fixture(s);

    b->library->unbind(f);
    suite_free(f, sizeof *f);
}

static int pk_setup(cb_state *s)
{
    const pk_bench *b = cb_state_ctx(s);
    pk_fixture     *f = suite_alloc(sizeof *f);

    if (f == NULL) {
        return cb_state_fail(s, "out of memory");
    }
    cb_state_set_fixture(s, f);
    if (!pk_inputs(f, b->op) || !b->library->bind(f, b->op)) {
        pk_teardown(s);
        cb_state_set_fixture(s, NULL);
        return cb_state_fail(s, "%s: the keys could not be set up", b->library->impl);
    }
    return 0;
}

static int pk_run(cb_state *s)
{
    const pk_bench *b = cb_state_ctx(s);
    pk_fixture     *f = cb_state_fixture(s);
    int (*op)(pk_fixture *) = b->library->op[b->op];
    int ok = 1;

    CB_LOOP(s) {
        ok &= op(f);
        cb_black_box(f);
    }
    return ok ? 0 : cb_state_fail(s, "%s: %s failed", b->library->impl, cb_state_name(s));
}

/* ---- registration ------------------------------------------------------------ */

void suite_sign_register(void)
{
    static const uint64_t message[] = { MESSAGE_BYTES };
    static const struct {
        const char *name;
        int (*check)(cb_state *s);
        int signs_message; /* parameterised by the message's size */
    } ops[PK_NOPS] = {
        [PK_KEYGEN] = { "sign/ed25519-keygen", keygen_check, 0 },
        [PK_SIGN] = { "sign/ed25519-sign", sign_check, 1 },
        [PK_VERIFY] = { "sign/ed25519-verify", verify_check, 1 },
        [PK_X25519] = { "sign/x25519", x25519_check, 0 },
    };
    size_t i;

    for (i = 0; i < sizeof benches / sizeof benches[0]; i++) {
        const pk_bench *b = &benches[i];

        cb_register(&(cb_bench){ .name = ops[b->op].name, .impl = b->library->impl,
                                 .setup = pk_setup, .check = ops[b->op].check, .run = pk_run,
                                 .teardown = pk_teardown, .ctx = (void *) b,
                                 .params = ops[b->op].signs_message ? message : NULL,
                                 .nparams = ops[b->op].signs_message ? 1 : 0,
                                 .param_name = ops[b->op].signs_message ? "bytes" : NULL });
    }
}
