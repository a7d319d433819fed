#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure/registry.h"

/* with a parameter and an implementation a full name stays well inside what
 * a re-executed child is handed (isolate.c) */
#define CB_NAME_MAX 200

static cb_bench *defs;
static size_t    ndefs;
static char      first_error[CB_ERROR_MAX];

static int record_error(const char *what, const char *name)
{
    if (first_error[0] == '\0') {
        snprintf(first_error, sizeof first_error, "cb_register(\"%s\"): %s",
                 name != NULL ? name : "(null)", what);
    }
    return -1;
}

static int valid_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           strchr("-_.+=,:", c) != NULL;
}

/* Names end up in file names, CSV cells and URLs of the HTML report; a small
 * alphabet keeps all of those safe without escaping rules of their own. */
static int valid_name(const char *name, int allow_slash)
{
    const char *p;
    int         part_len = 0;

    if (name == NULL || name[0] == '\0') {
        return 0;
    }
    for (p = name; *p != '\0'; p++) {
        if (*p == '/' && allow_slash) {
            if (part_len == 0) {
                return 0;
            }
            part_len = 0;
        } else if (valid_char((unsigned char) *p)) {
            part_len++;
        } else {
            return 0;
        }
    }
    return part_len > 0;
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? strdup(s) : NULL;
}

/* Frees what cb_register() copied into def. */
static void free_def(cb_bench *def)
{
    free((char *) def->name);
    free((char *) def->impl);
    free((char *) def->param_name);
    free((char *) def->variant_of);
    free((char *) def->variant);
    free((uint64_t *) def->params);
}

int cb_register(const cb_bench *bench)
{
    cb_bench *grown, copy;
    uint64_t *params = NULL;

    if (bench->name != NULL && strlen(bench->name) > CB_NAME_MAX) {
        return record_error("name longer than 200 characters", bench->name);
    }
    if (!valid_name(bench->name, 1)) {
        return record_error("name must be non-empty parts of [A-Za-z0-9-_.+=,:] separated by '/'",
                            bench->name);
    }
    if (bench->impl != NULL && (strlen(bench->impl) > 64 || !valid_name(bench->impl, 0))) {
        return record_error("impl must be one part of [A-Za-z0-9-_.+=,:], at most 64 long",
                            bench->name);
    }
    if (bench->run == NULL) {
        return record_error("no run function", bench->name);
    }
    if ((bench->params == NULL) != (bench->nparams == 0)) {
        return record_error("params and nparams must be given together", bench->name);
    }
    if (bench->params == NULL && bench->throughput != CB_THROUGHPUT_NONE &&
        bench->per_iteration == 0) {
        return record_error("per_iteration 0 means \"the parameter\", but there are no params",
                            bench->name);
    }
    if (bench->per_iteration > INT64_MAX) {
        return record_error("per_iteration must be below 2^63 (baselines store it as a JSON "
                            "integer)", bench->name);
    }
    for (size_t i = 0; bench->params != NULL && i < bench->nparams; i++) {
        if (bench->params[i] > INT64_MAX) {
            return record_error("parameters must be below 2^63 (baselines store them as JSON "
                                "integers)", bench->name);
        }
    }
    if (bench->variant_of != NULL &&
        (strlen(bench->variant_of) > CB_NAME_MAX || !valid_name(bench->variant_of, 1) ||
         strcmp(bench->variant_of, bench->name) == 0)) {
        return record_error("variant_of must name another benchmark", bench->name);
    }
    if ((bench->variant_of == NULL) != (bench->variant == NULL) ||
        (bench->variant != NULL && (bench->variant[0] == '\0' || strlen(bench->variant) > 64))) {
        return record_error("variant_of and variant (what it adds, at most 64 characters) must "
                            "be given together", bench->name);
    }
    if (bench->sample_size != 0 && bench->sample_size < 10) {
        return record_error("sample_size must be at least 10", bench->name);
    }
    if (!(bench->measurement_time >= 0.0 && bench->measurement_time < 86400.0)) {
        return record_error("measurement_time must be between 0 and a day", bench->name);
    }
    if (bench->nparams > 0) {
        params = malloc(bench->nparams * sizeof *params);
        if (params == NULL) {
            return record_error("out of memory", bench->name);
        }
        memcpy(params, bench->params, bench->nparams * sizeof *params);
    }
    copy = *bench;
    copy.name = strdup(bench->name);
    copy.impl = dup_or_null(bench->impl);
    copy.param_name = dup_or_null(bench->param_name);
    copy.variant_of = dup_or_null(bench->variant_of);
    copy.variant = dup_or_null(bench->variant);
    copy.params = params;
    grown = realloc(defs, (ndefs + 1) * sizeof *defs);
    if (copy.name == NULL || (bench->impl != NULL && copy.impl == NULL) ||
        (bench->param_name != NULL && copy.param_name == NULL) ||
        (bench->variant_of != NULL && (copy.variant_of == NULL || copy.variant == NULL)) ||
        grown == NULL) {
        free_def(&copy);
        if (grown != NULL) {
            defs = grown;
        }
        return record_error("out of memory", bench->name);
    }
    defs = grown;
    defs[ndefs++] = copy;
    return 0;
}

