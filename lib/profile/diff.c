#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "profile/diff.h"

/* "name\x1fobject", the key of a function, in buf. */
static const char *fn_key(char *buf, size_t size, const char *name, const char *object)
{
    snprintf(buf, size, "%s\x1f%s", name, object);
    return buf;
}

static int add_change(cb_profile_diff *d, const char *name, const char *object)
{
    cb_profile_change *c = &d->changes[d->n];

    memset(c, 0, sizeof *c);
    c->name = strdup(name);
    c->object = strdup(object);
    d->n++;
    return c->name != NULL && c->object != NULL ? 0 : -1;
}

static int by_change(const void *a, const void *b)
{
    const cb_profile_change *x = a, *y = b;
    double                   dx = fabs(x->new_self - x->old_self);
    double                   dy = fabs(y->new_self - y->old_self);
    int                      c;

    if (dx != dy) {
        return dx > dy ? -1 : 1;
    }
    c = strcmp(x->name, y->name);
    return c != 0 ? c : strcmp(x->object, y->object);
}

/* Every function of either profile, with its costs on both sides. */
static int functions(cb_profile_diff *d, const cb_profile *old, const cb_profile *new_)
{
    cb_strmap map = { NULL, NULL, 0, 0 };
    char      key[8192];
    size_t    i, k, side;
    int       rc = 0;

    d->changes = calloc(old->nfns + new_->nfns + 1, sizeof *d->changes);
    if (d->changes == NULL) {
        return -1;
    }
    for (side = 0; side < 2 && rc == 0; side++) {
        const cb_profile *p = side == 0 ? old : new_;

        for (i = 0; i < p->nfns && rc == 0; i++) {
            const cb_profile_fn *f = &p->fns[i];

            fn_key(key, sizeof key, f->name, f->object);
            if (!cb_strmap_get(&map, key, &k)) {
                k = d->n;
                rc = add_change(d, f->name, f->object) != 0 || cb_strmap_put(&map, key, k) != 0;
                /* absent from a profile that knows its calls: called 0 times */
                d->changes[k].old_calls = old->has_calls ? 0.0 : NAN;
                d->changes[k].new_calls = new_->has_calls ? 0.0 : NAN;
            }
            if (rc == 0 && side == 0) {
                d->changes[k].old_self = f->self;
                d->changes[k].old_total = f->total;
                d->changes[k].old_calls = old->has_calls ? f->calls : NAN;
            } else if (rc == 0) {
                d->changes[k].new_self = f->self;
                d->changes[k].new_total = f->total;
                d->changes[k].new_calls = new_->has_calls ? f->calls : NAN;
            }
        }
    }
    cb_strmap_free(&map);
    return rc == 0 ? 0 : -1;
}

/* Drops the changes too small to say where the change went, then sorts the
 * rest. The client requests' few instructions per sample, spread over the
 * sample's iterations, move a little whenever the plan does. */
static void rank(cb_profile_diff *d)
{
    double scale = fmax(fmax(fabs(d->old_total), fabs(d->new_total)) * 1e-9,
                        fabs(d->new_total - d->old_total) * CB_PROFILE_DIFF_SHARE);
    size_t i, k = 0;

    for (i = 0; i < d->n; i++) {
        if (fabs(d->changes[i].new_self - d->changes[i].old_self) > scale) {
            d->changes[k++] = d->changes[i];
        } else {
            free(d->changes[i].name);
            free(d->changes[i].object);
        }
    }
    d->n = k;
    qsort(d->changes, d->n, sizeof *d->changes, by_change);
}

/* The baseline's node at each of the new profile's call paths. */
static int nodes(cb_profile_diff *d, const cb_profile *old, const cb_profile *new_)
{
    cb_strmap map = { NULL, NULL, 0, 0 };
    size_t   *match = malloc((new_->nnodes + 1) * sizeof *match), i, k;
    char      key[8192];
    int       rc = 0;

    d->old_node_total = calloc(new_->nnodes + 1, sizeof *d->old_node_total);
    d->nnodes = new_->nnodes;
    if (match == NULL || d->old_node_total == NULL) {
        free(match);
        return -1;
    }
    /* a node is known by its parent's index and its own name and object */
    for (i = 0; i < old->nnodes && rc == 0; i++) {
        const cb_profile_node *v = &old->nodes[i];

        snprintf(key, sizeof key, "%zu\x1f%s\x1f%s", v->parent, v->name, v->object);
        rc = cb_strmap_put(&map, key, i);
    }
    for (i = 0; i < new_->nnodes && rc == 0; i++) {
        const cb_profile_node *v = &new_->nodes[i];

        match[i] = CB_PROFILE_ROOT;
        if (i == 0) {
            /* the roots are the same run function, whatever its name */
            match[i] = old->nnodes > 0 ? 0 : CB_PROFILE_ROOT;
        } else if (match[v->parent] != CB_PROFILE_ROOT) {
            snprintf(key, sizeof key, "%zu\x1f%s\x1f%s", match[v->parent], v->name, v->object);
            if (cb_strmap_get(&map, key, &k)) {
                match[i] = k;
            }
        }
        d->old_node_total[i] = match[i] != CB_PROFILE_ROOT ? old->nodes[match[i]].total : 0.0;
    }
    cb_strmap_free(&map);
    free(match);
    return rc;
}

cb_profile_diff *cb_profile_diff_new(const cb_profile *old, const cb_profile *new_)
{
    cb_profile_diff *d = calloc(1, sizeof *d);

    if (d == NULL) {
        return NULL;
    }
    d->old_total = old->total;
    d->new_total = new_->total;
    if (functions(d, old, new_) != 0 || nodes(d, old, new_) != 0) {
        cb_profile_diff_free(d);
        return NULL;
    }
    rank(d);
    return d;
}

int cb_profile_diff_results(const cb_result *old, cb_result *new_)
{
    cb_profile_diff_free(new_->grew);
    new_->grew = NULL;
    if (old == NULL || old->profile == NULL || new_->profile == NULL) {
        return 0;
    }
    new_->grew = cb_profile_diff_new(old->profile, new_->profile);
    return new_->grew != NULL ? 0 : -1;
}
