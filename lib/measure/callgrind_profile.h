/*
 * The profile of a benchmark measured under callgrind with call chains
 * (cb_callgrind_exec with call_chains): its samples' dumps, read back by the
 * runner after the child is done, made into a call tree (profile/).
 */
#ifndef CB_CALLGRIND_PROFILE_H
#define CB_CALLGRIND_PROFILE_H

#include "core/error.h"
#include "core/result.h"
#include "profile/profile.h"

/* The profile of r's samples, the last r->samples.n dumps of out_prefix, into
 * *out (a new profile), the functions of this program itself with no object
 * named. -1 with err when a dump is unreadable or holds no call chains. */
int cb_callgrind_profile(const char *out_prefix, const cb_result *r, cb_profile **out,
                         cb_error *err);

#endif
