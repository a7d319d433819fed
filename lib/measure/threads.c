#define _GNU_SOURCE /* sched_getaffinity and CPU_COUNT: the cores this process may use */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/sampling.h"
#include "measure/threads.h"

void cb_threads_name(char *buf, size_t size, const char *name, size_t n)
{
    snprintf(buf, size, "%s/threads:%zu", name, n);
}

long cb_threads_cores(void)
{
    cpu_set_t set;
    long      n;

    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) {
        return CPU_COUNT(&set);
    }
    n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

/*
 * A barrier whose size can shrink: when a thread cannot be started, the ones
 * that were are still let through, told to stop, and joined. Each phase
 * passes it twice, once to start together and once when all are done; its
 * mutex orders what the coordinator wrote before and the threads wrote during.
 */
typedef struct barrier {
    pthread_mutex_t lock;
    pthread_cond_t  moved;
    size_t          size, waiting;
    unsigned long   generation;
} barrier;

static void barrier_wait(barrier *b)
{
    unsigned long generation;

    pthread_mutex_lock(&b->lock);
    generation = b->generation;
    if (++b->waiting >= b->size) {
        b->waiting = 0;
        b->generation++;
        pthread_cond_broadcast(&b->moved);
    } else {
        while (generation == b->generation) {
            pthread_cond_wait(&b->moved, &b->lock);
        }
    }
    pthread_mutex_unlock(&b->lock);
}

/* Fewer threads than planned will come: size of them. */
static void barrier_shrink(barrier *b, size_t size)
{
    pthread_mutex_lock(&b->lock);
    b->size = size;
    if (b->waiting >= b->size) {
        b->waiting = 0;
        b->generation++;
        pthread_cond_broadcast(&b->moved);
    }
    pthread_mutex_unlock(&b->lock);
}

typedef enum phase { PHASE_RUN, PHASE_CALLS, PHASE_STOP } phase;

struct team;

/* One thread's own: allocated on pages of its own. */
typedef struct worker {
    cb_state     state;
    struct team *team;
    pthread_t    thread;
    int          set_up;  /* its fixture was built: tear it down at the end */
    int          failed;
    uint64_t     first_ns, last_ns; /* the last phase's first start and last stop */
    uint64_t     wall_ns;           /* the last phase's own timed wall time */
    double      *calls;   /* the last phase's single calls, ns each */
    size_t       ncalls;
} worker;

typedef struct team {
    const cb_instance *inst;
    size_t             n;       /* threads started */
    barrier            gate;
    /* written by the coordinator before a phase starts, read by the threads */
    phase              what;
    uint64_t           iterations; /* PHASE_RUN: each thread's */
    size_t             calls;      /* PHASE_CALLS: each thread's */
    worker           **workers;
} team;

/* A page-aligned block of whole pages: no other thread's data shares its
 * cache lines, nor its pages. */
static void *own_pages(size_t size)
{
    long   page = sysconf(_SC_PAGESIZE);
    size_t p = page > 0 ? (size_t) page : 4096, rounded = (size + p - 1) / p * p;
    void  *mem = NULL;

    if (posix_memalign(&mem, p, rounded > 0 ? rounded : p) != 0) {
        return NULL;
    }
    memset(mem, 0, rounded > 0 ? rounded : p);
    return mem;
}

static void single_calls(worker *w, const cb_bench *def, size_t n)
{
    size_t i;

    free(w->calls);
    w->ncalls = 0;
    w->calls = own_pages(n * sizeof *w->calls);
    if (w->calls == NULL) {
        cb_state_fail(&w->state, "out of memory for %zu calls", n);
        w->failed = 1;
        return;
    }
    for (i = 0; i < n && !w->failed; i++) {
        if (cb_state_call(&w->state, def->run, 1, 1) != 0) {
            w->failed = 1;
            return;
        }
        w->calls[w->ncalls++] = (double) w->state.measured;
    }
}

