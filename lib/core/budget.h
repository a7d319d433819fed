/*
 * Budgets per operation: the limits a team sets on what a benchmark may cost
 * (a service owner's "P99 under 1 s", a KDF's "at least 50 ms a call"), and
 * what each check of one found. A budgets file (store/budgets.h) holds the
 * budgets; stats/budget_check.h checks them against a result; the outcomes are part
 * of the result, stored in its baseline and shown by every report.
 */
#ifndef CB_BUDGET_H
#define CB_BUDGET_H

#include <stddef.h>
#include "core/error.h"
#include "core/memory.h"
#include "core/pattern.h"
#include "core/strmap.h"
#include "cryptbench.h"

/* What a budget limits. */
typedef enum cb_budget_stat_kind {
    CB_BUDGET_ESTIMATE = 0, /* the benchmark's estimate (slope or mean) */
    CB_BUDGET_LOWER,        /* the lower bound of its confidence interval */
    CB_BUDGET_UPPER,        /* the upper bound */
    CB_BUDGET_PERCENTILE,   /* a percentile of the single calls' times when there are
                             * any, else of the samples' per-iteration times */
    CB_BUDGET_MEMORY        /* a figure --memory counts: allocations, bytes, peak... */
} cb_budget_stat_kind;

typedef struct cb_budget_statistic {
    cb_budget_stat_kind kind;
    double              level;  /* CB_BUDGET_PERCENTILE: 0 to 100 (50 the median) */
    cb_memory_figure    figure; /* CB_BUDGET_MEMORY: which */
} cb_budget_statistic;

/* The kinds of limit; one budget may set several, each checked on its own. */
typedef enum cb_budget_limit {
    CB_BUDGET_MAX_TIME = 0, /* the statistic, a time per iteration (or a memory figure),
                             * at most this */
    CB_BUDGET_MIN_TIME,     /* at least this: a KDF can be too cheap, in time or memory */
    CB_BUDGET_MIN_THROUGHPUT /* the throughput at the statistic's time, at least this */
} cb_budget_limit;

#define CB_BUDGET_NLIMITS 3

/* What a statistic was computed from. */
typedef enum cb_budget_source {
    CB_BUDGET_OF_ESTIMATE = 0, /* the bootstrap estimate of the samples */
    CB_BUDGET_OF_CALLS,        /* single calls, each timed on its own */
    CB_BUDGET_OF_SAMPLES,      /* the samples' per-iteration times: each the average
                                * of the calls of a sample, so its tail is thinner than
                                * that of calls */
    CB_BUDGET_OF_MEMORY        /* the counts of --memory */
} cb_budget_source;

/* One budget of a budgets file. */
typedef struct cb_budget {
    char               *match; /* a POSIX ERE found anywhere in a name, as a CLI filter */
    char               *comment; /* where its numbers come from; NULL if none */
    cb_budget_statistic statistic;
    int                 has[CB_BUDGET_NLIMITS]; /* which limits it sets */
    double              value[CB_BUDGET_NLIMITS]; /* ns for times, units/s for throughput,
                                                   * bytes or calls for memory */
    char               *written[CB_BUDGET_NLIMITS]; /* each as the file has it, "1 MB/s" */
    cb_throughput       throughput; /* of a throughput limit: bytes or elements */
    int                 line, column; /* of its "match" in the file, for later messages */
} cb_budget;

/*
 * A budgets file, read and checked, and which of its budgets apply to which
 * benchmarks. No pattern stays compiled: glibc's matcher keeps tens of
 * kilobytes of tables for each expression it has run, 5.6 GB for a file of
 * 100 000 budgets. Each is compiled once, run over every name the run will
 * ask about, and freed; what it matched is kept here.
 */
