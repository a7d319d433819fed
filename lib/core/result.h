/*
 * What a run produces: per benchmark its raw samples, how they were taken, and
 * the analysis of them. Filled by the runner (measure, analysis) or by a loader
 * (a baseline, a CSV); read by compare and by every reporter.
 */
#ifndef CB_RESULT_H
#define CB_RESULT_H

#include <stdint.h>
#include <stddef.h>
#include "core/check_result.h"
#include "core/budget.h"
#include "core/memory.h"
#include "cryptbench.h"

/* A statistic and its interval, as Criterion.rs keeps one: the point, the
 * bounds of its confidence interval, and its standard error (the standard
 * deviation of its bootstrap distribution). */
typedef struct cb_estimate {
    double point;
    double lower;
    double upper;
    double std_err;
} cb_estimate;

/* Tukey's fences on the per-iteration values, and how many fell beyond each
 * (stats/outliers.h classifies them). */
typedef struct cb_outliers {
    /* low severe | low mild | (normal) | high mild | high severe */
    double fences[4]; /* Q1 - 3 IQR, Q1 - 1.5 IQR, Q3 + 1.5 IQR, Q3 + 3 IQR */
    size_t low_severe, low_mild, high_mild, high_severe;
} cb_outliers;

/* How many values lay beyond the inner fences, either way. */
size_t cb_outliers_total(const cb_outliers *o);

typedef enum cb_mode {
    CB_MODE_LINEAR = 0, /* sample i runs i * d iterations; the slope is the estimate */
    CB_MODE_FLAT        /* every sample runs d iterations; the mean is the estimate */
} cb_mode;

/* The most samples a benchmark may hold, measured or read from a file: the
 * analysis costs samples x resamples, and 10 000 samples at the default
 * 100 000 resamples already take seconds. --sample-size's bound too. */
#define CB_MAX_SAMPLES 10000

/* What a sample may hold: its value (a total, in ns, cycles or instructions)
 * from 1e-30 to 1e30, beyond which the analysis's sums of squares and a
 * throughput's reciprocal overflow and every statistic after them is
 * infinite or NaN (a day is 8.64e13 ns: the range leaves room for any count);
 * its iterations a whole number a double holds exactly (below). */
#define CB_SAMPLE_VALUE_MIN 1e-30
#define CB_SAMPLE_VALUE_MAX 1e30
/* 2^53 - 1: every whole number up to it is a double, exactly; a count above
 * it read from text would be rounded to another (2^53 + 1 to 2^53), so it is
 * refused rather than analysed as a count it is not */
#define CB_SAMPLE_ITERATIONS_MAX 9007199254740991.0

typedef struct cb_samples {
    size_t  n;
    double *iters;  /* iterations of each sample (whole numbers) */
    double *values; /* what each sample measured in total: ns, cycles or instructions */
} cb_samples;

#define CB_NPERCENTILES 5
extern const double cb_percentile_levels[CB_NPERCENTILES]; /* 50 75 90 95 99 */

typedef struct cb_analysis {
    cb_estimate mean, median, std_dev, mad;
    cb_estimate slope; /* linear mode only */
    double      r_squared;
    double      percentiles[CB_NPERCENTILES];
    double      min, max;
    /* Rust libtest's "+/-": max - min once 5% at each end are winsorized, that
     * is p95 - p5; not stored in a baseline, which holds the samples it comes from */
    double      winsorized_range;
    cb_outliers outliers;
    /* when the benchmark declared a throughput: units per second if the values
     * are times, else value per unit (cycles/byte); lower/upper follow */
    cb_estimate throughput;
    /* the headline is the median, not the slope or mean the sampling mode
     * names: set by whoever made the median the figure a comparison is of
     * (the paired gate, its median over rounds); not stored in a baseline,
     * as only the gate's view of its rounds has it */
    int         median_is_typical;
} cb_analysis;

/* How the samples were planned: Criterion's warm-up estimate and sampling. */
typedef struct cb_plan {
    cb_mode  mode;
    size_t   n;           /* samples */
    uint64_t d;           /* linear: sample i runs (i + 1) * d; flat: every sample runs d */
    double   met_ns;      /* warm-up's estimate of the wall time per iteration */
    double   target_ns;   /* --measurement-time */
    double   expected_ns; /* what the plan will take: above target means it overruns */
} cb_plan;

