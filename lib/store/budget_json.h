/*
 * A result's budget outcomes (core/budget.h) as JSON: the "budgets" array of
 * a benchmark object, in --format json and in baselines alike.
 */
#ifndef CB_BUDGET_JSON_H
#define CB_BUDGET_JSON_H

#include <jansson.h>
#include "core/result.h"
#include "store/json_reader.h"

/* r's outcomes as an array of
 * {"match", "comment", "statistic", "limit", "written", "budget", "measured",
 *  "unit", "of", "n", "margin", "held"}; NULL when out of memory. */
json_t *cb_budget_json_encode(const cb_result *r);

/*
 * Reads the "budgets" member of a benchmark object, when there is one, into
 * r->budgets, checking every field; "margin" and "held" must agree with
 * "budget" and "measured". -1 with the error naming file, line, column and
 * path.
 */
int cb_budget_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          cb_result *r);

#endif
