/*
 * cryptbench: a Criterion-style microbenchmark harness for cryptographic code.
 *
 * This header is the whole public API. A benchmark file includes it, registers
 * its benchmarks and hands control to cb_main(), which parses the command line,
 * measures, analyses and reports exactly as the bundled crypto suite does:
 *
 *     #include <cryptbench.h>
 *
 *     static int bench_copy(cb_state *s)
 *     {
 *         unsigned char in[64] = {0}, out[64];
 *
 *         CB_LOOP(s) {
 *             memcpy(out, in, sizeof out);
 *             cb_black_box(out);
 *         }
 *         return 0;
 *     }
 *
 *     int main(int argc, char **argv)
 *     {
 *         cb_register(&(cb_bench){ .name = "mem/copy", .run = bench_copy,
 *                                  .throughput = CB_THROUGHPUT_BYTES,
 *                                  .per_iteration = 64 });
 *         return cb_main(argc, argv);
 *     }
 *
 * Build: cc -O2 my_bench.c $(pkg-config --cflags --libs cryptbench)
 */
#ifndef CRYPTBENCH_H
#define CRYPTBENCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CB_VERSION_STRING "0.1.0"
#define CB_VERSION_MAJOR 0
#define CB_VERSION_MINOR 1
#define CB_VERSION_PATCH 0

#if defined(__GNUC__) || defined(__clang__)
#  define CB_NONNULL(...) __attribute__((nonnull(__VA_ARGS__)))
#  define CB_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#  define CB_NONNULL(...)
#  define CB_PRINTF(fmt, args)
#endif

/*
 * The handle a benchmark function receives: how many iterations to run this
 * time, the timer, the benchmark's parameter and context. Owned by the harness;
 * valid only during the call it was passed to.
 */
typedef struct cb_state cb_state;

/* What one iteration processes, for the throughput line of the report. */
typedef enum cb_throughput {
    CB_THROUGHPUT_NONE = 0,
    CB_THROUGHPUT_BYTES,    /* reported as B/s ... GiB/s, and cycles/byte */
    CB_THROUGHPUT_ELEMENTS  /* reported as elem/s ... Gelem/s */
} cb_throughput;

/*
 * A benchmark definition. Only name and run are required; zero means "default"
 * for every other field, so designated initialisers read well:
 *
 *     static const uint64_t sizes[] = { 64, 1024, 16384 };
 *     cb_register(&(cb_bench){ .name = "did/sha256", .impl = "openssl",
 *                              .run = bench_sha256, .params = sizes, .nparams = 3,
 *                              .throughput = CB_THROUGHPUT_BYTES });
 *
 * registers did/sha256/64/openssl, did/sha256/1024/openssl, did/sha256/16384/openssl.
 *
 * name         "group/function": letters, digits and "-_.+=,:" in each part, at most
 *              200 characters.
 * impl         optional implementation ("libsodium", "openssl"): appended last, so the
 *              same primitive in two libraries is reported side by side.
 * run          the measured function; see CB_LOOP. Returns 0, or nonzero (best through
 *              cb_state_fail) when the primitive failed: the benchmark is then FAILED.
 * check        optional: run once, untimed, before warm-up, for a known-answer test.
 *              Nonzero marks the benchmark FAILED and it is never timed.
 * ctx          handed back by cb_state_ctx().
 * throughput   unit of per_iteration.
 * per_iteration units processed by one iteration; 0 means "the parameter".
 * params       optional list: one benchmark per value, named ".../<value>"; each
 *              below 2^63, as per_iteration.
 * param_name   what the parameter counts ("bytes", "iterations", "KiB"), for plots.
 * sample_size  this benchmark's default sample count (a KDF wants 10, not 100);
 *              an explicit --sample-size on the command line still wins.
 * measurement_time  this benchmark's default measurement time in seconds, for a
 *              routine too slow for the runner's default (Criterion's
 *              group.measurement_time); --measurement-time and --quick win.
 * variant_of   optional: the name of the benchmark this one is a variant of, which
 *              does the same work plus one cost (a fresh context per message, an
 *              algorithm fetched per call). Each instance is paired with the base's
 *              instance of the same parameters and implementation, and the group
 *              summary states the difference as that cost.
 * variant      what the variant adds, for that summary: "key set-up".
 */
typedef struct cb_bench {
    const char *name;
    const char *impl;
    int (*run)(cb_state *s);
    int (*check)(cb_state *s);
    void *ctx;
    cb_throughput throughput;
    uint64_t per_iteration;
    const uint64_t *params;
    size_t nparams;
    const char *param_name;
    size_t sample_size;
    double measurement_time;
    const char *variant_of;
    const char *variant;
} cb_bench;

/*
 * Registers a benchmark (and its parameters). Copies everything it is given, so
 * the definition may live on the stack. Returns 0, or -1 when the definition is
 * unusable (no name or run function, a malformed name, an impossible parameter
 * list); the reason is printed by cb_main() before it runs anything.
 */
int cb_register(const cb_bench *bench) CB_NONNULL(1);