/*
 * What a comparison could establish about the change of a benchmark's
 * estimate, from its interval and p-value, a noise threshold and the
 * resolution the gate requires (compare.h says how):
 */
typedef enum cb_verdict {
    CB_VERDICT_NO_CHANGE = 0, /* nothing established, but the interval lies within the resolution */
    CB_VERDICT_WITHIN_NOISE,  /* the whole interval lies inside the noise threshold */
    CB_VERDICT_IMPROVED,      /* significant, the whole interval below -threshold */
    CB_VERDICT_REGRESSED,     /* significant, the whole interval above +threshold */
    CB_VERDICT_UNRESOLVED     /* nothing established, and the interval reaches beyond the
                               * resolution: the comparison could not see a change that size */
} cb_verdict;

/* The statistic a comparison is of: each benchmark's own estimate (the slope
 * of a linear run, the mean of a flat one), or in the paired A/B gate each
 * process's median. */
typedef enum cb_statistic {
    CB_STATISTIC_SLOPE = 0,
    CB_STATISTIC_MEAN,
    CB_STATISTIC_MEDIAN
} cb_statistic;

/* Why a paired comparison's rounds ended. */
typedef enum cb_stop {
    CB_STOP_NONE = 0,   /* not a paired comparison */
    CB_STOP_SETTLED,    /* decided: settled, an exact measure's rounds agreeing, a rejection */
    CB_STOP_MAX_ROUNDS, /* --max-rounds reached */
    CB_STOP_BUDGET,     /* the time budget had no room for another round */
    CB_STOP_FUTILE,     /* not even the rounds the budget had left would settle it */
    CB_STOP_OTHER       /* another measure decided the benchmark first */
} cb_stop;

/* What a comparison's row says beside its verdict (bits of cb_change.flags). */
enum {
    /* the measures disagree: the exact change lies outside the time's interval */
    CB_CHANGE_DISAGREE = 1,
    /* the time per instruction says memory bound: counts miss what it waits for */
    CB_CHANGE_MEMORY_BOUND = 2
};

/* A result against its baseline: relative changes, new / old - 1. */
typedef struct cb_change {
    cb_statistic statistic;   /* what estimate, old_typical and new_typical are of */
    cb_estimate  estimate;    /* the change of that statistic: the one that decides */
    cb_estimate  mean, median; /* the changes of the per-iteration mean and median, which
                               * are shown labelled; median is a point in a paired one */
    double       t;           /* Welch's t of new against old (paired: Yuen's) */
    double       p_value;     /* -1 when exact (no test needed) */
    double       significance; /* the level p was held to: the family-wise level over the
                               * comparisons made together (Bonferroni) */
    double       resolution;  /* the largest |change| the interval leaves possible: it
                               * rules out anything bigger; 0 for exact counts */
    cb_verdict   verdict;
    double       old_typical; /* the baseline's estimate of the statistic */
    double       new_typical; /* and this run's */
    size_t       rounds;      /* A/B rounds behind a paired comparison; 0 otherwise */
    int          mode_differs; /* the two were sampled in different modes, so the statistic
                               * is the mean, which both have */
    /* the paired gate's: what old_typical and new_typical count ("ns",
     * "instructions"; a static string), NULL for the run's own unit; why its
     * rounds ended; for one left unresolved, about how many rounds it would
     * have needed (0: more than a comparison holds); CB_CHANGE_* flags */
    const char  *unit;
    cb_stop      stop;
    size_t       need;
    unsigned     flags;
} cb_change;

/* The most comparisons a gate makes of one benchmark on other measures than
 * the one that decided it (wall time beside instruction counts). */
#define CB_MAX_ALSO 2

const char *cb_statistic_name(cb_statistic s);

/* A benchmark's value on one of its parameter axes. */
typedef struct cb_arg {
    char     name[33]; /* the axis's name ("" for a list of params without a param_name) */
    char     unit[33]; /* what a step counts, singular, for fits; "" when not declared */
    uint64_t value;
} cb_arg;

