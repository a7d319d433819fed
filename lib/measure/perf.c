/* syscall() is not POSIX */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/perf.h"

/* Instruction counts are planned from a counted iteration (measure/callgrind.c
 * says why): at about native code's pace under perf. */
#define PLAN_NS_PER_INSTRUCTION 0.3

#if defined(__linux__)
#  include <linux/perf_event.h>
#  include <sys/syscall.h>

typedef struct perf {
    int fd;
} perf;

static uint64_t perf_read(cb_clock *c)
{
    uint64_t count = 0;

    if (read(((perf *) c->state)->fd, &count, sizeof count) != (ssize_t) sizeof count) {
        c->failed = 1; /* a zero would be a measurement; this is none */
    }
    return count;
}

static uint64_t perf_stop(cb_clock *c, uint64_t mark)
{
    return perf_read(c) - mark;
}

/* -1 and errno when the kernel refuses */
static int open_counter(void)
{
    struct perf_event_attr attr;

    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    /* user space only: the kernel's share depends on interrupts and page faults,
     * which is exactly the noise an instruction count is meant to shed */
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    return (int) syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
}

static void perf_close(cb_clock *c)
{
    perf *p = c->state;

    if (p != NULL && p->fd >= 0) {
        close(p->fd);
    }
    free(p);
}

/* a counter counts the thread that opened it: a forked child opens its own */
static int perf_reopen(cb_clock *c, cb_error *err)
{
    perf *p = c->state;

    close(p->fd);
    p->fd = open_counter();
    if (p->fd < 0) {
        return cb_error_set(err, "--measure instructions: perf_event_open refused (%s)",
                            strerror(errno));
    }
    return 0;
}

static const cb_clock_ops perf_ops = {
    .kind = CB_MEASURE_INSTRUCTIONS,
    .unit = "instructions",
    .now_ns = cb_clock_wall_now,
    .start = perf_read,
    .stop = perf_stop,
    .plan_ns_per_count = PLAN_NS_PER_INSTRUCTION,
    .reopen = perf_reopen,
    .close = perf_close,
};

int cb_perf_open(cb_clock *c, cb_error *err)
{
    perf *p = malloc(sizeof *p);

    if (p == NULL) {
        return cb_error_set(err, "out of memory");
    }
    p->fd = open_counter();
    if (p->fd < 0) {
        free(p);
        return cb_error_set(err, "--measure instructions: perf_event_open refused (%s)",
                            strerror(errno));
    }
    *c = (cb_clock){ .ops = &perf_ops, .state = p };
    if (perf_read(c) == 0 && perf_read(c) == 0) {
        perf_close(c);
        return cb_error_set(err, "--measure instructions: the instruction counter reads 0 "
                                 "(no PMU in this virtual machine?)");
    }
    return 0;
}
#else
int cb_perf_open(cb_clock *c, cb_error *err)
{
    (void) c;
    return cb_error_set(err, "--measure instructions: not supported on this platform");
}
#endif
