/*
 * The registry: every benchmark defined with cb_register(), expanded into one
 * instance per parameter, each with its full name "group/function[/param][/impl]".
 */
#ifndef CB_REGISTRY_H
#define CB_REGISTRY_H

#include <stdint.h>
#include "cryptbench.h"
#include "core/error.h"

typedef struct cb_instance {
    char           *name;      /* full name, owned */
    const cb_bench *def;       /* the registered copy */
    uint64_t        param;     /* valid when has_param */
    int             has_param;
    uint64_t        per_iteration; /* resolved throughput units per iteration */
    char           *variant_of;    /* the base instance's full name, owned; NULL if none */
} cb_instance;

typedef struct cb_instance_list {
    cb_instance *items;
    size_t       n;
} cb_instance_list;

/* The first registration error, or NULL when every cb_register() call succeeded. */
const char *cb_registry_error(void);

/* Expands every registered definition into instances, in registration order.
 * Fails on a duplicate full name. Free the list with cb_instance_list_free(). */
int cb_registry_expand(cb_instance_list *out, cb_error *err);

void cb_instance_list_free(cb_instance_list *list);

/* Forgets every registration (tests register their own sets). */
void cb_registry_clear(void);

#endif
