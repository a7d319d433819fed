/*
 * A profile from the callgrind dumps of a run's samples. Each dump holds the
 * contexts of one sample's measured loop (collection is on only between
 * cb_state_start() and cb_state_stop()), named by their call chains
 * (--separate-callers). Every chain runs up through the harness:
 *
 *     sha256_block'SHA256_Update'...'bench_pbkdf2'cb_state_call'...'main
 *
 * The call tree starts at the benchmark's run function, the frame just below
 * CB_PROFILE_ANCHOR; the harness above it is left out. A chain that callgrind
 * cut before it reached the anchor (deeper than CB_PROFILE_CALLERS) hangs
 * under CB_PROFILE_DEEPER. A program without symbols (stripped) has no anchor
 * to find: there, the frames every chain shares are the harness, and the tree
 * starts at the innermost of them.
 */
#ifndef CB_PROFILE_BUILD_H
#define CB_PROFILE_BUILD_H

#include "core/error.h"
#include "profile/callgrind_format.h"
#include "profile/profile.h"

/* The harness function that calls a benchmark's run function. */
#define CB_PROFILE_ANCHOR "cb_state_call"

/*
 * The profile of dumps[0..n), the samples, which ran `iterations` iterations
 * in all: each node's instructions over every sample, divided by the
 * iterations. So the profile's total is the samples' instructions per
 * iteration, the client requests' few per sample included. Objects are known
 * by their base names, but the benchmark program's own (`program`, a path;
 * NULL: none), which is "": its name changes from build to build, and a
 * function of one build must meet itself in the other's profile. *out is a
 * new profile (cb_profile_free). -1 with err when a dump has nothing to
 * profile or memory runs out.
 */
int cb_profile_build(const cb_cg_dump *dumps, size_t n, double iterations, const char *program,
                     cb_profile **out, cb_error *err);

#endif
