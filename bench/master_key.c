/*
 * Master-key encryption: wrapping a user's 32-byte master key, and bulk
 * messages of 1 KiB and 16 KiB, with the AEADs of both libraries and AES key
 * wrap. The AEAD benchmarks are rows of one table (cipher, library, encrypt or
 * decrypt, how the key reaches each message, sizes) served by one run function
 * per library. Keys, contexts and plaintexts are a fixture, made once per
 * benchmark and wiped after it; every encrypted message gets a fresh nonce,
 * drawn a batch at a time outside the timing (randombytes_buf costs more than
 * wrapping 32 bytes). A decryption needs no fresh nonce: it opens one valid
 * message again and again.
 *
 * Key set-up is measured apart from the per-message cost: an AEAD with a
 * reusable context (OpenSSL's EVP_CIPHER_CTX with the key scheduled once,
 * libsodium's crypto_aead_aes256gcm_beforenm state) runs twice, reusing the
 * context (the plain name) and with a fresh context per message, key schedule
 * included ("-fresh-ctx"), at 32 bytes and 1 KiB. The set-up does not depend
 * on the message's length, and at 16 KiB it is a few percent of the message:
 * a third pair would measure the same cost again, less precisely, for another
 * fifteen seconds of `make bench`.
 * OpenSSL's AES-256-GCM encryption also runs with the key scheduled again for
 * every message in the same context ("-rekey", EVP_EncryptInit_ex2 with key
 * and IV), at 1 KiB and 16 KiB: the key schedule alone, without a context's
 * making, and the work `openssl speed -evp aes-256-gcm` (OpenSSL 3.0.19) times
 * per message, so that ci/speed-check holds the two against each other.
 * OpenSSL's implicit fetch (passing EVP_aes_256_gcm() instead of a cipher
 * fetched once) is a variant of the fresh context, because passing a cipher to
 * EVP_EncryptInit_ex2 resets the context and schedules the key again anyway:
 * "-fresh-ctx-fetch-per-call" minus "-fresh-ctx" is the fetch alone.
 *
 * For the constant-time checks, the key and the message (a master key, say)
 * are secret, the ciphertext public. An encryption's message comes in two
 * classes: class 0 the fixture's, class 1 a fresh random one. A decryption
 * branches on whether the tag was right, computed from the key: the exact
 * check reports that branch, inside the library, where nothing can make the
 * verdict public.
 */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"

#define NONCE_BATCH 256
#define MAX_NONCE 24
#define MAX_MESSAGE 16384
#define TAG_BYTES 16
#define KAT_MAX 160 /* the longest vector's ciphertext and tag */

/* A published AEAD vector, in hex; ct is the ciphertext followed by the tag. */
typedef struct aead_vector {
    const char *what; /* the primitive and where the vector is published */
    const char *key, *nonce, *aad, *pt, *ct;
} aead_vector;

typedef struct aead_kat {
    unsigned char key[32], nonce[24], aad[32], pt[KAT_MAX], ct[KAT_MAX];
    size_t        nonce_len, aad_len, pt_len, ct_len;
} aead_kat;

static void aead_kat_load(aead_kat *k, const aead_vector *v)
{
    suite_unhex(k->key, sizeof k->key, v->key);
    k->nonce_len = suite_unhex_upto(k->nonce, sizeof k->nonce, v->nonce);
    k->aad_len = suite_unhex_upto(k->aad, sizeof k->aad, v->aad);
    k->pt_len = suite_unhex_upto(k->pt, sizeof k->pt, v->pt);
    k->ct_len = suite_unhex_upto(k->ct, sizeof k->ct, v->ct);
}

/* One step of a known-answer check: fails the benchmark, with the reason,
 * unless the call succeeded (ok) and produced want. */
static int kat_step(cb_state *s, const char *what, const char *step, int ok,
                    const unsigned char *got, size_t len, const char *want)
{
    if (!ok) {
        return cb_state_fail(s, "%s: %s failed", what, step);
    }
    return suite_expect(s, what, got, len, want);
}

/* The GCM specification's test case 16 (McGrew and Viega, "The Galois/Counter
 * Mode of Operation"): AES-256, 96-bit IV, 60-byte plaintext, 20 bytes of AAD. */
static const aead_vector gcm_tc16 = {
    "AES-256-GCM (GCM spec test case 16)",
    "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
    "cafebabefacedbaddecaf888",
    "feedfacedeadbeeffeedfacedeadbeefabaddad2",
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
    "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
    "76fc6ece0f4e1768cddf8853bb2d551b"
};

/* RFC 8439, section 2.8.2. */
static const aead_vector chacha_rfc8439 = {
    "ChaCha20-Poly1305 (RFC 8439 section 2.8.2)",
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
    "070000004041424344454647",
    "50515253c0c1c2c3c4c5c6c7",
    "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
    "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
    "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
    "637265656e20776f756c642062652069742e",
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
    "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
    "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116"
    "1ae10b594f09e26a7e902ecbd0600691"
};

/* draft-irtf-cfrg-xchacha-03, appendix A.3.1. */
static const aead_vector xchacha_a31 = {
    "XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03 A.3.1)",
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
    "404142434445464748494a4b4c4d4e4f5051525354555657",
    "50515253c0c1c2c3c4c5c6c7",
    "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
    "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
    "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
    "637265656e20776f756c642062652069742e",
    "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
    "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
    "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
    "21f9664c97637da9768812f615c68b13b52e"
    "c0875924c1c7987947deafd8780acf49"
};

/* NaCl's crypto_secretbox test (tests/secretbox.c in NaCl, the example of
 * Bernstein's "Cryptography in NaCl"), as libsodium's test/default/secretbox.c
 * also uses it: the tag comes first in crypto_secretbox_easy's output. */
