#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* U+FFFD REPLACEMENT CHARACTER, in UTF-8 */
static const char replacement[] = "\xef\xbf\xbd";

/*
 * The character at p: its length in bytes, and in *cp its code point, or -1
 * for an ill-formed subsequence of that length (Unicode's "maximal subpart":
 * the longest prefix of a well-formed sequence, or one byte). Stops at a NUL,
 * which is never a continuation byte.
 */
static size_t decode(const unsigned char *p, long *cp)
{
    unsigned char lo = 0x80, hi = 0xbf;
    size_t        need, i;
    long          v;

    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        need = 1;
        v = p[0] & 0x1f;
    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        need = 2;
        v = p[0] & 0x0f;
        lo = p[0] == 0xe0 ? 0xa0 : 0x80; /* no overlong forms */
        hi = p[0] == 0xed ? 0x9f : 0xbf; /* no surrogates */
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        need = 3;
        v = p[0] & 0x07;
        lo = p[0] == 0xf0 ? 0x90 : 0x80; /* no overlong forms */
        hi = p[0] == 0xf4 ? 0x8f : 0xbf; /* nothing beyond U+10FFFF */
    } else {
        *cp = -1;
        return 1;
    }
    for (i = 1; i <= need; i++) {
        if (p[i] < lo || p[i] > hi) {
            *cp = -1;
            return i;
        }
        v = (v << 6) | (p[i] & 0x3f);
        lo = 0x80;
        hi = 0xbf;
    }
    *cp = v;
    return need + 1;
}

/* C0, DEL and C1: what a terminal may act on rather than show. */
static int is_control(long cp)
{
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

/* What the character at p becomes: *out and its length; returns the bytes read. */
static size_t clean_one(const char *p, const char **out, size_t *out_len)
{
    long   cp;
    size_t len = decode((const unsigned char *) p, &cp);

    if (cp >= 0x09 && cp <= 0x0d) {
        /* line breaks and tabs: keep the words apart, on one line */
        *out = " ";
        *out_len = 1;
    } else if (cp < 0 || is_control(cp)) {
        *out = replacement;
        *out_len = sizeof replacement - 1;
    } else {
        *out = p;
        *out_len = len;
    }
    return len;
}

size_t cb_text_clean(char *dst, size_t size, const char *src)
{
    size_t k = 0;

    while (*src != '\0') {
        const char *out;
        size_t      out_len, len = clean_one(src, &out, &out_len);

        if (out_len > size - 1 - k) {
            break; /* cut between characters */
        }
        memcpy(dst + k, out, out_len);
        k += out_len;
        src += len;
    }
    dst[k] = '\0';
    return k;
}

char *cb_text_dup(const char *src)
{
    size_t len = strlen(src);
    char  *dst;

    /* each byte becomes at most the three of U+FFFD; protect the size_t */
    if (len > ((size_t) -1 - 1) / 3 || (dst = malloc(len * 3 + 1)) == NULL) {
        return NULL;
    }
    cb_text_clean(dst, len * 3 + 1, src);
    return dst;
}

int cb_text_is_clean(const char *s)
{
    long cp;

    while (*s != '\0') {
        s += decode((const unsigned char *) s, &cp);
        if (cp < 0 || is_control(cp)) {
            return 0;
        }
    }
    return 1;
}

void cb_text_drop_partial(char *s)
{
    size_t        len = strlen(s), start = len, need;
    unsigned char lead;

    /* back over at most three continuation bytes to the lead byte */
    while (start > 0 && len - start < 3 && ((unsigned char) s[start - 1] & 0xc0) == 0x80) {
        start--;
    }
    if (start == 0) {
        return;
    }
    lead = (unsigned char) s[start - 1];
    need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (len - (start - 1) < need) {
        s[start - 1] = '\0';
    }
}
