#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/callgrind.h"
#include "measure/valgrind.h"
#include "profile/profile.h"

#if defined(CB_HAVE_VALGRIND)
#  include <valgrind/callgrind.h>
#endif

/* Instruction counts are planned from a counted iteration, not from the wall
 * clock, so that one build runs the same iteration counts, and counts the
 * same, however loaded the machine: 3 ns per instruction under callgrind keeps
 * a run of the suite as long as a wall-planned one was (callgrind took a
 * median 1.7 ns per instruction here, AES-NI code up to 13). */
#define PLAN_NS_PER_INSTRUCTION 3.0

/* names the dumps' prefix to the child under valgrind, which reads its first
 * dump itself (the count that plans its samples) */
#define OUT_ENV "CRYPTBENCH_CALLGRIND_OUT"

/* Dump i (from 1) of out_prefix: its total instruction count. */
static int read_dump(const char *out_prefix, size_t i, double *value, cb_error *err)
{
    char  path[4200], line[256];
    FILE *f;
    int   found = 0;

    snprintf(path, sizeof path, "%s.%zu", out_prefix, i);
    f = fopen(path, "r");
    if (f == NULL) {
        return cb_error_set(err, "callgrind dump %s: %s", path, strerror(errno));
    }
    while (!found && fgets(line, sizeof line, f) != NULL) {
        found = sscanf(line, "summary: %lf", value) == 1;
    }
    fclose(f);
    return found ? 0 : cb_error_set(err, "callgrind dump %s has no summary line", path);
}

size_t cb_callgrind_dumps(const char *out_prefix)
{
    char   path[4200];
    size_t last = 0;

    do {
        snprintf(path, sizeof path, "%s.%zu", out_prefix, ++last);
    } while (access(path, F_OK) == 0);
    return last - 1;
}

int cb_callgrind_read(const char *out_prefix, size_t n, double *values, cb_error *err)
{
    /* the samples are the last n dumps, whatever the child dumped before them
     * (the counted iteration it planned with) */
    size_t last = cb_callgrind_dumps(out_prefix), i;

    if (last < n) {
        return cb_error_set(err, "callgrind wrote %zu dumps in %s, and %zu samples were taken",
                            last, out_prefix, n);
    }
    for (i = 0; i < n; i++) {
        if (read_dump(out_prefix, last - n + 1 + i, &values[i], err) != 0) {
            return -1;
        }
    }
    return 0;
}

/* the counting happens in the children; here (--test, which runs natively)
 * the wall clock keeps start and stop sound */
static const cb_clock_ops parent_ops = {
    .kind = CB_MEASURE_INSTRUCTIONS,
    .unit = "instructions",
    .now_ns = cb_clock_wall_now,
    .start = cb_clock_wall_now,
    .stop = cb_clock_wall_since,
    .start_is_wall = 1,
    .child_tool = "callgrind",
};

int cb_callgrind_open_parent(cb_clock *c, cb_error *err)
{
    if (cb_valgrind_available(err) != 0) {
        return -1;
    }
    *c = (cb_clock){ .ops = &parent_ops };
    return 0;
}

void cb_callgrind_exec(const char *out_prefix, int call_chains)
{
    char        out[4200], chains[64];
    const char *options[] = { "--collect-atstart=no", out, chains };

    snprintf(out, sizeof out, "--callgrind-out-file=%s", out_prefix);
    snprintf(chains, sizeof chains, "--separate-callers=%d", CB_PROFILE_CALLERS);
    if (setenv(OUT_ENV, out_prefix, 1) == 0) {
        cb_valgrind_exec("callgrind", options, call_chains ? 3 : 2);
    }
}

#if defined(CB_HAVE_VALGRIND)
/* the child reads back its own last dump: the prefix valgrind was given, and
 * the number callgrind gave the dump */
typedef struct child {
    char   out_prefix[4200];
    size_t dumps;
} child;

/* collection goes on as the last thing before the loop and off as the first
 * after it: what is counted is the loop */
static uint64_t toggle_on(cb_clock *c)
{
    (void) c;
    CALLGRIND_TOGGLE_COLLECT;
    return 0;
}

static uint64_t toggle_off(cb_clock *c, uint64_t mark)
{
    (void) c;
    (void) mark;
    CALLGRIND_TOGGLE_COLLECT;
    return 0;
}

static void zero(cb_clock *c)
{
    (void) c;
    CALLGRIND_ZERO_STATS;
}

/* valgrind writes a dump before the client request returns */
static int dump(cb_clock *c, double *value, cb_error *err)
{
    child *ch = c->state;

    CALLGRIND_DUMP_STATS_AT("cryptbench-sample");
    ch->dumps++;
    return read_dump(ch->out_prefix, ch->dumps, value, err);
}

static void child_close(cb_clock *c)
{
    free(c->state);
}

/* budgets stay in wall time, which valgrind stretches about fifty-fold */
static const cb_clock_ops child_ops = {
    .kind = CB_MEASURE_INSTRUCTIONS,
    .unit = "instructions",
    .now_ns = cb_clock_wall_now,
    .start = toggle_on,
    .stop = toggle_off,
    .sample_begin = zero,
    .sample_end = dump,
    .plan_ns_per_count = PLAN_NS_PER_INSTRUCTION,
    .close = child_close,
};

int cb_callgrind_open_child(cb_clock *c, cb_error *err)
{
    const char *prefix = getenv(OUT_ENV);
    child      *ch;

    if (!cb_valgrind_running()) {
        return cb_error_set(err, "not running under valgrind");
    }
    if (prefix == NULL) {
        return cb_error_set(err, "%s is not set: run under valgrind by cryptbench itself", OUT_ENV);
    }
    ch = calloc(1, sizeof *ch);
    if (ch == NULL) {
        return cb_error_set(err, "out of memory");
    }
    if (strlen(prefix) >= sizeof ch->out_prefix) {
        free(ch);
        return cb_error_set(err, "%s is longer than %zu bytes", OUT_ENV,
                            sizeof ch->out_prefix - 1);
    }
    strcpy(ch->out_prefix, prefix);
    unsetenv(OUT_ENV); /* a benchmark that runs programs must not pass it on */
    *c = (cb_clock){ .ops = &child_ops, .state = ch };
    return 0;
}
#else
int cb_callgrind_open_child(cb_clock *c, cb_error *err)
{
    (void) c;
    return cb_error_set(err, "built without valgrind's headers");
}
#endif