static const aead_vector secretbox_nacl = {
    "XSalsa20-Poly1305 secretbox (NaCl tests/secretbox.c)",
    "1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389",
    "69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37",
    "",
    "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc"
    "e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31"
    "0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
    "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864"
    "5e0705",
    "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce"
    "48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972"
    "71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
    "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3"
    "7973f622a43d14a6599b1f654cb45a74e355a5"
};

/* ---- the AEADs, and what each library calls them ---------------------------- */

/* libsodium's combined-mode AEAD signature: ciphertext followed by the tag. */
typedef int (*sodium_seal_fn)(unsigned char *c, unsigned long long *clen,
                              const unsigned char *m, unsigned long long mlen,
                              const unsigned char *ad, unsigned long long adlen,
                              const unsigned char *nsec, const unsigned char *npub,
                              const unsigned char *k);
typedef int (*sodium_open_fn)(unsigned char *m, unsigned long long *mlen, unsigned char *nsec,
                              const unsigned char *c, unsigned long long clen,
                              const unsigned char *ad, unsigned long long adlen,
                              const unsigned char *npub, const unsigned char *k);

/*
 * One way libsodium encrypts and decrypts: seal and open take the key, or,
 * with beforenm, the state beforenm expanded from the key once (AES-256-GCM's
 * crypto_aead_aes256gcm_beforenm, libsodium's only AEAD with one).
 */
typedef struct sodium_calls {
    sodium_seal_fn seal;
    sodium_open_fn open;
    int (*beforenm)(crypto_aead_aes256gcm_state *state, const unsigned char *key);
} sodium_calls;

typedef struct aead_cipher {
    const char        *stem;        /* in the benchmarks' names: "aes-256-gcm" */
    const aead_vector *kat;
    size_t             nonce_bytes;
    const char        *evp_name;    /* OpenSSL's name, fetched once per benchmark */
    const EVP_CIPHER *(*evp_implicit)(void); /* the same cipher fetched on every call */
    sodium_calls       sodium;      /* the key on every call */
    sodium_calls       sodium_once; /* a state expanded once, or all NULL */
    int (*sodium_available)(void);  /* NULL: always */
} aead_cipher;

/* crypto_secretbox in the AEAD signature (it takes no associated data), so that
 * it shares the benchmarks; its output is the tag, then the ciphertext. */
static int secretbox_seal(unsigned char *c, unsigned long long *clen, const unsigned char *m,
                          unsigned long long mlen, const unsigned char *ad,
                          unsigned long long adlen, const unsigned char *nsec,
                          const unsigned char *npub, const unsigned char *k)
{
    (void) ad;
    (void) nsec;
    if (adlen != 0) {
        return -1;
    }
    if (clen != NULL) {
        *clen = mlen + crypto_secretbox_MACBYTES;
    }
    return crypto_secretbox_easy(c, m, mlen, npub, k);
}

static int secretbox_open(unsigned char *m, unsigned long long *mlen, unsigned char *nsec,
                          const unsigned char *c, unsigned long long clen,
                          const unsigned char *ad, unsigned long long adlen,
                          const unsigned char *npub, const unsigned char *k)
{
    (void) ad;
    (void) nsec;
    if (adlen != 0 || clen < crypto_secretbox_MACBYTES) {
        return -1;
    }
    if (mlen != NULL) {
        *mlen = clen - crypto_secretbox_MACBYTES;
    }
    return crypto_secretbox_open_easy(m, c, clen, npub, k);
}

/* crypto_aead_aes256gcm_*_afternm in the signature of the calls that take a
 * key: their "key" is the state that crypto_aead_aes256gcm_beforenm expanded. */
static int aes_gcm_seal_afternm(unsigned char *c, unsigned long long *clen,
                                const unsigned char *m, unsigned long long mlen,
                                const unsigned char *ad, unsigned long long adlen,
                                const unsigned char *nsec, const unsigned char *npub,
                                const unsigned char *k)
{
    return crypto_aead_aes256gcm_encrypt_afternm(c, clen, m, mlen, ad, adlen, nsec, npub,
                                                 (const crypto_aead_aes256gcm_state *) k);
}

static int aes_gcm_open_afternm(unsigned char *m, unsigned long long *mlen, unsigned char *nsec,
                                const unsigned char *c, unsigned long long clen,
                                const unsigned char *ad, unsigned long long adlen,
                                const unsigned char *npub, const unsigned char *k)
{
    return crypto_aead_aes256gcm_decrypt_afternm(m, mlen, nsec, c, clen, ad, adlen, npub,
                                                 (const crypto_aead_aes256gcm_state *) k);
}

static const aead_cipher aes_256_gcm = {
    "aes-256-gcm", &gcm_tc16, 12, "AES-256-GCM", EVP_aes_256_gcm,
    /* crypto_aead_aes256gcm_encrypt expands the key on every call */
    { crypto_aead_aes256gcm_encrypt, crypto_aead_aes256gcm_decrypt, NULL },
    { aes_gcm_seal_afternm, aes_gcm_open_afternm, crypto_aead_aes256gcm_beforenm },
    /* libsodium's AES-256-GCM needs AES-NI and CLMUL; without them it is absent */
    crypto_aead_aes256gcm_is_available
};
static const aead_cipher chacha20poly1305 = {
    "chacha20poly1305", &chacha_rfc8439, 12, "ChaCha20-Poly1305", EVP_chacha20_poly1305,
    { crypto_aead_chacha20poly1305_ietf_encrypt, crypto_aead_chacha20poly1305_ietf_decrypt, NULL },
    { NULL, NULL, NULL }, NULL
};
/* XChaCha20-Poly1305 and crypto_secretbox: libsodium only, no reusable state */
static const aead_cipher xchacha20poly1305 = {
    "xchacha20poly1305", &xchacha_a31, 24, NULL, NULL,
    { crypto_aead_xchacha20poly1305_ietf_encrypt, crypto_aead_xchacha20poly1305_ietf_decrypt,
      NULL },
    { NULL, NULL, NULL }, NULL
};
static const aead_cipher secretbox = {
    "secretbox", &secretbox_nacl, crypto_secretbox_NONCEBYTES, NULL, NULL,
    { secretbox_seal, secretbox_open, NULL }, { NULL, NULL, NULL }, NULL
};

