/*
 * What an operation costs in memory (--memory), kept beside its time. Per
 * iteration of the measured loop: allocations, frees, the bytes they asked
 * for and gave back, and the difference, what each iteration leaves held (a
 * leak when above zero). Over one iteration: the peak of the bytes held, and
 * of the resident set, above what the process held when the loop started.
 * Exact counts, not estimates: the same build counts the same on a quiet or a
 * loaded machine. Counted by measure/memory_count.c, compared by
 * stats/memory_change.c, stored in the baseline, shown by every report.
 */
#ifndef CB_CORE_MEMORY_H
#define CB_CORE_MEMORY_H

#include <stddef.h>
#include <stdint.h>

typedef enum cb_memory_figure {
    CB_MEMORY_ALLOCATIONS = 0, /* malloc, calloc, realloc, aligned allocations, anonymous mmap */
    CB_MEMORY_FREES,           /* free, the old block of a realloc, munmap of a counted mapping */
    CB_MEMORY_BYTES,           /* requested by the allocations (a mapping: its length) */
    CB_MEMORY_FREED_BYTES,     /* released by the frees */
    CB_MEMORY_NET_BYTES,       /* bytes - freed bytes: held after each iteration */
    CB_MEMORY_PEAK_BYTES,      /* the most bytes held at once during one iteration */
    CB_MEMORY_PEAK_RESIDENT,   /* the resident set's peak during one iteration, in bytes; NaN
                                * where the kernel cannot reset its high-water mark */
    CB_MEMORY_NFIGURES
} cb_memory_figure;

/* The figures given per iteration; the others are peaks over one. */
#define CB_MEMORY_PER_ITERATION(f) ((f) <= CB_MEMORY_NET_BYTES)

typedef enum cb_memory_status {
    CB_MEMORY_NOT_COUNTED = 0, /* not asked for */
    CB_MEMORY_COUNTED,
    CB_MEMORY_FAILED           /* could not be counted here; `why` says why */
} cb_memory_status;

/* A change of memory, exact: any difference is real. */
typedef enum cb_memory_verdict {
    CB_MEMORY_SAME = 0, /* every figure judged is as before */
    CB_MEMORY_LESS,     /* one fell and none grew */
    CB_MEMORY_MORE      /* allocations, bytes, net bytes or the peak grew */
} cb_memory_verdict;

typedef struct cb_memory_change {
    double            old[CB_MEMORY_NFIGURES];   /* the baseline's figures */
    double            delta[CB_MEMORY_NFIGURES]; /* new - old; NaN where either is unknown */
    cb_memory_verdict verdict;
    cb_memory_figure  decided_by; /* the first judged figure that changed (MORE: grew) */
} cb_memory_change;

typedef struct cb_memory {
    cb_memory_status status;
    double           figures[CB_MEMORY_NFIGURES];
    /* the loop lengths counted were this and twice this: a per-iteration
     * figure is their difference over it, which cancels what a call of the
     * benchmark costs outside its loop and what the loop costs once */
    uint64_t         iterations;
    char            *why; /* CB_MEMORY_FAILED: why; owned */
    int              has_change;
    cb_memory_change change; /* against the baseline's, when has_change */
} cb_memory;

struct cb_run;

/* What a run's memory counts came to, counted once for every report that
 * states it: results counted, failed to count, holding memory after each
 * iteration (net bytes above zero), and, against a baseline, using more or
 * less memory than before. */
typedef struct cb_memory_summary {
    size_t counted, failed, leaking, more, less;
} cb_memory_summary;

cb_memory_summary cb_memory_summarize(const struct cb_run *run);

/* The figures a change is judged on, in the order that names what decided:
 * allocations, net bytes, bytes, peak bytes. The resident set moves by pages
 * with what the kernel does, and the frees follow from the others. */
int cb_memory_judged(cb_memory_figure f);

/* The JSON key of a figure, also the statistic a budget names: "allocations",
 * "frees", "bytes", "freed_bytes", "net_bytes", "peak_bytes",
 * "peak_resident_bytes"; and back, -1 when s is none of them. */
const char *cb_memory_figure_key(cb_memory_figure f);
int cb_memory_figure_parse(const char *s, cb_memory_figure *f);

/* True when a figure counts bytes (the others count calls). */
int cb_memory_figure_is_bytes(cb_memory_figure f);

/* "not-counted", "counted", "failed"; and back. */
const char *cb_memory_status_name(cb_memory_status s);
int cb_memory_status_parse(const char *s, cb_memory_status *status);

/* "same", "less", "more"; and back. */
const char *cb_memory_verdict_name(cb_memory_verdict v);
int cb_memory_verdict_parse(const char *s, cb_memory_verdict *v);

/* Sets m to CB_MEMORY_FAILED with a clean copy of why. */
void cb_memory_fail(cb_memory *m, const char *why);

/* Frees what m owns and zeroes it. */
void cb_memory_free(cb_memory *m);

#endif
