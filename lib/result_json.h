/*
 * Results as JSON (jansson), the one encoding behind --format json, `analyze
 * --format json` and the baseline files, so that their field names agree.
 * Doubles are written with 17 significant digits and round-trip exactly;
 * a non-finite value, which JSON cannot hold, is written as null.
 */
#ifndef CB_RESULT_JSON_H
#define CB_RESULT_JSON_H

#include <jansson.h>
#include "compare.h"
#include "run.h"

/* A new object for one benchmark; samples included when with_samples. The
 * comparison, when not NULL, is added as "change". NULL when out of memory. */
json_t *cb_result_json_encode(const cb_result *r, const char *unit, const cb_comparison *cmp,
                              int with_samples);

/* The estimate as {"point_estimate", "lower_bound", "upper_bound", "standard_error"}. */
json_t *cb_result_json_estimate(const cb_estimate *e);

/* A double, or null when it is not finite. */
json_t *cb_result_json_real(double x);

#endif