/* ---- the benchmarks: one row each --------------------------------------------- */

typedef enum aead_library { AEAD_OPENSSL, AEAD_LIBSODIUM } aead_library;
typedef enum aead_op { AEAD_ENCRYPT, AEAD_DECRYPT } aead_op;

/* How the key reaches each message. */
typedef enum aead_keying {
    KEY_ONCE,         /* set up once: a context (or state) reused for every message */
    KEY_AGAIN,        /* the key scheduled again for every message, in the same context */
    KEY_PER_MESSAGE,  /* a fresh context per message, key schedule included */
    FETCH_PER_MESSAGE /* that, with the cipher fetched implicitly on every call */
} aead_keying;

/* Each keying's suffix to the name, and, for a variant, the keying of the
 * benchmark it is a variant of and the cost it adds to it. */
static const struct {
    const char *suffix, *adds;
    aead_keying base;
} keyings[] = {
    [KEY_ONCE] = { "", NULL, KEY_ONCE },
    [KEY_AGAIN] = { "-rekey", "key set-up", KEY_ONCE },
    [KEY_PER_MESSAGE] = { "-fresh-ctx", "fresh context and key set-up", KEY_ONCE },
    [FETCH_PER_MESSAGE] = { "-fresh-ctx-fetch-per-call", "per-call fetch", KEY_PER_MESSAGE },
};

typedef struct aead_bench {
    const aead_cipher *cipher;
    aead_library       library;
    aead_op            op;
    aead_keying        keying;
    const uint64_t    *sizes;
    size_t             nsizes;
} aead_bench;

#define SIZES(a) (a), sizeof(a) / sizeof(a)[0]

static const uint64_t message_sizes[] = { 32, 1024, 16384 }; /* a master key, 1 KiB, 16 KiB */
static const uint64_t set_up_sizes[] = { 32, 1024 };
static const uint64_t speed_sizes[] = { 1024, 16384 }; /* openssl speed's that we have */
static const uint64_t key_size[] = { 32 };

static const aead_bench aeads[] = {
    /* cipher            library         op            keying */
    { &aes_256_gcm,       AEAD_OPENSSL,   AEAD_ENCRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &aes_256_gcm,       AEAD_OPENSSL,   AEAD_DECRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &aes_256_gcm,       AEAD_OPENSSL,   AEAD_ENCRYPT, KEY_AGAIN,         SIZES(speed_sizes) },
    { &aes_256_gcm,       AEAD_OPENSSL,   AEAD_ENCRYPT, KEY_PER_MESSAGE,   SIZES(set_up_sizes) },
    { &aes_256_gcm,       AEAD_OPENSSL,   AEAD_DECRYPT, KEY_PER_MESSAGE,   SIZES(set_up_sizes) },
    { &aes_256_gcm,       AEAD_OPENSSL,   AEAD_ENCRYPT, FETCH_PER_MESSAGE, SIZES(key_size) },
    { &aes_256_gcm,       AEAD_LIBSODIUM, AEAD_ENCRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &aes_256_gcm,       AEAD_LIBSODIUM, AEAD_DECRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &aes_256_gcm,       AEAD_LIBSODIUM, AEAD_ENCRYPT, KEY_PER_MESSAGE,   SIZES(set_up_sizes) },
    { &aes_256_gcm,       AEAD_LIBSODIUM, AEAD_DECRYPT, KEY_PER_MESSAGE,   SIZES(set_up_sizes) },
    { &chacha20poly1305,  AEAD_OPENSSL,   AEAD_ENCRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &chacha20poly1305,  AEAD_OPENSSL,   AEAD_DECRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &chacha20poly1305,  AEAD_OPENSSL,   AEAD_ENCRYPT, KEY_PER_MESSAGE,   SIZES(set_up_sizes) },
    { &chacha20poly1305,  AEAD_OPENSSL,   AEAD_DECRYPT, KEY_PER_MESSAGE,   SIZES(set_up_sizes) },
    /* libsodium's ChaCha20 ciphers take the key as it is: nothing to set up apart */
    { &chacha20poly1305,  AEAD_LIBSODIUM, AEAD_ENCRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &chacha20poly1305,  AEAD_LIBSODIUM, AEAD_DECRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &xchacha20poly1305, AEAD_LIBSODIUM, AEAD_ENCRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &xchacha20poly1305, AEAD_LIBSODIUM, AEAD_DECRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &secretbox,         AEAD_LIBSODIUM, AEAD_ENCRYPT, KEY_ONCE,          SIZES(message_sizes) },
    { &secretbox,         AEAD_LIBSODIUM, AEAD_DECRYPT, KEY_ONCE,          SIZES(message_sizes) },
};

/* ---- the fixture ---------------------------------------------------------------- */

/* What a benchmark's calls share: a random key and plaintext of the
 * parameter's size, and the library's context for them. */
