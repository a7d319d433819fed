/*
 * What the constant-time checks found about a benchmark, kept beside its
 * speed: the exact check (valgrind's memcheck, with the bytes the benchmark
 * declared secret marked undefined) and the statistical one (dudect's Welch
 * t-tests on the timings of two classes of inputs). Filled by lib/check,
 * stored in the baseline, read by every reporter.
 */
#ifndef CB_CHECK_RESULT_H
#define CB_CHECK_RESULT_H

#include <stddef.h>
#include <stdint.h>

/* Which checks a run makes (--check), as bits. */
#define CB_CHECK_CONSTANT_TIME 1u /* exact, under memcheck */
#define CB_CHECK_TIMING_LEAK 2u   /* statistical, dudect */

typedef enum cb_check_status {
    CB_CHECK_NOT_RUN = 0,  /* not asked for */
    CB_CHECK_SKIPPED,      /* the benchmark declares nothing the check needs */
    CB_CHECK_PASSED,       /* exact: no finding; statistical: no leak detected */
    CB_CHECK_LEAKS,        /* exact: findings; statistical: max |t| above the threshold */
    CB_CHECK_INCONCLUSIVE, /* statistical: too few measurements for any test to count */
    CB_CHECK_FAILED        /* the check could not run; `why` says why */
} cb_check_status;

/* What memcheck saw a secret decide. */
typedef enum cb_finding_kind {
    CB_FINDING_BRANCH = 0, /* "Conditional jump or move depends on uninitialised value(s)" */
    CB_FINDING_ACCESS,     /* "Use of uninitialised value": an address computed from it */
    CB_FINDING_SYSCALL     /* "Syscall param ...": a secret handed to the kernel */
} cb_finding_kind;

#define CB_FINDING_KINDS 3

/* A finding keeps at most this many frames of its backtrace. */
#define CB_FINDING_MAX_FRAMES 16

/* One finding: its kind and the function names of its backtrace, innermost
 * first, cut where the harness called the benchmark. */
typedef struct cb_finding {
    cb_finding_kind kind;
    char          **frames; /* owned, nframes of them */
    size_t          nframes;
    int             is_new; /* the baseline's result for the benchmark lacks it */
} cb_finding;

typedef struct cb_check_exact {
    cb_check_status status;
    uint64_t        secret_bytes; /* declared with cb_secret() in one call of each function */
    cb_finding     *findings;     /* owned; in the order memcheck reported them */
    size_t          nfindings;
    size_t          other_errors; /* memcheck errors no secret caused (a bug, not a leak) */
    size_t          nnew;         /* findings marked is_new */
    double          seconds;      /* the check's wall time */
    char           *why;          /* CB_CHECK_FAILED: why; owned */
} cb_check_exact;

/* Which of dudect's tests a statistic comes from. */
typedef enum cb_leak_test {
    CB_LEAK_TEST_RAW = 0,     /* every measurement */
    CB_LEAK_TEST_CROPPED,     /* those below a percentile of the first batch */
    CB_LEAK_TEST_SECOND_ORDER /* the squared distance of each from its class's mean */
} cb_leak_test;

typedef struct cb_check_leak {
    cb_check_status status;
    uint64_t        measurements; /* timed calls that entered the tests */
    double          max_t;        /* the largest |t| over the tests that count */
    cb_leak_test    test;         /* the test it came from */
    double          crop;         /* CB_LEAK_TEST_CROPPED: the percentile, 0..100 */
    uint64_t        test_measurements; /* measurements in that test */
    double          threshold;    /* |t| above it: a leak is likely */
    double          seconds;      /* the check's wall time */
    char           *why;          /* CB_CHECK_FAILED: why; owned */
} cb_check_leak;

typedef struct cb_checks {
    cb_check_exact exact;
    cb_check_leak  leak;
} cb_checks;

/* Frees what c owns and zeroes it (every status back to CB_CHECK_NOT_RUN). */
void cb_checks_free(cb_checks *c);

/* The same for one exact check's. */
void cb_check_exact_free(cb_check_exact *e);

/* Appends a finding with copies of frames[0..n); -1 when out of memory. */
int cb_check_exact_add(cb_check_exact *e, cb_finding_kind kind, const char *const *frames,
                       size_t n);

/* True when f is of kind and its backtrace is frames[0..n): the same finding,
 * whatever the addresses were. */
int cb_finding_is(const cb_finding *f, cb_finding_kind kind, const char *const *frames, size_t n);

/* Sets c's status to CB_CHECK_FAILED with a copy of why (exact or leak: the
 * why of the one given). */
void cb_check_fail(cb_check_status *status, char **why_field, const char *why);

/* "secret-dependent branch", "secret-dependent memory access", "secret
 * passed to a system call". */
const char *cb_finding_kind_label(cb_finding_kind kind);

/* The JSON spelling of a kind: "branch", "memory-access", "syscall"; and
 * back: -1 when s is none of them. */
const char *cb_finding_kind_name(cb_finding_kind kind);
int cb_finding_kind_parse(const char *s, cb_finding_kind *kind);

/* The JSON spelling of a status: "not-run", "skipped", "passed", "leaks",
 * "inconclusive", "failed"; and back. */
const char *cb_check_status_name(cb_check_status s);
int cb_check_status_parse(const char *s, cb_check_status *status);

/* The JSON spelling of a test: "raw", "cropped", "second-order"; and back. */
const char *cb_leak_test_name(cb_leak_test t);
int cb_leak_test_parse(const char *s, cb_leak_test *t);

/* The exact check's verdict in words, into buf: "secret-dependent branch",
 * "secret-dependent branch and memory access", ... for findings; "no
 * secret-dependent branch or memory access" when it passed; "skipped:
 * declares no secrets"; "failed: WHY". */
void cb_check_exact_verdict(const cb_check_exact *e, char *buf, size_t size);

/* The statistical check's verdict in words, never "constant time": "leak
 * likely: max |t| = 41.3 ...", "no leak detected at 1000000 measurements
 * (max |t| = 1.62)", "inconclusive: ...", "skipped: ...", "failed: WHY". */
void cb_check_leak_verdict(const cb_check_leak *l, char *buf, size_t size);

/* A finding's backtrace as one line, "bcmp < compare_run", into buf (cut to
 * fit). */
void cb_finding_backtrace(const cb_finding *f, char *buf, size_t size);

#endif
