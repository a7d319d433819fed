#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "stats/group.h"

static int in_group(const cb_result *r, const char *group)
{
    char g[128];

    if (r->failed || r->samples.n < 2) {
        return 0;
    }
    if (group == NULL) {
        return 1;
    }
    cb_name_group(r->name, g, sizeof g);
    return strcmp(g, group) == 0;
}

/* The name without its last part (the implementation), or NULL without one. */
static char *primitive_of(const cb_result *r)
{
    size_t n = strlen(r->name), k;
    char  *p;

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

/* The parameter comes last, or just before the implementation. */
char *cb_group_series(const cb_result *r)
{
    char        param[32], *s;
    const char *at = NULL;
    size_t      plen, n = strlen(r->name);

    if (!r->has_param) {
        return NULL;
    }
    plen = (size_t) snprintf(param, sizeof param, "/%llu", (unsigned long long) r->param);
    if (n >= plen && strcmp(r->name + n - plen, param) == 0) {
        at = r->name + n - plen;
    } else if (r->impl != NULL && n >= plen + 1 + strlen(r->impl) &&
               strncmp(r->name + n - plen - 1 - strlen(r->impl), param, plen) == 0) {
        at = r->name + n - plen - 1 - strlen(r->impl);
    }
    if (at == NULL || (s = malloc(n + 3)) == NULL) {
        return NULL;
    }
    snprintf(s, n + 3, "%.*s/*%s", (int) (at - r->name), r->name, at + plen);
    return s;
}

static int means(const cb_result *a, const cb_result *b, const cb_bootstrap_config *boot,
                 cb_estimate *ratio, cb_estimate *diff, cb_error *err)
{
    double *x = cb_analysis_per_iteration(&a->samples), *y = cb_analysis_per_iteration(&b->samples);
    int     rc = -1;

    if (x == NULL || y == NULL) {
        cb_error_set(err, "out of memory");
    } else {
        rc = cb_bootstrap_means(x, a->samples.n, y, b->samples.n, boot, ratio, diff, err);
    }
    free(x);
    free(y);
    return rc;
}

static double typical(const cb_result *r)
{
    return cb_result_typical(r)->point;
}

/* The ratio of two results is one of means (cb_bootstrap_means); the faster
 * one must be chosen by the same measure, or "0.99x faster" could come out. */
static double mean_of(const cb_result *r)
{
    return r->analysis.mean.point;
}

/* keys[i]: the key of run->results[i] (primitive or series), NULL when it has none */
static char **keys_of(const cb_run *run, const char *group, char *(*key)(const cb_result *))
{
    char **keys = calloc(run->n + 1, sizeof *keys);
    size_t i;

    for (i = 0; keys != NULL && i < run->n; i++) {
        keys[i] = in_group(&run->results[i], group) ? key(&run->results[i]) : NULL;
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
                mean_of(&run->results[j]) < mean_of(fastest)) {
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
                    means(fastest, &run->results[j], boot, &grown[g->nratios].speedup, NULL,
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

static int by_param(const void *a, const void *b)
{
    const cb_result *x = *(const cb_result *const *) a, *y = *(const cb_result *const *) b;

    return (x->param > y->param) - (x->param < y->param);
}

static int add_sweeps(const cb_run *run, char **keys, cb_groups *g, cb_error *err)
{
    size_t i, j;

    for (i = 0; i < run->n; i++) {
        cb_sweep  s = { NULL, run->results[i].param_name, 0, NULL, { 0, 0, 0 } };
        cb_sweep *grown;
        double   *x, *y;
        size_t    k;

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
        if (s.n < 3) {
            free(s.points);
            continue;
        }
        qsort(s.points, s.n, sizeof *s.points, by_param);
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
            x[k] = (double) s.points[k]->param;
            y[k] = typical(s.points[k]);
        }
        s.fit = cb_regression_relative(x, y, s.n);
        free(x);
        free(y);
        g->sweeps = grown;
        g->sweeps[g->nsweeps++] = s;
    }
    return 0;
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
        grown[g->ncosts] = (cb_variant_cost){ variant->variant, base, variant, { 0, 0, 0, 0 } };
        if (means(base, variant, boot, NULL, &grown[g->ncosts].cost, err) != 0) {
            return -1;
        }
        g->ncosts++;
    }
    return 0;
}

int cb_group_analyse(const cb_run *run, const char *group, const cb_bootstrap_config *boot,
                     cb_groups *out, cb_error *err)
{
    char **prims = keys_of(run, group, primitive_of), **series = keys_of(run, group, cb_group_series);
    int    rc = -1;

    memset(out, 0, sizeof *out);
    if (prims == NULL || series == NULL) {
        cb_error_set(err, "out of memory");
    } else if (add_ratios(run, prims, boot, out, err) == 0 &&
               add_sweeps(run, series, out, err) == 0 &&
               add_costs(run, group, boot, out, err) == 0) {
        rc = 0;
    }
    free_keys(prims, run->n);
    free_keys(series, run->n);
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
        free(g->sweeps[i].points);
    }
    free(g->ratios);
    free(g->sweeps);
    free(g->costs);
    memset(g, 0, sizeof *g);
}

void cb_group_unit_name(const char *param_name, char *buf, size_t size)
{
    size_t n = param_name != NULL ? strlen(param_name) : 0;

    if (n == 0) {
        snprintf(buf, size, "unit");
    } else if (n > 3 && param_name[n - 1] == 's') {
        snprintf(buf, size, "%.*s", (int) (n - 1), param_name); /* iterations -> iteration */
    } else {
        snprintf(buf, size, "%s", param_name);
    }
}