/* A custom counter (cb_state_counter()), over the samples. */
typedef struct cb_counter {
    char   name[32];
    double per_iteration;
    double per_second; /* of the timed sections' wall time */
} cb_counter;

#define CB_RESULT_MAX_COUNTERS 8

/* Single calls of a slow operation, each timed on its own, for percentiles
 * that mean what a service owner means by "P99": of calls, not of samples'
 * averages. */
#define CB_NCALL_PERCENTILES 6
extern const double cb_call_percentile_levels[CB_NCALL_PERCENTILES]; /* 50 90 95 99 99.9 100 */

typedef struct cb_calls {
    size_t  n;
    double *values;                            /* each call's, in the run's unit */
    double  percentiles[CB_NCALL_PERCENTILES]; /* of values, numpy's "linear" */
} cb_calls;

/* A measurement on several threads at once (--threads): each thread on its
 * own state and fixture, all started together; the samples' values are the
 * slowest thread's time for its iterations, and their iteration counts every
 * thread's in all, so that the estimate is the wall time per operation of
 * the whole machine. */
typedef struct cb_threads {
    size_t      n;          /* threads; 0: an ordinary measurement */
    long        cores;      /* the cores the process was allowed to run on */
    cb_estimate ops;        /* aggregate operations per second */
    /* ops / (n x ops on one thread), against the one-thread measurement of
     * the same benchmark in the same run; point NaN when there is none */
    cb_estimate efficiency;
} cb_threads;

/* The machine's load around one benchmark's measurement, read by its runner
 * (measure/sysinfo.h): the 1-minute load average when it began and when it
 * ended, and the share of the machine's CPU time the hypervisor took
 * (steal) in between. known is 0 when it was not recorded (a CSV, an older
 * baseline). */
typedef struct cb_load {
    int    known;
    double start, end; /* load averages */
    double steal;      /* 0 to 1 */
} cb_load;

/* A profile (--profile) and what grew against the baseline's, which a result
 * owns: built, compared, stored and drawn by profile/, store/ and html/; the
 * types here so that a result is freed whole without them. */
typedef struct cb_profile_node {
    char  *name;   /* the function, as callgrind names it ("0x..." without a symbol) */
    char  *object; /* the file it is in, its base name ("libcrypto.so.3"), "" unknown */
    size_t parent; /* index of the parent node; the root (index 0) has CB_PROFILE_ROOT */
    size_t depth;  /* 0 for the root */
    double self;   /* instructions per iteration in the node itself */
    double total;  /* self and every descendant's */
    double calls;  /* calls into this node per iteration (0 when not known) */
} cb_profile_node;

#define CB_PROFILE_ROOT ((size_t) -1)

typedef struct cb_profile_fn {
    char  *name;
    char  *object;
    double self;  /* per iteration, over every node of the function */
    double total; /* per iteration, every node of it or below it, each once */
    double calls; /* per iteration, into every node of it (a recursive call too) */
} cb_profile_fn;

/*
 * nodes: in depth-first order, a node's children after it and before its next
 * sibling, siblings by inclusive cost, largest first (then by name), so that
 * one profile always lists alike. fns: by self cost, largest first (then by
 * name and object).
 */
typedef struct cb_profile {
    double           total;      /* instructions per iteration, the root's total */
    double           iterations; /* the samples' iterations, in all */
    size_t           samples;
    int              has_calls;  /* the calls are known (not a profile stored before them) */
    cb_profile_node *nodes;
    size_t           nnodes;
    cb_profile_fn   *fns;
    size_t           nfns;
} cb_profile;

typedef struct cb_profile_change {
    char  *name;
    char  *object;
    double old_self, new_self;   /* per iteration; 0 where the function is absent */
    double old_total, new_total;
    /* calls per iteration, NaN where that profile does not know its calls:
     * more calls, or costlier ones, is what grew */
    double old_calls, new_calls;
} cb_profile_change;

