/*
 * Summaries across the benchmarks of a run, for the end of each group in the
 * terminal and markdown reports and for the HTML group pages:
 *  - the same primitive in two or more implementations (names that differ only
 *    in their last part, did/sha256/64/libsodium and did/sha256/64/openssl):
 *    how much faster the fastest is than each other one, with an interval;
 *  - parameter sweeps (names that differ only in their parameter,
 *    kdf/pbkdf2-sha256/{1000,...,600000}/openssl): a least-squares fit of
 *    time = fixed + per-unit cost x parameter, Google Benchmark's complexity.
 */
#ifndef CB_GROUP_H
#define CB_GROUP_H

#include "bootstrap.h"
#include "regression.h"
#include "run.h"

typedef struct cb_impl_ratio {
    char            *primitive; /* the name without its implementation: "did/sha256/64" */
    const cb_result *faster;
    const cb_result *slower;
    cb_estimate      speedup;   /* slower's time / faster's time: "openssl 3.41x faster" */
} cb_impl_ratio;

typedef struct cb_sweep {
    char             *series;     /* the name with "*" for its parameter: "kdf/pbkdf2-sha256/x/openssl" */
    const char       *param_name; /* what the parameter counts, or NULL */
    size_t            n;
    const cb_result **points;     /* ordered by parameter, all measured */
    cb_fit            fit;        /* typical estimate (run unit) = intercept + slope * parameter */
} cb_sweep;

typedef struct cb_groups {
    cb_impl_ratio *ratios;
    size_t         nratios;
    cb_sweep      *sweeps;
    size_t         nsweeps;
} cb_groups;

/* Finds every implementation pair and every sweep (3 or more parameters) of
 * run's measured results. The results must outlive out. */
int cb_group_analyse(const cb_run *run, const cb_bootstrap_config *boot, cb_groups *out,
                     cb_error *err);

void cb_groups_free(cb_groups *g);

#endif
