/*
 * Results as JSON (jansson), the one encoding behind --format json, `analyze
 * --format json` and the baseline files, so that their field names agree.
 * Doubles are written with 17 significant digits and round-trip exactly;
 * a non-finite value, which JSON cannot hold, is written as null.
 */
#ifndef CB_RESULT_JSON_H
#define CB_RESULT_JSON_H

#include <jansson.h>
#include "stats/compare.h"
#include "store/json_reader.h"
#include "core/run.h"

/* A new object for one benchmark; samples included when with_samples, the
 * comparison with a baseline as "change" when there is one. NULL when out of
 * memory. */
json_t *cb_result_json_encode(const cb_result *r, const char *unit, int with_samples);

/*
 * Reads one benchmark object (as cb_result_json_encode writes it) into r,
 * checking every field: its presence, its type, its range (samples positive
 * and finite, as many as "sampling.samples" says), and that its unit is
 * `unit`. A "change" is read too (has_change): the comparison made when the
 * benchmark was measured. -1 with the error naming file, line, column and
 * path.
 */
int cb_result_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          const char *unit, cb_result *r);

/* The estimate as {"point_estimate", "lower_bound", "upper_bound", "standard_error"}. */
json_t *cb_result_json_estimate(const cb_estimate *e);

#endif
