#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure/registry.h"

/* with its parameters and implementation a full name stays well inside what
 * a re-executed child is handed (child.c) */
#define CB_NAME_MAX 200
#define CB_AXIS_NAME_MAX 32

/* A definition as registered: the bench and its axes, every string and array
 * copied. Legacy .params are one axis shown by its value (named == 0). Each
 * is allocated on its own, so that instances may point into it while more
 * are registered. */
typedef struct cb_def {
    cb_bench bench;
    cb_axis  axes[CB_MAX_AXES];
    size_t   naxes;
    int      named;
    unsigned threads[CB_MAX_THREAD_COUNTS];
} cb_def;

static cb_def **defs;
static size_t   ndefs;
static char     first_error[CB_ERROR_MAX];

static int record_error(const char *what, const char *name)
{
    if (first_error[0] == '\0') {
        snprintf(first_error, sizeof first_error, "cb_register(\"%s\"): %s",
                 name != NULL ? name : "(null)", what);
    }
    return -1;
}

static int valid_char(int c, const char *extra)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr(extra, c) != NULL);
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
        } else if (valid_char((unsigned char) *p, "-_.+=,:")) {
            part_len++;
        } else {
            return 0;
        }
    }
    return part_len > 0;
}

/* An axis name becomes the "name=" of a name's part: no '=' in it. */
static int valid_axis_name(const char *name)
{
    const char *p;

    if (name == NULL || name[0] == '\0' || strlen(name) > CB_AXIS_NAME_MAX) {
        return 0;
    }
    for (p = name; *p != '\0'; p++) {
        if (!valid_char((unsigned char) *p, "-_.")) {
            return 0;
        }
    }
    return 1;
}

static int check_values(const char *bench, const uint64_t *values, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (values[i] > INT64_MAX) {
            return record_error("parameters must be below 2^63 (baselines store them as JSON "
                                "integers)", bench);
        }
    }
    return 0;
}

static int check_axes(const cb_bench *b)
{
    size_t i, j;

    if (b->axes != NULL && b->params != NULL) {
        return record_error("give params or axes, not both", b->name);
    }
    if ((b->params == NULL) != (b->nparams == 0)) {
        return record_error("params and nparams must be given together", b->name);
    }
    if ((b->axes == NULL) != (b->naxes == 0) || b->naxes > CB_MAX_AXES) {
        return record_error("axes and naxes (1 to 4) must be given together", b->name);
    }
    for (i = 0; i < b->naxes; i++) {
        if (!valid_axis_name(b->axes[i].name) || b->axes[i].values == NULL || b->axes[i].n == 0) {
            return record_error("each axis needs a name of at most 32 of [A-Za-z0-9-_.] and at "
                                "least one value", b->name);
        }
        if (b->axes[i].unit != NULL && strlen(b->axes[i].unit) > CB_AXIS_NAME_MAX) {
            return record_error("an axis unit must be at most 32 characters", b->name);
        }
        for (j = 0; j < i; j++) {
            if (strcmp(b->axes[i].name, b->axes[j].name) == 0) {
                return record_error("two axes of the same name", b->name);
            }
        }
        if (check_values(b->name, b->axes[i].values, b->axes[i].n) != 0) {
            return -1;
        }
    }
    return check_values(b->name, b->params, b->nparams);
}

static int check(const cb_bench *b)
{
    size_t i;

    if (b->name != NULL && strlen(b->name) > CB_NAME_MAX) {
        return record_error("name longer than 200 characters", b->name);
    }
    if (!valid_name(b->name, 1)) {
        return record_error("name must be non-empty parts of [A-Za-z0-9-_.+=,:] separated by '/'",
                            b->name);
    }
    if (b->impl != NULL && (strlen(b->impl) > 64 || !valid_name(b->impl, 0))) {
        return record_error("impl must be one part of [A-Za-z0-9-_.+=,:], at most 64 long",
                            b->name);
    }
    if (b->run == NULL) {
        return record_error("no run function", b->name);
    }
    if (check_axes(b) != 0) {
        return -1;
    }
    if (b->params == NULL && b->axes == NULL && b->throughput != CB_THROUGHPUT_NONE &&
        b->per_iteration == 0) {
        return record_error("per_iteration 0 means \"the parameter\", but there are no params",
                            b->name);
    }
    if (b->per_iteration > INT64_MAX) {
        return record_error("per_iteration must be below 2^63 (baselines store it as a JSON "
                            "integer)", b->name);
    }
    if (b->variant_of != NULL &&
        (strlen(b->variant_of) > CB_NAME_MAX || !valid_name(b->variant_of, 1) ||
         strcmp(b->variant_of, b->name) == 0)) {
        return record_error("variant_of must name another benchmark", b->name);
    }
    if ((b->variant_of == NULL) != (b->variant == NULL) ||
        (b->variant != NULL && (b->variant[0] == '\0' || strlen(b->variant) > 64))) {
        return record_error("variant_of and variant (what it adds, at most 64 characters) must "
                            "be given together", b->name);
    }
    if ((b->threads == NULL) != (b->nthreads == 0) || b->nthreads > CB_MAX_THREAD_COUNTS) {
        return record_error("threads and nthreads (1 to 16 counts) must be given together",
                            b->name);
    }
    for (i = 0; i < b->nthreads; i++) {
        if (b->threads[i] < 1 || b->threads[i] > CB_MAX_THREADS) {
            return record_error("a thread count must be from 1 to 1024", b->name);
        }
    }
    if (b->sample_size != 0 && b->sample_size < 10) {
        return record_error("sample_size must be at least 10", b->name);
    }
    if (!(b->measurement_time >= 0.0 && b->measurement_time < 86400.0)) {
        return record_error("measurement_time must be between 0 and a day", b->name);
    }
    if ((b->prepare_input == NULL) != (b->input_size == 0) || b->input_size > CB_INPUT_MAX) {
        return record_error("prepare_input and input_size (1 byte to 1 MiB) must be given "
                            "together", b->name);
    }
    return 0;
}

