/* syscall() is not POSIX */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "measure/perf.h"

#if defined(__linux__)
#  include <linux/perf_event.h>
#  include <sys/ioctl.h>
#  include <sys/syscall.h>

static uint64_t perf_read(cb_clock *c)
{
    uint64_t count = 0;

    if (read(c->fd, &count, sizeof count) != (ssize_t) sizeof count) {
        c->failed = 1; /* a zero would be a measurement; this is none */
    }
    return count;
}

static uint64_t perf_stop(cb_clock *c, uint64_t mark)
{
    return perf_read(c) - mark;
}

int cb_instructions_open(cb_clock *c, cb_error *err)
{
    struct perf_event_attr attr;
    long                   fd;
    uint64_t               probe;

    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    /* user space only: the kernel's share depends on interrupts and page faults,
     * which is exactly the noise an instruction count is meant to shed */
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    if (fd < 0) {
        return cb_error_set(err, "--measure instructions: perf_event_open refused (%s)",
                            strerror(errno));
    }
    c->fd = (int) fd;
    c->start = perf_read;
    c->stop = perf_stop;
    c->plan_ns_per_count = CB_PLAN_NS_PER_INSTRUCTION_NATIVE;
    probe = perf_read(c);
    if (probe == 0 && perf_read(c) == 0) {
        cb_instructions_close(c);
        return cb_error_set(err, "--measure instructions: the instruction counter reads 0 "
                                 "(no PMU in this virtual machine?)");
    }
    return 0;
}

void cb_instructions_close(cb_clock *c)
{
    if (c->fd >= 0) {
        close(c->fd);
        c->fd = -1;
    }
}
#else
int cb_instructions_open(cb_clock *c, cb_error *err)
{
    (void) c;
    return cb_error_set(err, "--measure instructions: not supported on this platform");
}

void cb_instructions_close(cb_clock *c)
{
    (void) c;
}
#endif
