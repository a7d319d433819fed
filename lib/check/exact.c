#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/divisions.h"
#include "check/exact.h"
#include "check/memcheck_log.h"
#include "core/text_file.h"
#include "measure/child.h"
#include "measure/clock.h"
#include "measure/interrupt.h"
#include "measure/process.h"
#include "measure/protocol.h"
#include "measure/valgrind.h"

/* Where the harness hands control to the benchmark: a backtrace stops there. */
static const char *const harness[] = { "cb_state_call", "cb_input_prepare", "cb_check_exact_once",
                                       "cb_check_child_main" };

/*
 * --vex-guest-chase=no: valgrind's translator otherwise follows a conditional
 * branch into the block after it and turns the pair into a select, which
 * memcheck cannot report as a branch: the secret then taints a loop counter,
 * and memcheck reports "uninitialised value" where the counter is used as an
 * address, a memory access that is not there (an inlined early-exit loop:
 * tests/fixtures/secrets.c). --sym-offsets and full source paths give each
 * frame what its site is known by; --num-callers: deep enough for a
 * backtrace through a library to reach the harness frame it is cut at.
 */
static const char *const memcheck_options[] = {
    "--track-origins=yes",  "--error-limit=no",       "--num-callers=40",
    "--leak-check=no",      "--vex-guest-chase=no",   "--read-inline-info=yes",
    "--sym-offsets=yes",    "--fullpath-after=",      "--child-silent-after-fork=yes"
};

/* --ct-divisions: every instruction the harness's calls (setup's and run's,
 * cb_state_call) execute, by address, under callgrind. */
static const char *const callgrind_options[] = {
    "--dump-instr=yes", "--collect-atstart=no", "--toggle-collect=cb_state_call",
    "--child-silent-after-fork=yes"
};

#define MAX_OPTIONS 16

typedef struct exact_job {
    const cb_instance *inst;
    int                mark;   /* the secrets marked undefined */
    int                probe;  /* first run natively, to see whether it declares any */
    size_t             inputs; /* of each class */
    const char        *tool;   /* "memcheck" or "callgrind" */
    const char        *options[MAX_OPTIONS];
    size_t             noptions;
} exact_job;

/* In the forked child: with probe, runs the benchmark natively to see
 * whether it declares secrets; then becomes valgrind running this program
 * afresh on it. */
static void exact_child(int fd, void *arg)
{
    const exact_job *job = arg;
    FILE            *f = fdopen(fd, "w");
    uint64_t         secrets = 1;
    char             why[CB_ERROR_MAX];

    if (f == NULL) {
        _exit(3);
    }
    if (job->probe && cb_check_exact_once(job->inst, 0, 1, &secrets, why, sizeof why) != 0) {
        cb_protocol_write_failure(f, why);
    } else if (secrets == 0) {
        fputs("secrets 0\nend\n", f);
    } else {
        /* the dynamic linker's lazy binding, a hash table's division among
         * them, would run inside the calls: it binds everything first */
        if (cb_child_request_set(CB_CHECK_ENV, fd, job->mark, job->inputs, job->inst->name) == 0 &&
            (strcmp(job->tool, "callgrind") != 0 || setenv("LD_BIND_NOW", "1", 1) == 0)) {
            cb_valgrind_exec(job->tool, job->options, job->noptions);
        }
        snprintf(why, sizeof why, "cannot execute valgrind: %s", strerror(errno));
        cb_protocol_write_failure(f, why);
    }
    fflush(NULL); /* _exit skips stdio: what the benchmark printed must go out too */
    _exit(fclose(f) == 0 ? 0 : 3);
}

/* A job of tool with its options and the ones given. */
static void job_options(exact_job *job, const char *tool, const char *const *options, size_t n,
                        const char *extra1, const char *extra2)
{
    size_t i;

    job->tool = tool;
    job->noptions = 0;
    for (i = 0; i < n && job->noptions < MAX_OPTIONS - 2; i++) {
        job->options[job->noptions++] = options[i];
    }
    job->options[job->noptions++] = extra1;
    if (extra2 != NULL) {
        job->options[job->noptions++] = extra2;
    }
}

