#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
#include "measure/interrupt.h"
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
    p->group = cb_interrupt_arm() == 0;
    p->pid = fork();
    if (p->pid < 0) {
        close(fds[0]);
        close(fds[1]);
        if (p->group) {
            cb_interrupt_disarm();
        }
        return cb_error_set(err, "fork: %s", strerror(errno));
    }
    if (p->pid == 0) {
        close(fds[0]);
        cb_interrupt_forget();
        /* the runner ignores it for its own output; a benchmark gets the default */
        signal(SIGPIPE, SIG_DFL);
        /* a group of its own: whatever the benchmark forks is killed with it
         * (both sides set it, so that neither can act before it holds) */
        setpgid(0, 0);
        die_with(runner);
        /* the runner's stdout is its report (JSON, CSV, libtest lines), which a
         * benchmark's own printf would corrupt: the child writes to stderr */
        if (dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
            _exit(3);
        }
        fn(fds[1], arg);
        _exit(3);
    }
    setpgid(p->pid, p->pid);
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
    p->group = 0;
    if (p->pid == 0) {
        die_with(runner);
        signal(SIGPIPE, SIG_DFL);
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

/* Waits until fd can be read or the deadline (CLOCK_MONOTONIC ns) passes:
 * 1 readable (or at its end), 0 the deadline passed, -1 poll failed, -2 a
 * signal interrupted the run (measure/interrupt.h). */
static int wait_readable(int fd, uint64_t deadline)
{
    for (;;) {
        uint64_t      now = cb_clock_monotonic_ns();
        struct pollfd pfd[2] = { { fd, POLLIN, 0 }, { cb_interrupt_fd(), POLLIN, 0 } };
        uint64_t      ms;
        int           ready;

        if (cb_interrupted()) {
            return -2;
        }
        if (now >= deadline) {
            return 0;
        }
        /* poll takes an int: a far deadline is waited for in pieces */
        ms = (deadline - now) / 1000000u + 1;
        ready = poll(pfd, pfd[1].fd >= 0 ? 2 : 1, ms > INT_MAX ? INT_MAX : (int) ms);
        if (ready > 0 && (pfd[0].revents != 0 || !cb_interrupted())) {
            return 1;
        }
        if (ready < 0 && errno != EINTR) {
            return -1;
        }
    }
}

static const char *read_report(int fd, uint64_t deadline, cb_buf *buf,
                               int (*complete)(const char *, size_t), int *timed_out)
{
    for (;;) {
        int ready = wait_readable(fd, deadline), rc;

        if (ready == 0) {
            *timed_out = 1;
            return NULL;
        }
        if (ready == -2) {
            return "interrupted report (the run got a signal)";
        }
        if (ready < 0) {
            return "unreadable report (poll failed)";
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

cb_read_status cb_process_read_line(cb_line_reader *r, uint64_t deadline, size_t max,
                                    char **line)
{
    size_t scanned = 0;

    /* the line returned last is dropped; what came after it stays */
    if (r->taken > 0) {
        memmove(r->buf.data, r->buf.data + r->taken, r->buf.len - r->taken + 1);
        r->buf.len -= r->taken;
        r->taken = 0;
    }
    for (;;) {
        /* each byte is looked at once: a long line read in pieces stays linear */
        char *end = r->buf.len > scanned ? memchr(r->buf.data + scanned, '\n',
                                                  r->buf.len - scanned)
                                         : NULL;
        int   ready, rc;

        if (end != NULL) {
            *end = '\0';
            r->taken = (size_t) (end - r->buf.data) + 1;
            *line = r->buf.data;
            return CB_READ_LINE;
        }
        scanned = r->buf.len;
        if (r->buf.len >= max) {
            return CB_READ_TOO_LONG;
        }
        ready = wait_readable(r->fd, deadline);
        if (ready == 0) {
            return CB_READ_TIMED_OUT;
        }
        if (ready == -2) {
            return CB_READ_INTERRUPTED;
        }
        rc = ready < 0 ? -2 : read_some(&r->buf, r->fd);
        if (rc == 0) {
            return CB_READ_CLOSED;
        }
        if (rc < 0) {
            return CB_READ_FAILED;
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

/* Waits for p until it has exited (0, not yet reaped: its group is still
 * there to kill) or the deadline passes (1), or a signal interrupted the run
 * (2: a benchmark's process is not waited for then). */
static int wait_exit(const cb_process *p, uint64_t deadline)
{
    const struct timespec tick = { 0, 1000000 };

    for (;;) {
        siginfo_t info;

        int       rc;

        memset(&info, 0, sizeof info);
        rc = waitid(P_PID, (id_t) p->pid, &info, WEXITED | WNOHANG | WNOWAIT);
        if ((rc == 0 && info.si_pid == p->pid) || (rc != 0 && errno != EINTR)) {
            return 0; /* exited, or nothing to wait for */
        }
        if (cb_clock_monotonic_ns() >= deadline) {
            return 1;
        }
        if (p->group && cb_interrupted()) {
            return 2;
        }
        nanosleep(&tick, NULL);
    }
}

void cb_process_reap(cb_process *p, uint64_t deadline, int kill_now, int *status,
                     int *timed_out)
{
    int waited = kill_now ? 2 : wait_exit(p, deadline);

    if (waited == 1) {
        *timed_out = 1;
    }
    if (waited != 0) {
        kill(p->pid, SIGKILL);
    }
    /* what the benchmark forked dies with it: before the reap, while the
     * group's leader, even a zombie, keeps its id from being reused */
    if (p->group) {
        kill(-p->pid, SIGKILL);
    }
    while (waitpid(p->pid, status, 0) < 0 && errno == EINTR) {
    }
    if (p->group) {
        p->group = 0;
        cb_interrupt_disarm();
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
