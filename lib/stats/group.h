/*
 * Summaries across the benchmarks of a run, for the end of each group in the
 * terminal and markdown reports and for the HTML group pages:
 *  - the same primitive in two or more implementations (names that differ only
 *    in their last part, did/sha256/64/libsodium and did/sha256/64/openssl):
 *    how much faster the fastest is than each other one, with an interval;
 *  - parameter sweeps (names that differ only in one parameter,
 *    kdf/pbkdf2-sha256/{1000,...,600000}/openssl, or on one named axis, the
 *    others fixed): a least-squares fit of time = fixed + per-unit cost x
 *    parameter, Google Benchmark's complexity;
 *  - variants, benchmarks registered as doing the work of another plus one
 *    cost (cb_bench.variant_of): the difference is that cost, e.g. the key
 *    set-up of AES-256-GCM.
 * Where every benchmark of a sweep or a variant pair had its memory counted
 * (--memory), the memory along with the time: a sweep's peak against its
 * parameter (Argon2id's memory against mem_kib), a variant's extra
 * allocations and bytes.
 */
#ifndef CB_GROUP_H
#define CB_GROUP_H

#include "stats/bootstrap.h"
#include "stats/regression.h"
#include "core/run.h"

typedef struct cb_impl_ratio {
    char            *primitive; /* the name without its implementation: "did/sha256/64" */
    const cb_result *faster;
    const cb_result *slower;
    cb_estimate      speedup;   /* slower's time / faster's time: "openssl 3.41x faster" */
} cb_impl_ratio;

typedef struct cb_sweep {
    char             *series;     /* the name with "*" for its parameter:
                                   * "kdf/pbkdf2-sha256/x/openssl", "kdf/argon2id/mem_kib=x/passes=2" */
    const char       *param_name; /* the axis's name, what the parameter counts, or NULL */
    const char       *unit;       /* what one step counts, singular, when declared, or NULL */
    size_t            axis;       /* which of the points' args varies */
    size_t            n;
    const cb_result **points;     /* ordered by that parameter, all measured */
    cb_fit            fit;        /* typical (run unit) = intercept + slope * parameter,
                                   * fitted on relative residuals; when fitted */
    int               fitted;     /* 3 points or more: two always fit a line exactly,
                                   * which says nothing about its shape */
    size_t            alike;      /* unfitted: how many unfitted sweeps of its function
                                   * along its axis it speaks for (itself included);
                                   * 0 when an earlier one speaks for it */
    char             *family;     /* when alike > 1: the name with every parameter
                                   * replaced by "*" */
    int               has_memory; /* every point's memory was counted (--memory), and
                                   * some point holds memory at its peak */
    cb_fit            memory_fit; /* when fitted too: peak bytes = intercept + slope *
                                   * parameter, least squares: what the parameter costs
                                   * in memory */
} cb_sweep;

typedef struct cb_variant_cost {
    const char      *what;    /* "key set-up", "per-call fetch" */
    const cb_result *base;    /* master_key/aes-256-gcm-encrypt/32/openssl */
    const cb_result *variant; /* master_key/aes-256-gcm-encrypt-fresh-ctx/32/openssl */
    cb_estimate      cost;    /* variant's time - base's time, in the run's unit */
    int              has_memory; /* both were counted (--memory): */
    double           memory[CB_MEMORY_NFIGURES]; /* variant's figures - base's, exact */
} cb_variant_cost;

typedef struct cb_groups {
    cb_impl_ratio   *ratios;
    size_t           nratios;
    cb_sweep        *sweeps;
    size_t           nsweeps;
    cb_variant_cost *costs;
    size_t           ncosts;
} cb_groups;

/* Finds every implementation pair, sweep (2 or more parameters; fitted from 3) and variant
 * among run's measured results, or only those of `group` when it is not NULL.
 * Intervals are bootstrap intervals of each result's headline estimate; with
 * fewer than 2 resamples there are none, and so no ratios and no costs. The
 * results must outlive out. */
int cb_group_analyse(const cb_run *run, const char *group, const cb_bootstrap_config *boot,
                     cb_groups *out, cb_error *err);

/* The name with its parameter on `axis` replaced by "*" (or "name=*"), a new
 * string; NULL when r has no such parameter. */
char *cb_group_series(const cb_result *r, size_t axis);

/* The parameter of point i of s, its x. */
double cb_sweep_x(const cb_sweep *s, size_t i);

/* What one step of s's parameter counts, for a per-unit cost: the axis's
 * declared unit, else its name made singular ("iterations" gives
 * "iteration", "passes" "pass", "MiB" "MiB"). */
void cb_group_unit_name(const cb_sweep *s, char *buf, size_t size);

void cb_groups_free(cb_groups *g);

/* A group's name and its summaries. */
typedef struct cb_group_summary {
    char      name[CB_GROUP_NAME_MAX];
    cb_groups g;
} cb_group_summary;

#endif
