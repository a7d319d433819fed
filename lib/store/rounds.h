/*
 * The rounds of a paired gate, kept as `gate` measured them: per benchmark,
 * each round's statistic (the median time per iteration of one process) of
 * the base (a) and of the head (b). What `calibrate --replay` resamples to
 * count how often a gate over such rounds fails on identical code.
 *
 *     {"cryptbench_rounds": 1, "measure": "wall", "unit": "ns",
 *      "benchmarks": [{"name": "did/sha256/64/openssl", "a": [..], "b": [..]}]}
 */
#ifndef CB_ROUNDS_H
#define CB_ROUNDS_H

#include <stddef.h>
#include "core/error.h"
#include "core/run.h"

typedef struct cb_rounds_bench {
    char   *name;
    size_t  n;    /* rounds */
    double *a, *b;
    double  seconds; /* a round's wall time, both sides (its last); 0: not recorded */
} cb_rounds_bench;

typedef struct cb_rounds {
    cb_measure       measure;
    cb_rounds_bench *benches;
    size_t           nbenches;
} cb_rounds;

/* Writes r to path, atomically. */
int cb_rounds_save(const char *path, const cb_rounds *r, cb_error *err);

/* Reads path into r (free with cb_rounds_free): refuses, with line and column,
 * anything but rounds as written by cb_rounds_save(). */
int cb_rounds_load(const char *path, cb_rounds *r, cb_error *err);

void cb_rounds_free(cb_rounds *r);

#endif