typedef struct aead_fixture {
    crypto_aead_aes256gcm_state state; /* libsodium's expanded key, with sodium_once */
    unsigned char nonce[NONCE_BATCH][MAX_NONCE]; /* a batch's; a decryption's is nonce[0] */
    unsigned char key[32];
    unsigned char pt[MAX_MESSAGE];
    unsigned char ct[MAX_MESSAGE + TAG_BYTES]; /* ciphertext and tag (first, for secretbox) */
    unsigned char out[MAX_MESSAGE + TAG_BYTES];
    size_t        len;
    /* What the calls take as the key: key; libsodium's expanded state; or,
     * where an OpenSSL context holds the key scheduled once, NULL. */
    const unsigned char *keying;
    /* OpenSSL: the context with the key scheduled once, or, without one, the
     * cipher a fresh context per message is made with */
    EVP_CIPHER_CTX      *ctx;
    const EVP_CIPHER    *cipher;
    EVP_CIPHER          *fetched;
    /* libsodium: the calls */
    const sodium_calls  *calls;
} aead_fixture;

static void aead_fixture_free(aead_fixture *f)
{
    if (f != NULL) {
        EVP_CIPHER_CTX_free(f->ctx); /* cleanses its key schedule */
        EVP_CIPHER_free(f->fetched);
        suite_free(f, sizeof *f);
    }
}

static void aead_teardown(cb_state *s)
{
    aead_fixture_free(cb_state_fixture(s));
}

/* A fixture with a random key, plaintext and nonce, kept in s; NULL when out
 * of memory. */
static aead_fixture *aead_fixture_new(cb_state *s)
{
    aead_fixture *f = suite_alloc(sizeof *f);

    if (f != NULL) {
        f->len = (size_t) cb_state_param(s);
        randombytes_buf(f->key, sizeof f->key);
        randombytes_buf(f->pt, f->len);
        randombytes_buf(f->nonce[0], sizeof f->nonce[0]);
        cb_secret(s, f->key, sizeof f->key);
        cb_secret(s, f->pt, f->len);
    }
    cb_state_set_fixture(s, f);
    return f;
}

/* An encryption's message, for the timing-leak check: class 0 the fixture's,
 * class 1 a random one; the parameter's length of the MAX_MESSAGE bytes. */
static int aead_message(cb_state *s, int input_class, void *input)
{
    const aead_fixture *f = cb_state_fixture(s);

    if (input_class == 0) {
        memcpy(input, f->pt, f->len);
    } else {
        randombytes_buf(input, f->len);
    }
    cb_secret(s, input, f->len);
    return 0;
}

/* A message sealed in set-up, to be opened: public, as a message in transit is. */
static void aead_sealed(cb_state *s, aead_fixture *f)
{
    cb_declassify(s, f->ct, f->len + TAG_BYTES);
}

/* Fails a set-up that could not finish, and frees what it had made (teardown
 * runs only after a set-up that succeeded). */
static int aead_setup_failed(cb_state *s, const char *what)
{
    aead_fixture_free(cb_state_fixture(s));
    cb_state_set_fixture(s, NULL);
    return cb_state_fail(s, "%s set-up failed", what);
}

/* ---- OpenSSL, through EVP ------------------------------------------------------- */

/*
 * Encrypts len bytes of in into out and tag with a 12-byte IV. With ctx, its
 * scheduled key is reused (cipher and key NULL): only the IV is set; or, with
 * a key, that key is scheduled again in it. Without ctx, a fresh context is
 * made from cipher and key, key schedule included (and, for a cipher that is
 * not fetched, the fetch), and freed. 1 on success.
 */
static int evp_seal(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, const unsigned char *key,
                    const unsigned char *iv, const unsigned char *aad, size_t aad_len,
                    const unsigned char *in, size_t len, unsigned char *out,
                    unsigned char tag[TAG_BYTES])
{
    EVP_CIPHER_CTX *own = ctx == NULL ? EVP_CIPHER_CTX_new() : NULL;
    EVP_CIPHER_CTX *c = ctx != NULL ? ctx : own;
    int             n = 0, m = 0, ok;
    OSSL_PARAM      get[] = { OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag,
                                                                TAG_BYTES),
                              OSSL_PARAM_construct_end() };

    ok = c != NULL && EVP_EncryptInit_ex2(c, cipher, key, iv, NULL) == 1 &&
         (aad_len == 0 || EVP_EncryptUpdate(c, NULL, &m, aad, (int) aad_len) == 1) &&
         EVP_EncryptUpdate(c, out, &n, in, (int) len) == 1 &&
         EVP_EncryptFinal_ex(c, out + n, &m) == 1 && EVP_CIPHER_CTX_get_params(c, get) == 1;
    if (own != NULL) {
        EVP_CIPHER_CTX_free(own);
    }
    return ok;
}

/* Decrypts and authenticates, with the same conventions as evp_seal; 1 only if
 * the tag is valid (out then holds the plaintext). */
static int evp_open(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, const unsigned char *key,
                    const unsigned char *iv, const unsigned char *aad, size_t aad_len,
                    const unsigned char *in, size_t len, const unsigned char tag[TAG_BYTES],
                    unsigned char *out)
{
    EVP_CIPHER_CTX *own = ctx == NULL ? EVP_CIPHER_CTX_new() : NULL;
    EVP_CIPHER_CTX *c = ctx != NULL ? ctx : own;
    int             n = 0, m = 0, ok;
    OSSL_PARAM      set[] = { OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG,
                                                                (void *) tag, TAG_BYTES),
                              OSSL_PARAM_construct_end() };

    ok = c != NULL && EVP_DecryptInit_ex2(c, cipher, key, iv, NULL) == 1 &&
         EVP_CIPHER_CTX_set_params(c, set) == 1 &&
         (aad_len == 0 || EVP_DecryptUpdate(c, NULL, &m, aad, (int) aad_len) == 1) &&
         EVP_DecryptUpdate(c, out, &n, in, (int) len) == 1 &&
         EVP_DecryptFinal_ex(c, out + n, &m) == 1;
    if (own != NULL) {
        EVP_CIPHER_CTX_free(own);
    }
    return ok;
}

