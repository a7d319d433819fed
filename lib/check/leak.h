/*
 * The statistical check (--check timing-leak), dudect's method in a harness:
 * the benchmark's run timed one call at a time with the cycle counter, on
 * inputs of two classes that its prepare_input makes (untimed, a batch at a
 * time, before the batch is timed), the classes drawn at random so that
 * drift and neighbours fall on both alike; stats/dudect.c makes the verdict.
 * It measures the code as it runs natively, on this CPU's own code paths.
 */
#ifndef CB_CHECK_LEAK_H
#define CB_CHECK_LEAK_H

#include "check/check.h"

/* The timed calls of one batch, at most: dudect's batches are of this order,
 * and its first, thrown away, warms up and sets the cropping thresholds. */
#define CB_LEAK_BATCH 10000
/* The inputs of a batch take at most this much memory. */
#define CB_LEAK_BATCH_BYTES ((size_t) 16 << 20)

/* The statistical check of inst into out: skipped when inst declares no
 * prepare_input. -1 only when the harness could not work (err). */
int cb_check_leak_run(const cb_check_config *cfg, const cb_instance *inst, cb_check_leak *out,
                      cb_error *err);

#endif
