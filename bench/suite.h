/*
 * The crypto suite's shared pieces: registration of each family, and the
 * helpers every family uses for its known-answer checks.
 */
#ifndef SUITE_H
#define SUITE_H

#include <stddef.h>
#include <cryptbench.h>

void suite_kdf_register(void);
void suite_master_key_register(void);
void suite_did_register(void);
void suite_sign_register(void);

/* Decodes hex into out, which must be exactly its size; aborts the process on
 * a malformed vector, which is a bug in the suite, not a benchmark failure. */
void suite_unhex(unsigned char *out, size_t len, const char *hex);

/* Compares got with the expected hex; on a mismatch fails the benchmark with
 * both values, e.g. "SHA-256 (FIPS 180-2 'abc'): got 12.., want ba78..". */
int suite_expect(cb_state *s, const char *what, const unsigned char *got, size_t len,
                 const char *want_hex);

#endif
