/*
 * Criterion's sampling: a warm-up with doubling iteration counts estimates the
 * time per iteration; from it, a plan of n samples that fills the measurement
 * time, linear (sample i runs i * d iterations) or, for routines too slow for
 * that, flat (every sample runs d); then the samples themselves.
 */
#ifndef CB_SAMPLING_H
#define CB_SAMPLING_H

#include "core/result.h"
#include "measure/state.h"

/* Progress for a terminal (progress.h). warm_up and collect are called in the
 * process that measures, a child of the runner's; analyze and clear in the
 * runner. Any of them may be NULL. */
typedef struct cb_progress {
    void (*warm_up)(void *self, const char *name, double warm_up_ns);
    void (*collect)(void *self, const char *name, const cb_plan *plan, size_t done);
    void (*analyze)(void *self, const char *name);
    void (*clear)(void *self);
    void *self;
} cb_progress;

/*
 * Chooses the mode and d (pure). Linear unless linear sampling with d = 1
 * would take more than twice the target time (Criterion's automatic mode).
 * met_ns is the warm-up's estimate of the time per iteration.
 */
void cb_sampling_plan(double met_ns, size_t n, double target_ns, cb_plan *plan);

/* The iteration count of sample i (0-based) of a plan. */
uint64_t cb_sampling_iterations(const cb_plan *plan, size_t i);

/*
 * Warms up for about warm_up_ns of wall time (at least one call) and returns
 * the estimated wall time per iteration in *met_ns. Each call's iteration
 * count doubles, capped so that the last call ends near the deadline. -1 when
 * the benchmark failed; s->failure says why.
 */
int cb_sampling_warm_up(cb_state *s, double warm_up_ns, double *met_ns);

/* Instruction counts: counts one iteration, as a sample of its own, and returns
 * the time the plan budgets for it (clock->plan_ns_per_count per instruction)
 * in *met_ns: a plan that depends on the count alone. The count includes the
 * per-sample cost of the counter (for a 6-instruction loop, 41 under callgrind),
 * so the tiniest loops get fewer iterations than the budget would allow: a
 * count needs no more. -1 when the benchmark failed or the count cannot be
 * read; s->failure says why. */
int cb_sampling_count_one(cb_state *s, double *met_ns);

/* Runs the plan's samples into out (allocated here). -1 when the benchmark
 * failed, or out of memory; s->failure says why. */
int cb_sampling_collect(cb_state *s, const cb_plan *plan, cb_samples *out,
                        const cb_progress *progress);

#endif
