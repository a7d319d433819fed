/*
 * A check's process: forked, its report read until "end" or a deadline,
 * then reaped, as the measurements' children are (measure/process.c). What
 * the report says is the check's own business.
 */
#ifndef CB_CHECK_SPAWN_H
#define CB_CHECK_SPAWN_H

#include "core/error.h"
#include "core/strbuf.h"

/*
 * Runs fn(fd, arg) in a child and reads its report into report: 0 when the
 * report is whole and the child exited with status 0; 1 when not, with the
 * reason in why ("timed out after 60 s", "crashed: signal 11 ..."); -1 when
 * no child could be started (err).
 */
int cb_check_spawn(void (*fn)(int fd, void *arg), void *arg, double timeout_ns, cb_buf *report,
                   char *why, size_t size, cb_error *err);

/* The text of the report's line that starts with key and a space, up to the
 * line's end, into buf: 1, or 0 when there is no such line. */
int cb_check_report_text(const char *report, const char *key, char *buf, size_t size);

#endif
