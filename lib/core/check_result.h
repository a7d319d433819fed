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

/*
 * One frame of a backtrace, as memcheck named it (run with --sym-offsets and
 * full source paths): its function, where debug information has it its
 * source file and line, and the program or library it is in.
 */
typedef struct cb_frame {
    char    *function;   /* its symbol, "???" when it has none; owned */
    char    *file;       /* its source file, relative to the directory the check ran
                          * in when under it, or NULL without debug information; owned */
    unsigned line;       /* with file */
    char    *object;     /* the file name of the program or library, no directory, or
                          * NULL when unknown; owned */
    int      has_offset; /* without file: offset below is known */
    uint64_t offset;     /* without file: bytes from the function's start, or from the
                          * object's ("???") */
} cb_frame;

/* When memcheck first reported a finding: which part of the check's run. */
typedef enum cb_check_phase {
    CB_PHASE_SETUP = 0, /* setup, or before the first input */
    CB_PHASE_RUN,       /* run, for a benchmark without input classes */
    CB_PHASE_CLASS0,    /* run, on an input of class 0 */
    CB_PHASE_CLASS1,    /* run, on an input of class 1 */
    CB_PHASE_TEARDOWN
} cb_check_phase;

#define CB_CHECK_PHASES 5

/*
 * One finding: a site, the innermost frame outside valgrind's own
 * replacements of libc functions (a bcmp on a secret is the call's site, not
 * memcheck's bcmp), with the backtrace through which memcheck first reached
 * it, innermost first, cut where the harness called the benchmark. Two
 * findings are the same when their kind and site are (cb_finding_same): the
 * same file and line, or without debug information the same function and
 * offset in it, wherever a rebuild placed them.
 */
typedef struct cb_finding {
    cb_finding_kind kind;
    cb_frame       *frames; /* owned, nframes of them, at least one */
    size_t          nframes;
    size_t          site;   /* the index of its site in frames */
    size_t          paths;  /* memcheck's errors at this site: backtraces that reached it */
    cb_check_phase  phase;  /* when memcheck first reported it */
    size_t          input;  /* CB_PHASE_CLASS0/1: which input of its class (0-based) */
    /* what the run's comparison and the allow-list made of it (cb_check_accept); not stored */
    int             is_new;     /* the baseline's result lacks it */
    char           *allowed_by; /* the allow-list entry that accepts it, or NULL; owned */
    int             accepted;   /* allowed, or held by a baseline named with --baseline */
} cb_finding;

/* A division the checked calls executed (--ct-divisions): an instruction
 * whose time may depend on its operands, which no check follows. */
typedef struct cb_division {
    char    *instruction; /* "div", "idiv", "divsd", "sqrtsd", ...; owned */
    cb_frame where;       /* its function, source line and object; offset: its address
                           * in the object */
    uint64_t executed;    /* times it ran in the check's calls */
} cb_division;

typedef struct cb_check_exact {
    cb_check_status status;
    uint64_t        secret_bytes; /* declared with cb_secret() in setup and one input's call */
    size_t          inputs;       /* inputs of each class run (0: no input classes, one call) */
    cb_finding     *findings;     /* owned; one per site, in the order memcheck reported them */
    size_t          nfindings;
    size_t          other_errors; /* memcheck errors no secret caused (a bug, not a leak) */
    size_t          nnew;         /* findings marked is_new */
    size_t          nallowed;     /* findings an allow-list entry accepts */
    size_t          nunaccepted;  /* findings neither allowed nor in an explicit baseline:
                                   * what --gate-constant-time fails on */
    int             divisions_listed; /* --ct-divisions ran: divisions below is the list */
    cb_division    *divisions;    /* owned; by object and address */
    size_t          ndivisions;
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
    double          crop;         /* CB_LEAK_TEST_CROPPED: the percentile of the first
                                   * (calibration) batch the timings were cropped below */
    double          crop_cycles;  /* ...which was this many cycles a measurement */
    uint64_t        test_measurements; /* measurements in that test */
    double          threshold;    /* |t| above it: a leak is likely */
    double          tau;          /* max_t / sqrt(test_measurements): the effect size */
    double          needed;       /* measurements a leak of size tau needs for |t| =
                                   * threshold, at the test's share of the run's;
                                   * +inf when tau is 0 */
    double          median[2];    /* each class's median, cycles a call; NaN: none */
    uint64_t        calls;        /* calls of the same input each measurement timed */
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

/* Appends a finding of kind with copies of frames[0..n) (n >= 1), its site
 * frames[site], found once (paths 1) in phase at input; -1 when out of
 * memory. */
int cb_check_exact_add(cb_check_exact *e, cb_finding_kind kind, const cb_frame *frames, size_t n,
                       size_t site, cb_check_phase phase, size_t input);

/* Appends a division of instruction at where, executed times: -1 when out
 * of memory. */
int cb_check_exact_add_division(cb_check_exact *e, const char *instruction, const cb_frame *where,
                                uint64_t executed);

/* Copies src into dst (which owns nothing yet): 0, or -1 out of memory. */
int cb_frame_copy(cb_frame *dst, const cb_frame *src);

void cb_frame_free(cb_frame *f);

/* True when a and b are the same site: the same source file (one path the
 * other's trailing components: "ct.c", "bench/ct.c" and "/src/x/bench/ct.c"
 * are one file) and line; without debug information, the same function and
 * offset (or, without a symbol, the same object and offset). */
int cb_frame_same_site(const cb_frame *a, const cb_frame *b);

/* True when a and b are the same finding: their kind and site. */
int cb_finding_same(const cb_finding *a, const cb_finding *b);

/* True when path names the file that pattern does: equal, or pattern is the
 * trailing components of path. */
int cb_source_path_is(const char *path, const char *pattern);

/* Where a frame is, into buf: "bench/ct.c:41"; "compare_run+42 (cryptbench)"
 * without debug information; "??? (libcrypto.so.3+0x1a2b3c)" without a
 * symbol. */
void cb_frame_location(const cb_frame *f, char *buf, size_t size);

/* Where a division is, into buf: its source line, "bench/ct.c:41", or
 * without debug information its address in its object,
 * "libcrypto.so.3+0x22dcb3" (no function start is known to count from). */
void cb_division_location(const cb_division *d, char *buf, size_t size);

/* "setup", "run", "class 0", "class 1", "teardown"; and the JSON spelling,
 * "setup", "run", "class-0", "class-1", "teardown", and back. */
const char *cb_check_phase_label(cb_check_phase p);
const char *cb_check_phase_name(cb_check_phase p);
int cb_check_phase_parse(const char *s, cb_check_phase *p);

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
 * "secret-dependent branch and memory access at 2 sites", ... for findings;
 * "no secret-dependent branch or memory access; divisions not checked" when
 * it passed; "skipped:
 * declares no secrets"; "failed: WHY". */
void cb_check_exact_verdict(const cb_check_exact *e, char *buf, size_t size);

/* The statistical check's verdict in words, never "constant time": "leak
 * likely: max |t| = 41.3 ...", "no leak detected at 1000000 measurements
 * (max |t| = 1.62, raw timings)", "inconclusive: ...", "skipped: ...",
 * "failed: WHY". A cropped test is named by the share of the run's timings
 * it kept and its threshold in cycles. */
void cb_check_leak_verdict(const cb_check_leak *l, char *buf, size_t size);

/* A finding's backtrace as one line of function names, innermost first,
 * "bcmp < early_exit_compare < compare_run", into buf (cut to fit). */
void cb_finding_backtrace(const cb_finding *f, char *buf, size_t size);

#endif
