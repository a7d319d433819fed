#include "check/spawn.h"
#include "measure/process.h"
#include "measure/protocol.h"

/* A check's child is a measurement's, reporting in the same protocol: its
 * standard output is already the runner's standard error (cb_process_start),
 * so that what the benchmark prints stays out of --format json. */
int cb_check_spawn(void (*fn)(int fd, void *arg), void *arg, double timeout_ns, cb_buf *report,
                   char *why, size_t size, cb_error *err)
{
    return cb_process_run(fn, arg, timeout_ns, cb_protocol_complete, report, why, size, err);
}

int cb_check_report_text(const char *report, const char *key, char *buf, size_t size)
{
    return cb_protocol_field(report, key, buf, size);
}
