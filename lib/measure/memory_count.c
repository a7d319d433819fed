#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "measure/child.h"
#include "measure/memory_count.h"
#include "measure/process.h"
#include "measure/protocol.h"

/* The allocation counter, built by the Makefile from preload/memory_counter.c
 * and embedded here as its bytes. */
static const unsigned char counter[] = {
#include "memory_counter.so.inc"
};

typedef struct job {
    const cb_instance *inst;
    size_t             threads;
} job;

/* Writes the counter into an anonymous file that the exec keeps open: its
 * descriptor, or -1 with errno. */
static int counter_file(void)
{
    int    fd = memfd_create("cryptbench-memory-counter", 0);
    size_t done = 0;

    while (fd >= 0 && done < sizeof counter) {
        ssize_t n = write(fd, counter + done, sizeof counter - done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            close(fd);
            return -1;
        }
        done += (size_t) n;
    }
    return fd;
}

/* In the forked child: becomes this program afresh, the counter preloaded
 * ahead of whatever LD_PRELOAD held (an allocator preloaded on purpose is
 * then the one counted). Returns only by exiting, after a report of why the
 * exec failed. */
static void exec_counted(int fd, void *arg)
{
    const job  *j = arg;
    const char *preload = getenv("LD_PRELOAD");
    char       *libs;
    int         so = counter_file();
    FILE       *f;

    if (so >= 0) {
        libs = malloc(strlen("/proc/self/fd/:") + 24 + (preload != NULL ? strlen(preload) : 0));
        if (libs != NULL) {
            sprintf(libs, "/proc/self/fd/%d%s%s", so, preload != NULL && *preload != '\0' ? ":" : "",
                    preload != NULL ? preload : "");
            if (setenv("LD_PRELOAD", libs, 1) == 0 &&
                cb_child_request_set(CB_MEMORY_ENV, fd, so, j->threads, j->inst->name) == 0) {
                /* by /proc, not by name: a rebuild may have replaced the file */
                execl("/proc/self/exe", "cryptbench", (char *) NULL);
            }
        }
    }
    f = fdopen(fd, "w");
    if (f != NULL) {
        char why[256];

        snprintf(why, sizeof why, "cannot start the counting process: %s", strerror(errno));
        cb_protocol_write_failure(f, why);
        fclose(f);
    }
    _exit(3);
}

/* The report's "memory ITERATIONS FIGURES..." line into out: 0, or -1 when
 * it has none or it is malformed. */
static int parse(const char *report, cb_memory *out)
{
    double            *f = out->figures;
    char               line[1024];
    unsigned long long n;

    if (!cb_protocol_field(report, "memory", line, sizeof line) ||
        sscanf(line, "%llu %lf %lf %lf %lf %lf %lf %lf", &n, &f[0], &f[1], &f[2], &f[3], &f[4],
               &f[5], &f[6]) != 1 + CB_MEMORY_NFIGURES) {
        return -1;
    }
    out->iterations = n;
    out->status = CB_MEMORY_COUNTED;
    return 0;
}

int cb_memory_run(const cb_instance *inst, size_t threads, double timeout_ns, cb_memory *out,
                  cb_error *err)
{
    cb_buf report = { NULL, 0, 0, 0 };
    job    j = { inst, threads };
    char   why[CB_ERROR_MAX + 64];
    int    rc;

    cb_memory_free(out);
    rc = cb_process_run(exec_counted, &j, timeout_ns, cb_protocol_complete, &report, why,
                        sizeof why, err);
    if (rc < 0) {
        cb_error_prefix(err, "%s", inst->name);
        return -1;
    }
    if (rc == 0 && cb_protocol_field(report.data, "failed", why, sizeof why)) {
        rc = 1;
    } else if (rc == 0 && parse(report.data, out) != 0) {
        snprintf(why, sizeof why, "the counting process sent no counts");
        rc = 1;
    }
    if (rc != 0) {
        cb_memory_fail(out, why);
    }
    cb_buf_free(&report);
    return 0;
}
