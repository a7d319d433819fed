/*
 * The budgets file (--budgets FILE), JSON:
 *
 *     {
 *       "schema_version": 1,
 *       "comment": "why these budgets (optional)",
 *       "budgets": [
 *         { "match": "^kdf/pbkdf2-sha256/600000/", "statistic": "p99", "max": "1 s",
 *           "min": "50 ms", "comment": "where the numbers come from" },
 *         { "match": "^did/sha256/1024/", "statistic": "estimate",
 *           "min_throughput": "500 MiB/s" }
 *       ]
 *     }
 *
 * A budget applies to every benchmark whose name its "match" (a POSIX
 * extended regular expression found anywhere in the name, as the command
 * line's filters) matches. "statistic" says what is limited: "estimate",
 * "lower" or "upper" (the estimate and its interval's bounds), "median",
 * "min", "max" or "pN" (a percentile, "p99.9"). "max" and "min" are times
 * per iteration ("250 ms"; ps, ns, us, ms, s); "min_throughput" is a rate in
 * the reports' units (B/s, KiB/s ... TiB/s, KB/s ... TB/s, elem/s ...
 * Telem/s) at the statistic's time. A budget sets one limit or more. No other
 * field is allowed: a misspelt limit must not pass for no limit.
 *
 * A statistic may also be a figure --memory counts (core/memory.h):
 * "allocations", "frees", "bytes", "freed_bytes", "net_bytes", "peak_bytes",
 * "peak_resident_bytes"; its "max" and "min" are counts ("0") or sizes ("19
 * MiB"; B, KiB ... TiB, kB ... TB), zero allowed:
 *
 *         { "match": "verify", "statistic": "allocations", "max": "0" },
 *         { "match": "^kdf/argon2id/mem_kib=19456/", "statistic": "peak_bytes",
 *           "min": "19 MiB" }
 *
 * A run counts the memory of every benchmark such a budget matches.
 */
#ifndef CB_BUDGETS_H
#define CB_BUDGETS_H

#include <stdint.h>
#include "core/budget.h"
#include "core/error.h"

#define CB_BUDGETS_SCHEMA_VERSION 1

/*
 * Reads the budgets file at path into set (zeroed first; free it with
 * cb_budget_set_free). Refuses, with file, line, column and what was
 * expected: a missing or empty file, text that is not JSON, another schema
 * version, a missing, unknown or ill-typed field, a pattern that is not a
 * valid regular expression, an unknown statistic, a limit without a unit or
 * not above zero, a minimum above the maximum, a control character in a
 * string.
 */
int cb_budgets_load(const char *path, cb_budget_set *set, cb_error *err);

/* The same, from text already in memory, named `file` in messages. */
int cb_budgets_parse(const char *file, const char *text, size_t len, cb_budget_set *set,
                     cb_error *err);

/* A benchmark of the program the budgets are read for. */
typedef struct cb_budget_target {
    const char   *name;
    cb_throughput throughput;
    uint64_t      per_iteration; /* units of throughput per iteration; 0: none */
    int           checked;       /* the run measures it and checks its budgets */
} cb_budget_target;

/*
 * Refuses a set that cannot be checked against targets[0..n) (the benchmarks
 * the program has), naming the budget by file, line and column: a budget
 * whose pattern matches none of them (a typo would hold nothing), or a
 * throughput limit on a benchmark that declares no throughput of its kind.
 * Indexes which budgets apply to the targets checked (cb_budget_applying()):
 * each pattern is compiled once, and run over the others only as far as
 * these checks need.
 */
int cb_budgets_check_targets(cb_budget_set *set, const cb_budget_target *targets, size_t n,
                             cb_error *err);

#endif
