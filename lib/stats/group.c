#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/group.h"

static int in_group(const cb_result *r, const char *group)
{
    char g[128];

    /* threads' measurements have their own scaling; their names are not
     * their peers' with another parameter or implementation */
    if (r->failed || r->samples.n < 2 || r->threads.n > 0) {
        return 0;
    }
    if (group == NULL) {
        return 1;
    }
    cb_name_group(r->name, g, sizeof g);
    return strcmp(g, group) == 0;
}

/* The name without its last part (the implementation), or NULL without one. */
static char *primitive_of(const cb_result *r, size_t axis)
{
    size_t n = strlen(r->name), k;
    char  *p;

    (void) axis;
    if (r->impl == NULL || n <= strlen(r->impl) + 1) {
        return NULL;
    }
    k = n - strlen(r->impl) - 1;
    if (r->name[k] != '/' || strcmp(r->name + k + 1, r->impl) != 0 || (p = malloc(k + 1)) == NULL) {
        return NULL;
    }
    memcpy(p, r->name, k);
    p[k] = '\0';
    return p;
}

/* r's name with the parameters of the axes in `axes` (a bit each) replaced by
 * "*" (or "name=*"), a new string; NULL when r has no such parameters. */
static char *starred(const cb_result *r, unsigned axes)
{
    size_t parts = 1, first, part, k, n = strlen(r->name), extra = 0;
    char  *s, *w;

    for (k = 0; k < n; k++) {
        parts += r->name[k] == '/';
    }
    /* the parameters are the parts just before the implementation, or last */
    if (parts < r->nargs + 1 + (r->impl != NULL)) {
        return NULL;
    }
    first = parts - (r->impl != NULL) - r->nargs;
    for (k = 0; k < r->nargs; k++) {
        extra += strlen(r->args[k].name) + 3;
    }
    s = malloc(n + extra + 1);
    if (s == NULL) {
        return NULL;
    }
    for (k = 0, part = 0, w = s; k < n; k++) {
        if (r->name[k] == '/') {
            part++;
        }
        if (part >= first && part - first < r->nargs && (axes >> (part - first) & 1u)) {
            if (r->name[k] == '/') {
                w += sprintf(w, "/%s%s*", r->named_args ? r->args[part - first].name : "",
                             r->named_args ? "=" : "");
            }
            continue; /* the part being replaced */
        }
        *w++ = r->name[k];
    }
    *w = '\0';
    return s;
}

char *cb_group_series(const cb_result *r, size_t axis)
{
    return axis < r->nargs ? starred(r, 1u << axis) : NULL;
}

double cb_sweep_x(const cb_sweep *s, size_t i)
{
    return (double) s->points[i]->args[s->axis].value;
}

/* Every summary is of each result's own estimate (the slope of a linear
 * run, the mean of a flat one): the one number the report shows for it. */
static double typical(const cb_result *r)
{
    return cb_result_typical(r)->point;
}

/* The ratio b / a of two results' estimates and their difference, with
 * bootstrap intervals. */
static int compare_typicals(const cb_run *run, const cb_result *a, const cb_result *b,
                            const cb_bootstrap_config *boot, cb_estimate *ratio, cb_estimate *diff,
                            cb_error *err)
{
    cb_bootstrap_run ra = { a->samples.iters, a->samples.values, a->samples.n,
                            cb_analysis_slope(a->plan.mode, run->unit), typical(a) };
    cb_bootstrap_run rb = { b->samples.iters, b->samples.values, b->samples.n,
                            cb_analysis_slope(b->plan.mode, run->unit), typical(b) };

    return cb_bootstrap_typicals(&ra, &rb, boot, ratio, diff, err);
}

/* keys[i]: the key of run->results[i] (primitive or series), NULL when it has none */
static char **keys_of(const cb_run *run, const char *group,
                      char *(*key)(const cb_result *, size_t), size_t axis)
{
    char **keys = calloc(run->n + 1, sizeof *keys);
    size_t i;

    for (i = 0; keys != NULL && i < run->n; i++) {
        keys[i] = in_group(&run->results[i], group) ? key(&run->results[i], axis) : NULL;
    }
    return keys;
}

static void free_keys(char **keys, size_t n)
{
    size_t i;

    for (i = 0; keys != NULL && i < n; i++) {
        free(keys[i]);
    }
    free(keys);
}

