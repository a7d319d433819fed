/*
 * The registry: every benchmark defined with cb_register(), expanded into one
 * instance per point of its parameters, each with its full name
 * "group/function[/param...][/impl]". A definition's parameters are axes: the
 * one list of .params (an axis shown by its value alone, "did/sha256/64") or
 * the named .axes ("kdf/argon2id/mem_kib=19456/passes=2"), one instance per
 * combination of their values.
 */
#ifndef CB_REGISTRY_H
#define CB_REGISTRY_H

#include <stdint.h>
#include "core/error.h"
#include "cryptbench.h"

typedef struct cb_instance {
    char           *name;          /* full name, owned */
    const cb_bench *def;           /* the registered copy */
    const cb_axis  *axes;          /* the definition's axes, naxes of them */
    size_t          naxes;
    int             named;         /* axes are shown as name=value (.axes), not as the value */
    uint64_t        args[CB_MAX_AXES]; /* this point's value on each axis */
    uint64_t        per_iteration; /* resolved throughput units per iteration */
    size_t          sample_size;   /* the definition's own, as configure left it; 0: default */
    double          measurement_time;
    char           *variant_of;    /* the base instance's full name, owned; NULL if none */
} cb_instance;

typedef struct cb_instance_list {
    cb_instance *items;
    size_t       n;
} cb_instance_list;

/* The first registration error, or NULL when every cb_register() call succeeded. */
const char *cb_registry_error(void);

/* Expands every registered definition into instances, in registration order,
 * running each definition's configure() for each of its points. Fails on a
 * duplicate full name or a point configured out of range. Free the list with
 * cb_instance_list_free(). */
int cb_registry_expand(cb_instance_list *out, cb_error *err);

void cb_instance_list_free(cb_instance_list *list);

/* The instance of list named `name`, or NULL. */
const cb_instance *cb_instance_find(const cb_instance_list *list, const char *name);

/* The value of inst's axis named `axis` into *value: 0, or -1 when it has no
 * such axis. */
int cb_instance_arg(const cb_instance *inst, const char *axis, uint64_t *value);

/* Forgets every registration (tests register their own sets). */
void cb_registry_clear(void);

#endif