/* The "map" lines of a report into maps: 0, or -1 out of memory. */
static int read_mappings(const char *report, cb_mappings *maps)
{
    const char *line;

    for (line = report; line != NULL && *line != '\0';
         line = strchr(line, '\n') != NULL ? strchr(line, '\n') + 1 : NULL) {
        char text[4200];

        if (strncmp(line, "map ", 4) == 0) {
            snprintf(text, sizeof text, "%.*s", (int) strcspn(line + 4, "\n"), line + 4);
            if (cb_mappings_add(maps, text) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/*
 * Runs inst under memcheck (mark: its secrets marked, after the probe) with
 * its log in dir: 0 with the bytes it declared secret in *secrets (0: the
 * probe found none, and nothing else ran), memcheck's log in log and the
 * process's mappings in maps; 1 when the benchmark or its process failed, why
 * in why; -1 when no process could be started (err).
 */
static int memcheck_run(const cb_check_config *cfg, const cb_instance *inst, int mark,
                        const char *dir, uint64_t *secrets, cb_buf *log, cb_mappings *maps,
                        char *why, size_t size, cb_error *err)
{
    char               path[4200], option[4300], line[64];
    cb_buf             report = { NULL, 0, 0, 0 };
    exact_job          job = { inst, mark, mark, cfg->inputs, NULL, { NULL }, 0 };
    unsigned long long n = 0;
    int                rc;

    snprintf(path, sizeof path, "%s/memcheck-%d.log", dir, mark);
    snprintf(option, sizeof option, "--log-file=%s", path);
    job_options(&job, "memcheck", memcheck_options,
                sizeof memcheck_options / sizeof memcheck_options[0], option, NULL);
    rc = cb_process_run(exact_child, &job, cfg->timeout_ns, cb_protocol_complete, &report, why,
                        size, err);
    if (rc == 0 && cb_protocol_field(report.data, "failed", why, size)) {
        rc = 1;
    } else if (rc == 0 && (!cb_protocol_field(report.data, "secrets", line, sizeof line) ||
                           sscanf(line, "%llu", &n) != 1)) {
        snprintf(why, size, "the check's process reported no secrets");
        rc = 1;
    } else if (rc == 0 && n > 0 && cb_text_file_read(path, log, err) != 0) {
        snprintf(why, size, "%s", err->msg);
        rc = 1;
    } else if (rc == 0 && read_mappings(report.data, maps) != 0) {
        snprintf(why, size, "out of memory reading the check's report");
        rc = 1;
    }
    *secrets = n;
    cb_buf_free(&report);
    return rc;
}

/* The errors of a run's log: findings and other errors into out, suspects
 * into suspects. 0, or 1 with why. */
static int read_log(const cb_buf *log, const cb_mappings *maps, cb_check_exact *out,
                    cb_check_exact *suspects, char *why, size_t size)
{
    char                root[4096];
    cb_memcheck_context ctx = { harness, sizeof harness / sizeof harness[0], maps, NULL };
    cb_error            err;

    /* the check runs where the runner does: paths under it are the project's */
    ctx.root = getcwd(root, sizeof root) != NULL ? root : NULL;
    if (cb_memcheck_log_parse(log->data != NULL ? log->data : "", &ctx, out, suspects, &err) != 0) {
        snprintf(why, size, "%s", err.msg);
        return 1;
    }
    return 0;
}

/* --ct-divisions: the check's calls under callgrind, the divisions among
 * the instructions they executed into out. 0, or 1 with why. */
static int divisions_run(const cb_check_config *cfg, const cb_instance *inst, const char *dir,
                         cb_check_exact *out, char *why, size_t size, cb_error *err)
{
    char      path[4200], out_option[4300], log_option[4300], root[4096];
    cb_buf    report = { NULL, 0, 0, 0 }, dump = { NULL, 0, 0, 0 };
    exact_job job = { inst, 1, 0, cfg->inputs, NULL, { NULL }, 0 };
    int       rc;

    snprintf(path, sizeof path, "%s/callgrind.out", dir);
    snprintf(out_option, sizeof out_option, "--callgrind-out-file=%s", path);
    snprintf(log_option, sizeof log_option, "--log-file=%s/callgrind.log", dir);
    job_options(&job, "callgrind", callgrind_options,
                sizeof callgrind_options / sizeof callgrind_options[0], out_option, log_option);
    rc = cb_process_run(exact_child, &job, cfg->timeout_ns, cb_protocol_complete, &report, why,
                        size, err);
    if (rc == 0 && cb_protocol_field(report.data, "failed", why, size)) {
        rc = 1;
    } else if (rc == 0 && cb_text_file_read(path, &dump, err) != 0) {
        snprintf(why, size, "%s", err->msg);
        rc = 1;
    } else if (rc == 0 &&
               cb_divisions_find(path, dump.data, getcwd(root, sizeof root), cb_object_read_elf,
                                 NULL, out, err) != 0) {
        snprintf(why, size, "%s", err->msg);
        rc = 1;
    }
    out->divisions_listed = rc == 0;
    cb_buf_free(&report);
    cb_buf_free(&dump);
    return rc;
}

/* The run with the secrets marked, then, for suspects, the run without. */
static int check(const cb_check_config *cfg, const cb_instance *inst, const char *dir,
                 cb_check_exact *out, char *why, size_t size, cb_error *err)
{
    cb_check_exact suspects, plain, unused;
    cb_mappings    maps = { NULL, 0 };
    cb_buf         log = { NULL, 0, 0, 0 };
    uint64_t       secrets;
    int            rc;

    memset(&suspects, 0, sizeof suspects);
    memset(&plain, 0, sizeof plain);
    memset(&unused, 0, sizeof unused);
    rc = memcheck_run(cfg, inst, 1, dir, &secrets, &log, &maps, why, size, err);
    out->secret_bytes = secrets;
    out->inputs = inst->def->prepare_input != NULL ? cfg->inputs : 0;
    if (rc == 0 && secrets > 0) {
        rc = read_log(&log, &maps, out, &suspects, why, size);
    }
    cb_buf_free(&log);
    cb_mappings_free(&maps);
    if (rc == 0 && suspects.nfindings > 0) {
        rc = memcheck_run(cfg, inst, 0, dir, &secrets, &log, &maps, why, size, err);
        if (rc == 0 && (rc = read_log(&log, &maps, &unused, &plain, why, size)) == 0 &&
            cb_memcheck_confirm(&suspects, &plain, out, err) != 0) {
            snprintf(why, size, "%s", err->msg);
            rc = 1;
        }
        cb_buf_free(&log);
        cb_mappings_free(&maps);
    }
    cb_check_exact_free(&suspects);
    cb_check_exact_free(&plain);
    cb_check_exact_free(&unused);
    if (rc == 0 && cfg->divisions && out->secret_bytes > 0) {
        rc = divisions_run(cfg, inst, dir, out, why, size, err);
    }
    if (rc == 0) {
        out->status = out->secret_bytes == 0 ? CB_CHECK_SKIPPED
                      : out->nfindings > 0  ? CB_CHECK_LEAKS
                                            : CB_CHECK_PASSED;
    }
    return rc;
}

int cb_check_exact_run(const cb_check_config *cfg, const cb_instance *inst, cb_check_exact *out,
                       cb_error *err)
{
    uint64_t start = cb_clock_monotonic_ns();
    char     dir[4096], why[CB_ERROR_MAX];
    int      rc;

    /* memcheck's log is removed even when a signal ends the run */
    cb_interrupt_arm();
    if (cb_valgrind_mkdir(dir, sizeof dir, err) != 0) {
        cb_error_prefix(err, "%s", inst->name);
        cb_interrupt_disarm();
        return -1;
    }
    rc = check(cfg, inst, dir, out, why, sizeof why, err);
    if (rc < 0) {
        cb_error_prefix(err, "%s", inst->name);
    } else if (rc > 0) {
        cb_check_fail(&out->status, &out->why, why);
    }
    cb_valgrind_cleanup(dir);
    cb_interrupt_disarm();
    out->seconds = (double) (cb_clock_monotonic_ns() - start) / 1e9;
    return rc < 0 ? -1 : 0;
}