typedef struct cb_profile_diff {
    double             old_total, new_total; /* the profiles' totals per iteration */
    /* the functions whose self cost changed, the largest change first (then
     * by name and object); one that moved by less than CB_PROFILE_DIFF_SHARE
     * of the whole change, or a billionth of the total, is left out */
    cb_profile_change *changes;
    size_t             n;
    /* for node i of the new profile, the baseline's inclusive cost at the same
     * call path (0 where the baseline has none); nnodes of them */
    double            *old_node_total;
    size_t             nnodes;
} cb_profile_diff;

typedef struct cb_result {
    char         *name;  /* "group/function[/param...][/impl]" */
    char         *impl;  /* NULL when not given */
    /* the parameters: args[0..nargs), shown in the name as name=value when
     * named, as the value alone otherwise */
    cb_arg        args[CB_MAX_AXES];
    size_t        nargs;
    int           named_args;
    cb_counter    counters[CB_RESULT_MAX_COUNTERS];
    size_t        ncounters;
    cb_calls      calls; /* n == 0 when no single calls were timed */
    cb_threads    threads;
    cb_load       load;
    /* --profile: where the measured loop's instructions go, or NULL; and what
     * changed against the baseline's profile, when both have one */
    struct cb_profile      *profile;
    struct cb_profile_diff *grew;
    cb_throughput throughput;
    uint64_t      per_iteration;
    int           failed;
    char         *failure; /* why, when failed */
    char         *note;    /* a benchmark's remark, NULL if none */
    char         *variant_of; /* the full name of the benchmark this one adds a cost to */
    char         *variant;    /* and what it adds: "key set-up"; both NULL if none */
    cb_plan       plan;
    cb_samples    samples;
    cb_analysis   analysis; /* valid when !failed */
    int           has_change;
    cb_change     change; /* valid when has_change: in a gate of two measures, the
                           * comparison that decided the verdict */
    cb_change     also[CB_MAX_ALSO]; /* the gate's comparisons on its other measures */
    size_t        nalso;
    cb_checks     checks; /* what --check found; statuses CB_CHECK_NOT_RUN without it */
    cb_memory     memory; /* what --memory counted; CB_MEMORY_NOT_COUNTED without it */
    /* the outcome of every budget that applies (--budgets), each limit its own */
    cb_budget_outcome *budgets;
    size_t             nbudgets;
} cb_result;

/* The headline estimate: the slope in linear mode, the mean in flat mode;
 * the median when analysis.median_is_typical says so. */
const cb_estimate *cb_result_typical(const cb_result *r);

/* True when the plan cannot finish in the target time (Criterion's warning). */
int cb_plan_overruns(const cb_plan *plan);

/* Allocates n samples (zeroed); -1 when out of memory. */
int cb_samples_alloc(cb_samples *s, size_t n);

void cb_samples_free(cb_samples *s);

/* Free a profile and a comparison of two, with everything they own; NULL is
 * nothing to free. */
void cb_profile_free(cb_profile *p);
void cb_profile_diff_free(cb_profile_diff *d);

/* Frees what r owns and zeroes it. */
void cb_result_free(cb_result *r);

/* Sets r->failed and r->failure (a clean copy of reason). */
void cb_result_fail(cb_result *r, const char *reason);

/* Gives r one parameter shown by its value, as a list of params does: a
 * result built by hand (tests) or read from a schema-1 baseline. name may be
 * NULL. */
void cb_result_set_param(cb_result *r, const char *name, uint64_t value);

/* Sets a string field of r to a copy of s (NULL allowed), cleaned as
 * core/text.h says: every string of a result may come from outside (a
 * benchmark's process, a baseline file) and is printed by every reporter.
 * -1 when out of memory. */
int cb_result_set_string(char **field, const char *s);

const char *cb_mode_name(cb_mode mode);

/* The group of a benchmark's full name, its first part ("did" of
 * "did/sha256/64/openssl"), copied into buf (cut to fit). */
void cb_name_group(const char *name, char *buf, size_t size);

/* Room for a group's name: whoever keeps one (the runner, the HTML pages)
 * cuts a long one alike. */
#define CB_GROUP_NAME_MAX 128

#endif
