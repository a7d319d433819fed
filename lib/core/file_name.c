#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/file_name.h"

/* FNV-1a, 64 bits: tells apart long names cut to the same prefix. */
static uint64_t fnv1a(const char *s)
{
    uint64_t hash = 0xcbf29ce484222325u;

    for (; *s != '\0'; s++) {
        hash = (hash ^ (unsigned char) *s) * 0x100000001b3u;
    }
    return hash;
}

void cb_file_name(char buf[CB_FILE_NAME_MAX], const char *prefix, const char *name,
                  const char *suffix)
{
    static const char hex[] = "0123456789abcdef";
    /* room left for "==", 16 hex digits and the suffix after a cut */
    const size_t      cut = CB_FILE_NAME_MAX - 1 - 2 - 16 - strlen(suffix);
    size_t            k = (size_t) snprintf(buf, CB_FILE_NAME_MAX, "%s", prefix);
    const char       *s;

    for (s = name; *s != '\0' && k + 3 <= cut; s++) {
        unsigned char c = (unsigned char) *s;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_') {
            buf[k++] = (char) c;
        } else if (c == '/') {
            buf[k++] = '.';
        } else {
            buf[k++] = '=';
            buf[k++] = hex[c >> 4];
            buf[k++] = hex[c & 15];
        }
    }
    buf[k] = '\0';
    if (*s != '\0') {
        snprintf(buf + k, CB_FILE_NAME_MAX - k, "==%016llx", (unsigned long long) fnv1a(name));
        k = strlen(buf);
    }
    snprintf(buf + k, CB_FILE_NAME_MAX - k, "%s", suffix);
}
