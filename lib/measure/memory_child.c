#include <dlfcn.h>
#include <fcntl.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/child.h"
#include "measure/input.h"
#include "measure/memory_count.h"
#include "measure/memory_counter.h"
#include "measure/state.h"
#include "measure/threads.h"
#include "measure/wall.h"

/* What the counting clock keeps: it counts nothing in time, and switches the
 * counter on where the timer starts and off where it stops, into the tally
 * of the thread that starts it. */
typedef struct counting {
    const cb_memory_counter_api *api;
    int                          armed;      /* off for the first, uncounted call */
    int                          resident;   /* the kernel's high-water mark can be reset */
    int                          one_thread; /* the timer's start resets the high-water mark */
    cb_memory_tally             *tallies;    /* one a thread, claimed at its first counted start */
    size_t                       nthreads;
    atomic_size_t                claimed;
    long                         base_kib;      /* the resident set at the reset */
    double                       peak_resident; /* bytes above it, the most since */
    cb_memory_tally             *shorter;       /* the tallies of the shorter call */
    double                       shorter_resident;
} counting;

/* This thread's tally in the counting process. */
static _Thread_local cb_memory_tally *own;

/* A field of /proc/self/status in kB ("VmHWM"), or -1. Read with the
 * system's calls, which allocate nothing. */
static long status_kib(const char *field)
{
    char    buf[8192], key[32];
    size_t  len = 0;
    ssize_t n;
    int     fd = open("/proc/self/status", O_RDONLY);
    char   *at;
    long    kib = -1;

    if (fd < 0) {
        return -1;
    }
    while (len < sizeof buf - 1 && (n = read(fd, buf + len, sizeof buf - 1 - len)) > 0) {
        len += (size_t) n;
    }
    close(fd);
    buf[len] = '\0';
    snprintf(key, sizeof key, "\n%s:", field);
    at = strstr(buf, key);
    if (at != NULL && sscanf(at + strlen(key), "%ld", &kib) != 1) {
        kib = -1;
    }
    return kib;
}

/* Resets the resident set's high-water mark to what the process holds now
 * (Linux 4.0): 0, or -1 where the kernel does not let it. */
static int reset_peak(void)
{
    int fd = open("/proc/self/clear_refs", O_WRONLY);
    int rc;

    if (fd < 0) {
        return -1;
    }
    rc = write(fd, "5", 1) == 1 ? 0 : -1;
    close(fd);
    return rc;
}

/* Resets the high-water mark and notes where it starts from. */
static void resident_reset(counting *k)
{
    if (k->resident) {
        reset_peak();
        k->base_kib = status_kib("VmHWM");
    }
}

/* The high-water mark since resident_reset(), into k->peak_resident when
 * higher. */
static void resident_read(counting *k)
{
    if (k->resident) {
        double above = (double) (status_kib("VmHWM") - k->base_kib) * 1024.0;

        k->peak_resident = above > k->peak_resident ? above : k->peak_resident;
    }
}

static uint64_t count_start(cb_clock *c)
{
    counting *k = c->state;

    if (!k->armed) {
        return 0;
    }
    if (own == NULL) {
        size_t i = atomic_fetch_add(&k->claimed, 1);

        own = i < k->nthreads ? &k->tallies[i] : NULL;
    }
    if (own != NULL) {
        if (k->one_thread) {
            resident_reset(k);
        }
        k->api->begin(own);
    }
    return 0;
}

static uint64_t count_stop(cb_clock *c, uint64_t mark)
{
    counting *k = c->state;

    (void) mark;
    if (k->armed && own != NULL) {
        k->api->end();
        if (k->one_thread) {
            resident_read(k);
        }
    }
    return 0;
}

static const cb_clock_ops counting_ops = {
    .kind = CB_MEASURE_WALL,
    .unit = "ns",
    .now_ns = cb_clock_wall_now,
    .start = count_start,
    .stop = count_stop,
};

/* The counter this process was started with, checked to see this program's
 * allocations: NULL with why when not. */
