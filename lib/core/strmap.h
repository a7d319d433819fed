/*
 * A map from strings to indexes (open addressing, FNV-1a): the parsers and
 * builders that meet the same name thousands of times look it up here
 * rather than walk a list. The map keeps its own copies of the keys.
 */
#ifndef CB_STRMAP_H
#define CB_STRMAP_H

#include <stddef.h>

typedef struct cb_strmap {
    char  **keys;   /* NULL: an empty slot */
    size_t *values;
    size_t  n, cap; /* cap is 0 or a power of two */
} cb_strmap;

/* The value of key into *value: 1 found, 0 not there. */
int cb_strmap_get(const cb_strmap *m, const char *key, size_t *value);

/* Sets key to value (a copy of key is kept); -1 when out of memory. */
int cb_strmap_put(cb_strmap *m, const char *key, size_t value);

/* Frees the keys and the table; the map is empty again. */
void cb_strmap_free(cb_strmap *m);

/*
 * The index of key among names[0..n), or -1: for the few fixed names of an
 * enum or of a JSON object's members, where a map would cost more than it
 * saves.
 */
int cb_strmap_index(const char *const *names, size_t n, const char *key);

#endif