/*
 * The published vector through every path the benchmarks time: a fresh context,
 * a reused one, a reused one keyed again, the implicit fetch; decryption with
 * a reused and a fresh context; and a flipped ciphertext bit and a flipped tag
 * bit both refused.
 */
static int evp_aead_check(cb_state *s)
{
    const aead_cipher *c = ((const aead_bench *) cb_state_ctx(s))->cipher;
    const char        *what = c->kat->what;
    aead_kat           k;
    unsigned char      out[KAT_MAX], tag[TAG_BYTES];
    EVP_CIPHER        *cipher = EVP_CIPHER_fetch(NULL, c->evp_name, NULL);
    EVP_CIPHER_CTX    *enc = EVP_CIPHER_CTX_new(), *dec = EVP_CIPHER_CTX_new();
    size_t             len;
    int                rc;

    aead_kat_load(&k, c->kat);
    len = k.pt_len;
    if (cipher == NULL || enc == NULL || dec == NULL ||
        EVP_EncryptInit_ex2(enc, cipher, k.key, NULL, NULL) != 1 ||
        EVP_DecryptInit_ex2(dec, cipher, k.key, NULL, NULL) != 1) {
        rc = cb_state_fail(s, "%s: OpenSSL EVP set-up failed", what);
        goto done;
    }
    rc = kat_step(s, what, "encryption with a fresh context",
                  evp_seal(NULL, cipher, k.key, k.nonce, k.aad, k.aad_len, k.pt, len, out,
                           out + len),
                  out, k.ct_len, c->kat->ct);
    if (rc == 0) {
        rc = kat_step(s, what, "encryption with a reused context",
                      evp_seal(enc, NULL, NULL, k.nonce, k.aad, k.aad_len, k.pt, len, out,
                               out + len),
                      out, k.ct_len, c->kat->ct);
    }
    if (rc == 0) {
        rc = kat_step(s, what, "encryption with the key scheduled again in a reused context",
                      evp_seal(enc, NULL, k.key, k.nonce, k.aad, k.aad_len, k.pt, len, out,
                               out + len),
                      out, k.ct_len, c->kat->ct);
    }
    if (rc == 0) {
        rc = kat_step(s, what, "encryption with the implicitly fetched cipher",
                      evp_seal(NULL, c->evp_implicit(), k.key, k.nonce, k.aad, k.aad_len, k.pt, len,
                               out, out + len),
                      out, k.ct_len, c->kat->ct);
    }
    if (rc == 0) {
        rc = kat_step(s, what, "decryption with a reused context",
                      evp_open(dec, NULL, NULL, k.nonce, k.aad, k.aad_len, k.ct, len,
                               k.ct + len, out),
                      out, len, c->kat->pt);
    }
    if (rc == 0) {
        rc = kat_step(s, what, "decryption with a fresh context",
                      evp_open(NULL, cipher, k.key, k.nonce, k.aad, k.aad_len, k.ct, len,
                               k.ct + len, out),
                      out, len, c->kat->pt);
    }
    if (rc == 0) {
        k.ct[0] ^= 1;
        if (evp_open(dec, NULL, NULL, k.nonce, k.aad, k.aad_len, k.ct, len, k.ct + len, out)) {
            rc = cb_state_fail(s, "%s: a tampered ciphertext was accepted", what);
        }
        k.ct[0] ^= 1;
    }
    if (rc == 0) {
        memcpy(tag, k.ct + len, sizeof tag);
        tag[TAG_BYTES - 1] ^= 0x80;
        if (evp_open(dec, NULL, NULL, k.nonce, k.aad, k.aad_len, k.ct, len, tag, out)) {
            rc = cb_state_fail(s, "%s: a tampered tag was accepted", what);
        }
    }
done:
    EVP_CIPHER_CTX_free(enc);
    EVP_CIPHER_CTX_free(dec);
    EVP_CIPHER_free(cipher);
    OPENSSL_cleanse(&k, sizeof k);
    OPENSSL_cleanse(out, sizeof out);
    return rc;
}

/* The cipher fetched once (or, for the fetch-per-call variant, the implicit
 * one); a context the key is scheduled in once (and, for -rekey, again for
 * every message), unless the variant wants a fresh context per message; for
 * decryption, one valid message. */
static int evp_aead_setup(cb_state *s)
{
    const aead_bench *b = cb_state_ctx(s);
    aead_fixture     *f = aead_fixture_new(s);
    int               ok = f != NULL;

    if (ok) {
        f->fetched = EVP_CIPHER_fetch(NULL, b->cipher->evp_name, NULL);
        f->cipher = b->keying == FETCH_PER_MESSAGE ? b->cipher->evp_implicit() : f->fetched;
        f->keying = f->key;
        ok = f->fetched != NULL && f->cipher != NULL;
    }
    if (ok && b->op == AEAD_DECRYPT) {
        ok = evp_seal(NULL, f->fetched, f->key, f->nonce[0], NULL, 0, f->pt, f->len, f->ct,
                      f->ct + f->len);
        aead_sealed(s, f);
    }
    if (ok && (b->keying == KEY_ONCE || b->keying == KEY_AGAIN)) {
        f->ctx = EVP_CIPHER_CTX_new();
        ok = f->ctx != NULL &&
             (b->op == AEAD_ENCRYPT ? EVP_EncryptInit_ex2(f->ctx, f->cipher, f->key, NULL, NULL)
                                    : EVP_DecryptInit_ex2(f->ctx, f->cipher, f->key, NULL, NULL)) ==
                 1;
        /* from now on the context holds the cipher, and the key unless it is
         * to be scheduled again for every message */
        f->cipher = NULL;
        f->keying = b->keying == KEY_AGAIN ? f->key : NULL;
    }
    return ok ? 0 : aead_setup_failed(s, b->cipher->evp_name);
}

