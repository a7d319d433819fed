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

/*
 * The library is built with hidden visibility: what this header declares is
 * all it exports, to a static link and a shared one alike.
 */
#if defined(__GNUC__) || defined(__clang__)
#  pragma GCC visibility push(default)
#endif

#define CB_VERSION_STRING "0.2.0"
#define CB_VERSION_MAJOR 0
#define CB_VERSION_MINOR 2
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

/* At most this many named axes per benchmark. */
#define CB_MAX_AXES 4

/*
 * A named parameter axis (Google Benchmark's ArgNames and ArgsProduct): the
 * benchmark is registered once for every combination of its axes' values,
 * each point named ".../<name>=<value>", e.g. kdf/argon2id/mem_kib=19456/passes=2.
 *
 * name    letters, digits, "-_.": cb_state_arg() finds the value by it.
 * values  at least one, each below 2^63.
 * unit    optional: what one step of the axis counts, singular ("pass", "KiB",
 *         "byte"), for the fits of the group summary ("12.3 ms per pass");
 *         without it, the name with its plural "s" dropped.
 */
typedef struct cb_axis {
    const char     *name;
    const uint64_t *values;
    size_t          n;
    const char     *unit;
} cb_axis;

/*
 * One point of a benchmark's parameters, handed to cb_bench.configure before
 * it is measured: args[i] is the value on axis i (of .axes, or the one value
 * of .params). sample_size and measurement_time come in as the benchmark's
 * own and may be changed for this point, e.g. a KDF sweep whose calls cost
 * 10 ms at one end and 1 s at the other.
 */
