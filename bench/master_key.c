/*
 * Master-key encryption: wrapping a user's 32-byte master key, and bulk
 * messages of 1 KiB and 16 KiB, with the AEADs of both libraries and AES key
 * wrap. Keys, contexts and plaintexts are set up before the timed loop; every
 * encrypted message gets a fresh nonce, drawn in batches outside the timing.
 *
 * Key set-up is measured apart from the per-message cost: an AEAD with a
 * reusable context (OpenSSL's EVP_CIPHER_CTX with the key scheduled once,
 * libsodium's crypto_aead_aes256gcm_beforenm state) runs twice, reusing the
 * context (the plain name) and with a fresh context per message, key schedule
 * included ("-fresh-ctx"), at 32 bytes and 1 KiB. The set-up does not depend
 * on the message's length, and at 16 KiB it is a few percent of the message:
 * a third pair would measure the same cost again, less precisely, for another
 * fifteen seconds of `make bench`.
 * OpenSSL's implicit fetch (passing EVP_aes_256_gcm() instead of a cipher
 * fetched once) is a variant of the fresh context, because passing a cipher to
 * EVP_EncryptInit_ex2 resets the context and schedules the key again anyway:
 * "-fresh-ctx-fetch-per-call" minus "-fresh-ctx" is the fetch alone.
 */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <string.h>

#include "suite.h"

/* Nonces are drawn a batch at a time with the timer stopped: randombytes_buf
 * costs more than wrapping 32 bytes. */
#define NONCE_BATCH 256
#define MAX_MESSAGE 16384
#define TAG_BYTES 16
#define KAT_MAX 160 /* the longest vector's ciphertext and tag */

/* Draws the next batch of nonces (the timer is stopped); returns its length. */
static uint64_t next_batch(void *nonces, size_t size, uint64_t left)
{
    randombytes_buf(nonces, size);
    return left < NONCE_BATCH ? left : NONCE_BATCH;
}

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

/* ---- OpenSSL AEADs through EVP: AES-256-GCM, ChaCha20-Poly1305 ------------- */

typedef struct evp_aead {
    const char *name;                    /* fetched once per benchmark */
    const EVP_CIPHER *(*implicit)(void); /* the same cipher fetched on every call, or NULL */
    const aead_vector *kat;
} evp_aead;

static const evp_aead evp_aes_gcm = { "AES-256-GCM", EVP_aes_256_gcm, &gcm_tc16 };
static const evp_aead evp_chacha = { "ChaCha20-Poly1305", EVP_chacha20_poly1305,
                                     &chacha_rfc8439 };

/*
 * Encrypts len bytes of in into out and tag with a 12-byte IV. With cipher and
 * key NULL, ctx must hold a scheduled key, which is reused: only the IV is set.
 * Otherwise ctx is initialised from scratch, key schedule included (and, for a
 * cipher that is not fetched, the fetch). 1 on success.
 */
static int evp_seal(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, const unsigned char *key,
                    const unsigned char *iv, const unsigned char *aad, size_t aad_len,
                    const unsigned char *in, size_t len, unsigned char *out,
                    unsigned char tag[TAG_BYTES])
{
    int        n = 0, m = 0;
    OSSL_PARAM get[] = { OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag,
                                                           TAG_BYTES),
                         OSSL_PARAM_construct_end() };

    return EVP_EncryptInit_ex2(ctx, cipher, key, iv, NULL) == 1 &&
           (aad_len == 0 || EVP_EncryptUpdate(ctx, NULL, &m, aad, (int) aad_len) == 1) &&
           EVP_EncryptUpdate(ctx, out, &n, in, (int) len) == 1 &&
           EVP_EncryptFinal_ex(ctx, out + n, &m) == 1 && EVP_CIPHER_CTX_get_params(ctx, get) == 1;
}

/* Decrypts and authenticates, with the same conventions as evp_seal; 1 only if
 * the tag is valid (out then holds the plaintext). */