/* Frees what cb_register() copied into d, and d. */
static void free_def(cb_def *d)
{
    size_t i;

    if (d == NULL) {
        return;
    }
    free((char *) d->bench.name);
    free((char *) d->bench.impl);
    free((char *) d->bench.param_name);
    free((char *) d->bench.variant_of);
    free((char *) d->bench.variant);
    for (i = 0; i < d->naxes; i++) {
        free((char *) d->axes[i].name);
        free((char *) d->axes[i].unit);
        free((uint64_t *) d->axes[i].values);
    }
    free(d);
}

/* *dst = a copy of src (NULL stays NULL); -1 when out of memory. */
static int dup_into(const char **dst, const char *src)
{
    *dst = NULL;
    return src != NULL && (*dst = strdup(src)) == NULL ? -1 : 0;
}

static int copy_axis(cb_axis *dst, const char *name, const char *unit, const uint64_t *values,
                     size_t n)
{
    uint64_t *v = malloc(n * sizeof *v);

    dst->values = v;
    dst->n = n;
    if (v != NULL) {
        memcpy(v, values, n * sizeof *v);
    }
    return (dup_into(&dst->name, name) | dup_into(&dst->unit, unit)) != 0 || v == NULL ? -1 : 0;
}

/* A copy of b that owns its strings and arrays, its parameters as axes. */
static cb_def *copy_def(const cb_bench *b)
{
    cb_def *d = calloc(1, sizeof *d);
    int     rc = 0;
    size_t  i;

    if (d == NULL) {
        return NULL;
    }
    d->bench = *b;
    rc |= dup_into(&d->bench.name, b->name) | dup_into(&d->bench.impl, b->impl);
    rc |= dup_into(&d->bench.param_name, b->param_name);
    rc |= dup_into(&d->bench.variant_of, b->variant_of) | dup_into(&d->bench.variant, b->variant);
    if (b->params != NULL) {
        d->naxes = 1;
        rc |= copy_axis(&d->axes[0], b->param_name, NULL, b->params, b->nparams);
    }
    for (i = 0; i < b->naxes; i++) {
        d->naxes = i + 1;
        rc |= copy_axis(&d->axes[i], b->axes[i].name, b->axes[i].unit, b->axes[i].values,
                        b->axes[i].n);
    }
    d->named = b->axes != NULL;
    if (b->nthreads > 0) {
        memcpy(d->threads, b->threads, b->nthreads * sizeof *d->threads);
        d->bench.threads = d->threads;
    }
    d->bench.params = d->naxes > 0 && !d->named ? d->axes[0].values : NULL;
    d->bench.axes = d->named ? d->axes : NULL;
    if (rc != 0) {
        free_def(d);
        return NULL;
    }
    return d;
}

int cb_register(const cb_bench *bench)
{
    cb_def **grown;
    cb_def  *d;

    if (check(bench) != 0) {
        return -1;
    }
    d = copy_def(bench);
    grown = d != NULL ? realloc(defs, (ndefs + 1) * sizeof *defs) : NULL;
    if (grown == NULL) {
        free_def(d);
        return record_error("out of memory", bench->name);
    }
    defs = grown;
    defs[ndefs++] = d;
    return 0;
}

const char *cb_registry_error(void)
{
    return first_error[0] != '\0' ? first_error : NULL;
}

