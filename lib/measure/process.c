#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <unistd.h>

#include "measure/clock.h"
#include "measure/process.h"

/* In the forked child: a runner killed (a CI job's timeout, kill) takes its
 * benchmark with it, rather than leaving it to measure for nobody, a KDF under
 * callgrind for minutes. The signal survives an exec into valgrind. */
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

int cb_process_start(cb_process *p, void (*fn)(int fd, void *arg), void *arg, cb_error *err)
{
    int   fds[2];
    pid_t runner = getpid();

    if (pipe(fds) != 0) {
        return cb_error_set(err, "pipe: %s", strerror(errno));
    }
    /* what is buffered now would otherwise be written twice, once by the child */
    fflush(stdout);
    fflush(stderr);
    p->pid = fork();
    if (p->pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return cb_error_set(err, "fork: %s", strerror(errno));
    }
    if (p->pid == 0) {
        close(fds[0]);
        die_with(runner);
        /* the runner's stdout is its report (JSON, CSV, libtest lines), which a
         * benchmark's own printf would corrupt: the child writes to stderr */
        if (dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
            _exit(3);
        }
        fn(fds[1], arg);
        _exit(3);
    }
    close(fds[1]);
    p->fd = fds[0];
    return 0;
}

int cb_process_exec(cb_process *p, char *const *argv, int *to_child, cb_error *err)
{
    int   in[2], out[2];
    pid_t runner = getpid();

    if (pipe(in) != 0) {
        return cb_error_set(err, "pipe: %s", strerror(errno));
    }
    if (pipe(out) != 0) {
        close(in[0]);
        close(in[1]);
        return cb_error_set(err, "pipe: %s", strerror(errno));
    }
    fflush(stdout);
    fflush(stderr);
    p->pid = fork();
    if (p->pid < 0) {
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        return cb_error_set(err, "fork: %s", strerror(errno));
    }
    if (p->pid == 0) {
        die_with(runner);
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        execvp(argv[0], argv);
        fprintf(stderr, "cannot execute %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    /* a child started later must not hold this one's pipes open: its input
     * would never end */
    fcntl(in[1], F_SETFD, FD_CLOEXEC);
    fcntl(out[0], F_SETFD, FD_CLOEXEC);
    *to_child = in[1];
    p->fd = out[0];
    return 0;
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

static const char *read_report(int fd, uint64_t deadline, cb_buf *buf,
                               int (*complete)(const char *, size_t), int *timed_out)
{
    for (;;) {
        uint64_t      now = cb_clock_monotonic_ns();
        struct pollfd pfd = { fd, POLLIN, 0 };
        int           ready, rc;

        if (now >= deadline) {
            *timed_out = 1;
            return NULL;
        }
        ready = poll(&pfd, 1, (int) ((deadline - now) / 1000000u) + 1);
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
        if (rc == 0 || complete(buf->data, buf->len)) {
            return NULL;
        }
    }
}

const char *cb_process_collect(cb_process *p, uint64_t deadline, cb_buf *buf,
                               int (*complete)(const char *text, size_t len), int *timed_out)
{
    const char *why = read_report(p->fd, deadline, buf, complete, timed_out);

    close(p->fd);
    p->fd = -1;
    return why;
}

void cb_process_reap(cb_process *p, uint64_t deadline, int kill_now, int *status,
                     int *timed_out)
{
    const struct timespec tick = { 0, 1000000 };

    if (!kill_now) {
        for (;;) {
            pid_t done = waitpid(p->pid, status, WNOHANG);

            if (done == p->pid || (done < 0 && errno != EINTR)) {
                return;
            }
            if (cb_clock_monotonic_ns() >= deadline) {
                *timed_out = 1;
                break;
            }
            nanosleep(&tick, NULL);
        }
    }
    kill(p->pid, SIGKILL);
    while (waitpid(p->pid, status, 0) < 0 && errno == EINTR) {
    }
}

int cb_process_run(void (*fn)(int fd, void *arg), void *arg, double timeout_ns,
                   int (*complete)(const char *text, size_t len), cb_buf *report, char *why,
                   size_t size, cb_error *err)
{
    uint64_t    deadline = cb_clock_monotonic_ns() + (uint64_t) timeout_ns;
    int         status = 0, timed_out = 0;
    const char *unreadable;
    cb_process  p;

    if (cb_process_start(&p, fn, arg, err) != 0) {
        return -1;
    }
    unreadable = cb_process_collect(&p, deadline, report, complete, &timed_out);
    cb_process_reap(&p, deadline, timed_out || unreadable != NULL, &status, &timed_out);
    if (timed_out) {
        /* %g: --timeout 0.4 is 0.4 s, not 0 */
        snprintf(why, size, "timed out after %g s (--timeout)", timeout_ns / 1e9);
        return 1;
    }
    if (unreadable != NULL || report->data == NULL || !complete(report->data, report->len) ||
        !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        cb_process_describe(why, size, status, unreadable != NULL ? unreadable : "incomplete report");
        return 1;
    }
    return 0;
}

void cb_process_describe(char *buf, size_t size, int status, const char *why)
{
    if (WIFSIGNALED(status)) {
        snprintf(buf, size, "crashed: signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        snprintf(buf, size, "exited with status %d before reporting", WEXITSTATUS(status));
    } else {
        snprintf(buf, size, "benchmark process sent an %s", why);
    }
}
