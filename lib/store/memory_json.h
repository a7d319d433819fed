/*
 * A result's memory counts (core/memory.h) in its JSON object, for baselines
 * and --format json:
 *
 *     "memory": {"status": "counted", "iterations": 1, "allocations": 3,
 *                "frees": 2, "bytes": 300, "freed_bytes": 200, "net_bytes": 100,
 *                "peak_bytes": 300, "peak_resident_bytes": 4096,
 *                "change": {"verdict": "more", "decided_by": "allocations",
 *                           "old": {<the figures>}, "delta": {<the figures>}}}
 *     "memory": {"status": "failed", "why": "..."}
 *
 * absent when nothing was counted (and in baselines written before --memory).
 * Per-iteration figures, peaks over one iteration; peak_resident_bytes null
 * where the kernel could not say. A change's delta and verdict are written
 * for readers and computed again from "old" when read.
 */
#ifndef CB_MEMORY_JSON_H
#define CB_MEMORY_JSON_H

#include <jansson.h>
#include "store/json_reader.h"

/* Adds "memory" to obj when r's memory was counted or failed to be: 0, or -1
 * when out of memory. */
int cb_memory_json_encode(json_t *obj, const cb_result *r);

/* Reads "memory", when there is one, into r->memory, checking every field.
 * -1 with the error naming file, line, column and path. */
int cb_memory_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          cb_result *r);

#endif
