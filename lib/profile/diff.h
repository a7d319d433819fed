/*
 * What grew: two profiles of one benchmark, the baseline's and this run's,
 * compared function by function (self instructions per iteration, the
 * inclusive ones and the calls per iteration beside them) and node by node along the same call paths,
 * for the differential icicle.
 */
#ifndef CB_PROFILE_DIFF_H
#define CB_PROFILE_DIFF_H

#include "core/result.h"
#include "profile/profile.h"

/* The smallest share of a change that names a function as where it went. */
#define CB_PROFILE_DIFF_SHARE 0.005

/* Compares new_ with old. NULL when out of memory. */
cb_profile_diff *cb_profile_diff_new(const cb_profile *old, const cb_profile *new_);

/* Sets new_->grew to its profile compared with old's, when both results have
 * one (old may be NULL); -1 when out of memory. */
int cb_profile_diff_results(const cb_result *old, cb_result *new_);

#endif
