#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"

/* aligned_alloc wants a size that is a multiple of the alignment */
#define SUITE_ALIGN 64
#define SUITE_ROUND(n) (((n) + SUITE_ALIGN - 1) / SUITE_ALIGN * SUITE_ALIGN)

void *suite_alloc(size_t size)
{
    void *p = aligned_alloc(SUITE_ALIGN, SUITE_ROUND(size));

    if (p != NULL) {
        memset(p, 0, size);
    }
    return p;
}

void suite_free(void *p, size_t size)
{
    if (p != NULL) {
        sodium_memzero(p, size);
        free(p);
    }
}

void suite_unhex(unsigned char *out, size_t len, const char *hex)
{
    size_t got = 0;

    if (sodium_hex2bin(out, len, hex, strlen(hex), NULL, &got, NULL) != 0 || got != len) {
        fprintf(stderr, "suite: malformed test vector (%zu bytes expected): %s\n", len, hex);
        abort();
    }
}

size_t suite_unhex_upto(unsigned char *out, size_t max, const char *hex)
{
    size_t len = strlen(hex) / 2;

    if (len > max) {
        fprintf(stderr, "suite: test vector longer than %zu bytes: %s\n", max, hex);
        abort();
    }
    suite_unhex(out, len, hex);
    return len;
}

int suite_expect(cb_state *s, const char *what, const unsigned char *got, size_t len,
                 const char *want_hex)
{
    unsigned char want[256];
    char          got_hex[2 * sizeof want + 1];

    if (len > sizeof want) {
        return cb_state_fail(s, "%s: vector longer than %zu bytes", what, sizeof want);
    }
    suite_unhex(want, len, want_hex);
    if (sodium_memcmp(got, want, len) == 0) {
        return 0;
    }
    sodium_bin2hex(got_hex, sizeof got_hex, got, len);
    return cb_state_fail(s, "%s: known-answer mismatch: got %s, want %s", what, got_hex, want_hex);
}

int suite_expect_str(cb_state *s, const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) {
        return 0;
    }
    return cb_state_fail(s, "%s: known-answer mismatch: got %s, want %s", what, got, want);
}

int suite_base58btc(char *out, size_t out_size, const unsigned char *in, size_t in_len)
{
    static const char alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    unsigned char    *digits;
    size_t            zeros = 0, ndigits = 0, room, i, j;

    while (zeros < in_len && in[zeros] == 0) {
        zeros++;
    }
    if (out_size < zeros + 1) {
        return -1;
    }
    /* The base-58 digits are built in place after the leading '1's, least
     * significant first: out is the only memory, so any length works. */
    digits = (unsigned char *) out + zeros;
    room = out_size - zeros - 1;
    for (i = zeros; i < in_len; i++) {
        unsigned int carry = in[i];

        /* digits = digits * 256 + in[i]; carry stays below 58 * 256 */
        for (j = 0; j < ndigits; j++) {
            carry += (unsigned int) digits[j] << 8;
            digits[j] = (unsigned char) (carry % 58);
            carry /= 58;
        }
        while (carry > 0) {
            if (ndigits == room) {
                return -1;
            }
            digits[ndigits++] = (unsigned char) (carry % 58);
            carry /= 58;
        }
    }
    for (i = 0, j = ndigits; i < j; i++) {
        unsigned char d = digits[i];

        digits[i] = digits[--j];
        digits[j] = d;
    }
    for (i = 0; i < ndigits; i++) {
        digits[i] = (unsigned char) alphabet[digits[i]];
    }
    memset(out, '1', zeros);
    out[zeros + ndigits] = '\0';
    return 0;
}

int suite_did_key_ed25519(char *out, size_t out_size, const unsigned char pk[32])
{
    static const char prefix[] = "did:key:z";
    unsigned char     multicodec[2 + 32] = { 0xed, 0x01 }; /* ed25519-pub, as a varint */

    if (out_size < sizeof prefix) {
        return -1;
    }
    memcpy(multicodec + 2, pk, 32);
    memcpy(out, prefix, sizeof prefix - 1);
    return suite_base58btc(out + sizeof prefix - 1, out_size - (sizeof prefix - 1), multicodec,
                           sizeof multicodec);
}
