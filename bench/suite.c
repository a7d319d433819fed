#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"

void suite_unhex(unsigned char *out, size_t len, const char *hex)
{
    size_t got = 0;

    if (sodium_hex2bin(out, len, hex, strlen(hex), NULL, &got, NULL) != 0 || got != len) {
        fprintf(stderr, "suite: malformed test vector (%zu bytes expected): %s\n", len, hex);
        abort();
    }
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
