#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "measure/callgrind.h"
#include "measure/callgrind_profile.h"
#include "measure/child.h"
#include "measure/interrupt.h"
#include "measure/isolate.h"
#include "measure/process.h"
#include "measure/protocol.h"
#include "measure/valgrind.h"

/* Fills r from what the child sent and how it ended. */
static void outcome(cb_result *r, cb_buf *buf, const char *why, int status, int timed_out,
                    double timeout_ns)
{
    char reason[256];

    if (timed_out) {
        /* %g: --timeout 0.4 is 0.4 s, not 0 */
        snprintf(reason, sizeof reason, "timed out after %g s (--timeout)", timeout_ns / 1e9);
        cb_result_fail(r, reason);
    } else if (why != NULL || buf->data == NULL || cb_protocol_parse(buf->data, r, &why) != 0 ||
               !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        cb_process_describe(reason, sizeof reason, status, why != NULL ? why : "empty report");
        cb_samples_free(&r->samples);
        cb_result_fail(r, reason);
    }
}

int cb_isolate_run(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                   const cb_progress *progress, double timeout_ns, cb_result *r,
                   cb_error *err)
{
    int          grind = clock->ops->child_tool != NULL && !cfg->test_only;
    int          fresh = grind || (cfg->fresh_process && !cfg->test_only);
    int          status = 0, timed_out = 0;
    cb_process   p;
    cb_buf       buf = { NULL, 0, 0, 0 };
    uint64_t     deadline = cb_clock_monotonic_ns() + (uint64_t) timeout_ns;
    const char  *why;
    char         dir[4096] = "", prefix[4200];
    cb_child_job job = { inst, clock, cfg, progress, prefix };

    /* the scratch directory is removed even when a signal ends the run */
    cb_interrupt_arm();
    if (grind && cb_valgrind_mkdir(dir, sizeof dir, err) != 0) {
        cb_error_prefix(err, "%s", inst->name);
        cb_interrupt_disarm();
        return -1;
    }
    snprintf(prefix, sizeof prefix, "%s/out", dir);
    if (cb_process_start(&p, fresh ? cb_child_exec : cb_child_measure, &job, err) != 0) {
        cb_error_prefix(err, "%s", inst->name);
        if (grind) {
            cb_valgrind_cleanup(dir);
        }
        cb_interrupt_disarm();
        return -1;
    }
    why = cb_process_collect(&p, deadline, &buf, cb_protocol_complete, &timed_out);
    cb_process_reap(&p, deadline, timed_out || why != NULL, &status, &timed_out);
    outcome(r, &buf, why, status, timed_out, timeout_ns);
    cb_buf_free(&buf);
    if (grind) {
        cb_error dump_err;

        if (!r->failed &&
            (cb_callgrind_read(prefix, r->samples.n, r->samples.values, &dump_err) != 0 ||
             (cfg->profile && cb_callgrind_profile(prefix, r, &r->profile, &dump_err) != 0))) {
            cb_samples_free(&r->samples);
            cb_result_fail(r, dump_err.msg);
        }
        cb_valgrind_cleanup(dir);
    }
    cb_interrupt_disarm();
    return 0;
}
