/*
 * Master-key encryption: wrapping a user's 32-byte master key with an AEAD.
 * Keys and contexts are set up before the timed loop; every message gets a
 * fresh nonce, drawn in batches outside the timing.
 */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <string.h>

#include "suite.h"

/* Nonces are drawn a batch at a time with the timer stopped: randombytes_buf
 * costs more than wrapping 32 bytes. */
#define NONCE_BATCH 256

/* ---- AES-256-GCM (OpenSSL EVP, cipher fetched once, context reused) -------- */

typedef struct gcm {
    EVP_CIPHER     *cipher;
    EVP_CIPHER_CTX *ctx;
} gcm;

static int gcm_open(gcm *g, const unsigned char key[32])
{
    g->cipher = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
    g->ctx = EVP_CIPHER_CTX_new();
    return g->cipher != NULL && g->ctx != NULL &&
           EVP_EncryptInit_ex2(g->ctx, g->cipher, key, NULL, NULL) == 1;
}

static void gcm_close(gcm *g)
{
    EVP_CIPHER_CTX_free(g->ctx);
    EVP_CIPHER_free(g->cipher);
}

/* Encrypts with the key already scheduled in g->ctx; 1 on success. */
static int gcm_seal(gcm *g, const unsigned char iv[12], const unsigned char *in, size_t len,
                    unsigned char *out, unsigned char tag[16])
{
    int        n = 0, m = 0;
    OSSL_PARAM get[] = { OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag, 16),
                         OSSL_PARAM_construct_end() };

    return EVP_EncryptInit_ex2(g->ctx, NULL, NULL, iv, NULL) == 1 &&
           EVP_EncryptUpdate(g->ctx, out, &n, in, (int) len) == 1 &&
           EVP_EncryptFinal_ex(g->ctx, out + n, &m) == 1 &&
           EVP_CIPHER_CTX_get_params(g->ctx, get) == 1;
}

/* The GCM specification's test case 14: AES-256, zero key, IV and plaintext. */
static int aes_gcm_check(cb_state *s)
{
    unsigned char key[32] = { 0 }, iv[12] = { 0 }, pt[16] = { 0 }, ct[16], tag[16];
    gcm           g;
    int           ok = gcm_open(&g, key) && gcm_seal(&g, iv, pt, sizeof pt, ct, tag);

    gcm_close(&g);
    if (!ok) {
        return cb_state_fail(s, "AES-256-GCM: OpenSSL EVP call failed");
    }
    if (suite_expect(s, "AES-256-GCM ciphertext (GCM spec test case 14)", ct, sizeof ct,
                     "cea7403d4d606b6e074ec5d3baf39d18") != 0) {
        return -1;
    }
    return suite_expect(s, "AES-256-GCM tag (GCM spec test case 14)", tag, sizeof tag,
                        "d0d1c8a799996bf0265b98b5d48ab919");
}

static int aes_gcm_encrypt_run(cb_state *s)
{
    unsigned char key[32], master[32], out[32], tag[16], iv[NONCE_BATCH][12];
    uint64_t      n = cb_state_iterations(s), done = 0;
    gcm           g;
    int           ok;

    randombytes_buf(key, sizeof key);
    randombytes_buf(master, sizeof master);
    ok = gcm_open(&g, key);
    while (ok && done < n) {
        uint64_t batch = n - done < NONCE_BATCH ? n - done : NONCE_BATCH, i;

        randombytes_buf(iv, sizeof iv);
        cb_state_start(s);
        for (i = 0; i < batch; i++) {
            ok &= gcm_seal(&g, iv[i], master, sizeof master, out, tag);
            cb_black_box(out);
        }
        cb_state_stop(s);
        done += batch;
    }
    gcm_close(&g);
    sodium_memzero(key, sizeof key);
    sodium_memzero(master, sizeof master);
    return ok ? 0 : cb_state_fail(s, "AES-256-GCM encryption failed");
}

/* ---- XChaCha20-Poly1305 (libsodium) ---------------------------------------- */

/* draft-irtf-cfrg-xchacha-03, appendix A.3.1 */
static int xchacha_check(cb_state *s)
{
    static const char  pt[] = "Ladies and Gentlemen of the class of '99: If I could offer you "
                              "only one tip for the future, sunscreen would be it.";
    unsigned char      key[32], nonce[24], ad[12];
    unsigned char      ct[sizeof pt - 1 + crypto_aead_xchacha20poly1305_ietf_ABYTES];
    unsigned long long len;

    suite_unhex(key, sizeof key, "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    suite_unhex(nonce, sizeof nonce, "404142434445464748494a4b4c4d4e4f5051525354555657");
    suite_unhex(ad, sizeof ad, "50515253c0c1c2c3c4c5c6c7");
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(ct, &len, (const unsigned char *) pt,
                                                   sizeof pt - 1, ad, sizeof ad, NULL, nonce,
                                                   key) != 0) {
        return cb_state_fail(s, "crypto_aead_xchacha20poly1305_ietf_encrypt failed");
    }
    return suite_expect(s, "XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03 A.3.1)", ct, len,
                        "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                        "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                        "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                        "21f9664c97637da9768812f615c68b13b52e"
                        "c0875924c1c7987947deafd8780acf49");
}

static int xchacha_encrypt_run(cb_state *s)
{
    unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES], master[32];
    unsigned char out[sizeof master + crypto_aead_xchacha20poly1305_ietf_ABYTES];
    unsigned char nonce[NONCE_BATCH][crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
    uint64_t      n = cb_state_iterations(s), done = 0;
    int           rc = 0;

    crypto_aead_xchacha20poly1305_ietf_keygen(key);
    randombytes_buf(master, sizeof master);
    while (done < n) {
        uint64_t batch = n - done < NONCE_BATCH ? n - done : NONCE_BATCH, i;

        randombytes_buf(nonce, sizeof nonce);
        cb_state_start(s);
        for (i = 0; i < batch; i++) {
            rc |= crypto_aead_xchacha20poly1305_ietf_encrypt(out, NULL, master, sizeof master,
                                                             NULL, 0, NULL, nonce[i], key);
            cb_black_box(out);
        }
        cb_state_stop(s);
        done += batch;
    }
    sodium_memzero(key, sizeof key);
    sodium_memzero(master, sizeof master);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_aead_xchacha20poly1305_ietf_encrypt failed");
}

void suite_master_key_register(void)
{
    static const uint64_t key_size[] = { 32 };

    cb_register(&(cb_bench){ .name = "master_key/aes-256-gcm-encrypt", .impl = "openssl",
                             .run = aes_gcm_encrypt_run, .check = aes_gcm_check,
                             .params = key_size, .nparams = 1, .param_name = "bytes",
                             .throughput = CB_THROUGHPUT_BYTES });
    cb_register(&(cb_bench){ .name = "master_key/xchacha20poly1305-encrypt", .impl = "libsodium",
                             .run = xchacha_encrypt_run, .check = xchacha_check,
                             .params = key_size, .nparams = 1, .param_name = "bytes",
                             .throughput = CB_THROUGHPUT_BYTES });
}