/*
 * Parses the command line, runs or analyses, reports, and returns the process
 * exit status: 0 all well, 1 a benchmark failed (or, with --gate, regressed),
 * 2 a usage or input error. `cryptbench --help` lists every option.
 *
 * cb_main is a macro so that it can tell the runner how the calling file was
 * compiled: a benchmark built without optimisation is warned about, loudly.
 */
int cb_main_with_build(int argc, char **argv, unsigned build_flags) CB_NONNULL(2);

#define CB_BUILD_OPTIMIZED 1u
#define CB_BUILD_SANITIZED 2u
#if defined(__OPTIMIZE__)
#  define CB_BUILD_FLAGS_OPT_ CB_BUILD_OPTIMIZED
#else
#  define CB_BUILD_FLAGS_OPT_ 0u
#endif
#if defined(__SANITIZE_ADDRESS__)
#  define CB_BUILD_FLAGS_SAN_ CB_BUILD_SANITIZED
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define CB_BUILD_FLAGS_SAN_ CB_BUILD_SANITIZED
#  endif
#endif
#ifndef CB_BUILD_FLAGS_SAN_
#  define CB_BUILD_FLAGS_SAN_ 0u
#endif
#define cb_main(argc, argv) \
    cb_main_with_build((argc), (argv), CB_BUILD_FLAGS_OPT_ | CB_BUILD_FLAGS_SAN_)

/*
 * The measured loop. The harness decides how many iterations a call must run;
 * the function's set-up before the loop and its tear-down after it are not
 * timed. The body must not `break` or `return` out of the loop (the timer would
 * be left running and the benchmark is reported FAILED):
 *
 *     CB_LOOP(s) {
 *         crypto_hash_sha256(out, in, sizeof in);
 *         cb_black_box(out);
 *     }
 *
 * Equivalent to n = cb_state_start(s); for (i = 0; i < n; i++) {...} cb_state_stop(s);
 * the loop itself costs one compare-and-branch per iteration.
 */
#define CB_LOOP(s)                                                                \
    for (uint64_t cb_loop_n_ = cb_state_start(s), cb_loop_i_ = 0;                  \
         cb_loop_i_ < cb_loop_n_ || (cb_state_stop(s), 0); cb_loop_i_++)

/* The number of iterations this call of run() must perform, in total. */
uint64_t cb_state_iterations(const cb_state *s) CB_NONNULL(1);

/*
 * Starts (or resumes) the timer and returns cb_state_iterations(s). start/stop
 * pairs may be repeated within one call, to keep per-batch set-up (fresh nonces,
 * say) out of the measurement; their times add up. Each pair costs two clock
 * reads (about 20 ns with CLOCK_MONOTONIC): batch at least a few hundred
 * iterations per pair so that it stays below the noise.
 */
uint64_t cb_state_start(cb_state *s) CB_NONNULL(1);

/* Stops the timer started by cb_state_start(). */
void cb_state_stop(cb_state *s) CB_NONNULL(1);

/* The parameter of a parameterised benchmark (0 if it has none). */
uint64_t cb_state_param(const cb_state *s) CB_NONNULL(1);

/* The ctx pointer of the definition. */
void *cb_state_ctx(const cb_state *s) CB_NONNULL(1);

/* The benchmark's full name, "group/function/param/impl". */
const char *cb_state_name(const cb_state *s) CB_NONNULL(1);

/*
 * Records why the benchmark failed and returns -1, so that a failing check reads
 *     if (crypto_sign(...) != 0) return cb_state_fail(s, "crypto_sign returned %d", rc);
 * The first failure recorded is the one reported.
 */
int cb_state_fail(cb_state *s, const char *fmt, ...) CB_NONNULL(1, 2) CB_PRINTF(2, 3);

/*
 * Attaches a note printed with the result, e.g. "below OWASP 2023 guidance
 * (600000 iterations)". Call it from check() or run(); the last note wins.
 */
void cb_state_note(cb_state *s, const char *fmt, ...) CB_NONNULL(1, 2) CB_PRINTF(2, 3);

/*
 * Makes the compiler believe that the memory p points to is read and written,
 * so that work whose result is otherwise unused is not deleted. An empty asm
 * statement: it costs no instruction.
 */
static inline void cb_black_box(const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
    __asm__ __volatile__("" : : "r"(p) : "memory");
#else
    static const void *volatile sink;
    sink = p;
#endif
}

/*
 * Records a fact about this run in every baseline it writes and every report:
 * the version of the library under test, a data set, a build option (Google
 * Benchmark's AddCustomContext):
 *
 *     cb_context_add("libsodium", sodium_version_string());
 *
 * A baseline whose facts differ from this run's is compared with a warning
 * that names them, like one from another machine. key: 1 to 64 of
 * [A-Za-z0-9-_.]; value: at most 256 bytes. Adding a key again replaces its
 * value. Call it before cb_main(). Returns 0, or -1 (the reason is printed by
 * cb_main() before it runs anything).
 */
int cb_context_add(const char *key, const char *value);

/* The library's version, which may differ from CB_VERSION_STRING of the header. */
const char *cb_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* CRYPTBENCH_H */