static void *work(void *arg)
{
    worker         *w = arg;
    team           *t = w->team;
    const cb_bench *def = t->inst->def;

    /* the fixture is built in its thread: its memory is that thread's */
    if (def->setup == NULL || cb_state_call(&w->state, def->setup, 0, 0) == 0) {
        w->set_up = 1;
    }
    w->failed = !w->set_up ||
                (def->check != NULL && cb_state_call(&w->state, def->check, 1, 0) != 0);
    barrier_wait(&t->gate);
    for (;;) {
        barrier_wait(&t->gate);
        if (t->what == PHASE_STOP) {
            break;
        }
        if (!w->failed && t->what == PHASE_RUN) {
            w->failed = cb_state_call(&w->state, def->run, t->iterations, 1) != 0;
            w->first_ns = w->state.first_ns;
            w->last_ns = w->state.last_ns;
            w->wall_ns = w->state.wall_ns;
        } else if (!w->failed) {
            single_calls(w, def, t->calls);
        }
        barrier_wait(&t->gate);
    }
    if (w->set_up && def->teardown != NULL) {
        def->teardown(&w->state);
    }
    return NULL;
}

/* The first failure among the threads into r; -1 when there was one. */
static int failure(const team *t, cb_result *r)
{
    char   why[CB_ERROR_MAX + 64];
    size_t i;

    for (i = 0; i < t->n; i++) {
        if (t->workers[i]->failed) {
            snprintf(why, sizeof why, "thread %zu of %zu: %s", i + 1, t->n,
                     t->workers[i]->state.failure[0] != '\0' ? t->workers[i]->state.failure
                                                             : "failed");
            cb_result_fail(r, why);
            return -1;
        }
    }
    return 0;
}

/*
 * Runs one phase on every thread, started together; its span in *span: from
 * the first timer started to the last stopped, over all threads. Not the
 * slowest thread's own timed time: with more threads than cores they take
 * turns, each timed only while it runs, and the longest of those turns is a
 * fraction of the time all of them took (64 threads on 2 cores measured 7.5
 * times one thread's throughput that way). That own time, in *slowest (when
 * not NULL), is what one call of a thread takes: the span of a short phase
 * is mostly how far apart the threads were woken. -1 when a thread failed (r
 * says why).
 */
static int phase_run(team *t, phase what, uint64_t iterations, size_t calls, uint64_t *span,
                     uint64_t *slowest, cb_result *r)
{
    uint64_t first = UINT64_MAX, last = 0, own = 0;
    size_t   i;

    t->what = what;
    t->iterations = iterations;
    t->calls = calls;
    barrier_wait(&t->gate);
    barrier_wait(&t->gate);
    for (i = 0; i < t->n; i++) {
        first = t->workers[i]->first_ns < first ? t->workers[i]->first_ns : first;
        last = t->workers[i]->last_ns > last ? t->workers[i]->last_ns : last;
        own = t->workers[i]->wall_ns > own ? t->workers[i]->wall_ns : own;
    }
    *span = t->n > 0 && last > first ? last - first : 0;
    if (slowest != NULL) {
        *slowest = own;
    }
    return failure(t, r);
}

/* Warm-up, cb_sampling_warm_up()'s on every thread at once: the wall time
 * per iteration of one thread while all of them run, in *met_ns, and what
 * one iteration of the slowest thread took on its own, in *call_ns. */
