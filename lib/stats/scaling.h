/*
 * How a measurement on threads scales (measure/threads.h): its aggregate
 * operations per second, and its efficiency against the same benchmark on
 * one thread, ops(n) / (n x ops(1)): 1 when n threads do n times the work of
 * one, cores/n at best when there are fewer cores than threads, and less
 * where they contend for memory, caches or a lock.
 */
#ifndef CB_SCALING_H
#define CB_SCALING_H

#include "stats/bootstrap.h"
#include "core/result.h"

/* r->threads.ops from r's estimate, its wall time per operation in ns: the
 * inverse, its interval inverted. */
void cb_scaling_ops(cb_result *r);

/* r->threads.efficiency against one, the one-thread measurement of the same
 * benchmark (one == r: exactly 1), with a bootstrap interval of the ratio of
 * their estimates; NaN without one. -1 when out of memory. */
int cb_scaling_efficiency(const cb_result *one, cb_result *r, const cb_bootstrap_config *boot,
                          cb_error *err);

#endif