/* `name` with the point's parameters and the definition's implementation. */
static char *full_name(const cb_def *d, const char *name, const uint64_t *args)
{
    size_t len = strlen(name) + 1 + (d->bench.impl != NULL ? strlen(d->bench.impl) + 1 : 0);
    char  *full;
    size_t i;
    int    w;

    for (i = 0; i < d->naxes; i++) {
        len += 1 + (d->named ? strlen(d->axes[i].name) + 1 : 0) + 20;
    }
    full = malloc(len);
    if (full == NULL) {
        return NULL;
    }
    w = snprintf(full, len, "%s", name);
    for (i = 0; i < d->naxes; i++) {
        if (d->named) {
            w += snprintf(full + w, len - (size_t) w, "/%s=%" PRIu64, d->axes[i].name, args[i]);
        } else {
            w += snprintf(full + w, len - (size_t) w, "/%" PRIu64, args[i]);
        }
    }
    if (d->bench.impl != NULL) {
        snprintf(full + w, len - (size_t) w, "/%s", d->bench.impl);
    }
    return full;
}

/* The points of d: the product of its axes' lengths (1 without axes). */
static size_t npoints(const cb_def *d)
{
    size_t i, n = 1;

    for (i = 0; i < d->naxes; i++) {
        n *= d->axes[i].n;
    }
    return n;
}

/* Fills inst as point k of d (the last axis varies fastest, as in Google
 * Benchmark's ArgsProduct). */
static int make_instance(const cb_def *d, size_t k, cb_instance *inst, cb_error *err)
{
    cb_point p;
    size_t   i;

    inst->def = &d->bench;
    inst->axes = d->axes;
    inst->naxes = d->naxes;
    inst->named = d->named;
    for (i = d->naxes; i-- > 0;) {
        inst->args[i] = d->axes[i].values[k % d->axes[i].n];
        k /= d->axes[i].n;
    }
    inst->per_iteration = d->bench.per_iteration != 0 ? d->bench.per_iteration
                          : d->naxes > 0              ? inst->args[0]
                                                      : 0;
    inst->name = full_name(d, d->bench.name, inst->args);
    if (d->bench.variant_of != NULL) {
        inst->variant_of = full_name(d, d->bench.variant_of, inst->args);
    }
    if (inst->name == NULL || (d->bench.variant_of != NULL && inst->variant_of == NULL)) {
        return cb_error_set(err, "out of memory naming benchmarks");
    }
    p = (cb_point){ inst->args, d->naxes, d->bench.sample_size, d->bench.measurement_time };
    if (d->bench.configure != NULL) {
        d->bench.configure(&p);
    }
    if ((p.sample_size != 0 && p.sample_size < 10) ||
        !(p.measurement_time >= 0.0 && p.measurement_time < 86400.0)) {
        return cb_error_set(err, "%s: configure() set a sample size below 10 or a measurement "
                                 "time outside 0 to a day", inst->name);
    }
    inst->sample_size = p.sample_size;
    inst->measurement_time = p.measurement_time;
    return 0;
}

int cb_registry_expand(cb_instance_list *out, cb_error *err)
{
    size_t i, j, total = 0, k = 0;

    out->items = NULL;
    out->n = 0;
    for (i = 0; i < ndefs; i++) {
        total += npoints(defs[i]);
    }
    if (total == 0) {
        return 0;
    }
    out->items = calloc(total, sizeof *out->items);
    if (out->items == NULL) {
        return cb_error_set(err, "out of memory expanding %zu benchmarks", total);
    }
    for (i = 0; i < ndefs; i++) {
        for (j = 0; j < npoints(defs[i]); j++, k++) {
            out->n = k + 1;
            if (make_instance(defs[i], j, &out->items[k], err) != 0) {
                cb_instance_list_free(out);
                return -1;
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

const cb_instance *cb_instance_find(const cb_instance_list *list, const char *name)
{
    size_t i;

    for (i = 0; i < list->n; i++) {
        if (strcmp(list->items[i].name, name) == 0) {
            return &list->items[i];
        }
    }
    return NULL;
}

int cb_instance_arg(const cb_instance *inst, const char *axis, uint64_t *value)
{
    size_t i;

    for (i = 0; i < inst->naxes; i++) {
        if (inst->axes[i].name != NULL && strcmp(inst->axes[i].name, axis) == 0) {
            *value = inst->args[i];
            return 0;
        }
    }
    return -1;
}

void cb_registry_clear(void)
{
    size_t i;

    for (i = 0; i < ndefs; i++) {
        free_def(defs[i]);
    }
    free(defs);
    defs = NULL;
    ndefs = 0;
    first_error[0] = '\0';
}
