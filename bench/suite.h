/*
 * The crypto suite's shared pieces: registration of each family, the helpers
 * every family uses for its known-answer checks, and the encodings (base58btc,
 * did:key) that no dependency provides.
 */
#ifndef SUITE_H
#define SUITE_H

#include <stddef.h>
#include <cryptbench.h>

void suite_kdf_register(void);
void suite_master_key_register(void);
void suite_did_register(void);
void suite_sign_register(void);

/*
 * A fixture's memory: size bytes, zeroed, on a cache-line boundary, so that
 * where malloc happens to place the buffers a benchmark times does not move
 * its numbers from one build to the next. NULL when out of memory.
 */
void *suite_alloc(size_t size);

/* Wipes the size bytes at p (keys, plaintexts) and frees them; p may be NULL. */
void suite_free(void *p, size_t size);

/* Decodes hex into out, which must be exactly its size; aborts the process on
 * a malformed vector, which is a bug in the suite, not a benchmark failure. */
void suite_unhex(unsigned char *out, size_t len, const char *hex);

/* Decodes hex of any length up to max bytes into out and returns its length;
 * aborts on a malformed or oversized vector, as suite_unhex does. */
size_t suite_unhex_upto(unsigned char *out, size_t max, const char *hex);

/* Compares got with the expected hex; on a mismatch fails the benchmark with
 * both values, e.g. "SHA-256 (FIPS 180-2 'abc'): got 12.., want ba78..". */
int suite_expect(cb_state *s, const char *what, const unsigned char *got, size_t len,
                 const char *want_hex);

/* The same for a string: fails the benchmark with both strings on a mismatch. */
int suite_expect_str(cb_state *s, const char *what, const char *got, const char *want);

/*
 * Encodes in_len bytes as base58btc (the Bitcoin alphabet, draft-msporny-base58)
 * into out, NUL-terminated. Each leading zero byte becomes a leading '1'; an
 * empty input gives "". Returns 0, or -1 when out_size bytes (NUL included) are
 * too few, in which case out holds no meaningful string.
 *
 *     suite_base58btc(buf, sizeof buf, (const unsigned char *) "Hello World!", 12);
 *     => "2NEpo7TZRRrLZSi2U"
 */
int suite_base58btc(char *out, size_t out_size, const unsigned char *in, size_t in_len);

/* did:key of an Ed25519 key: "did:key:z" and at most 47 base58 digits, and the NUL. */
#define SUITE_DID_KEY_ED25519_SIZE 64

/*
 * Writes the did:key identifier of a 32-byte Ed25519 public key into out:
 * "did:key:" + multibase 'z' (base58btc) of the multicodec ed25519-pub prefix
 * (0xed 0x01) followed by the key, i.e. "did:key:z6Mk...". Returns 0, or -1 if
 * out_size is too small (SUITE_DID_KEY_ED25519_SIZE always suffices).
 */
int suite_did_key_ed25519(char *out, size_t out_size, const unsigned char pk[32]);

#endif
