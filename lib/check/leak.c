#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/leak.h"
#include "measure/input.h"
#include "measure/process.h"
#include "measure/protocol.h"
#include "measure/state.h"
#include "stats/dudect.h"
#include "stats/rng.h"

typedef struct leak_job {
    const cb_check_config *cfg;
    const cb_instance     *inst;
} leak_job;

/* What one batch needs: inputs, their classes, their timings. */
typedef struct batch {
    size_t         cap, stride; /* inputs it holds at most; bytes from one to the next */
    unsigned char *inputs, *classes;
    double        *times;
} batch;

static int batch_alloc(batch *b, size_t input_size)
{
    b->stride = cb_input_stride(input_size);
    b->cap = CB_LEAK_BATCH_BYTES / b->stride;
    b->cap = b->cap < 1 ? 1 : (b->cap > CB_LEAK_BATCH ? CB_LEAK_BATCH : b->cap);
    b->inputs = aligned_alloc(CB_INPUT_ALIGN, b->cap * b->stride);
    b->classes = malloc(b->cap);
    b->times = malloc(b->cap * sizeof *b->times);
    return b->inputs != NULL && b->classes != NULL && b->times != NULL ? 0 : -1;
}

static void batch_free(batch *b)
{
    if (b->inputs != NULL) {
        cb_input_wipe(b->inputs, b->cap * b->stride);
    }
    free(b->inputs);
    free(b->classes);
    free(b->times);
}

/*
 * One batch of n measurements: every input prepared first, untimed, each of
 * a class drawn at random, then each measured alone: `calls` iterations of
 * run on it, between the counter's two reads. Returns the measurements
 * taken, fewer than n when the deadline passed; -1 when the benchmark failed
 * (s->failure).
 */
static long run_batch(cb_state *s, batch *b, size_t n, uint64_t calls, cb_rng *rng,
                      uint64_t deadline)
{
    size_t i;

    for (i = 0; i < n; i++) {
        b->classes[i] = (unsigned char) (cb_rng_next(rng) >> 63);
        if (cb_input_prepare(s, b->classes[i], b->inputs + i * b->stride) != 0) {
            return -1;
        }
    }
    for (i = 0; i < n && cb_clock_monotonic_ns() < deadline; i++) {
        s->input = b->inputs + i * b->stride;
        if (cb_state_call(s, s->inst->def->run, calls, 1) != 0) {
            return -1;
        }
        b->times[i] = (double) s->measured;
    }
    s->input = NULL;
    return (long) i;
}

/* Measures until the count or the time is reached; the verdict into out. */
static int measure(const leak_job *job, cb_check_leak *out, char *why, size_t size)
{
    const cb_check_config *cfg = job->cfg;
    const cb_bench        *def = job->inst->def;
    uint64_t               deadline = cb_clock_monotonic_ns() + (uint64_t) cfg->leak_time_ns;
    uint64_t               calibrated_by = deadline - (uint64_t) (cfg->leak_time_ns * 0.9);
    cb_clock               clock = cfg->cycles;
    cb_dudect              d;
    cb_rng                 rng;
    cb_state               s;
    batch                  b = { 0, 0, NULL, NULL, NULL };
    long                   got = 0, i;
    int                    rc = 0;

    cb_state_init(&s, job->inst, &clock);
    cb_rng_seed(&rng, cfg->seed);
    if (cb_dudect_init(&d) != 0) {
        snprintf(why, size, "out of memory for the timings' histograms");
        return -1;
    }
    if (batch_alloc(&b, def->input_size) != 0) {
        snprintf(why, size, "out of memory for a batch of inputs of %zu bytes", def->input_size);
        batch_free(&b);
        cb_dudect_free(&d);
        return -1;
    }
    if (def->setup != NULL && cb_state_call(&s, def->setup, 0, 0) != 0) {
        snprintf(why, size, "%s", s.failure);
        batch_free(&b);
        cb_dudect_free(&d);
        return -1;
    }
    while (d.measurements < cfg->leak_measurements && cb_clock_monotonic_ns() < deadline) {
        uint64_t left = cfg->leak_measurements - d.measurements;
        /* the first batch only calibrates: a tenth of the count at most */
        uint64_t want = d.calibrated ? left : cfg->leak_measurements / 10 + 1;
        size_t   n = want < b.cap ? (size_t) want : b.cap;
        /* and a tenth of the time at most: a KDF of milliseconds would
         * otherwise spend all of it calibrating, and measure nothing */
        uint64_t until =
            d.calibrated || cb_clock_monotonic_ns() >= calibrated_by ? deadline : calibrated_by;

        if ((got = run_batch(&s, &b, n, cfg->leak_calls, &rng, until)) < 0) {
            break;
        }
        if (!d.calibrated) {
            if (got > 0) {
                cb_dudect_calibrate(&d, b.times, (size_t) got);
            }
            continue;
        }
        for (i = 0; i < got; i++) {
            cb_dudect_push(&d, b.classes[i], b.times[i]);
        }
    }
    if (got < 0) {
        snprintf(why, size, "%s", s.failure);
        rc = -1;
    }
    if (def->teardown != NULL) {
        def->teardown(&s);
    }
    batch_free(&b);
    cb_dudect_verdict(&d, cfg->leak_calls, out);
    cb_dudect_free(&d);
    return rc;
}