static int warm_up(team *t, cb_clock *clock, double warm_up_ns, double *met_ns,
                   double *call_ns, cb_result *r)
{
    uint64_t start = clock->ops->now_ns(clock), iters = 1, total = 0, span, own, now;
    double   timed = 0.0, owned = 0.0;

    for (;;) {
        double left, per_iter, fit;

        if (phase_run(t, PHASE_RUN, iters, 0, &span, &own, r) != 0) {
            return -1;
        }
        total += iters;
        timed += (double) span;
        owned += (double) own;
        now = clock->ops->now_ns(clock);
        left = warm_up_ns - (double) (now - start);
        if (left <= 0.0) {
            break;
        }
        per_iter = (double) (now - start) / (double) total;
        fit = per_iter > 0.0 ? left / per_iter : 2.0 * (double) iters;
        iters = 2 * iters < fit ? 2 * iters : (fit >= 1.0 ? (uint64_t) fit : 1);
    }
    *met_ns = timed / (double) total;
    *call_ns = owned / (double) total;
    return 0;
}

/* Flat samples: every thread d iterations a sample, d chosen to fill the
 * measurement time. */
static int sample(team *t, const cb_measure_config *cfg, const cb_progress *progress,
                  double met_ns, cb_result *r)
{
    cb_plan *plan = &r->plan;
    uint64_t span;
    size_t   i;
    double   d = ceil(cfg->measurement_ns / ((double) cfg->sample_size * met_ns));

    plan->mode = CB_MODE_FLAT;
    plan->n = cfg->sample_size;
    plan->d = d >= 1.0 && isfinite(d) ? (uint64_t) d : 1;
    plan->met_ns = met_ns;
    plan->target_ns = cfg->measurement_ns;
    plan->expected_ns = (double) plan->n * (double) plan->d * met_ns;
    if (cb_samples_alloc(&r->samples, plan->n) != 0) {
        cb_result_fail(r, "out of memory for the samples");
        return -1;
    }
    for (i = 0; i < plan->n; i++) {
        if (progress != NULL && progress->collect != NULL) {
            progress->collect(progress->self, t->inst->name, plan, i);
        }
        if (phase_run(t, PHASE_RUN, plan->d, 0, &span, NULL, r) != 0) {
            cb_samples_free(&r->samples);
            return -1;
        }
        /* a timer that read nothing (a coarse clock) must not make a zero */
        r->samples.values[i] = span > 0 ? (double) span : 1.0;
        r->samples.iters[i] = (double) plan->d * (double) t->n;
    }
    return 0;
}

/* Single calls on every thread at once, pooled into r->calls: when a call
 * takes call_ns or more on its own (and each thread's share fits in the
 * measurement time at met_ns a call while all run). */
static int time_calls(team *t, const cb_measure_config *cfg, double met_ns, double call_ns,
                      cb_result *r)
{
    size_t   total = cfg->calls > 0 ? cfg->calls : CB_THREADS_CALLS, each, i, k = 0;
    uint64_t span;

    if (!(call_ns >= CB_CALLS_MIN_NS)) {
        return 0;
    }
    each = (total + t->n - 1) / t->n;
    if ((double) each * met_ns > cfg->measurement_ns) {
        each = (size_t) (cfg->measurement_ns / met_ns);
    }
    each = each < 10 ? 10 : each;
    if (phase_run(t, PHASE_CALLS, 0, each, &span, NULL, r) != 0) {
        return -1;
    }
    r->calls.values = malloc(t->n * each * sizeof *r->calls.values);
    if (r->calls.values == NULL) {
        cb_result_fail(r, "out of memory for the calls");
        return -1;
    }
    for (i = 0; i < t->n; i++) {
        memcpy(r->calls.values + k, t->workers[i]->calls,
               t->workers[i]->ncalls * sizeof *r->calls.values);
        k += t->workers[i]->ncalls;
    }
    r->calls.n = k;
    return 0;
}

