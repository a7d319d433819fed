#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/callgrind.h"
#include "measure/child.h"
#include "measure/protocol.h"
#include "measure/valgrind.h"

/* What a program executed afresh is to measure: "FD MEASURE WARM_NS
 * MEASUREMENT_NS SAMPLES CHECKED NAME", MEASURE one of cb_measure_name(),
 * CHECKED 1 when the check has passed already. */
#define CHILD_ENV "CRYPTBENCH_CHILD"

static void measure_and_report(int fd, const cb_child_job *job)
{
    FILE     *f = fdopen(fd, "w");
    cb_result r = { 0 };
    cb_error  err;

    if (f == NULL) {
        _exit(3);
    }
    if (cb_clock_reopen(job->clock, &err) != 0) {
        cb_protocol_write_failure(f, err.msg);
    } else {
        cb_measure_run(job->inst, job->clock, job->cfg, job->progress, &r);
        cb_protocol_write(f, &r, !job->cfg->test_only);
    }
    /* _exit skips stdio: whatever the benchmark printed must go out first */
    fflush(NULL);
    _exit(fclose(f) == 0 ? 0 : 3);
}

/*
 * Where a process's stack starts depends on the size of its environment and
 * arguments: a few bytes more move every local of the benchmark to other
 * offsets in its cache lines and pages, and libraries take alignment-dependent
 * paths (libsodium's AES-256-GCM with a fresh state counted 7 instructions
 * more per message, 0.6%, with 24 more bytes of environment; Mytkowicz et al.,
 * "Producing wrong data without doing anything obviously wrong!", 2009).
 * The measurement runs on a stack shifted to the same offset in a page
 * whatever came before it; the call goes through a volatile pointer so that
 * it cannot be inlined above the shift.
 */
void cb_child_measure(int fd, void *job)
{
    void (*volatile measure)(int, const cb_child_job *) = measure_and_report;
    volatile unsigned char here = 0;
    volatile unsigned char shift[(uintptr_t) &here % 4096 + 1];

    shift[0] = here;
    (void) shift;
    measure(fd, job);
}

void cb_child_exec(int fd, void *arg)
{
    const cb_child_job *job = arg;
    const char         *tool = job->clock->ops->child_tool;
    char                spec[1024];
    FILE               *f;

    snprintf(spec, sizeof spec, "%d %s %.17g %.17g %zu %d %s", fd,
             cb_measure_name(cb_clock_kind(job->clock)), job->cfg->warm_up_ns,
             job->cfg->measurement_ns, job->cfg->sample_size, job->cfg->checked != 0,
             job->inst->name);
    if (setenv(CHILD_ENV, spec, 1) == 0) {
        if (tool != NULL) {
            cb_callgrind_exec(job->tool_out, job->cfg->profile);
        } else {
            /* by /proc, not by name: a rebuild may have replaced the file */
            execl("/proc/self/exe", "cryptbench", (char *) NULL);
        }
    }
    f = fdopen(fd, "w");
    if (f != NULL) {
        char why[256];

        snprintf(why, sizeof why, "cannot execute %s: %s",
                 tool != NULL ? "valgrind" : "this program", strerror(errno));
        cb_protocol_write_failure(f, why);
        fclose(f);
    }
    _exit(3);
}

/* The clock of a program executed afresh: callgrind's when valgrind runs it. */
static int open_clock(cb_clock *clock, cb_measure kind, cb_error *err)
{
    if (kind == CB_MEASURE_INSTRUCTIONS && cb_valgrind_running()) {
        return cb_callgrind_open_child(clock, err);
    }
    if (cb_clock_open(clock, kind, err) != 0) {
        return -1;
    }
    if (clock->ops->child_tool != NULL) {
        cb_clock_close(clock);
        return cb_error_set(err, "no instruction counter in the child");
    }
    return 0;
}

int cb_child_main(void)
{
    const char        *spec = getenv(CHILD_ENV);
    cb_measure_config  cfg = { .sample_size = 0 };
    cb_progress        progress = { 0 };
    cb_child_job       job = { NULL, NULL, &cfg, &progress, NULL };
    cb_instance_list   list;
    cb_clock           clock;
    cb_measure         kind;
    cb_error           err;
    char               name[512], measure[32];
    int                fd, n = -1;
    size_t             i;

    if (spec == NULL) {
        return -1;
    }
    if (sscanf(spec, "%d %31s %lf %lf %zu %d %511s%n", &fd, measure, &cfg.warm_up_ns,
               &cfg.measurement_ns, &cfg.sample_size, &cfg.checked, name, &n) != 7 || n < 0 ||
        cb_measure_parse(measure, &kind) != 0) {
        return 3;
    }
    unsetenv(CHILD_ENV); /* a benchmark that runs programs must not pass it on */
    if (cb_registry_expand(&list, &err) != 0) {
        return 3;
    }
    if (open_clock(&clock, kind, &err) != 0) {
        dprintf(fd, "failed %s\nend\n", err.msg);
        return 3;
    }
    job.clock = &clock;
    for (i = 0; i < list.n; i++) {
        if (strcmp(list.items[i].name, name) == 0) {
            job.inst = &list.items[i];
            cb_child_measure(fd, &job);
        }
    }
    dprintf(fd, "failed no benchmark named %s in the re-executed program\nend\n", name);
    return 3;
}

int cb_child_request_set(const char *env, int fd, int number, size_t count, const char *name)
{
    char spec[600];

    snprintf(spec, sizeof spec, "%d %d %zu %s", fd, number, count, name);
    return setenv(env, spec, 1);
}

int cb_child_request_read(const char *env, cb_child_request *req)
{
    const char *spec = getenv(env);
    int         fd, n = -1;

    if (spec == NULL) {
        return -1;
    }
    if (sscanf(spec, "%d %d %zu %511s%n", &fd, &req->number, &req->count, req->name, &n) != 4 ||
        n < 0 || (req->report = fdopen(fd, "w")) == NULL) {
        return 3;
    }
    unsetenv(env);
    return 0;
}

int cb_child_serve(cb_child_request *req, cb_child_work *work)
{
    const cb_instance *inst;
    cb_instance_list   list;
    cb_error           err;
    char               why[CB_ERROR_MAX];

    if (cb_registry_expand(&list, &err) != 0) {
        cb_protocol_write_failure(req->report, err.msg);
        return fclose(req->report) == 0 ? 0 : 3;
    }
    inst = cb_instance_find(&list, req->name);
    if (inst == NULL) {
        cb_protocol_write_failure(req->report,
                                  "no benchmark of that name in the re-executed program");
    } else if (work(inst, req, why, sizeof why) != 0) {
        cb_protocol_write_failure(req->report, why);
    } else {
        fputs("end\n", req->report);
    }
    cb_instance_list_free(&list);
    fflush(NULL); /* what the benchmark printed goes out before the report ends */
    return fclose(req->report) == 0 ? 0 : 3;
}
