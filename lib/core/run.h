/*
 * A run: its settings, the machine it ran on, and one result per benchmark.
 * What a baseline file stores and what every reporter is handed.
 */
#ifndef CB_RUN_H
#define CB_RUN_H

#include "core/result.h"
#include "core/strmap.h"

typedef enum cb_measure {
    CB_MEASURE_WALL = 0,
    CB_MEASURE_CYCLES,
    CB_MEASURE_INSTRUCTIONS
} cb_measure;

/* The machine and build a run happened on, recorded in every baseline so that
 * a comparison across machines or compilers can say so. Fields that cannot be
 * read are "unknown", never empty. */
typedef struct cb_machine {
    char cpu[128];       /* /proc/cpuinfo model name */
    long cores;          /* online */
    char kernel[128];    /* uname: sysname release machine */
    char governor[64];   /* cpufreq scaling governor of cpu0 */
    char compiler[128];  /* what built the library */
    char cflags[256];    /* and with which flags */
    char git_commit[64]; /* of the benchmark program's repository when the run started */
} cb_machine;

/* Facts about a run that the benchmark file adds (library versions, a data
 * set), as Google Benchmark's AddCustomContext: stored in the baseline and
 * compared like the machine. Owned by the run. */
typedef struct cb_context_entry {
    char *key;
    char *value;
} cb_context_entry;

typedef struct cb_context {
    cb_context_entry *entries;
    size_t            n;
} cb_context;

typedef struct cb_run {
    cb_measure measure;
    const char *unit;      /* "ns", "cycles" or "instructions": of every sample value */
    double      tsc_ghz;   /* cycles: the measured counter rate; else 0 */
    double      warm_up_s;
    double      measurement_s;
    size_t      sample_size;
    size_t      nresamples;
    double      confidence;
    uint64_t    seed;
    int         quick;
    cb_machine  machine;
    cb_context  context;
    char        timestamp[32]; /* UTC, ISO 8601 */
    /* the baseline this run's results were compared with when it was
     * measured ("" for none), so that a stored run reports its comparison */
    char        compared_with[256];
    cb_result  *results;
    size_t      n, cap;
    /* the results' names, each to its index, for cb_run_find(): made by the
     * baseline loader (a stored run may hold 100 000 results, and a lookup
     * per result made a walk of the list quadratic). Current while names.n
     * == n; cb_run_add() drops it. */
    cb_strmap   names;
} cb_run;

/* Appends a zeroed result and returns it (NULL when out of memory). The
 * pointer is valid until the next cb_run_add(). */
cb_result *cb_run_add(cb_run *run);

/* The result named `name`, or NULL: from run->names when it is current,
 * else by a walk of the results. */
const cb_result *cb_run_find(const cb_run *run, const char *name);

/* What a run's results came to, counted once for every report that states
 * it: failed, compared with a baseline, each verdict of those compared, new
 * (measured, nothing to compare with), and the most rounds a comparison had. */
typedef struct cb_tally {
    size_t failed, compared, regressed, improved, unresolved, fresh, rounds;
} cb_tally;

cb_tally cb_run_tally(const cb_run *run);

/* Sets run->timestamp to the current UTC time. */
void cb_run_stamp(cb_run *run);

void cb_run_free(cb_run *run);

/* Sets key to value in ctx (both cleaned, core/text.h: a baseline's context
 * is printed in warnings and reports), replacing an earlier value of key; -1
 * when out of memory. */
int cb_context_set(cb_context *ctx, const char *key, const char *value);

/* The value of key in ctx, or NULL. */
const char *cb_context_get(const cb_context *ctx, const char *key);

/* Copies src into dst (empty first); -1 when out of memory. */
int cb_context_copy(cb_context *dst, const cb_context *src);

void cb_context_free(cb_context *ctx);

const char *cb_measure_name(cb_measure kind);

/* Whether kind is exact: a count that the same build reproduces from one
 * process to the next (instructions; allocations too, once counted), so that
 * rounds that agree decide at once, where a time needs a test over many. */
int cb_measure_exact(cb_measure kind);

/* What a measure's values count: "ns", "cycles", "instructions". */
const char *cb_measure_unit(cb_measure kind);

/* Parses "wall", "cycles" or "instructions"; -1 if it is none of them. */
int cb_measure_parse(const char *s, cb_measure *kind);

#endif