static int add_ratios(const cb_run *run, char **keys, const cb_bootstrap_config *boot,
                      cb_groups *g, cb_error *err)
{
    size_t i, j;

    for (i = 0; i < run->n; i++) {
        const cb_result *fastest = &run->results[i];

        if (keys[i] == NULL) {
            continue;
        }
        for (j = i + 1; j < run->n; j++) {
            if (keys[j] != NULL && strcmp(keys[j], keys[i]) == 0 &&
                typical(&run->results[j]) < typical(fastest)) {
                fastest = &run->results[j];
            }
        }
        for (j = i; j < run->n; j++) {
            cb_impl_ratio *grown;

            if (keys[j] == NULL || (j > i && strcmp(keys[j], keys[i]) != 0)) {
                continue;
            }
            if (&run->results[j] != fastest) {
                grown = realloc(g->ratios, (g->nratios + 1) * sizeof *grown);
                if (grown == NULL) {
                    return cb_error_set(err, "out of memory");
                }
                g->ratios = grown;
                grown[g->nratios] = (cb_impl_ratio){ strdup(keys[i]), fastest, &run->results[j],
                                                     { 0, 0, 0, 0 } };
                if (grown[g->nratios].primitive == NULL ||
                    compare_typicals(run, fastest, &run->results[j], boot,
                                     &grown[g->nratios].speedup, NULL,
                          err) != 0) {
                    free(grown[g->nratios].primitive);
                    return -1;
                }
                g->nratios++;
            }
            if (j > i) {
                free(keys[j]); /* done with this primitive */
                keys[j] = NULL;
            }
        }
    }
    return 0;
}

/* Orders a sweep's points by their value on its axis: a handful of them, an
 * insertion sort. */
static void sort_points(cb_sweep *s)
{
    size_t i, j;

    for (i = 1; i < s->n; i++) {
        const cb_result *p = s->points[i];

        for (j = i; j > 0 && s->points[j - 1]->args[s->axis].value > p->args[s->axis].value; j--) {
            s->points[j] = s->points[j - 1];
        }
        s->points[j] = p;
    }
}

/* The sweeps along one axis: results that differ only in that parameter. */
static int add_sweeps(const cb_run *run, char **keys, size_t axis, cb_groups *g, cb_error *err)
{
    size_t i, j;

    for (i = 0; i < run->n; i++) {
        const cb_arg *arg = &run->results[i].args[axis];
        cb_sweep      s = { NULL, arg->name[0] != '\0' ? arg->name : NULL,
                            arg->unit[0] != '\0' ? arg->unit : NULL, axis, 0, NULL, { 0, 0, 0 }, 0,
                            0, NULL, 0, { 0, 0, 0 } };
        cb_sweep     *grown;
        double       *x, *y, held;
        size_t        k;

        if (keys[i] == NULL) {
            continue;
        }
        s.points = calloc(run->n, sizeof *s.points);
        if (s.points == NULL) {
            return cb_error_set(err, "out of memory");
        }
        for (j = i; j < run->n; j++) {
            if (keys[j] != NULL && strcmp(keys[j], keys[i]) == 0) {
                s.points[s.n++] = &run->results[j];
                if (j > i) {
                    free(keys[j]);
                    keys[j] = NULL;
                }
            }
        }
        if (s.n < 2) {
            free(s.points);
            continue;
        }
        sort_points(&s);
        x = malloc(s.n * sizeof *x);
        y = malloc(s.n * sizeof *y);
        grown = realloc(g->sweeps, (g->nsweeps + 1) * sizeof *grown);
        s.series = strdup(keys[i]);
        if (x == NULL || y == NULL || grown == NULL || s.series == NULL) {
            free(x);
            free(y);
            free(s.points);
            free(s.series);
            if (grown != NULL) {
                g->sweeps = grown;
            }
            return cb_error_set(err, "out of memory");
        }
        for (k = 0; k < s.n; k++) {
            x[k] = cb_sweep_x(&s, k);
            y[k] = typical(s.points[k]);
        }
        s.fitted = s.n >= 3;
        if (s.fitted) {
            s.fit = cb_regression_relative(x, y, s.n);
        } else {
            s.alike = 1;
        }
        s.has_memory = 1;
        for (k = 0, held = 0.0; k < s.n && s.has_memory; k++) {
            s.has_memory = s.points[k]->memory.status == CB_MEMORY_COUNTED;
            y[k] = s.points[k]->memory.figures[CB_MEMORY_PEAK_BYTES];
            held = fmax(held, y[k]);
        }
        s.has_memory = s.has_memory && held > 0.0;
        if (s.has_memory && s.fitted) {
            s.memory_fit = cb_regression_ols(x, y, s.n);
        }
        free(x);
        free(y);
        g->sweeps = grown;
        g->sweeps[g->nsweeps++] = s;
    }
    return 0;
}

/* What the variant adds in memory, when both were counted: exact. */
static void memory_cost(const cb_result *base, const cb_result *variant, cb_variant_cost *c)
{
    int k;

    c->has_memory = base->memory.status == CB_MEMORY_COUNTED &&
                    variant->memory.status == CB_MEMORY_COUNTED;
    for (k = 0; k < CB_MEMORY_NFIGURES && c->has_memory; k++) {
        c->memory[k] = variant->memory.figures[k] - base->memory.figures[k];
    }
}

