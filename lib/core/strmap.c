#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"

static size_t hash(const char *s)
{
    size_t h = (size_t) 14695981039346656037ull;

    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char) *s) * (size_t) 1099511628211ull;
    }
    return h;
}

/* The slot of key, or of the empty slot where it would go. */
static size_t slot(const cb_strmap *m, const char *key)
{
    size_t k = hash(key) & (m->cap - 1);

    while (m->keys[k] != NULL && strcmp(m->keys[k], key) != 0) {
        k = (k + 1) & (m->cap - 1);
    }
    return k;
}

int cb_strmap_get(const cb_strmap *m, const char *key, size_t *value)
{
    size_t k;

    if (m->cap == 0) {
        return 0;
    }
    k = slot(m, key);
    if (m->keys[k] == NULL) {
        return 0;
    }
    *value = m->values[k];
    return 1;
}

/* Doubles the table, keeping every entry. */
static int grow(cb_strmap *m)
{
    cb_strmap bigger = { NULL, NULL, m->n, m->cap == 0 ? 64 : m->cap * 2 };
    size_t    i;

    bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
    bigger.values = calloc(bigger.cap, sizeof *bigger.values);
    if (bigger.keys == NULL || bigger.values == NULL) {
        free(bigger.keys);
        free(bigger.values);
        return -1;
    }
    for (i = 0; i < m->cap; i++) {
        if (m->keys[i] != NULL) {
            size_t k = slot(&bigger, m->keys[i]);

            bigger.keys[k] = m->keys[i];
            bigger.values[k] = m->values[i];
        }
    }
    free(m->keys);
    free(m->values);
    *m = bigger;
    return 0;
}

int cb_strmap_put(cb_strmap *m, const char *key, size_t value)
{
    size_t k;

    /* at most half full: probes stay short */
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0) {
        return -1;
    }
    k = slot(m, key);
    if (m->keys[k] == NULL) {
        m->keys[k] = strdup(key);
        if (m->keys[k] == NULL) {
            return -1;
        }
        m->n++;
    }
    m->values[k] = value;
    return 0;
}

void cb_strmap_free(cb_strmap *m)
{
    size_t i;

    for (i = 0; i < m->cap; i++) {
        free(m->keys[i]);
    }
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

int cb_strmap_index(const char *const *names, size_t n, const char *key)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(names[i], key) == 0) {
            return (int) i;
        }
    }
    return -1;
}
