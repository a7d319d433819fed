#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/exact.h"
#include "check/memcheck_log.h"
#include "check/spawn.h"
#include "measure/clock.h"
#include "measure/protocol.h"
#include "measure/valgrind.h"
#include "store/text_file.h"

/* Where the harness hands control to the benchmark: a backtrace stops there. */
static const char *const harness[] = { "cb_state_call", "cb_input_prepare", "cb_check_exact_once",
                                       "cb_check_child_main" };

typedef struct exact_job {
    const cb_instance *inst;
    const char        *log_option; /* --log-file=DIR/memcheck.log */
} exact_job;

/* In the forked child: runs the benchmark natively to see whether it declares
 * secrets; if it does, becomes valgrind running this program afresh on it. */
static void exact_child(int fd, void *arg)
{
    const exact_job *job = arg;
    /* --num-callers: deep enough for a backtrace through a library to reach
     * the harness frame it is cut at */
    const char *const options[] = { "--track-origins=yes", "--error-limit=no",
                                    "--num-callers=40",    "--leak-check=no",
                                    "--child-silent-after-fork=yes", job->log_option };
    FILE             *f = fdopen(fd, "w");
    uint64_t          secrets = 0;
    char              why[CB_ERROR_MAX], spec[600];

    if (f == NULL) {
        _exit(3);
    }
    if (cb_check_exact_once(job->inst, 0, &secrets, why, sizeof why) != 0) {
        cb_protocol_write_failure(f, why);
    } else if (secrets == 0) {
        fputs("secrets 0\nend\n", f);
    } else {
        snprintf(spec, sizeof spec, "%d %s", fd, job->inst->name);
        if (setenv(CB_CHECK_ENV, spec, 1) == 0) {
            cb_valgrind_exec("memcheck", options, sizeof options / sizeof options[0]);
        }
        snprintf(why, sizeof why, "cannot execute valgrind: %s", strerror(errno));
        cb_protocol_write_failure(f, why);
    }
    fflush(NULL); /* _exit skips stdio: what the benchmark printed must go out too */
    _exit(fclose(f) == 0 ? 0 : 3);
}

/* What the child reported and memcheck logged, into out. */
static void read_outcome(const char *report, const char *log, cb_check_exact *out)
{
    unsigned long long secrets;
    char               line[CB_ERROR_MAX];
    cb_buf             text = { NULL, 0, 0, 0 };
    cb_error           err;

    if (cb_check_report_text(report, "failed", line, sizeof line)) {
        cb_check_fail(&out->status, &out->why, line);
        return;
    }
    if (!cb_check_report_text(report, "secrets", line, sizeof line) || sscanf(line, "%llu", &secrets) != 1) {
        cb_check_fail(&out->status, &out->why, "the check's process reported no secrets");
        return;
    }
    out->secret_bytes = secrets;
    if (secrets == 0) {
        out->status = CB_CHECK_SKIPPED;
        return;
    }
    if (cb_text_file_read(log, &text, &err) != 0 ||
        cb_memcheck_log_parse(text.data != NULL ? text.data : "", harness,
                              sizeof harness / sizeof harness[0], out, &err) != 0) {
        cb_check_fail(&out->status, &out->why, err.msg);
    } else {
        out->status = out->nfindings > 0 ? CB_CHECK_LEAKS : CB_CHECK_PASSED;
    }
    cb_buf_free(&text);
}

int cb_check_exact_run(const cb_check_config *cfg, const cb_instance *inst, cb_check_exact *out,
                       cb_error *err)
{
    uint64_t  start = cb_clock_monotonic_ns();
    char      dir[4096], log[4200], option[4300], why[256];
    cb_buf    report = { NULL, 0, 0, 0 };
    exact_job job = { inst, option };
    int       rc;

    if (cb_valgrind_mkdir(dir, sizeof dir) != 0) {
        return cb_error_set(err, "%s: cannot create a directory for memcheck's log: %s",
                            inst->name, strerror(errno));
    }
    snprintf(log, sizeof log, "%s/memcheck.log", dir);
    snprintf(option, sizeof option, "--log-file=%s", log);
    rc = cb_check_spawn(exact_child, &job, cfg->timeout_ns, &report, why, sizeof why, err);
    if (rc < 0) {
        cb_error_prefix(err, "%s", inst->name);
    } else if (rc > 0) {
        cb_check_fail(&out->status, &out->why, why);
    } else {
        read_outcome(report.data, log, out);
    }
    cb_buf_free(&report);
    cb_valgrind_cleanup(dir);
    out->seconds = (double) (cb_clock_monotonic_ns() - start) / 1e9;
    return rc < 0 ? -1 : 0;
}
