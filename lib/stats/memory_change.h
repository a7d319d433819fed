/*
 * A result's memory against its baseline's (core/memory.h). The counts are
 * exact, as instruction counts are: the same build counts the same, so any
 * difference is real and is reported as it is, "+1 allocation per
 * iteration, +64 bytes", with no interval and no test. The verdict is on the
 * figures that say what an operation costs (cb_memory_judged): more when
 * any grew, less when one fell and none grew, the same otherwise.
 */
#ifndef CB_MEMORY_CHANGE_H
#define CB_MEMORY_CHANGE_H

#include "core/memory.h"

/* Compares new_ with old (the baseline's, or NULL) into new_->change
 * (has_change) when both were counted; otherwise leaves new_ without one. */
void cb_memory_compare(const cb_memory *old, cb_memory *new_);

#endif
