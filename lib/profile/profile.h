/*
 * Where a benchmark's measured loop spends its instructions: a call tree
 * rooted at the benchmark's run function, each node a function in the
 * context of its callers, with its instructions per iteration, self and
 * inclusive; and, folded from it, the table of functions (self, and
 * inclusive with a recursive function counted once).
 *
 * Built from the callgrind dumps of a run's samples (profile_build.c), stored
 * beside the baseline (store/profile_store.c), compared with the baseline's
 * (profile/diff.c), drawn as an icicle (html/flame.c). The types, and
 * cb_profile_free(), are core/result.h's: a result owns its profile.
 */
#ifndef CB_PROFILE_H
#define CB_PROFILE_H

#include <stddef.h>
#include "core/result.h"

/* The name of the node callgrind's call chains could not reach from the root:
 * contexts more than CB_PROFILE_CALLERS calls deep, whose callers are cut. */
#define CB_PROFILE_DEEPER "(deeper call chains)"

/* How many callers callgrind keeps in a context's name (--separate-callers):
 * enough for the harness above the run function (about a dozen frames) and
 * for the deepest library code measured here (about thirty). */
#define CB_PROFILE_CALLERS 100

/*
 * A profile being built: add nodes (each after its parent; name and object
 * are kept cleaned of control characters and invalid UTF-8, core/text.h), then
 * cb_profile_finish() sorts them, computes inclusive costs and folds the
 * function table. Returns the new node's index, or CB_PROFILE_ROOT when out
 * of memory. parent CB_PROFILE_ROOT adds the root (once, first).
 */
size_t cb_profile_add(cb_profile *p, size_t parent, const char *name, const char *object,
                      double self);

/* The child of parent named name in object, or CB_PROFILE_ROOT. Linear in
 * parent's children. */
size_t cb_profile_child(const cb_profile *p, size_t parent, const char *name,
                        const char *object);

/*
 * Names each node that callgrind could only give an address (a stripped
 * library's static function, "0x000000000003e8e0") by what a person knows:
 * its address (in its object, which the node keeps) under the nearest caller
 * that has a name: "0x3e8e0 under crypto_generichash_blake2b". Call
 * before cb_profile_finish(), which folds the functions by these names. -1
 * when out of memory (the names so far kept).
 */
int cb_profile_name_addresses(cb_profile *p);

/* Sorts the tree into its canonical order, sums inclusive costs and folds
 * the function table. -1 when out of memory. */
int cb_profile_finish(cb_profile *p);

/* The function named name in object, or NULL. */
const cb_profile_fn *cb_profile_find_fn(const cb_profile *p, const char *name,
                                        const char *object);

/* A new, empty profile; NULL when out of memory. */
cb_profile *cb_profile_new(void);

#endif
