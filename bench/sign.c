/*
 * Signatures: Ed25519 over a 64-byte DID commitment.
 */
#include <sodium.h>

#include "suite.h"

/* RFC 8032, section 7.1, TEST 1: empty message. */
static int ed25519_sign_check(cb_state *s)
{
    unsigned char seed[32], pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    unsigned char sig[crypto_sign_BYTES];
    int           rc;

    suite_unhex(seed, sizeof seed,
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    if (crypto_sign_seed_keypair(pk, sk, seed) != 0 ||
        crypto_sign_detached(sig, NULL, (const unsigned char *) "", 0, sk) != 0) {
        rc = cb_state_fail(s, "crypto_sign failed");
    } else if (suite_expect(s, "Ed25519 public key (RFC 8032 test 1)", pk, sizeof pk,
                            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") !=
               0) {
        rc = -1;
    } else {
        rc = suite_expect(s, "Ed25519 signature (RFC 8032 test 1)", sig, sizeof sig,
                          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                          "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(sk, sizeof sk);
    return rc;
}

static int ed25519_sign_run(cb_state *s)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    unsigned char msg[64], sig[crypto_sign_BYTES];
    int           rc = 0;

    crypto_sign_keypair(pk, sk);
    randombytes_buf(msg, sizeof msg);
    CB_LOOP(s) {
        rc |= crypto_sign_detached(sig, NULL, msg, sizeof msg, sk);
        cb_black_box(sig);
    }
    sodium_memzero(sk, sizeof sk);
    return rc == 0 ? 0 : cb_state_fail(s, "crypto_sign_detached failed");
}

void suite_sign_register(void)
{
    static const uint64_t message[] = { 64 };

    cb_register(&(cb_bench){ .name = "sign/ed25519-sign", .impl = "libsodium",
                             .run = ed25519_sign_run, .check = ed25519_sign_check,
                             .params = message, .nparams = 1, .param_name = "bytes" });
}
