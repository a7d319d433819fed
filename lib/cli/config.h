/*
 * The settings of one invocation, as the command line left them. cli/options.c
 * fills it, from the defaults in cli/options.def; the commands read it and
 * hand the stages below them the settings each needs.
 */
#ifndef CB_CONFIG_H
#define CB_CONFIG_H

#include <stddef.h>
#include <stdint.h>
#include "core/run.h"
#include "report/report.h"

typedef enum cb_command {
    CB_COMMAND_RUN = 0,
    CB_COMMAND_ANALYZE,
    CB_COMMAND_COMPARE,
    CB_COMMAND_REPORT,
    CB_COMMAND_GATE,
    CB_COMMAND_SERVE,
    CB_COMMAND_CALIBRATE,
    CB_COMMAND_TREND,
    CB_COMMAND_HELP,
    CB_COMMAND_VERSION,
    CB_COMMAND_MANUAL
} cb_command;

typedef enum cb_color {
    CB_COLOR_AUTO = 0,
    CB_COLOR_ALWAYS,
    CB_COLOR_NEVER
} cb_color;

/* Defaults, and why (docs/measuring.md repeats them):
 * - 0.5 s warm-up, 1.5 s measurement: Criterion's 3 s + 5 s would make the
 *   crypto suite (about 80 benchmarks) run for 11 minutes. 1.5 s still gives a
 *   100 ns primitive 15 million iterations over its 100 samples; slow KDFs
 *   declare their own sample size (10) and fall back to flat sampling.
 * - 100 samples and 100 000 resamples, Criterion's: they cost under 80 ms per
 *   benchmark to analyse (make bench-self).
 * - --quick: 0.05 s + 0.15 s and 20 samples, for a run in seconds during
 *   development; its intervals are honest, and wider.
 * - 100 runs of history per baseline name: plenty of points for change
 *   points to be found in, and a bound on the disk a history takes (a run of
 *   the whole suite is about 0.3 MB of compact JSON, so some 30 MB).
 * - Instruction counts are planned from a counted iteration, not from the wall
 *   clock: 3 ns per instruction under callgrind, 0.3 under perf
 *   (measure/callgrind.c and perf.c say why).
 */
#define CB_DEFAULT_WARM_UP_S 0.5
#define CB_DEFAULT_MEASUREMENT_S 1.5
#define CB_DEFAULT_SAMPLE_SIZE 100
#define CB_DEFAULT_NRESAMPLES 100000
#define CB_DEFAULT_CONFIDENCE 0.95
#define CB_DEFAULT_SEED 0x6372797074626e63u /* "cryptbnc" */
#define CB_DEFAULT_TIMEOUT_S 300.0
#define CB_DEFAULT_TIMEOUT_CALLGRIND_S 3600.0 /* valgrind runs code ~50x slower */
#define CB_QUICK_WARM_UP_S 0.05
#define CB_QUICK_MEASUREMENT_S 0.15
#define CB_QUICK_SAMPLE_SIZE 20
#define CB_MIN_SAMPLE_SIZE 10
#define CB_DEFAULT_CALIBRATE_ROUNDS 20
/* a false-alarm rate of 1 in 100 needs thousands of runs to be a count */
#define CB_DEFAULT_REPLAY_RUNS 2000
/*
 * The paired gate (`gate`, ci/bench-ab), measured on the 2-core VM
 * cryptbench is developed on (docs/gate.md):
 * - each side's process measures a benchmark for 0.02 s of warm-up and 0.05 s
 *   of 10 samples: the spread between two processes of identical code dwarfs
 *   the precision of either, so more, shorter rounds beat fewer long ones;
 *   a call slower than 20 ms (a KDF) gets 3 samples of one call, the fewest
 *   whose median a single slow call cannot move;
 * - 6 rounds for every benchmark, and as many more as the time budget allows
 *   for those not yet settled, up to the 256 a comparison holds; a benchmark
 *   that even the rest of the budget could not settle stops early (a
 *   simulation of 500 whole-suite runs of identical code, tests/
 *   test_sequential.c: at most 1 in 100 fails, and +5% is caught);
 * - 2 rounds for an exact measure (instruction counts) whose rounds agree:
 *   its change is certain;
 * - a 1% noise threshold, a 3% resolution, and a 1% family-wise level, so
 *   that a run of identical code fails the gate at most 1 time in 100;
 * - 8 minutes of rounds, leaving two for two builds in a 10-minute job.
 */
#define CB_GATE_WARM_UP_S 0.02
#define CB_GATE_MEASUREMENT_S 0.05
#define CB_GATE_SAMPLE_SIZE 10
#define CB_GATE_SLOW_CALL_S 0.02
#define CB_GATE_SLOW_SAMPLE_SIZE 3
#define CB_GATE_MIN_ROUNDS 6
#define CB_GATE_EXACT_ROUNDS 2
#define CB_GATE_MAX_ROUNDS 256 /* stats/paired.h's CB_PAIRED_MAX_ROUNDS */
#define CB_GATE_NOISE_THRESHOLD 0.01
#define CB_GATE_SIGNIFICANCE 0.01
#define CB_GATE_TIME_BUDGET_S 480.0
/* the version of `serve`'s protocol, which `gate` checks both sides speak */
#define CB_SERVE_PROTOCOL 1
/* Every wait of the gate on a server is bounded: its hello within a minute
 * (or --timeout, if shorter); an answer within --timeout, which the server
 * applies to the benchmark's process, and 5 s more for the server to analyse
 * and send it; a line of at most 64 MiB (a result of CB_MAX_SAMPLES samples
 * is a few MiB); 2 s to exit at the end before it is killed. */