static int add_costs(const cb_run *run, const char *group, const cb_bootstrap_config *boot,
                     cb_groups *g, cb_error *err)
{
    size_t i;

    for (i = 0; i < run->n; i++) {
        const cb_result *variant = &run->results[i], *base;
        cb_variant_cost *grown;

        if (!in_group(variant, group) || variant->variant_of == NULL) {
            continue;
        }
        base = cb_run_find(run, variant->variant_of);
        if (base == NULL || !in_group(base, group)) {
            continue;
        }
        grown = realloc(g->costs, (g->ncosts + 1) * sizeof *grown);
        if (grown == NULL) {
            return cb_error_set(err, "out of memory");
        }
        g->costs = grown;
        grown[g->ncosts] = (cb_variant_cost){ variant->variant, base, variant, { 0, 0, 0, 0 }, 0,
                                              { 0 } };
        if (compare_typicals(run, base, variant, boot, NULL, &grown[g->ncosts].cost, err) != 0) {
            return -1;
        }
        memory_cost(base, variant, &grown[g->ncosts]);
        g->ncosts++;
    }
    return 0;
}

/* The sweeps too short to fit, of one function along one axis (a grid's
 * other axis at each of its values), are said once: the first counts them
 * and names them all with every parameter "*"; the others leave it to it. */
static int say_short_once(cb_groups *g)
{
    size_t i, j;

    for (i = 0; i < g->nsweeps; i++) {
        cb_sweep *s = &g->sweeps[i];
        char     *family;

        if (s->fitted || s->alike == 0) {
            continue;
        }
        family = starred(s->points[0], (1u << s->points[0]->nargs) - 1u);
        if (family == NULL) {
            return -1;
        }
        for (j = i + 1; j < g->nsweeps; j++) {
            cb_sweep *t = &g->sweeps[j];
            char     *other;

            if (t->fitted || t->alike == 0 || t->axis != s->axis) {
                continue;
            }
            other = starred(t->points[0], (1u << t->points[0]->nargs) - 1u);
            if (other == NULL) {
                free(family);
                return -1;
            }
            if (strcmp(other, family) == 0) {
                s->alike++;
                t->alike = 0;
            }
            free(other);
        }
        if (s->alike > 1) {
            s->family = family;
        } else {
            free(family);
        }
    }
    return 0;
}

int cb_group_analyse(const cb_run *run, const char *group, const cb_bootstrap_config *boot,
                     cb_groups *out, cb_error *err)
{
    char **prims = keys_of(run, group, primitive_of, 0), **series;
    size_t axis;
    int    rc = -1, intervals;

    memset(out, 0, sizeof *out);
    /* a run without resamples (the paired gate's: one median per round) has no
     * interval to give a ratio or a cost, and claims neither; a sweep's fit
     * needs none */
    intervals = boot->nresamples >= 2;
    if (prims == NULL || (intervals && add_ratios(run, prims, boot, out, err) != 0)) {
        goto done;
    }
    /* fits only along one axis, the others fixed */
    for (axis = 0; axis < CB_MAX_AXES; axis++) {
        series = keys_of(run, group, cb_group_series, axis);
        rc = series != NULL ? add_sweeps(run, series, axis, out, err) : -1;
        free_keys(series, run->n);
        if (rc != 0) {
            goto done;
        }
    }
    rc = say_short_once(out) != 0 ? cb_error_set(err, "out of memory") : 0;
    if (rc == 0 && intervals) {
        rc = add_costs(run, group, boot, out, err);
    }
done:
    if (prims == NULL) {
        cb_error_set(err, "out of memory");
    }
    free_keys(prims, run->n);
    if (rc != 0) {
        cb_groups_free(out);
    }
    return rc;
}

void cb_groups_free(cb_groups *g)
{
    size_t i;

    for (i = 0; i < g->nratios; i++) {
        free(g->ratios[i].primitive);
    }
    for (i = 0; i < g->nsweeps; i++) {
        free(g->sweeps[i].series);
        free(g->sweeps[i].family);
        free(g->sweeps[i].points);
    }
    free(g->ratios);
    free(g->sweeps);
    free(g->costs);
    memset(g, 0, sizeof *g);
}

void cb_group_unit_name(const cb_sweep *s, char *buf, size_t size)
{
    const char *name = s->param_name;
    size_t      n = name != NULL ? strlen(name) : 0;

    if (s->unit != NULL) {
        snprintf(buf, size, "%s", s->unit);
    } else if (n == 0) {
        snprintf(buf, size, "unit");
    } else if (n > 4 && (strcmp(name + n - 4, "sses") == 0 || strcmp(name + n - 4, "ches") == 0 ||
                         strcmp(name + n - 4, "shes") == 0)) {
        snprintf(buf, size, "%.*s", (int) (n - 2), name); /* passes -> pass */
    } else if (n > 3 && name[n - 1] == 's' && name[n - 2] != 's') {
        snprintf(buf, size, "%.*s", (int) (n - 1), name); /* iterations -> iteration */
    } else {
        snprintf(buf, size, "%s", name);
    }
}
