/*
 * What grew: two profiles of one benchmark, the baseline's and this run's,
 * compared function by function (self instructions per iteration, the
 * inclusive ones beside them) and node by node along the same call paths,
 * for the differential icicle.
 */
#ifndef CB_PROFILE_DIFF_H
#define CB_PROFILE_DIFF_H

#include "core/result.h"
#include "profile/profile.h"

/* The smallest share of a change that names a function as where it went. */
#define CB_PROFILE_DIFF_SHARE 0.005

typedef struct cb_profile_change {
    char  *name;
    char  *object;
    double old_self, new_self;   /* per iteration; 0 where the function is absent */
    double old_total, new_total;
} cb_profile_change;

typedef struct cb_profile_diff {
    double             old_total, new_total; /* the profiles' totals per iteration */
    /* the functions whose self cost changed, the largest change first (then
     * by name and object); one that moved by less than CB_PROFILE_DIFF_SHARE
     * of the whole change, or a billionth of the total, is left out */
    cb_profile_change *changes;
    size_t             n;
    /* for node i of the new profile, the baseline's inclusive cost at the same
     * call path (0 where the baseline has none); nnodes of them */
    double            *old_node_total;
    size_t             nnodes;
} cb_profile_diff;

/* Compares new_ with old. NULL when out of memory. */
cb_profile_diff *cb_profile_diff_new(const cb_profile *old, const cb_profile *new_);

void cb_profile_diff_free(cb_profile_diff *d);

/* Sets new_->grew to its profile compared with old's, when both results have
 * one (old may be NULL); -1 when out of memory. */
int cb_profile_diff_results(const cb_result *old, cb_result *new_);

#endif