static const cb_memory_counter_api *find_counter(char *why, size_t size)
{
    void                        *self = dlopen(NULL, RTLD_NOW);
    const cb_memory_counter_api *api = self != NULL ? dlsym(self, CB_MEMORY_COUNTER_SYMBOL) : NULL;
    /* through volatile pointers: a malloc whose block is freed unused may
     * be compiled away */
    void *(*volatile alloc)(size_t) = malloc;
    void (*volatile release)(void *) = free;
    cb_memory_tally t;

    if (api == NULL) {
        snprintf(why, size, "the allocation counter was not loaded: a statically linked "
                            "program cannot preload one");
        return NULL;
    }
    if (api->version != CB_MEMORY_COUNTER_VERSION) {
        snprintf(why, size, "the allocation counter is version %d, this cryptbench speaks %d",
                 api->version, CB_MEMORY_COUNTER_VERSION);
        return NULL;
    }
    memset(&t, 0, sizeof t);
    api->begin(&t);
    release(alloc(1));
    api->end();
    if (t.allocations != 1 || t.frees != 1) {
        snprintf(why, size, "this program's malloc is its own, not the C library's (a sanitizer's, "
                            "or linked in statically): it cannot be counted");
        return NULL;
    }
    return api;
}

/* Zeroes the tallies for the next counted call. */
static void rearm(counting *k)
{
    memset(k->tallies, 0, k->nthreads * sizeof *k->tallies);
    k->peak_resident = 0.0;
    k->armed = 1;
}

/* Keeps the shorter call's tallies. */
static void keep_shorter(counting *k)
{
    memcpy(k->shorter, k->tallies, k->nthreads * sizeof *k->tallies);
    k->shorter_resident = k->peak_resident;
}

/* After call `call` on threads (the uncounted one, the shorter, the
 * longer), while they wait: the shorter call's tallies kept and the next
 * call armed; the resident set's high-water mark is of all the threads
 * together, around a whole call. */
static void between_calls(void *arg, size_t call)
{
    counting *k = arg;

    if (call == 1) {
        resident_read(k);
        keep_shorter(k);
    }
    if (call < 2) {
        rearm(k);
        resident_reset(k);
    }
}

/* The figures from the tallies of the shorter and the longer call: each
 * thread's difference, averaged over the threads; the largest thread's
 * peak. */
static void figures(cb_memory *m, const counting *k)
{
    double n = (double) CB_MEMORY_ITERATIONS * (double) k->nthreads, *f = m->figures;
    size_t i;

    memset(m->figures, 0, sizeof m->figures);
    for (i = 0; i < k->nthreads; i++) {
        const cb_memory_tally *one = &k->shorter[i], *two = &k->tallies[i];

        f[CB_MEMORY_ALLOCATIONS] += (double) two->allocations - (double) one->allocations;
        f[CB_MEMORY_FREES] += (double) two->frees - (double) one->frees;
        f[CB_MEMORY_BYTES] += (double) two->bytes - (double) one->bytes;
        f[CB_MEMORY_FREED_BYTES] += (double) two->freed_bytes - (double) one->freed_bytes;
        f[CB_MEMORY_PEAK_BYTES] = fmax(f[CB_MEMORY_PEAK_BYTES], (double) one->peak);
    }
    f[CB_MEMORY_ALLOCATIONS] /= n;
    f[CB_MEMORY_FREES] /= n;
    f[CB_MEMORY_BYTES] /= n;
    f[CB_MEMORY_FREED_BYTES] /= n;
    f[CB_MEMORY_NET_BYTES] = f[CB_MEMORY_BYTES] - f[CB_MEMORY_FREED_BYTES];
    f[CB_MEMORY_PEAK_RESIDENT] = k->resident ? k->shorter_resident : NAN;
    m->iterations = CB_MEMORY_ITERATIONS;
    m->status = CB_MEMORY_COUNTED;
}