static int evp_aead_run(cb_state *s)
{
    const aead_bench    *b = cb_state_ctx(s);
    aead_fixture        *f = cb_state_fixture(s);
    EVP_CIPHER_CTX      *ctx = f->ctx;
    const EVP_CIPHER    *cipher = f->cipher;
    const unsigned char *key = f->keying, *pt = cb_state_input(s); /* encryption's message */
    unsigned char       *tag = f->ct + f->len;
    int                  ok = 1;

    if (b->op == AEAD_DECRYPT) {
        CB_LOOP(s) {
            ok &= evp_open(ctx, cipher, key, f->nonce[0], NULL, 0, f->ct, f->len, tag, f->out);
            cb_black_box(f->out);
        }
        cb_declassify(s, &ok, sizeof ok); /* whether the tag was right is public */
        return ok ? 0 : cb_state_fail(s, "%s decryption failed", b->cipher->evp_name);
    }
    CB_BATCHES(s, n, NONCE_BATCH) {
        randombytes_buf(f->nonce, n * sizeof f->nonce[0]);
        CB_BATCH_LOOP(s, i, n) {
            ok &= evp_seal(ctx, cipher, key, f->nonce[i], NULL, 0, pt, f->len, f->ct, tag);
            cb_black_box(f->ct);
        }
    }
    return ok ? 0 : cb_state_fail(s, "%s encryption failed", b->cipher->evp_name);
}

/* ---- libsodium ------------------------------------------------------------------ */

/* The published vector both ways through calls, with the key or the state
 * expanded from it, and a flipped ciphertext bit and a flipped tag bit both
 * refused (the tag is last, or first for crypto_secretbox: the first and the
 * last byte of the output are flipped in turn). */
static int sodium_calls_check(cb_state *s, const aead_cipher *c, const sodium_calls *calls)
{
    const char                 *what = c->kat->what;
    const char                 *how = calls->beforenm != NULL ? " with a precomputed key" : "";
    char                        step[48];
    crypto_aead_aes256gcm_state state;
    const unsigned char        *keying = (const unsigned char *) &state;
    aead_kat                    k;
    unsigned char               out[KAT_MAX];
    unsigned long long          len = 0;
    int                         rc = 0;

    aead_kat_load(&k, c->kat);
    if (k.nonce_len != c->nonce_bytes) {
        rc = cb_state_fail(s, "%s: the vector's nonce is %zu bytes, the API's %zu", what,
                           k.nonce_len, c->nonce_bytes);
    } else if (calls->beforenm == NULL) {
        keying = k.key;
    } else if (calls->beforenm(&state, k.key) != 0) {
        rc = cb_state_fail(s, "%s: expanding the key failed", what);
    }
    if (rc == 0) {
        snprintf(step, sizeof step, "encryption%s", how);
        rc = kat_step(s, what, step,
                      calls->seal(out, &len, k.pt, k.pt_len, k.aad, k.aad_len, NULL, k.nonce,
                                  keying) == 0 && len == k.ct_len,
                      out, k.ct_len, c->kat->ct);
    }
    if (rc == 0) {
        snprintf(step, sizeof step, "decryption%s", how);
        rc = kat_step(s, what, step,
                      calls->open(out, &len, NULL, k.ct, k.ct_len, k.aad, k.aad_len, k.nonce,
                                  keying) == 0 && len == k.pt_len,
                      out, k.pt_len, c->kat->pt);
    }
    if (rc == 0) {
        k.ct[0] ^= 1;
        if (calls->open(out, &len, NULL, k.ct, k.ct_len, k.aad, k.aad_len, k.nonce, keying) == 0) {
            rc = cb_state_fail(s, "%s: a tampered message was accepted", what);
        }
        k.ct[0] ^= 1;
    }
    if (rc == 0) {
        k.ct[k.ct_len - 1] ^= 0x80;
        if (calls->open(out, &len, NULL, k.ct, k.ct_len, k.aad, k.aad_len, k.nonce, keying) == 0) {
            rc = cb_state_fail(s, "%s: a tampered message was accepted", what);
        }
    }
    sodium_memzero(&state, sizeof state);
    sodium_memzero(&k, sizeof k);
    sodium_memzero(out, sizeof out);
    return rc;
}

static int sodium_aead_check(cb_state *s)
{
    const aead_cipher *c = ((const aead_bench *) cb_state_ctx(s))->cipher;

    if (sodium_calls_check(s, c, &c->sodium) != 0) {
        return -1;
    }
    return c->sodium_once.seal == NULL ? 0 : sodium_calls_check(s, c, &c->sodium_once);
}

/* The calls the row's keying asks for, the key expanded once where they
 * want it, and, for decryption, one valid message. */
static int sodium_aead_setup(cb_state *s)
{
    const aead_bench  *b = cb_state_ctx(s);
    const aead_cipher *c = b->cipher;
    aead_fixture      *f = aead_fixture_new(s);
    int                ok = f != NULL;

    if (ok) {
        f->calls = b->keying == KEY_ONCE && c->sodium_once.seal != NULL ? &c->sodium_once
                                                                         : &c->sodium;
        f->keying = f->key;
    }
    if (ok && f->calls->beforenm != NULL) {
        ok = f->calls->beforenm(&f->state, f->key) == 0;
        f->keying = (const unsigned char *) &f->state;
    }
    if (ok && b->op == AEAD_DECRYPT) {
        ok = f->calls->seal(f->ct, NULL, f->pt, f->len, NULL, 0, NULL, f->nonce[0], f->keying) ==
             0;
        aead_sealed(s, f);
    }
    return ok ? 0 : aead_setup_failed(s, c->kat->what);
}

