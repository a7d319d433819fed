#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <unistd.h>

#include "measure/callgrind.h"
#include "core/strbuf.h"
#include "measure/isolate.h"

/* What a re-executed child is to measure: "FD MEASURE WARM_NS MEASUREMENT_NS
 * SAMPLES NAME", MEASURE one of cb_measure_name(). */
#define CHILD_ENV "CRYPTBENCH_CHILD"

/*
 * The child's report, one record per line (text, so that a stray write shows
 * up readably in a debugger):
 *     plan <mode> <n> <d> <met_ns> <target_ns> <expected_ns>
 *     sample <iterations> <value>          (n of them)
 *     note <text>
 *     failed <text>
 *     end
 * Doubles are printed with %.17g so that they round-trip exactly.
 */

static void put_text(FILE *f, const char *key, const char *text)
{
    const char *p;

    fprintf(f, "%s ", key);
    for (p = text; *p != '\0'; p++) {
        fputc(*p == '\n' || *p == '\r' ? ' ' : *p, f);
    }
    fputc('\n', f);
}

static void child_measure(int fd, const cb_instance *inst, cb_clock *clock,
                          const cb_measure_config *cfg, const cb_progress *progress)
{
    FILE     *f = fdopen(fd, "w");
    cb_result r = { 0 };
    cb_error  err;
    size_t    i;

    if (f == NULL) {
        _exit(3);
    }
    if (cb_clock_reopen(clock, &err) != 0) {
        put_text(f, "failed", err.msg);
    } else {
        cb_measure_run(inst, clock, cfg, progress, &r);
        if (r.note != NULL) {
            put_text(f, "note", r.note);
        }
        if (r.failed) {
            put_text(f, "failed", r.failure != NULL ? r.failure : "failed");
        } else if (!cfg->test_only) {
            fprintf(f, "plan %d %zu %llu %.17g %.17g %.17g\n", (int) r.plan.mode, r.plan.n,
                    (unsigned long long) r.plan.d, r.plan.met_ns, r.plan.target_ns,
                    r.plan.expected_ns);
            for (i = 0; i < r.samples.n; i++) {
                fprintf(f, "sample %.17g %.17g\n", r.samples.iters[i], r.samples.values[i]);
            }
        }
    }
    fputs("end\n", f);
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
static void child_main(int fd, const cb_instance *inst, cb_clock *clock,
                       const cb_measure_config *cfg, const cb_progress *progress)
{
    void (*volatile measure)(int, const cb_instance *, cb_clock *, const cb_measure_config *,
                             const cb_progress *) = child_measure;
    volatile unsigned char here = 0;
    volatile unsigned char shift[(uintptr_t) &here % 4096 + 1];

    shift[0] = here;
    (void) shift;
    measure(fd, inst, clock, cfg, progress);
}

/* Reads what is there into b: 1 read something, 0 end of file, -1 out of
 * memory, -2 a read error. */
static int read_some(cb_buf *b, int fd)
{
    ssize_t got;

    if (cb_buf_reserve(b, 4096) != 0) {
        return -1;
    }
    do {
        got = read(fd, b->data + b->len, b->cap - b->len - 1);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        return -2;
    }
    b->len += (size_t) got;
    b->data[b->len] = '\0';
    return got > 0;
}

/* The report is whole once its last line, "end", has come: a descendant of
 * the benchmark that still holds the pipe must not keep us waiting for EOF. */
static int report_complete(const cb_buf *b)
{
    return b->len >= 4 && strcmp(b->data + b->len - 4, "end\n") == 0 &&
           (b->len == 4 || b->data[b->len - 5] == '\n');
}

/* Reads the child's report until it is complete, the pipe closes, or the
 * deadline passes (then *timed_out). NULL, or why the report is unreadable. */
static const char *collect(int fd, uint64_t deadline, cb_buf *buf, int *timed_out)
{
    for (;;) {
        uint64_t      now = cb_clock_monotonic_ns();
        struct pollfd p = { fd, POLLIN, 0 };
        int           ready, rc;

        if (now >= deadline) {
            *timed_out = 1;
            return NULL;
        }
        ready = poll(&p, 1, (int) ((deadline - now) / 1000000u) + 1);
        if (ready < 0 && errno != EINTR) {
            return "unreadable report (poll failed)";
        }
        if (ready <= 0) {
            continue;
        }
        rc = read_some(buf, fd);
        if (rc == -1) {
            return "unreadable report (out of memory)";
        }
        if (rc == -2) {
            return "unreadable report (read failed)";
        }
        if (rc == 0 || report_complete(buf)) {
            return NULL;
        }
    }
}

/* Waits for the child until the deadline, then kills it: after its report it
 * only has to exit. */
static void reap(pid_t pid, uint64_t deadline, int kill_now, int *status, int *timed_out)
{
    const struct timespec tick = { 0, 1000000 };

    if (!kill_now) {
        for (;;) {
            pid_t done = waitpid(pid, status, WNOHANG);

            if (done == pid || (done < 0 && errno != EINTR)) {
                return;
            }
            if (cb_clock_monotonic_ns() >= deadline) {
                *timed_out = 1;
                break;
            }
            nanosleep(&tick, NULL);
        }
    }
    kill(pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
    }
}

/* Parses the child's report into r; -1 with a reason when it is incomplete. */
static int parse_report(char *text, cb_result *r, const char **why)
{
    char  *line, *save = NULL;
    size_t k = 0;
    int    ended = 0;

    for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "note ", 5) == 0) {
            cb_result_set_string(&r->note, line + 5);
        } else if (strncmp(line, "failed ", 7) == 0) {
            cb_result_fail(r, line + 7);
        } else if (strncmp(line, "plan ", 5) == 0) {
            int                mode;
            unsigned long long d;

            if (r->samples.iters != NULL) {
                *why = "second plan";
                return -1;
            }
            if (sscanf(line + 5, "%d %zu %llu %lf %lf %lf", &mode, &r->plan.n, &d,
                       &r->plan.met_ns, &r->plan.target_ns, &r->plan.expected_ns) != 6 ||
                cb_samples_alloc(&r->samples, r->plan.n) != 0) {
                *why = "unreadable plan";
                return -1;
            }
            r->plan.mode = mode == CB_MODE_FLAT ? CB_MODE_FLAT : CB_MODE_LINEAR;
            r->plan.d = d;
        } else if (strncmp(line, "sample ", 7) == 0) {
            if (k >= r->samples.n || sscanf(line + 7, "%lf %lf", &r->samples.iters[k],
                                            &r->samples.values[k]) != 2) {
                *why = "unreadable sample";
                return -1;
            }
            k++;
        } else if (strcmp(line, "end") == 0) {
            ended = 1;
        }
    }
    if (!ended) {
        *why = "incomplete report";
        return -1;
    }
    if (!r->failed && k != r->samples.n) {
        *why = "missing samples";
        return -1;
    }
    return 0;
}

