/*
 * Typed access to a parsed JSON document (jansson) that refuses, with file,
 * line, column, path and what was expected, anything that is not what the
 * schema says: the loader of untrusted files is built from these.
 */
#ifndef CB_JSON_READER_H
#define CB_JSON_READER_H

#include <jansson.h>
#include <stdint.h>
#include "core/error.h"
#include "core/result.h"
#include "store/json_locate.h"

typedef struct cb_json_reader {
    const char *file; /* for messages */
    const char *text; /* the document, to locate values in */
    size_t      len;
    cb_error   *err;
} cb_json_reader;

/* Number constraints (a number must always be finite). */
#define CB_JSON_ANY 0u
#define CB_JSON_POSITIVE 1u   /* > 0 */
#define CB_JSON_NONNEGATIVE 2u /* >= 0 */
#define CB_JSON_NULLABLE 4u   /* null allowed: reads as NaN */
#define CB_JSON_SAMPLE 8u     /* a sample's value: CB_SAMPLE_VALUE_MIN to _MAX */
#define CB_JSON_BOUNDED 16u   /* a statistic of samples: |x| <= CB_SAMPLE_VALUE_MAX */

/* Fails with "file:line:col: path: <message>"; returns -1. */
int cb_json_fail(const cb_json_reader *rd, const cb_json_path *at, const char *fmt, ...)
    CB_PRINTF(3, 4);

/* The member `key` of obj (at `at`) of the given jansson type; NULL with the
 * error set when it is missing or of another type. `child` becomes its path.
 * With nullable, a null member is returned as a json null. */
json_t *cb_json_member(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                       const char *key, json_type type, int nullable, cb_json_path *child);

/* What the writers put where a number goes: x, or null when it is not
 * finite, which CB_JSON_NULLABLE reads back as NaN. */
json_t *cb_json_real(double x);

/* A number member under the given constraints. */
int cb_json_number(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                   const char *key, unsigned flags, double *out);

/* A number already in hand (an array element, say). */
int cb_json_number_value(const cb_json_reader *rd, json_t *v, const cb_json_path *at,
                         unsigned flags, double *out);

/* A whole number member >= min. */
int cb_json_uint(const cb_json_reader *rd, json_t *obj, const cb_json_path *at, const char *key,
                 uint64_t min, uint64_t *out);

/* A string member (NULL for null when nullable); *out points into the document. */
int cb_json_string(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                   const char *key, int nullable, const char **out);

/* A string member that must be one of choices[0..n); its index in *out. */
int cb_json_choice(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                   const char *key, const char *const *choices, int n, int *out);

/* Whether text[0..len) holds nothing but JSON's white space: an empty file,
 * to be refused as such rather than as bad JSON. text need not be
 * terminated. */
int cb_json_blank(const char *text, size_t len);

#endif