static int sodium_aead_run(cb_state *s)
{
    const aead_bench    *b = cb_state_ctx(s);
    aead_fixture        *f = cb_state_fixture(s);
    sodium_seal_fn       seal = f->calls->seal;
    sodium_open_fn       open = f->calls->open;
    const unsigned char *k = f->keying, *pt = cb_state_input(s); /* encryption's message */
    int                  rc = 0;

    if (b->op == AEAD_DECRYPT) {
        CB_LOOP(s) {
            rc |= open(f->out, NULL, NULL, f->ct, f->len + TAG_BYTES, NULL, 0, f->nonce[0], k);
            cb_black_box(f->out);
        }
        cb_declassify(s, &rc, sizeof rc); /* whether the tag was right is public */
        return rc == 0 ? 0 : cb_state_fail(s, "libsodium decryption failed");
    }
    CB_BATCHES(s, n, NONCE_BATCH) {
        randombytes_buf(f->nonce, n * sizeof f->nonce[0]);
        CB_BATCH_LOOP(s, i, n) {
            rc |= seal(f->ct, NULL, pt, f->len, NULL, 0, NULL, f->nonce[i], k);
            cb_black_box(f->ct);
        }
    }
    return rc == 0 ? 0 : cb_state_fail(s, "libsodium encryption failed");
}

/* ---- AES key wrap, RFC 3394 (OpenSSL "AES-256-WRAP") ------------------------ */

#define WRAPPED_BYTES (32 + 8)

/* Wraps (or unwraps) with the KEK already scheduled in ctx: a new operation
 * with the default IV, then the whole input at once, as key wrap requires. */
static int evp_wrap(EVP_CIPHER_CTX *ctx, int wrap, const unsigned char *in, size_t len,
                    unsigned char *out, size_t want)
{
    int n = 0, m = 0;

    if (wrap) {
        return EVP_EncryptInit_ex2(ctx, NULL, NULL, NULL, NULL) == 1 &&
               EVP_EncryptUpdate(ctx, out, &n, in, (int) len) == 1 &&
               EVP_EncryptFinal_ex(ctx, out + n, &m) == 1 && (size_t) (n + m) == want;
    }
    return EVP_DecryptInit_ex2(ctx, NULL, NULL, NULL, NULL) == 1 &&
           EVP_DecryptUpdate(ctx, out, &n, in, (int) len) == 1 &&
           EVP_DecryptFinal_ex(ctx, out + n, &m) == 1 && (size_t) (n + m) == want;
}

/* A KEK scheduled for wrapping and for unwrapping, and a key wrapped with it. */
typedef struct wrap_fixture {
    unsigned char   kek[32], master[32], wrapped[WRAPPED_BYTES], out[WRAPPED_BYTES];
    EVP_CIPHER     *cipher;
    EVP_CIPHER_CTX *enc, *dec;
} wrap_fixture;

/* Keys f's contexts with f->kek; 1 on success. */
static int wrap_open(wrap_fixture *f)
{
    f->cipher = EVP_CIPHER_fetch(NULL, "AES-256-WRAP", NULL);
    f->enc = EVP_CIPHER_CTX_new();
    f->dec = EVP_CIPHER_CTX_new();
    return f->cipher != NULL && f->enc != NULL && f->dec != NULL &&
           EVP_EncryptInit_ex2(f->enc, f->cipher, f->kek, NULL, NULL) == 1 &&
           EVP_DecryptInit_ex2(f->dec, f->cipher, f->kek, NULL, NULL) == 1;
}

/* Frees f's contexts and wipes f. */
static void wrap_close(wrap_fixture *f)
{
    EVP_CIPHER_CTX_free(f->enc);
    EVP_CIPHER_CTX_free(f->dec);
    EVP_CIPHER_free(f->cipher);
    OPENSSL_cleanse(f, sizeof *f);
}

/* RFC 3394, section 4.6: a 256-bit key wrapped with a 256-bit KEK; both ways,
 * and a tampered wrapping refused by the integrity check. */