#define CB_GATE_HELLO_S 60.0
#define CB_GATE_ANSWER_SLACK_S 5.0
#define CB_GATE_LINE_MAX (64 << 20)
#define CB_GATE_STOP_S 2.0
/* the benchmarks named in an error about what two programs have */
#define CB_GATE_NAMES_LISTED 20
#define CB_DEFAULT_NOISE_THRESHOLD 0.02
#define CB_DEFAULT_NOISE_THRESHOLD_EXACT 0.001 /* instruction counts do not wobble */
#define CB_DEFAULT_SIGNIFICANCE 0.05
/* The resolution a comparison must reach, as a multiple of the noise
 * threshold: 6% at the single-run gate's 2%, 3% at the paired gate's 1%. An
 * interval wider than that cannot tell a regression worth failing a pull
 * request from none. */
#define CB_DEFAULT_RESOLUTION_FACTOR 3.0
/* The timing-leak check (dudect): a million timed calls, or 10 s of them,
 * whichever comes first. A million calls of a 100 ns comparison take about
 * half a second and find the early exit of a byte-wise comparison many times
 * over; slower primitives (an Ed25519 signature, 16 KiB of AEAD) get what 10 s
 * allow, which keeps the check of the whole suite within minutes; a KDF gets
 * too few calls for a verdict and is said so. */
#define CB_DEFAULT_LEAK_MEASUREMENTS 1000000
#define CB_DEFAULT_LEAK_TIME_S 10.0
/* The timing-leak check times one call per measurement unless told to time
 * more of the same input (--leak-calls), which multiplies a leak by as many. */
#define CB_DEFAULT_LEAK_CALLS 1
/* The exact check's inputs of each class: memcheck's start-up (about a
 * second) costs more than a call of most primitives under it, and every
 * input may take another path (a wrong guess's other byte, another length's
 * branch); a KDF's call under memcheck costs tens of seconds, which the
 * inputs multiply. */
#define CB_DEFAULT_CT_INPUTS 4
#define CB_DEFAULT_BASELINE "base"
#define CB_DEFAULT_REPORTS_DIR "reports"
/* Paths under it (DIR/html/<page>.html, DIR/history/<time>-<name>.json) must
 * stay within the 4096 bytes a path may have */
#define CB_REPORTS_DIR_MAX 3072
#define CB_DEFAULT_HISTORY_LIMIT 100

typedef struct cb_config {
    cb_command command;
    /* --help after a command's name: that command's own help; -1: the whole */
    int         help_command;
    int         manual; /* --manual: 1 a man page, 2 markdown */
    const char *args[2]; /* analyze FILE; compare OLD NEW; gate BASE HEAD */
    size_t      nargs;

    /* what to run */
    const char **filters;
    size_t       nfilters;
    int          exact;
    int          list;
    int          test; /* --test: check each benchmark and run it once, untimed */

    /* how to measure; *_set: given on the command line, so it overrides a
     * benchmark's own default */
    double     warm_up_s;
    int        warm_up_s_set;
    double     measurement_s;
    int        measurement_s_set;
    size_t     sample_size;
    int        sample_size_set;
    size_t     nresamples;
    double     confidence;
    uint64_t   seed;
    int        quick;
    cb_measure measure;
    int        measure_set;
    int        measure_also; /* gate: instruction counts beside wall time (wall,instructions) */
    int        profile;        /* --profile: instructions under callgrind, with call trees */
    double     profile_time_s; /* --profile-time: run each loop this long, nothing else; 0 off */
    size_t     threads[CB_MAX_THREAD_COUNTS]; /* --threads: thread counts, ascending */
    size_t     nthreads;
    size_t     rounds; /* calibrate */
    size_t     calls;  /* single calls timed after the samples */
    int        memory; /* --memory: count allocations after the samples */
    double     timeout_s;
    int        timeout_s_set;
    const char *replay; /* calibrate: a gate's rounds to replay */
    size_t     runs;
    size_t     min_rounds; /* gate */
    int        min_rounds_set;
    size_t     max_rounds;
    double     time_budget_s;
    const char *base_label; /* gate.md's names of the two sides, or NULL */
    const char *head_label;
    int         check_options; /* gate: check the options and filters, run nothing */

    /* baselines and change detection */
    const char *save_baseline; /* NULL: CB_DEFAULT_BASELINE, unless --baseline */
    const char *baseline;
    const char *load_baseline;
    const char *reports_dir;
    size_t      history_limit; /* runs kept in reports_dir/history per baseline name */
    double      noise_threshold;
    int         noise_threshold_set;
    double      resolution; /* given: absolute; else CB_DEFAULT_RESOLUTION_FACTOR */
    int         resolution_set;
    double      significance;
    int         gate;
    const char *budgets; /* --budgets FILE, or NULL */
    int         significance_set;
    int         html;  /* write reports/html (default on; --no-html) */
    int         quiet; /* no --format output: `report` writes only the HTML */

    /* analyze: the unit of CSV totals */
    const char *unit;
    double      unit_scale;

    /* constant-time checks */
    unsigned    checks; /* CB_CHECK_* bits of --check */
    size_t      leak_measurements;
    double      leak_time_s;
    size_t      leak_calls;
    size_t      ct_inputs;
    int         ct_divisions;
    int         gate_constant_time;
    const char *allow_findings; /* --allow-findings FILE, or NULL */
    const char *allow_template; /* --allow-template FILE, or NULL */

    /* output */
    cb_format format;
    cb_color  color;
    unsigned  build_flags;
} cb_config;

#endif
