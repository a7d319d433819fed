#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/callgrind.h"
#include "measure/callgrind_profile.h"
#include "profile/profile_build.h"

/* This program's path, which is the measured one's: the child ran it under
 * valgrind by /proc/<runner>/exe. NULL when it cannot be read. */
static const char *program(char *buf, size_t size)
{
    ssize_t len = readlink("/proc/self/exe", buf, size - 1);
    char   *deleted;

    if (len <= 0) {
        return NULL;
    }
    buf[len] = '\0';
    /* a program rebuilt while it runs: the kernel marks the old file so */
    deleted = strstr(buf, " (deleted)");
    if (deleted != NULL && deleted[10] == '\0') {
        *deleted = '\0';
    }
    return buf;
}

int cb_callgrind_profile(const char *out_prefix, const cb_result *r, cb_profile **out,
                         cb_error *err)
{
    size_t      n = r->samples.n, last = cb_callgrind_dumps(out_prefix), i, parsed = 0;
    cb_cg_dump *dumps;
    double      iterations = 0.0;
    char        path[4200], self[4096];
    int         rc = -1;

    *out = NULL;
    if (n == 0 || last < n) {
        return cb_error_set(err, "profile: callgrind wrote %zu dumps in %s, and %zu samples "
                                 "were taken", last, out_prefix, n);
    }
    dumps = calloc(n, sizeof *dumps);
    if (dumps == NULL) {
        return cb_error_set(err, "profile: out of memory for %zu dumps", n);
    }
    /* the samples are the last n dumps, as their counts are */
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s.%zu", out_prefix, last - n + 1 + i);
        if (cb_cg_read(path, &dumps[i], err) != 0) {
            goto done;
        }
        parsed++;
        iterations += r->samples.iters[i];
    }
    rc = cb_profile_build(dumps, n, iterations, program(self, sizeof self), out, err);
done:
    for (i = 0; i < parsed; i++) {
        cb_cg_dump_free(&dumps[i]);
    }
    free(dumps);
    return rc;
}