static int aes_wrap_check(cb_state *s)
{
    static const char what[] = "AES-256 key wrap (RFC 3394 section 4.6)";
    static const char data_hex[] =
        "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f";
    static const char wrapped_hex[] =
        "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21";
    wrap_fixture      f = { 0 };
    int               rc;

    suite_unhex(f.kek, sizeof f.kek,
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    suite_unhex(f.master, sizeof f.master, data_hex);
    suite_unhex(f.wrapped, sizeof f.wrapped, wrapped_hex);
    if (!wrap_open(&f)) {
        rc = cb_state_fail(s, "AES-256-WRAP: OpenSSL EVP set-up failed");
    } else {
        rc = kat_step(s, what, "wrapping",
                      evp_wrap(f.enc, 1, f.master, sizeof f.master, f.out, WRAPPED_BYTES), f.out,
                      WRAPPED_BYTES, wrapped_hex);
        if (rc == 0) {
            rc = kat_step(s, what, "unwrapping",
                          evp_wrap(f.dec, 0, f.wrapped, WRAPPED_BYTES, f.out, sizeof f.master),
                          f.out, sizeof f.master, data_hex);
        }
        f.wrapped[3] ^= 1;
        if (rc == 0 && evp_wrap(f.dec, 0, f.wrapped, WRAPPED_BYTES, f.out, sizeof f.master)) {
            rc = cb_state_fail(s, "%s: a tampered wrapping was accepted", what);
        }
    }
    wrap_close(&f);
    return rc;
}

static int aes_wrap_setup(cb_state *s)
{
    wrap_fixture *f = suite_alloc(sizeof *f);

    if (f == NULL) {
        return cb_state_fail(s, "out of memory");
    }
    randombytes_buf(f->kek, sizeof f->kek);
    randombytes_buf(f->master, sizeof f->master);
    cb_secret(s, f->kek, sizeof f->kek);
    cb_secret(s, f->master, sizeof f->master);
    if (!wrap_open(f) ||
        !evp_wrap(f->enc, 1, f->master, sizeof f->master, f->wrapped, WRAPPED_BYTES)) {
        wrap_close(f);
        free(f);
        return cb_state_fail(s, "AES-256-WRAP: OpenSSL EVP set-up failed");
    }
    cb_declassify(s, f->wrapped, sizeof f->wrapped); /* a wrapped key is stored in the open */
    cb_state_set_fixture(s, f);
    return 0;
}

/* The master key to wrap, for the timing-leak check: class 0 the fixture's,
 * class 1 a random one. */
static int wrap_master(cb_state *s, int input_class, void *input)
{
    const wrap_fixture *f = cb_state_fixture(s);

    if (input_class == 0) {
        memcpy(input, f->master, sizeof f->master);
    } else {
        randombytes_buf(input, sizeof f->master);
    }
    cb_secret(s, input, sizeof f->master);
    return 0;
}

static void aes_wrap_teardown(cb_state *s)
{
    wrap_close(cb_state_fixture(s));
    free(cb_state_fixture(s));
}

/* A row of the key-wrap benchmarks: which way. */
typedef struct wrap_bench {
    const char *name;
    int         wrap;
} wrap_bench;

static const wrap_bench wraps[] = {
    { "master_key/aes-256-wrap", 1 },
    { "master_key/aes-256-unwrap", 0 },
};

static int aes_wrap_run(cb_state *s)
{
    const wrap_bench *b = cb_state_ctx(s);
    wrap_fixture     *f = cb_state_fixture(s);
    int               ok = 1;

    if (b->wrap) {
        const unsigned char *master = cb_state_input(s);

        CB_LOOP(s) {
            ok &= evp_wrap(f->enc, 1, master, sizeof f->master, f->out, WRAPPED_BYTES);
            cb_black_box(f->out);
        }
    } else {
        CB_LOOP(s) {
            ok &= evp_wrap(f->dec, 0, f->wrapped, WRAPPED_BYTES, f->out, sizeof f->master);
            cb_black_box(f->out);
        }
        cb_declassify(s, &ok, sizeof ok); /* whether the wrapping was intact is public */
    }
    return ok ? 0 : cb_state_fail(s, "AES-256-WRAP %s failed", b->wrap ? "wrapping" : "unwrapping");
}

/* ---- registration ------------------------------------------------------------ */

/* Each library's functions for the rows of aeads[]. */
static const struct {
    const char *impl;
    int (*setup)(cb_state *s);
    int (*check)(cb_state *s);
    int (*run)(cb_state *s);
} libraries[] = {
    [AEAD_OPENSSL] = { "openssl", evp_aead_setup, evp_aead_check, evp_aead_run },
    [AEAD_LIBSODIUM] = { "libsodium", sodium_aead_setup, sodium_aead_check, sodium_aead_run },
};

/* "master_key/aes-256-gcm-encrypt-fresh-ctx": the cipher, the operation, the keying. */
static void aead_name(char *buf, size_t size, const aead_bench *b, aead_keying keying)
{
    snprintf(buf, size, "master_key/%s-%s%s", b->cipher->stem,
             b->op == AEAD_ENCRYPT ? "encrypt" : "decrypt", keyings[keying].suffix);
}

void suite_master_key_register(void)
{
    char   name[96], base[96];
    size_t i;

    for (i = 0; i < sizeof aeads / sizeof aeads[0]; i++) {
        const aead_bench *b = &aeads[i];

        if (b->library == AEAD_LIBSODIUM && b->cipher->sodium_available != NULL &&
            !b->cipher->sodium_available()) {
            continue;
        }
        aead_name(name, sizeof name, b, b->keying);
        if (b->keying != KEY_ONCE) {
            aead_name(base, sizeof base, b, keyings[b->keying].base);
        }
        cb_register(&(cb_bench){ .name = name, .impl = libraries[b->library].impl,
                                 .setup = libraries[b->library].setup,
                                 .check = libraries[b->library].check,
                                 .run = libraries[b->library].run, .teardown = aead_teardown,
                                 .ctx = (void *) b, .params = b->sizes, .nparams = b->nsizes,
                                 .param_name = "bytes", .throughput = CB_THROUGHPUT_BYTES,
                                 .variant_of = b->keying != KEY_ONCE ? base : NULL,
                                 .variant = keyings[b->keying].adds,
                                 .prepare_input = b->op == AEAD_ENCRYPT ? aead_message : NULL,
                                 .input_size = b->op == AEAD_ENCRYPT ? MAX_MESSAGE : 0 });
    }
    /* RFC 3394 wraps a key, not a message: 32 bytes only */
    for (i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
        cb_register(&(cb_bench){ .name = wraps[i].name, .impl = "openssl", .setup = aes_wrap_setup,
                                 .check = aes_wrap_check, .run = aes_wrap_run,
                                 .teardown = aes_wrap_teardown, .ctx = (void *) &wraps[i],
                                 .params = key_size, .nparams = 1, .param_name = "bytes",
                                 .throughput = CB_THROUGHPUT_BYTES,
                                 .prepare_input = wraps[i].wrap ? wrap_master : NULL,
                                 .input_size = wraps[i].wrap ? 32 : 0 });
    }
}