static int evp_open(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, const unsigned char *key,
                    const unsigned char *iv, const unsigned char *aad, size_t aad_len,
                    const unsigned char *in, size_t len, const unsigned char tag[TAG_BYTES],
                    unsigned char *out)
{
    int        n = 0, m = 0;
    OSSL_PARAM set[] = { OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG,
                                                           (void *) tag, TAG_BYTES),
                         OSSL_PARAM_construct_end() };

    return EVP_DecryptInit_ex2(ctx, cipher, key, iv, NULL) == 1 &&
           EVP_CIPHER_CTX_set_params(ctx, set) == 1 &&
           (aad_len == 0 || EVP_DecryptUpdate(ctx, NULL, &m, aad, (int) aad_len) == 1) &&
           EVP_DecryptUpdate(ctx, out, &n, in, (int) len) == 1 &&
           EVP_DecryptFinal_ex(ctx, out + n, &m) == 1;
}

/* evp_seal with a context of its own, created and freed around the call. */
static int evp_seal_fresh(const EVP_CIPHER *cipher, const unsigned char *key,
                          const unsigned char *iv, const unsigned char *aad, size_t aad_len,
                          const unsigned char *in, size_t len, unsigned char *out,
                          unsigned char tag[TAG_BYTES])
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int             ok = ctx != NULL && evp_seal(ctx, cipher, key, iv, aad, aad_len, in, len,
                                                 out, tag);

    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

static int evp_open_fresh(const EVP_CIPHER *cipher, const unsigned char *key,
                          const unsigned char *iv, const unsigned char *aad, size_t aad_len,
                          const unsigned char *in, size_t len, const unsigned char tag[TAG_BYTES],
                          unsigned char *out)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int             ok = ctx != NULL && evp_open(ctx, cipher, key, iv, aad, aad_len, in, len,
                                                 tag, out);

    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

/*
 * The published vector through every path the benchmarks time: a fresh context,
 * a reused one, the implicit fetch; decryption with a reused and a fresh
 * context; and a flipped ciphertext bit and a flipped tag bit both refused.
 */