typedef struct cb_point {
    const uint64_t *args;
    size_t          nargs;
    size_t          sample_size;
    double          measurement_time;
} cb_point;

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
 *              The harness calls it many times (warm-up, each sample): set-up that
 *              should run once belongs in setup.
 * check        optional: run once, untimed, before warm-up, for a known-answer test.
 *              Nonzero marks the benchmark FAILED and it is never timed.
 * setup        optional fixture: run once per benchmark process, before check, to
 *              build what every call of run shares (keys, contexts, a buffer);
 *              cb_state_set_fixture() keeps it, cb_state_fixture() hands it back.
 *              Nonzero marks the benchmark FAILED.
 * teardown     optional: run once after the last call, whenever setup succeeded.
 * ctx          handed back by cb_state_ctx(): the registration's own data, e.g. the
 *              entry of a table of primitives that one run function serves.
 * throughput   unit of per_iteration.
 * per_iteration units processed by one iteration; 0 means "the value of the first
 *              parameter" (of params, or of the first axis).
 * params       optional list: one benchmark per value, named ".../<value>"; each
 *              below 2^63, as per_iteration.
 * param_name   what the parameter counts ("bytes", "iterations", "KiB"), for plots.
 * axes, naxes  optional, instead of params: named axes, one benchmark per
 *              combination of their values (see cb_axis).
 * configure    optional: adjusts each point's sample size and measurement time
 *              (see cb_point) before it is measured.
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
 * prepare_input optional, for the timing-leak check (--check timing-leak;
 *              docs/constant-time.md): fills `input`, input_size bytes, for
 *              class 0 or 1, untimed. Class 0 is usually a fixed value, class 1 a
 *              random one (dudect's "fix vs random"). run reads it through
 *              cb_state_input(); the check calls run with one iteration per
 *              input, classes drawn at random, and compares the two classes'
 *              timings. Every other run gets one input of class 0. Returns 0, or
 *              nonzero (best through cb_state_fail) when it cannot.
 * input_size   bytes of that input, 1 to CB_INPUT_MAX; given with prepare_input.
 * threads, nthreads  optional thread counts (at most CB_MAX_THREAD_COUNTS, each
 *              from 1 to CB_MAX_THREADS): the benchmark is also measured on that
 *              many threads at once, and on one, each reported as
 *              ".../threads:N" with its aggregate throughput, its scaling against
 *              one thread and the latency of single calls; --threads on the
 *              command line replaces them. Each thread has its own cb_state and
 *              runs setup for a fixture of its own: a run function measured on
 *              threads keeps what it writes in its fixture or on its stack,
 *              never in a static.
 */
typedef struct cb_bench {
    const char *name;
    const char *impl;
    int (*run)(cb_state *s);
    int (*check)(cb_state *s);
    int (*setup)(cb_state *s);
    void (*teardown)(cb_state *s);
    void *ctx;
    cb_throughput throughput;
    uint64_t per_iteration;
    const uint64_t *params;
    size_t nparams;
    const char *param_name;
    const cb_axis *axes;
    size_t naxes;
    void (*configure)(cb_point *point);
    size_t sample_size;
    double measurement_time;
    const char *variant_of;
    const char *variant;
    int (*prepare_input)(cb_state *s, int input_class, void *input);
    size_t input_size;
    const unsigned *threads;
    size_t nthreads;
} cb_bench;

/* The largest input prepare_input may fill. */
#define CB_INPUT_MAX ((size_t) 1 << 20)

/* Limits of cb_bench.threads and of --threads. */
#define CB_MAX_THREAD_COUNTS 16
#define CB_MAX_THREADS 1024

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

/*
 * Per-iteration inputs prepared outside the timer, in batches (Criterion's
 * iter_batched): each batch's inputs are made untimed, then the batch runs
 * timed. A batch costs one start/stop pair, two clock reads; at 256 inputs a
 * batch that is a few hundredths of a nanosecond per iteration (make
 * bench-self measures it), so a 100 ns primitive is not distorted:
 *
 *     unsigned char nonces[256][24];
 *
 *     CB_BATCHES(s, n, 256) {                    // n inputs this time, at most 256
 *         randombytes_buf(nonces, n * sizeof nonces[0]);   // untimed
 *         CB_BATCH_LOOP(s, i, n) {               // timed, i from 0 to n - 1
 *             crypto_aead_xchacha20poly1305_ietf_encrypt(ct, NULL, pt, len, NULL, 0,
 *                                                       NULL, nonces[i], key);
 *             cb_black_box(ct);
 *         }
 *     }
 *
 * The batches add up to cb_state_iterations(s). As in CB_LOOP, the body of
 * CB_BATCH_LOOP must not break or return.
 */
#define CB_BATCHES(s, n, size)                                                     \
    for (uint64_t n = cb_state_batch((s), (size)); n != 0; n = cb_state_batch((s), (size)))

#define CB_BATCH_LOOP(s, i, n)                                                     \
    for (uint64_t cb_batch_n_ = cb_state_batch_start((s), (n)), i = 0;             \
         i < cb_batch_n_ || (cb_state_stop(s), 0); i++)

/* The size of the next batch, at most `size` (> 0), or 0 when this call's
 * iterations are all handed out; see CB_BATCHES. */
uint64_t cb_state_batch(cb_state *s, uint64_t size) CB_NONNULL(1);

/* What CB_BATCH_LOOP calls: starts the timer (as cb_state_start()) for the n
 * iterations of the batch CB_BATCHES just handed out, and returns n. A loop
 * outside CB_BATCHES, or longer than its batch, fails the benchmark (its time
 * per iteration would mean nothing) and runs 0 iterations; loops that run
 * fewer iterations than their batches fail it at the end of the call. */
uint64_t cb_state_batch_start(cb_state *s, uint64_t n) CB_NONNULL(1);

/* The parameter of a parameterised benchmark: the value of params, or of the
 * first axis (0 if it has none). */
uint64_t cb_state_param(const cb_state *s) CB_NONNULL(1);

/* The value of the axis named `axis` at this point (of .axes, or of .params
 * named by .param_name). An axis it does not have fails the benchmark, naming
 * the axes it has, and returns 0. */
uint64_t cb_state_arg(cb_state *s, const char *axis) CB_NONNULL(1, 2);

/* Keeps the fixture that setup built, for every later call. */
void cb_state_set_fixture(cb_state *s, void *fixture) CB_NONNULL(1);

/* The fixture setup kept, or NULL. */
void *cb_state_fixture(const cb_state *s) CB_NONNULL(1);

/*
 * Adds value to the custom counter `name` (Google Benchmark's counters): call
 * it in run with what this call's iterations processed in all, e.g. the
 * blocks a cipher encrypted. The report gives each counter per iteration and
 * per second of the timed sections. name: 1 to 31 of [A-Za-z0-9-_.]; at most
 * 8 counters.
 */
void cb_state_counter(cb_state *s, const char *name, double value) CB_NONNULL(1, 2);

/*
 * The constant-time checks (docs/constant-time.md).
 *
 * cb_secret() declares the n bytes at p secret: a key, a signing seed, a
 * password, a tag to compare with. Under --check constant-time the benchmark
 * runs once under valgrind's memcheck with those bytes marked undefined (as
 * BoringSSL's CONSTTIME_SECRET), and every branch and every memory address
 * that depends on them is reported with its backtrace. Declare a secret after
 * it is written (writing it makes it defined again), in setup, prepare_input
 * or run, before the timed loop. Outside that check it only counts the bytes:
 * a benchmark that declares none is skipped by the check, and listed so.
 *
 * cb_declassify() makes the n bytes at p public again, for what may depend on
 * a secret by design: a comparison's verdict before the benchmark branches on
 * it, a public key derived from a secret key, a ciphertext.
 *
 *     cb_secret(s, key, sizeof key);
 *     CB_LOOP(s) {
 *         rc |= crypto_scalarmult(shared, key, peer_pk);
 *     }
 *     cb_declassify(s, &rc, sizeof rc);          // the result is public
 *     if (rc != 0) return cb_state_fail(s, "crypto_scalarmult returned %d", rc);
 *
 * A NULL p with n > 0, a range past the end of memory, or n above
 * CB_SECRET_MAX fails the benchmark (cb_state_fail), in every run: such a
 * declaration would check nothing, or mark memory that is not the secret's.
 */
#define CB_SECRET_MAX ((size_t) 1 << 28)
void cb_secret(cb_state *s, const void *p, size_t n) CB_NONNULL(1);
void cb_declassify(cb_state *s, const void *p, size_t n) CB_NONNULL(1);

/* The input prepare_input filled for this call of run, input_size bytes; NULL
 * when the benchmark declares no prepare_input. */
void *cb_state_input(const cb_state *s) CB_NONNULL(1);

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

#if defined(__GNUC__) || defined(__clang__)
#  pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* CRYPTBENCH_H */