typedef struct cb_budget_set {
    char      *file;
    cb_budget *items;
    size_t     n;
    cb_strmap  rows;     /* a benchmark's name -> its row */
    size_t    *first;    /* row r's budgets are applying[first[r] .. first[r + 1]) */
    size_t    *applying; /* indexes into items, in the file's order within a row */
    size_t    *pairs;    /* while matching: (budget, row) pairs found, budgets in order */
    size_t     npairs, cap;
} cb_budget_set;

/* The outcome of one limit of one budget on one benchmark. */
typedef struct cb_budget_outcome {
    char               *match;   /* the budget's pattern, as written */
    char               *comment; /* NULL if none */
    cb_budget_statistic statistic;
    cb_budget_limit     limit;
    double              budget;   /* the limit: ns, units per second, or a memory figure's */
    char               *written;  /* the limit as the budgets file has it: "1 MB/s" */
    double              measured; /* the statistic measured, in the same unit */
    cb_budget_source    source;
    size_t              n;        /* calls or samples behind a percentile */
    double              margin;   /* how far inside its limit, as a share of the limit:
                                   * (budget - measured) / budget for a maximum, (measured -
                                   * budget) / budget for a minimum; < 0 when broken. A
                                   * limit of 0 ("no allocation") has none to share: 0 when
                                   * held, -1 when broken */
    int                 held;
} cb_budget_outcome;

/* Budget i's pattern compiled into *p, to be run over many names and freed
 * with cb_pattern_free(); -1 with err naming the budget by file, line and
 * column (the file was read with the pattern compiled, so out of memory). */
int cb_budget_compile(const cb_budget_set *set, size_t i, cb_pattern *p, cb_error *err);

/* Notes that budget i applies to the row-th of the names that
 * cb_budget_set_index() will be given; budgets in the file's order. -1 when
 * out of memory. */
int cb_budget_set_applies(cb_budget_set *set, size_t i, size_t row, cb_error *err);

/* Ends the noting: names[0..n) are the rows' names, what was noted is what
 * cb_budget_applying() answers from now on (replacing any earlier answer). */
int cb_budget_set_index(cb_budget_set *set, const char *const *names, size_t n, cb_error *err);

/* Which budgets apply to each of names[0..n): every budget matched against
 * them all, then indexed as above. */
int cb_budget_set_match(cb_budget_set *set, const char *const *names, size_t n, cb_error *err);

/* The budgets that apply to the benchmark `name`, as indexes into
 * set->items in the file's order, into *budgets; their number. A name the
 * set was not matched against has none. */
size_t cb_budget_applying(const cb_budget_set *set, const char *name, const size_t **budgets);

/* The most decimals a percentile is written with: p0.000000000001 */
#define CB_BUDGET_LEVEL_DECIMALS 12

/* The statistic as a budgets file writes it: "median", "p99", "p99.9",
 * "min", "max", "estimate", "lower", "upper"; a percentile with the fewest
 * decimals that read back as its level; or a memory figure's key,
 * "allocations", "peak_bytes" (core/memory.h). */
void cb_budget_statistic_name(char *buf, size_t size, cb_budget_statistic st);

/* Parses such a name into *st; -1 when it is none of them, or a percentile
 * that needs more than CB_BUDGET_LEVEL_DECIMALS decimals to be written back
 * as itself (a statistic taken is one a baseline can store). */
int cb_budget_statistic_parse(const char *s, cb_budget_statistic *st);

/* "max", "min", "min_throughput": the key a budgets file and a baseline
 * write each limit under. */
const char *cb_budget_limit_key(cb_budget_limit limit);

/* "calls", "samples", "estimate", "memory". */
const char *cb_budget_source_name(cb_budget_source source);

/* Sets an outcome's margin and held from its limit, budget and measured. */
void cb_budget_outcome_judge(cb_budget_outcome *o);

/* Frees what the n outcomes own, and the array. */
void cb_budget_outcomes_free(cb_budget_outcome *o, size_t n);

/* Frees what set owns and zeroes it. */
void cb_budget_set_free(cb_budget_set *set);

#endif