static int evp_aead_check(cb_state *s)
{
    const evp_aead *a = cb_state_ctx(s);
    const char     *what = a->kat->what;
    aead_kat        k;
    unsigned char   out[KAT_MAX], tag[TAG_BYTES];
    EVP_CIPHER     *cipher = EVP_CIPHER_fetch(NULL, a->name, NULL);
    EVP_CIPHER_CTX *enc = EVP_CIPHER_CTX_new(), *dec = EVP_CIPHER_CTX_new();
    size_t          len;
    int             rc;

    aead_kat_load(&k, a->kat);
    len = k.pt_len;
    if (cipher == NULL || enc == NULL || dec == NULL ||
        EVP_EncryptInit_ex2(enc, cipher, k.key, NULL, NULL) != 1 ||
        EVP_DecryptInit_ex2(dec, cipher, k.key, NULL, NULL) != 1) {
        rc = cb_state_fail(s, "%s: OpenSSL EVP set-up failed", what);
        goto done;
    }
    rc = kat_step(s, what, "encryption with a fresh context",
                  evp_seal_fresh(cipher, k.key, k.nonce, k.aad, k.aad_len, k.pt, len, out,
                                 out + len),
                  out, k.ct_len, a->kat->ct);
    if (rc == 0) {
        rc = kat_step(s, what, "encryption with a reused context",
                      evp_seal(enc, NULL, NULL, k.nonce, k.aad, k.aad_len, k.pt, len, out,
                               out + len),
                      out, k.ct_len, a->kat->ct);
    }
    if (rc == 0 && a->implicit != NULL) {
        rc = kat_step(s, what, "encryption with the implicitly fetched cipher",
                      evp_seal_fresh(a->implicit(), k.key, k.nonce, k.aad, k.aad_len, k.pt, len,
                                     out, out + len),
                      out, k.ct_len, a->kat->ct);
    }
    if (rc == 0) {
        rc = kat_step(s, what, "decryption with a reused context",
                      evp_open(dec, NULL, NULL, k.nonce, k.aad, k.aad_len, k.ct, len,
                               k.ct + len, out),
                      out, len, a->kat->pt);
    }
    if (rc == 0) {
        rc = kat_step(s, what, "decryption with a fresh context",
                      evp_open_fresh(cipher, k.key, k.nonce, k.aad, k.aad_len, k.ct, len,
                                     k.ct + len, out),
                      out, len, a->kat->pt);
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

/* The benchmark's message: a random key and plaintext of the parameter's size. */
typedef struct message {
    unsigned char key[32];
    unsigned char pt[MAX_MESSAGE];
    unsigned char ct[MAX_MESSAGE + TAG_BYTES];
    unsigned char out[MAX_MESSAGE + TAG_BYTES];
    size_t        len;
} message;

static void message_new(message *m, cb_state *s)
{
    m->len = (size_t) cb_state_param(s);
    randombytes_buf(m->key, sizeof m->key);
    randombytes_buf(m->pt, m->len);
}

/* The key and the plaintext are the secrets (a master key, at 32 bytes). */
static void message_wipe(message *m)
{
    sodium_memzero(m, sizeof *m);
}

/* Encryption with the key scheduled once and the context reused. */
static int evp_encrypt_run(cb_state *s)
{
    const evp_aead *a = cb_state_ctx(s);
    message         m;
    unsigned char   iv[NONCE_BATCH][12], tag[TAG_BYTES];
    EVP_CIPHER     *cipher = EVP_CIPHER_fetch(NULL, a->name, NULL);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    uint64_t        n = cb_state_iterations(s), done = 0;
    int             ok;

    message_new(&m, s);
    ok = cipher != NULL && ctx != NULL && EVP_EncryptInit_ex2(ctx, cipher, m.key, NULL, NULL) == 1;
    while (ok && done < n) {
        uint64_t batch = next_batch(iv, sizeof iv, n - done), i;

        cb_state_start(s);
        for (i = 0; i < batch; i++) {
            ok &= evp_seal(ctx, NULL, NULL, iv[i], NULL, 0, m.pt, m.len, m.ct, tag);
            cb_black_box(m.ct);
        }
        cb_state_stop(s);
        done += batch;
    }
    EVP_CIPHER_CTX_free(ctx);
    EVP_CIPHER_free(cipher);
    message_wipe(&m);
    return ok ? 0 : cb_state_fail(s, "%s encryption failed", a->name);
}

/* Encryption with a new context per message (key schedule included); with
 * implicit, the cipher is also fetched on every call, as EVP_aes_256_gcm() does. */
static int evp_encrypt_fresh(cb_state *s, int implicit)
{
    const evp_aead   *a = cb_state_ctx(s);
    message           m;
    unsigned char     iv[NONCE_BATCH][12], tag[TAG_BYTES];
    EVP_CIPHER       *fetched = EVP_CIPHER_fetch(NULL, a->name, NULL);
    const EVP_CIPHER *cipher = implicit ? a->implicit() : fetched;
    uint64_t          n = cb_state_iterations(s), done = 0;
    int               ok = cipher != NULL;

    message_new(&m, s);
    while (ok && done < n) {
        uint64_t batch = next_batch(iv, sizeof iv, n - done), i;

        cb_state_start(s);
        for (i = 0; i < batch; i++) {
            ok &= evp_seal_fresh(cipher, m.key, iv[i], NULL, 0, m.pt, m.len, m.ct, tag);
            cb_black_box(m.ct);
        }
        cb_state_stop(s);
        done += batch;
    }
    EVP_CIPHER_free(fetched);
    message_wipe(&m);
    return ok ? 0 : cb_state_fail(s, "%s encryption failed", a->name);
}

static int evp_encrypt_fresh_run(cb_state *s)
{
    return evp_encrypt_fresh(s, 0);
}

static int evp_encrypt_fetch_run(cb_state *s)
{
    return evp_encrypt_fresh(s, 1);
}

/* Decryption of one valid message, again and again: a decryption needs no fresh
 * nonce, so there is no batching. reuse: the key is scheduled once. */
static int evp_decrypt(cb_state *s, int reuse)
{
    const evp_aead *a = cb_state_ctx(s);
    message         m;
    unsigned char   iv[12], tag[TAG_BYTES];
    EVP_CIPHER     *cipher = EVP_CIPHER_fetch(NULL, a->name, NULL);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int             ok;

    message_new(&m, s);
    randombytes_buf(iv, sizeof iv);
    ok = cipher != NULL && ctx != NULL &&
         evp_seal_fresh(cipher, m.key, iv, NULL, 0, m.pt, m.len, m.ct, tag) &&
         EVP_DecryptInit_ex2(ctx, cipher, m.key, NULL, NULL) == 1;
    /* never time, or call, anything on a context that failed to set up */
    if (ok && reuse) {
        CB_LOOP(s) {
            ok &= evp_open(ctx, NULL, NULL, iv, NULL, 0, m.ct, m.len, tag, m.out);
            cb_black_box(m.out);
        }
    } else if (ok) {
        CB_LOOP(s) {
            ok &= evp_open_fresh(cipher, m.key, iv, NULL, 0, m.ct, m.len, tag, m.out);
            cb_black_box(m.out);
        }
    }
    EVP_CIPHER_CTX_free(ctx);
    EVP_CIPHER_free(cipher);
    message_wipe(&m);
    return ok ? 0 : cb_state_fail(s, "%s decryption failed", a->name);
}

static int evp_decrypt_run(cb_state *s)
{
    return evp_decrypt(s, 1);
}

static int evp_decrypt_fresh_run(cb_state *s)
{
    return evp_decrypt(s, 0);
}

/* ---- libsodium AEADs: XChaCha20-Poly1305, ChaCha20-Poly1305, AES-256-GCM,
 *      crypto_secretbox --------------------------------------------------------- */

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

typedef struct sodium_aead {
    size_t             npubbytes;
    sodium_seal_fn     seal;
    sodium_open_fn     open;
    const aead_vector *kat;
} sodium_aead;

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

static const sodium_aead sodium_xchacha = {
    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, crypto_aead_xchacha20poly1305_ietf_encrypt,
    crypto_aead_xchacha20poly1305_ietf_decrypt, &xchacha_a31
};
static const sodium_aead sodium_chacha = {
    crypto_aead_chacha20poly1305_ietf_NPUBBYTES, crypto_aead_chacha20poly1305_ietf_encrypt,
    crypto_aead_chacha20poly1305_ietf_decrypt, &chacha_rfc8439
};
/* crypto_aead_aes256gcm_encrypt expands the key on every call: the fresh context */
static const sodium_aead sodium_aes_gcm = {
    crypto_aead_aes256gcm_NPUBBYTES, crypto_aead_aes256gcm_encrypt,
    crypto_aead_aes256gcm_decrypt, &gcm_tc16
};
static const sodium_aead sodium_secretbox = {
    crypto_secretbox_NONCEBYTES, secretbox_seal, secretbox_open, &secretbox_nacl
};

/* The published vector both ways, and a flipped ciphertext bit and a flipped
 * tag bit both refused (the tag is last, or first for crypto_secretbox: the
 * first and the last byte of the output are flipped in turn). */
static int sodium_aead_check(cb_state *s)
{
    const sodium_aead *a = cb_state_ctx(s);
    const char        *what = a->kat->what;
    aead_kat           k;
    unsigned char      out[KAT_MAX];
    unsigned long long len = 0;
    int                rc;

    aead_kat_load(&k, a->kat);
    if (k.nonce_len != a->npubbytes) {
        return cb_state_fail(s, "%s: the vector's nonce is %zu bytes, the API's %zu", what,
                             k.nonce_len, a->npubbytes);
    }
    rc = kat_step(s, what, "encryption",
                  a->seal(out, &len, k.pt, k.pt_len, k.aad, k.aad_len, NULL, k.nonce, k.key) == 0 &&
                      len == k.ct_len,
                  out, k.ct_len, a->kat->ct);
    if (rc == 0) {
        rc = kat_step(s, what, "decryption",
                      a->open(out, &len, NULL, k.ct, k.ct_len, k.aad, k.aad_len, k.nonce,
                              k.key) == 0 && len == k.pt_len,
                      out, k.pt_len, a->kat->pt);
    }
    if (rc == 0) {
        k.ct[0] ^= 1;
        if (a->open(out, &len, NULL, k.ct, k.ct_len, k.aad, k.aad_len, k.nonce, k.key) == 0) {
            rc = cb_state_fail(s, "%s: a tampered message was accepted", what);
        }
        k.ct[0] ^= 1;
    }
    if (rc == 0) {
        k.ct[k.ct_len - 1] ^= 0x80;
        if (a->open(out, &len, NULL, k.ct, k.ct_len, k.aad, k.aad_len, k.nonce, k.key) == 0) {
            rc = cb_state_fail(s, "%s: a tampered message was accepted", what);
        }
    }
    sodium_memzero(&k, sizeof k);
    sodium_memzero(out, sizeof out);
    return rc;
}

static int sodium_encrypt_run(cb_state *s)
{
    const sodium_aead *a = cb_state_ctx(s);
    message            m;
    unsigned char      nonce[NONCE_BATCH][24];
    uint64_t           n = cb_state_iterations(s), done = 0;
    int                rc = 0;

    message_new(&m, s);
    while (rc == 0 && done < n) {
        uint64_t batch = next_batch(nonce, sizeof nonce, n - done), i;

        cb_state_start(s);
        for (i = 0; i < batch; i++) {
            rc |= a->seal(m.ct, NULL, m.pt, m.len, NULL, 0, NULL, nonce[i], m.key);
            cb_black_box(m.ct);
        }
        cb_state_stop(s);
        done += batch;
    }
    message_wipe(&m);
    return rc == 0 ? 0 : cb_state_fail(s, "libsodium encryption failed");
}

static int sodium_decrypt_run(cb_state *s)
{
    const sodium_aead *a = cb_state_ctx(s);
    message            m;
    unsigned char      nonce[24];
    int                rc;

    message_new(&m, s);
    randombytes_buf(nonce, sizeof nonce);
    rc = a->seal(m.ct, NULL, m.pt, m.len, NULL, 0, NULL, nonce, m.key);
    CB_LOOP(s) {
        rc |= a->open(m.out, NULL, NULL, m.ct, m.len + TAG_BYTES, NULL, 0, nonce, m.key);
        cb_black_box(m.out);
    }
    message_wipe(&m);
    return rc == 0 ? 0 : cb_state_fail(s, "libsodium decryption failed");
}

/* ---- libsodium AES-256-GCM with the expanded key reused (beforenm) ---------- */

static int sodium_aes_gcm_check(cb_state *s)
{
    crypto_aead_aes256gcm_state st;
    aead_kat                    k;
    unsigned char               out[KAT_MAX];
    unsigned long long          len = 0;
    const char                 *what = gcm_tc16.what;
    int                         rc = sodium_aead_check(s);

    aead_kat_load(&k, &gcm_tc16);
    if (rc == 0 && crypto_aead_aes256gcm_beforenm(&st, k.key) != 0) {
        rc = cb_state_fail(s, "crypto_aead_aes256gcm_beforenm failed");
    }
    if (rc == 0) {
        rc = kat_step(s, what, "encryption with a precomputed key",
                      crypto_aead_aes256gcm_encrypt_afternm(out, &len, k.pt, k.pt_len, k.aad,
                                                            k.aad_len, NULL, k.nonce, &st) == 0,
                      out, k.ct_len, gcm_tc16.ct);
    }
    if (rc == 0) {
        rc = kat_step(s, what, "decryption with a precomputed key",
                      crypto_aead_aes256gcm_decrypt_afternm(out, &len, NULL, k.ct, k.ct_len,
                                                            k.aad, k.aad_len, k.nonce,
                                                            &st) == 0,
                      out, k.pt_len, gcm_tc16.pt);
    }
    if (rc == 0) {
        k.ct[0] ^= 1;
        if (crypto_aead_aes256gcm_decrypt_afternm(out, &len, NULL, k.ct, k.ct_len, k.aad,
                                                  k.aad_len, k.nonce, &st) == 0) {
            rc = cb_state_fail(s, "%s: a tampered ciphertext was accepted", what);
        }
    }
    sodium_memzero(&st, sizeof st);
    sodium_memzero(&k, sizeof k);
    sodium_memzero(out, sizeof out);
    return rc;
}

static int sodium_aes_gcm_encrypt_run(cb_state *s)
{
    crypto_aead_aes256gcm_state st;
    message                     m;
    unsigned char               nonce[NONCE_BATCH][crypto_aead_aes256gcm_NPUBBYTES];
    uint64_t                    n = cb_state_iterations(s), done = 0;
    int                         rc;

    message_new(&m, s);
    rc = crypto_aead_aes256gcm_beforenm(&st, m.key);
    while (rc == 0 && done < n) {
        uint64_t batch = next_batch(nonce, sizeof nonce, n - done), i;

        cb_state_start(s);
        for (i = 0; i < batch; i++) {
            rc |= crypto_aead_aes256gcm_encrypt_afternm(m.ct, NULL, m.pt, m.len, NULL, 0, NULL,
                                                        nonce[i], &st);
            cb_black_box(m.ct);
        }
        cb_state_stop(s);
        done += batch;
    }
    sodium_memzero(&st, sizeof st);
    message_wipe(&m);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_aead_aes256gcm_encrypt_afternm failed");
}

static int sodium_aes_gcm_decrypt_run(cb_state *s)
{
    crypto_aead_aes256gcm_state st;
    message                     m;
    unsigned char               nonce[crypto_aead_aes256gcm_NPUBBYTES];
    int                         rc;

    message_new(&m, s);
    randombytes_buf(nonce, sizeof nonce);
    rc = crypto_aead_aes256gcm_beforenm(&st, m.key) |
         crypto_aead_aes256gcm_encrypt_afternm(m.ct, NULL, m.pt, m.len, NULL, 0, NULL, nonce,
                                               &st);
    CB_LOOP(s) {
        rc |= crypto_aead_aes256gcm_decrypt_afternm(m.out, NULL, NULL, m.ct, m.len + TAG_BYTES,
                                                    NULL, 0, nonce, &st);
        cb_black_box(m.out);
    }
    sodium_memzero(&st, sizeof st);
    message_wipe(&m);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_aead_aes256gcm_decrypt_afternm failed");
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

/* A wrapping and an unwrapping context with kek scheduled; 1 on success. */
static int wrap_open(EVP_CIPHER **cipher, EVP_CIPHER_CTX **enc, EVP_CIPHER_CTX **dec,
                     const unsigned char kek[32])
{
    *cipher = EVP_CIPHER_fetch(NULL, "AES-256-WRAP", NULL);
    *enc = EVP_CIPHER_CTX_new();
    *dec = EVP_CIPHER_CTX_new();
    return *cipher != NULL && *enc != NULL && *dec != NULL &&
           EVP_EncryptInit_ex2(*enc, *cipher, kek, NULL, NULL) == 1 &&
           EVP_DecryptInit_ex2(*dec, *cipher, kek, NULL, NULL) == 1;
}

static void wrap_close(EVP_CIPHER *cipher, EVP_CIPHER_CTX *enc, EVP_CIPHER_CTX *dec)
{
    EVP_CIPHER_CTX_free(enc);
    EVP_CIPHER_CTX_free(dec);
    EVP_CIPHER_free(cipher);
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
    unsigned char   kek[32], data[32], wrapped[WRAPPED_BYTES], out[WRAPPED_BYTES];
    EVP_CIPHER     *cipher;
    EVP_CIPHER_CTX *enc, *dec;
    int             rc;

    suite_unhex(kek, sizeof kek,
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    suite_unhex(data, sizeof data, data_hex);
    suite_unhex(wrapped, sizeof wrapped, wrapped_hex);
    if (!wrap_open(&cipher, &enc, &dec, kek)) {
        rc = cb_state_fail(s, "AES-256-WRAP: OpenSSL EVP set-up failed");
    } else {
        rc = kat_step(s, what, "wrapping", evp_wrap(enc, 1, data, sizeof data, out, sizeof wrapped),
                      out, sizeof wrapped, wrapped_hex);
        if (rc == 0) {
            rc = kat_step(s, what, "unwrapping",
                          evp_wrap(dec, 0, wrapped, sizeof wrapped, out, sizeof data), out,
                          sizeof data, data_hex);
        }
        wrapped[3] ^= 1;
        if (rc == 0 && evp_wrap(dec, 0, wrapped, sizeof wrapped, out, sizeof data)) {
            rc = cb_state_fail(s, "%s: a tampered wrapping was accepted", what);
        }
    }
    wrap_close(cipher, enc, dec);
    OPENSSL_cleanse(kek, sizeof kek);
    OPENSSL_cleanse(data, sizeof data);
    OPENSSL_cleanse(out, sizeof out);
    return rc;
}

static int aes_wrap(cb_state *s, int wrap)
{
    unsigned char   kek[32], master[32], wrapped[WRAPPED_BYTES], out[WRAPPED_BYTES];
    EVP_CIPHER     *cipher;
    EVP_CIPHER_CTX *enc, *dec;
    int             ok;

    randombytes_buf(kek, sizeof kek);
    randombytes_buf(master, sizeof master);
    ok = wrap_open(&cipher, &enc, &dec, kek) &&
         evp_wrap(enc, 1, master, sizeof master, wrapped, sizeof wrapped);
    if (ok && wrap) {
        CB_LOOP(s) {
            ok &= evp_wrap(enc, 1, master, sizeof master, out, sizeof wrapped);
            cb_black_box(out);
        }
    } else if (ok) {
        CB_LOOP(s) {
            ok &= evp_wrap(dec, 0, wrapped, sizeof wrapped, out, sizeof master);
            cb_black_box(out);
        }
    }
    wrap_close(cipher, enc, dec);
    OPENSSL_cleanse(kek, sizeof kek);
    OPENSSL_cleanse(master, sizeof master);
    OPENSSL_cleanse(out, sizeof out);
    return ok ? 0 : cb_state_fail(s, "AES-256-WRAP %s failed", wrap ? "wrapping" : "unwrapping");
}

static int aes_wrap_run(cb_state *s)
{
    return aes_wrap(s, 1);
}

static int aes_unwrap_run(cb_state *s)
{
    return aes_wrap(s, 0);
}

/* ---- registration ------------------------------------------------------------ */

static const uint64_t sizes[] = { 32, 1024, 16384 }; /* a master key, 1 KiB, 16 KiB */
static const uint64_t fresh_sizes[] = { 32, 1024 };
static const uint64_t key_size[] = { 32 };

#define NSIZES (sizeof sizes / sizeof sizes[0])
#define NFRESH (sizeof fresh_sizes / sizeof fresh_sizes[0])

static void add_variant(const char *name, const char *impl, int (*run)(cb_state *),
                        int (*check)(cb_state *), const void *ctx, const uint64_t *params,
                        size_t nparams, const char *variant_of, const char *variant)
{
    cb_register(&(cb_bench){ .name = name, .impl = impl, .run = run, .check = check,
                             .ctx = (void *) ctx, .params = params, .nparams = nparams,
                             .param_name = "bytes", .throughput = CB_THROUGHPUT_BYTES,
                             .variant_of = variant_of, .variant = variant });
}

static void add(const char *name, const char *impl, int (*run)(cb_state *),
                int (*check)(cb_state *), const void *ctx, const uint64_t *params,
                size_t nparams)
{
    add_variant(name, impl, run, check, ctx, params, nparams, NULL, NULL);
}

void suite_master_key_register(void)
{
    add("master_key/aes-256-gcm-encrypt", "openssl", evp_encrypt_run, evp_aead_check,
        &evp_aes_gcm, sizes, NSIZES);
    add("master_key/aes-256-gcm-decrypt", "openssl", evp_decrypt_run, evp_aead_check,
        &evp_aes_gcm, sizes, NSIZES);
    add_variant("master_key/aes-256-gcm-encrypt-fresh-ctx", "openssl", evp_encrypt_fresh_run,
        evp_aead_check, &evp_aes_gcm, fresh_sizes, NFRESH,
        "master_key/aes-256-gcm-encrypt", "key set-up");
    add_variant("master_key/aes-256-gcm-decrypt-fresh-ctx", "openssl", evp_decrypt_fresh_run,
        evp_aead_check, &evp_aes_gcm, fresh_sizes, NFRESH,
        "master_key/aes-256-gcm-decrypt", "key set-up");
    add_variant("master_key/aes-256-gcm-encrypt-fresh-ctx-fetch-per-call", "openssl",
        evp_encrypt_fetch_run, evp_aead_check, &evp_aes_gcm, key_size, 1,
        "master_key/aes-256-gcm-encrypt-fresh-ctx", "per-call fetch");
    /* libsodium's AES-256-GCM needs AES-NI and CLMUL; without them it is absent */
    if (crypto_aead_aes256gcm_is_available()) {
        add("master_key/aes-256-gcm-encrypt", "libsodium", sodium_aes_gcm_encrypt_run,
            sodium_aes_gcm_check, &sodium_aes_gcm, sizes, NSIZES);
        add("master_key/aes-256-gcm-decrypt", "libsodium", sodium_aes_gcm_decrypt_run,
            sodium_aes_gcm_check, &sodium_aes_gcm, sizes, NSIZES);
        add_variant("master_key/aes-256-gcm-encrypt-fresh-ctx", "libsodium", sodium_encrypt_run,
            sodium_aes_gcm_check, &sodium_aes_gcm, fresh_sizes, NFRESH,
        "master_key/aes-256-gcm-encrypt", "key set-up");
        add_variant("master_key/aes-256-gcm-decrypt-fresh-ctx", "libsodium", sodium_decrypt_run,
            sodium_aes_gcm_check, &sodium_aes_gcm, fresh_sizes, NFRESH,
        "master_key/aes-256-gcm-decrypt", "key set-up");
    }
    add("master_key/chacha20poly1305-encrypt", "openssl", evp_encrypt_run, evp_aead_check,
        &evp_chacha, sizes, NSIZES);
    add("master_key/chacha20poly1305-decrypt", "openssl", evp_decrypt_run, evp_aead_check,
        &evp_chacha, sizes, NSIZES);
    add_variant("master_key/chacha20poly1305-encrypt-fresh-ctx", "openssl", evp_encrypt_fresh_run,
        evp_aead_check, &evp_chacha, fresh_sizes, NFRESH,
        "master_key/chacha20poly1305-encrypt", "key set-up");
    add_variant("master_key/chacha20poly1305-decrypt-fresh-ctx", "openssl", evp_decrypt_fresh_run,
        evp_aead_check, &evp_chacha, fresh_sizes, NFRESH,
        "master_key/chacha20poly1305-decrypt", "key set-up");
    add("master_key/chacha20poly1305-encrypt", "libsodium", sodium_encrypt_run,
        sodium_aead_check, &sodium_chacha, sizes, NSIZES);
    add("master_key/chacha20poly1305-decrypt", "libsodium", sodium_decrypt_run,
        sodium_aead_check, &sodium_chacha, sizes, NSIZES);
    /* XChaCha20-Poly1305 and crypto_secretbox: libsodium only, no reusable state */
    add("master_key/xchacha20poly1305-encrypt", "libsodium", sodium_encrypt_run,
        sodium_aead_check, &sodium_xchacha, sizes, NSIZES);
    add("master_key/xchacha20poly1305-decrypt", "libsodium", sodium_decrypt_run,
        sodium_aead_check, &sodium_xchacha, sizes, NSIZES);
    add("master_key/secretbox-encrypt", "libsodium", sodium_encrypt_run, sodium_aead_check,
        &sodium_secretbox, sizes, NSIZES);
    add("master_key/secretbox-decrypt", "libsodium", sodium_decrypt_run, sodium_aead_check,
        &sodium_secretbox, sizes, NSIZES);
    /* RFC 3394 wraps a key, not a message: 32 bytes only */
    add("master_key/aes-256-wrap", "openssl", aes_wrap_run, aes_wrap_check, NULL, key_size, 1);
    add("master_key/aes-256-unwrap", "openssl", aes_unwrap_run, aes_wrap_check, NULL, key_size,
        1);
}
