/*
 * The constant-time checks of a benchmark as JSON: the "checks" member of a
 * benchmark object in a baseline and in --format json (reports/README.md
 * lists its fields). Absent when no check ran.
 */
#ifndef CB_CHECK_JSON_H
#define CB_CHECK_JSON_H

#include <jansson.h>
#include "core/result.h"
#include "store/json_reader.h"

/* Sets obj's "checks" from r->checks when a check ran; -1 when out of memory. */
int cb_check_json_encode(json_t *obj, const cb_result *r);

/* Reads obj's "checks", when there is one, into r->checks, checking every
 * field as the rest of a baseline is checked. The findings' "new" marks,
 * which say what a run was compared with, are not read: a comparison makes
 * them anew. -1 with the error naming file, line, column and path. */
int cb_check_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                         cb_result *r);

#endif
