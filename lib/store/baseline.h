/*
 * Baselines: a whole run as one JSON document, reports/<name>.json. Written
 * atomically; loaded only after every field has been checked. The schema is
 * documented field by field in reports/README.md.
 */
#ifndef CB_BASELINE_H
#define CB_BASELINE_H

#include <jansson.h>
#include "core/error.h"
#include "core/run.h"

/* Written as 2; 1 (before context and variants) is still read. */
#define CB_BASELINE_SCHEMA_VERSION 2

/* A baseline's name becomes file names in the reports directory: NAME.json,
 * its temporary .NAME.json.tmp-XXXXXX, its lock, history/<time>-<seq>-NAME.json.
 * 200 bytes keeps each of them within the 255 a file name may have. */
#define CB_BASELINE_NAME_MAX 200

/* 0 when name may name a baseline: not empty, at most CB_BASELINE_NAME_MAX
 * bytes, unable to escape the reports directory (no '/', no leading '.'),
 * and printable: valid UTF-8 without a control character, which would reach
 * the terminal (an escape sequence, a bell), gate.md and a file name. -1
 * with err saying which rule it breaks. */
int cb_baseline_name_check(const char *name, cb_error *err);

/* dir/name.json into buf; -1 when the name fails cb_baseline_name_check() or
 * dir is too long for the path to fit in size, with err saying which. */
int cb_baseline_path(char *buf, size_t size, const char *dir, const char *name, cb_error *err);

/* Writes run to path, atomically (see atomic_file.h). */
int cb_baseline_save(const char *path, const cb_run *run, cb_error *err);

/*
 * Reads path into run (zeroed first; free with cb_run_free). Refuses what
 * cb_text_file_read() refuses (a FIFO, a device, a file over its size), and, with
 * file, line, column and what was expected: a missing or empty file, text that
 * is not JSON or is truncated, another schema version, a missing field, a
 * field of the wrong type, a sample that is not positive and finite, a
 * benchmark with fewer than two samples, a name given twice.
 */
int cb_baseline_load(const char *path, cb_run *run, cb_error *err);

/* The run as the baseline document. NULL when out of memory. */
json_t *cb_baseline_encode(const cb_run *run);

/* The same, from text already in memory (the fuzzer's entry point). */
int cb_baseline_parse(const char *file, const char *text, size_t len, cb_run *run,
                      cb_error *err);

/*
 * What differs between the machine and build of two runs, for the warning a
 * comparison across them deserves: "CPU 'X' vs 'Y'; libsodium '1.0.18' vs
 * '1.0.19'": the machine, the compiler and every context key. Empty when nothing does.
 */
void cb_baseline_differences(const cb_run *old, const cb_run *new_, char *buf, size_t size);

#endif