static void leak_child(int fd, void *arg)
{
    cb_check_leak out;
    FILE         *f = fdopen(fd, "w");
    char          why[CB_ERROR_MAX];

    if (f == NULL) {
        _exit(3);
    }
    memset(&out, 0, sizeof out);
    if (measure(arg, &out, why, sizeof why) != 0) {
        cb_protocol_write_failure(f, why);
    } else {
        fprintf(f, "leak %s %llu %.17g %s %.17g %llu %.17g %.17g %.17g %.17g %.17g %llu\nend\n",
                cb_check_status_name(out.status), (unsigned long long) out.measurements,
                out.max_t, cb_leak_test_name(out.test), out.crop,
                (unsigned long long) out.test_measurements, out.crop_cycles, out.tau,
                out.needed, out.median[0], out.median[1], (unsigned long long) out.calls);
    }
    fflush(NULL); /* _exit skips stdio: what the benchmark printed must go out too */
    _exit(fclose(f) == 0 ? 0 : 3);
}

/* "leak passed 1000000 1.62 cropped 52.4 524000 412 0.0022 5.1e6 84 31 1" into out. */
static int parse_leak(const char *line, cb_check_leak *out)
{
    char               status[16], test[16];
    unsigned long long n, tn, calls;

    if (sscanf(line, "%15s %llu %lf %15s %lf %llu %lf %lf %lf %lf %lf %llu", status, &n,
               &out->max_t, test, &out->crop, &tn, &out->crop_cycles, &out->tau, &out->needed,
               &out->median[0], &out->median[1], &calls) != 12 ||
        cb_check_status_parse(status, &out->status) != 0 ||
        cb_leak_test_parse(test, &out->test) != 0) {
        return -1;
    }
    out->measurements = n;
    out->test_measurements = tn;
    out->calls = calls;
    out->threshold = CB_DUDECT_THRESHOLD;
    return 0;
}

int cb_check_leak_run(const cb_check_config *cfg, const cb_instance *inst, cb_check_leak *out,
                      cb_error *err)
{
    uint64_t    start = cb_clock_monotonic_ns();
    leak_job    job = { cfg, inst };
    cb_buf      report = { NULL, 0, 0, 0 };
    char        why[CB_ERROR_MAX], line[512];
    int         rc;

    /* the threshold the verdict is held to, whether or not there is one:
     * a skipped or failed check is stored with it too, and read back */
    out->threshold = CB_DUDECT_THRESHOLD;
    if (inst->def->prepare_input == NULL) {
        out->status = CB_CHECK_SKIPPED;
        return 0;
    }
    rc = cb_process_run(leak_child, &job, cfg->timeout_ns, cb_protocol_complete, &report, why,
                        sizeof why, err);
    if (rc < 0) {
        cb_error_prefix(err, "%s", inst->name);
    } else if (rc > 0) {
        cb_check_fail(&out->status, &out->why, why);
    } else if (cb_protocol_field(report.data, "failed", why, sizeof why)) {
        cb_check_fail(&out->status, &out->why, why);
    } else if (!cb_protocol_field(report.data, "leak", line, sizeof line) ||
               parse_leak(line, out) != 0) {
        cb_check_fail(&out->status, &out->why, "the check's process sent an unreadable report");
    }
    cb_buf_free(&report);
    out->seconds = (double) (cb_clock_monotonic_ns() - start) / 1e9;
    return rc < 0 ? -1 : 0;
}
