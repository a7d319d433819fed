#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check/spawn.h"
#include "measure/clock.h"
#include "measure/process.h"
#include "measure/protocol.h"

typedef struct child {
    void (*fn)(int fd, void *arg);
    void *arg;
} child;

/* What the benchmark prints while it is checked goes to standard error: on
 * standard output it would land in the middle of --format json. */
static void in_child(int fd, void *arg)
{
    const child *c = arg;

    dup2(STDERR_FILENO, STDOUT_FILENO);
    c->fn(fd, c->arg);
}

int cb_check_spawn(void (*fn)(int fd, void *arg), void *arg, double timeout_ns, cb_buf *report,
                   char *why, size_t size, cb_error *err)
{
    uint64_t    deadline = cb_clock_monotonic_ns() + (uint64_t) timeout_ns;
    int         status = 0, timed_out = 0;
    const char *unreadable;
    cb_process  p;
    child       c = { fn, arg };

    if (cb_process_start(&p, in_child, &c, err) != 0) {
        return -1;
    }
    unreadable = cb_process_collect(&p, deadline, report, cb_protocol_complete, &timed_out);
    cb_process_reap(&p, deadline, timed_out || unreadable != NULL, &status, &timed_out);
    if (timed_out) {
        snprintf(why, size, "timed out after %.0f s (--timeout)", timeout_ns / 1e9);
        return 1;
    }
    if (unreadable != NULL || report->data == NULL ||
        !cb_protocol_complete(report->data, report->len) || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        cb_process_describe(why, size, status, unreadable != NULL ? unreadable : "incomplete report");
        return 1;
    }
    return 0;
}

int cb_check_report_text(const char *report, const char *key, char *buf, size_t size)
{
    size_t      len = strlen(key);
    const char *line;

    for (line = report; line != NULL && *line != '\0';
         line = strchr(line, '\n') != NULL ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, key, len) == 0 && line[len] == ' ') {
            line += len + 1;
            snprintf(buf, size, "%.*s", (int) strcspn(line, "\n"), line);
            return 1;
        }
    }
    return 0;
}