static void describe_death(cb_result *r, int status, const char *why)
{
    char reason[256];

    if (WIFSIGNALED(status)) {
        snprintf(reason, sizeof reason, "crashed: signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        snprintf(reason, sizeof reason, "exited with status %d before reporting",
                 WEXITSTATUS(status));
    } else {
        snprintf(reason, sizeof reason, "benchmark process sent an %s", why);
    }
    cb_samples_free(&r->samples);
    cb_result_fail(r, reason);
}

/* In the forked child: a runner killed (a CI job's timeout, kill) takes its
 * benchmark with it, rather than leaving it to measure for nobody, a KDF under
 * callgrind for minutes. The signal survives the exec into valgrind. */
static void die_with(pid_t runner)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* the runner may have died before the prctl */
    if (getppid() != runner) {
        _exit(1);
    }
#else
    (void) runner;
#endif
}

/* In the forked child: execute this program afresh (under valgrind when
 * counting through callgrind) to measure inst alone. */
static void exec_child(int fd, const cb_instance *inst, const cb_clock *clock,
                       const cb_measure_config *cfg, const char *prefix)
{
    char  spec[1024];
    FILE *f;

    snprintf(spec, sizeof spec, "%d %s %.17g %.17g %zu %s", fd, cb_measure_name(clock->kind),
             cfg->warm_up_ns, cfg->measurement_ns, cfg->sample_size, inst->name);
    if (setenv(CHILD_ENV, spec, 1) == 0) {
        if (clock->via_callgrind) {
            cb_callgrind_exec(prefix);
        } else {
            /* by /proc, not by name: a rebuild may have replaced the file */
            execl("/proc/self/exe", "cryptbench", (char *) NULL);
        }
    }
    f = fdopen(fd, "w");
    if (f != NULL) {
        fprintf(f, "failed cannot execute %s: %s\nend\n",
                clock->via_callgrind ? "valgrind" : "this program", strerror(errno));
        fclose(f);
    }
    _exit(3);
}