/* The three calls in this thread: 0, or -1 with s->failure. */
static int count_here(const cb_instance *inst, counting *k, cb_state *s)
{
    int rc = -1;

    if (inst->def->setup != NULL && cb_state_call(s, inst->def->setup, 0, 0) != 0) {
        return -1;
    }
    if (cb_input_fixed(s) == 0 && cb_state_call(s, inst->def->run, 1, 1) == 0) {
        rearm(k);
        if (cb_state_call(s, inst->def->run, CB_MEMORY_ITERATIONS, 1) == 0) {
            keep_shorter(k);
            rearm(k);
            rc = cb_state_call(s, inst->def->run, 2 * CB_MEMORY_ITERATIONS, 1);
        }
    }
    if (inst->def->teardown != NULL) {
        inst->def->teardown(s);
    }
    cb_input_release(s);
    return rc;
}

/* Counts inst in this process, on `threads` threads when > 0: 0 with m
 * filled, or -1 with why. */
static int count(const cb_instance *inst, size_t threads, const cb_memory_counter_api *api,
                 cb_memory *m, char *why, size_t size)
{
    static const uint64_t calls[] = { 1, CB_MEMORY_ITERATIONS, 2 * CB_MEMORY_ITERATIONS };
    counting              k;
    cb_clock              clock = { &counting_ops, &k, 0 };
    cb_state              s;
    cb_result             r;
    size_t                i;
    uint64_t              lost = 0;
    int                   rc = -1;

    memset(&k, 0, sizeof k);
    memset(&r, 0, sizeof r);
    k.api = api;
    k.resident = reset_peak() == 0 && status_kib("VmHWM") >= 0;
    k.one_thread = threads == 0;
    k.nthreads = threads > 0 ? threads : 1;
    k.tallies = calloc(k.nthreads, sizeof *k.tallies);
    k.shorter = calloc(k.nthreads, sizeof *k.shorter);
    if (k.tallies == NULL || k.shorter == NULL) {
        snprintf(why, size, "out of memory for %zu tallies", k.nthreads);
    } else if (threads == 0) {
        cb_state_init(&s, inst, &clock);
        if ((rc = count_here(inst, &k, &s)) != 0) {
            snprintf(why, size, "%s", s.failure);
        }
    } else {
        cb_threads_calls(inst, &clock, threads, calls, sizeof calls / sizeof calls[0],
                         between_calls, &k, &r);
        if ((rc = r.failed ? -1 : 0) != 0) {
            snprintf(why, size, "%s", r.failure != NULL ? r.failure : "failed");
        }
    }
    for (i = 0; rc == 0 && i < k.nthreads; i++) {
        lost += k.shorter[i].unrecorded + k.tallies[i].unrecorded;
    }
    if (rc == 0 && lost > 0) {
        snprintf(why, size, "the allocation counter had no memory left to record every block");
        rc = -1;
    } else if (rc == 0) {
        figures(m, &k);
    }
    cb_result_free(&r);
    free(k.tallies);
    free(k.shorter);
    return rc;
}

/* Takes the counter off LD_PRELOAD, where the runner put it first: a program
 * the benchmark runs must not load it (its /proc/self/fd/N would be another
 * file there). */
static void unload_for_children(void)
{
    const char *preload = getenv("LD_PRELOAD");
    const char *rest = preload != NULL ? strchr(preload, ':') : NULL;

    if (rest != NULL) {
        setenv("LD_PRELOAD", rest + 1, 1);
    } else {
        unsetenv("LD_PRELOAD");
    }
}

/* The count's work in the program executed afresh, the counter preloaded:
 * on as many threads as asked. */
static int count_and_report(const cb_instance *inst, const cb_child_request *req, char *why,
                            size_t size)
{
    const cb_memory_counter_api *api = find_counter(why, size);
    const double                *x;
    cb_memory                    m;

    memset(&m, 0, sizeof m);
    if (api == NULL || count(inst, req->count, api, &m, why, size) != 0) {
        return -1;
    }
    x = m.figures;
    fprintf(req->report, "memory %llu %.17g %.17g %.17g %.17g %.17g %.17g %.17g\n",
            (unsigned long long) m.iterations, x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
    return 0;
}

int cb_memory_child_main(void)
{
    cb_child_request req;
    int              status = cb_child_request_read(CB_MEMORY_ENV, &req);

    if (status != 0) {
        return status;
    }
    unload_for_children();
    close(req.number); /* loaded: its file is no longer needed */
    return cb_child_serve(&req, count_and_report);
}
