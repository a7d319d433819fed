/*
 * Profiles on disk, beside the baselines and not inside them:
 * DIR/profiles/BASELINE/NAME.json, one file per benchmark, NAME its name
 * encoded so that it stays a plain file in that directory. The document:
 *
 *     {"schema_version": 1, "name": "kdf/pbkdf2-sha256/1000/openssl",
 *      "unit": "instructions", "samples": 10, "iterations": 550,
 *      "total": 4069512.2,
 *      "nodes": [{"name": "bench_kdf", "object": "cryptbench", "parent": -1,
 *                 "self": 5.1, "total": 4069512.2}, ...]}
 *
 * nodes in depth-first order (a parent before its children); "self" and
 * "total" in instructions per iteration. A loader trusts only "self" and the
 * tree's shape, and computes the rest again. Nothing in the file depends on
 * when it was written: the same measurement writes the same bytes.
 */
#ifndef CB_PROFILE_STORE_H
#define CB_PROFILE_STORE_H

#include "core/error.h"
#include "core/run.h"
#include "profile/profile.h"

#define CB_PROFILE_SCHEMA_VERSION 1

/* dir/profiles/baseline/NAME.json into buf; -1 when it does not fit or
 * baseline could escape dir. */
int cb_profile_path(char *buf, size_t size, const char *dir, const char *baseline,
                    const char *name, cb_error *err);

/* Writes p, the profile of the benchmark `name`, to path, atomically. */
int cb_profile_save(const char *path, const char *name, const cb_profile *p, cb_error *err);

/* Reads the profile of `name` at path into *out (a new profile). 0; 1 when
 * there is no such file (and *out is NULL); -1 with file, line, column and
 * what was expected when it is unreadable, malformed, of another schema or
 * of another benchmark. */
int cb_profile_load(const char *path, const char *name, cb_profile **out, cb_error *err);

/* Saves the profile of every result of run that has one under
 * dir/profiles/baseline/, and removes the file of every one that has none:
 * what is there is always of the baseline's counts. -1 at the first file
 * that cannot be written or removed. */
int cb_profile_save_run(const char *dir, const char *baseline, const cb_run *run,
                        cb_error *err);

/* Gives every result of run that has none the profile stored for it under
 * dir/profiles/baseline/, where there is one. -1 when one is unreadable. */
int cb_profile_load_run(const char *dir, const char *baseline, cb_run *run, cb_error *err);

#endif