/* What the coordinator does once every thread is set up. */
static void measure(team *t, cb_clock *clock, const cb_measure_config *cfg,
                    const cb_progress *progress, cb_result *r)
{
    uint64_t span;
    double   met_ns, call_ns;

    if (failure(t, r) != 0) {
        return;
    }
    if (cfg->test_only) {
        phase_run(t, PHASE_RUN, 1, 0, &span, NULL, r);
        return;
    }
    if (progress != NULL && progress->warm_up != NULL) {
        progress->warm_up(progress->self, t->inst->name, cfg->warm_up_ns);
    }
    if (warm_up(t, clock, cfg->warm_up_ns, &met_ns, &call_ns, r) != 0 ||
        sample(t, cfg, progress, met_ns, r) != 0) {
        return;
    }
    if (progress != NULL && progress->collect != NULL) {
        progress->collect(progress->self, t->inst->name, &r->plan, r->plan.n);
    }
    time_calls(t, cfg, met_ns, call_ns, r);
}

/* Starts want threads on inst, each setting up its fixture and running its
 * check: 0 when all started (a failure of theirs is r's to find), -1 when
 * one could not be (r failed). team_stop() in either case. */
static int team_start(team *t, const cb_instance *inst, cb_clock *clock, size_t want,
                      cb_result *r)
{
    size_t i;
    int    rc = 0;

    memset(t, 0, sizeof *t);
    t->inst = inst;
    t->workers = calloc(want, sizeof *t->workers);
    pthread_mutex_init(&t->gate.lock, NULL);
    pthread_cond_init(&t->gate.moved, NULL);
    t->gate.size = want + 1;
    for (i = 0; t->workers != NULL && i < want; i++) {
        worker *w = own_pages(sizeof *w);

        if (w == NULL) {
            rc = ENOMEM;
            break;
        }
        cb_state_init(&w->state, inst, clock);
        w->team = t;
        if ((rc = pthread_create(&w->thread, NULL, work, w)) != 0) {
            free(w);
            break;
        }
        t->workers[t->n++] = w;
    }
    if (t->workers == NULL || rc != 0) {
        char why[128];

        snprintf(why, sizeof why, "cannot start thread %zu of %zu: %s", t->n + 1, want,
                 strerror(t->workers == NULL ? ENOMEM : rc));
        cb_result_fail(r, why);
    }
    /* the threads that did start are let through, and told to stop */
    barrier_shrink(&t->gate, t->n + 1);
    barrier_wait(&t->gate);
    return r->failed ? -1 : 0;
}

/* Stops and joins the threads, keeps the first one's note in r, frees t. */
static void team_stop(team *t, cb_result *r)
{
    size_t i;

    t->what = PHASE_STOP;
    barrier_wait(&t->gate);
    for (i = 0; i < t->n; i++) {
        pthread_join(t->workers[i]->thread, NULL);
    }
    if (t->n > 0 && t->workers[0]->state.note[0] != '\0') {
        cb_result_set_string(&r->note, t->workers[0]->state.note);
    }
    for (i = 0; i < t->n; i++) {
        free(t->workers[i]->calls);
        free(t->workers[i]);
    }
    free(t->workers);
    pthread_mutex_destroy(&t->gate.lock);
    pthread_cond_destroy(&t->gate.moved);
}

void cb_threads_measure(const cb_instance *inst, cb_clock *clock, const cb_measure_config *cfg,
                        const cb_progress *progress, cb_result *r)
{
    team t;

    if (team_start(&t, inst, clock, cfg->threads, r) == 0) {
        measure(&t, clock, cfg, progress, r);
    }
    team_stop(&t, r);
}

void cb_threads_calls(const cb_instance *inst, cb_clock *clock, size_t threads,
                      const uint64_t *iterations, size_t ncalls,
                      void (*between)(void *arg, size_t k), void *arg, cb_result *r)
{
    team     t;
    uint64_t slowest;
    size_t   k;

    if (team_start(&t, inst, clock, threads, r) == 0 && failure(&t, r) == 0) {
        for (k = 0; k < ncalls; k++) {
            if (phase_run(&t, PHASE_RUN, iterations[k], 0, &slowest, NULL, r) != 0) {
                break;
            }
            between(arg, k);
        }
    }
    team_stop(&t, r);
}