const char *cb_registry_error(void)
{
    return first_error[0] != '\0' ? first_error : NULL;
}

/* `name` with the instance's parameter and the definition's implementation. */
static char *full_name(const cb_bench *def, const char *name, const uint64_t *param)
{
    size_t len = strlen(name) + 2 + 21 + (def->impl != NULL ? strlen(def->impl) + 1 : 0);
    char  *full = malloc(len);
    int    w;

    if (full == NULL) {
        return NULL;
    }
    w = snprintf(full, len, "%s", name);
    if (param != NULL) {
        w += snprintf(full + w, len - (size_t) w, "/%" PRIu64, *param);
    }
    if (def->impl != NULL) {
        snprintf(full + w, len - (size_t) w, "/%s", def->impl);
    }
    return full;
}

int cb_registry_expand(cb_instance_list *out, cb_error *err)
{
    size_t i, j, total = 0, k = 0;

    out->items = NULL;
    out->n = 0;
    for (i = 0; i < ndefs; i++) {
        total += defs[i].nparams > 0 ? defs[i].nparams : 1;
    }
    if (total == 0) {
        return 0;
    }
    out->items = calloc(total, sizeof *out->items);
    if (out->items == NULL) {
        return cb_error_set(err, "out of memory expanding %zu benchmarks", total);
    }
    for (i = 0; i < ndefs; i++) {
        size_t n = defs[i].nparams > 0 ? defs[i].nparams : 1;

        for (j = 0; j < n; j++, k++) {
            cb_instance *in = &out->items[k];

            in->def = &defs[i];
            in->has_param = defs[i].nparams > 0;
            in->param = in->has_param ? defs[i].params[j] : 0;
            in->per_iteration = defs[i].per_iteration != 0 ? defs[i].per_iteration : in->param;
            in->name = full_name(&defs[i], defs[i].name, in->has_param ? &in->param : NULL);
            if (defs[i].variant_of != NULL) {
                in->variant_of = full_name(&defs[i], defs[i].variant_of,
                                           in->has_param ? &in->param : NULL);
            }
            out->n = k + 1;
            if (in->name == NULL || (defs[i].variant_of != NULL && in->variant_of == NULL)) {
                cb_instance_list_free(out);
                return cb_error_set(err, "out of memory naming benchmarks");
            }
        }
    }
    /* Quadratic, but over at most a few hundred names, once per run. */
    for (i = 0; i < out->n; i++) {
        for (j = i + 1; j < out->n; j++) {
            if (strcmp(out->items[i].name, out->items[j].name) == 0) {
                cb_error_set(err, "benchmark \"%s\" is registered twice", out->items[i].name);
                cb_instance_list_free(out);
                return -1;
            }
        }
    }
    return 0;
}

void cb_instance_list_free(cb_instance_list *list)
{
    size_t i;

    for (i = 0; i < list->n; i++) {
        free(list->items[i].name);
        free(list->items[i].variant_of);
    }
    free(list->items);
    list->items = NULL;
    list->n = 0;
}

void cb_registry_clear(void)
{
    size_t i;

    for (i = 0; i < ndefs; i++) {
        free_def(&defs[i]);
    }
    free(defs);
    defs = NULL;
    ndefs = 0;
    first_error[0] = '\0';
}