int cb_isolate_child(void)
{
    const char        *spec = getenv(CHILD_ENV);
    cb_measure_config  cfg = { .sample_size = 0 };
    cb_instance_list   list;
    cb_clock           clock;
    cb_measure         kind;
    cb_progress        progress = { 0 };
    cb_error           err;
    char               name[512], measure[32];
    int                fd, n = -1, rc;
    size_t             i;

    if (spec == NULL) {
        return -1;
    }
    if (sscanf(spec, "%d %31s %lf %lf %zu %511s%n", &fd, measure, &cfg.warm_up_ns,
               &cfg.measurement_ns, &cfg.sample_size, name, &n) != 6 || n < 0 ||
        cb_measure_parse(measure, &kind) != 0) {
        return 3;
    }
    unsetenv(CHILD_ENV); /* a benchmark that runs programs must not pass it on */
    if (cb_registry_expand(&list, &err) != 0) {
        return 3;
    }
    rc = kind == CB_MEASURE_INSTRUCTIONS && cb_callgrind_running()
             ? cb_callgrind_clock(&clock, &err)
             : cb_clock_open(&clock, kind, &err);
    if (rc != 0 || clock.via_callgrind) {
        dprintf(fd, "failed %s\nend\n", rc != 0 ? err.msg : "no instruction counter in the child");
        return 3;
    }
    for (i = 0; i < list.n; i++) {
        if (strcmp(list.items[i].name, name) == 0) {
            child_main(fd, &list.items[i], &clock, &cfg, &progress);
        }
    }
    dprintf(fd, "failed no benchmark named %s in the re-executed program\nend\n", name);
    return 3;
}

int cb_isolate_run(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                   const cb_progress *progress, double timeout_ns, cb_result *r,
                   cb_error *err)
{
    int         fds[2], status = 0, timed_out = 0;
    int         grind = clock->via_callgrind && !cfg->test_only;
    int         fresh = grind || (cfg->fresh_process && !cfg->test_only);
    pid_t       pid, runner;
    cb_buf      buf = { NULL, 0, 0, 0 };
    uint64_t    deadline = cb_clock_monotonic_ns() + (uint64_t) timeout_ns;
    const char *why = NULL;
    char        dir[4096] = "", prefix[4200];

    if (grind && cb_callgrind_mkdir(dir, sizeof dir) != 0) {
        return cb_error_set(err, "%s: cannot create a directory for callgrind: %s", inst->name,
                            strerror(errno));
    }
    snprintf(prefix, sizeof prefix, "%s/out", dir);
    if (pipe(fds) != 0) {
        if (grind) {
            cb_callgrind_cleanup(dir);
        }
        return cb_error_set(err, "%s: pipe: %s", inst->name, strerror(errno));
    }
    /* what is buffered now would otherwise be written twice, once by the child */
    fflush(stdout);
    fflush(stderr);
    runner = getpid();
    pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        if (grind) {
            cb_callgrind_cleanup(dir);
        }
        return cb_error_set(err, "%s: fork: %s", inst->name, strerror(errno));
    }
    if (pid == 0) {
        close(fds[0]);
        die_with(runner);
        if (fresh) {
            exec_child(fds[1], inst, clock, cfg, prefix);
        }
        child_main(fds[1], inst, clock, cfg, progress);
    }
    close(fds[1]);
    why = collect(fds[0], deadline, &buf, &timed_out);
    close(fds[0]);
    reap(pid, deadline, timed_out || why != NULL, &status, &timed_out);
    if (timed_out) {
        char reason[128];

        snprintf(reason, sizeof reason, "timed out after %.0f s (--timeout)", timeout_ns / 1e9);
        cb_result_fail(r, reason);
    } else if (why != NULL || buf.data == NULL || parse_report(buf.data, r, &why) != 0 ||
               !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        describe_death(r, status, why != NULL ? why : "empty report");
    }
    free(buf.data);
    if (grind) {
        cb_error dump_err;

        if (!r->failed && cb_callgrind_read(prefix, r->samples.n, r->samples.values, &dump_err) != 0) {
            cb_samples_free(&r->samples);
            cb_result_fail(r, dump_err.msg);
        }
        cb_callgrind_cleanup(dir);
    }
    return 0;
}
