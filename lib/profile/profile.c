#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "core/text.h"
#include "profile/profile.h"

cb_profile *cb_profile_new(void)
{
    return calloc(1, sizeof(cb_profile));
}

size_t cb_profile_add(cb_profile *p, size_t parent, const char *name, const char *object,
                      double self)
{
    cb_profile_node *grown, *n;

    /* doubling, not one realloc a node */
    if ((p->nnodes & (p->nnodes - 1)) == 0) {
        grown = realloc(p->nodes, (p->nnodes * 2 + 1) * sizeof *grown);
        if (grown == NULL) {
            return CB_PROFILE_ROOT;
        }
        p->nodes = grown;
    }
    n = &p->nodes[p->nnodes];
    /* names come from callgrind or from a file: printable, whatever they held */
    n->name = cb_text_dup(name);
    n->object = cb_text_dup(object);
    if (n->name == NULL || n->object == NULL) {
        free(n->name);
        free(n->object);
        return CB_PROFILE_ROOT;
    }
    n->parent = parent;
    n->depth = parent == CB_PROFILE_ROOT ? 0 : p->nodes[parent].depth + 1;
    n->self = self;
    n->total = 0.0;
    n->calls = 0.0;
    return p->nnodes++;
}

/* callgrind's name for a function without a symbol: "0x" and hex digits */
static int is_address(const char *name)
{
    return name[0] == '0' && name[1] == 'x' && name[2] != '\0' &&
           strspn(name + 2, "0123456789abcdefABCDEF") == strlen(name + 2);
}

int cb_profile_name_addresses(cb_profile *p)
{
    size_t i;

    /* parents come before their children: a named ancestor is named already,
     * and one named here no longer reads as an address */
    for (i = 0; i < p->nnodes; i++) {
        cb_profile_node *n = &p->nodes[i];
        const char      *digits = n->name + 2, *under = NULL;
        size_t           up, len;
        char            *label;

        if (!is_address(n->name)) {
            continue;
        }
        for (up = n->parent; up != CB_PROFILE_ROOT && under == NULL; up = p->nodes[up].parent) {
            if (strncmp(p->nodes[up].name, "0x", 2) != 0) {
                under = p->nodes[up].name;
            }
        }
        digits += strspn(digits, "0");
        len = strlen(digits) + (under != NULL ? strlen(under) : 0) + 16;
        if ((label = malloc(len)) == NULL) {
            return -1;
        }
        /* the object is the node's own, shown beside its name */
        snprintf(label, len, "0x%s%s%s", digits[0] != '\0' ? digits : "0",
                 under != NULL ? " under " : "", under != NULL ? under : "");
        free(n->name);
        n->name = label;
    }
    return 0;
}

size_t cb_profile_child(const cb_profile *p, size_t parent, const char *name,
                        const char *object)
{
    size_t i;

    for (i = parent + 1; i < p->nnodes; i++) {
        if (p->nodes[i].parent == parent && strcmp(p->nodes[i].name, name) == 0 &&
            strcmp(p->nodes[i].object, object) == 0) {
            return i;
        }
    }
    return CB_PROFILE_ROOT;
}

/* Siblings (and functions) in their canonical order: the costliest first, then
 * by name and object, so that equal profiles are listed alike. */
static int canonical(double a_cost, const char *a_name, const char *a_object, double b_cost,
                     const char *b_name, const char *b_object)
{
    int c;

    if (a_cost != b_cost) {
        return a_cost > b_cost ? -1 : 1;
    }
    c = strcmp(a_name, b_name);
    return c != 0 ? c : strcmp(a_object, b_object);
}

static const cb_profile_node *sort_nodes; /* qsort has no context argument */

static int by_node(const void *a, const void *b)
{
    const cb_profile_node *x = &sort_nodes[*(const size_t *) a];
    const cb_profile_node *y = &sort_nodes[*(const size_t *) b];

    return canonical(x->total, x->name, x->object, y->total, y->name, y->object);
}

static int by_fn(const void *a, const void *b)
{
    const cb_profile_fn *x = a, *y = b;

    return canonical(x->self, x->name, x->object, y->self, y->name, y->object);
}

/* Rewrites the nodes in depth-first order, siblings canonically sorted. */
static int reorder(cb_profile *p)
{
    size_t          *first = calloc(p->nnodes + 1, sizeof *first); /* children of i: */
    size_t          *kids = malloc((p->nnodes + 1) * sizeof *kids); /* kids[first[i]..first[i+1]) */
    size_t          *stack = malloc((p->nnodes + 1) * sizeof *stack);
    size_t          *fill = calloc(p->nnodes + 1, sizeof *fill);
    size_t          *new_index = malloc((p->nnodes + 1) * sizeof *new_index);
    cb_profile_node *out = malloc((p->nnodes + 1) * sizeof *out);
    size_t           i, top = 0, n = 0;
    int              rc = -1;

    if (first == NULL || kids == NULL || stack == NULL || fill == NULL || new_index == NULL ||
        out == NULL) {
        goto done;
    }
    for (i = 1; i < p->nnodes; i++) {
        first[p->nodes[i].parent + 1]++;
    }
    for (i = 1; i <= p->nnodes; i++) {
        first[i] += first[i - 1];
    }
    for (i = 1; i < p->nnodes; i++) {
        size_t parent = p->nodes[i].parent;

        kids[first[parent] + fill[parent]++] = i;
    }
    sort_nodes = p->nodes;
    for (i = 0; i < p->nnodes; i++) {
        qsort(kids + first[i], first[i + 1] - first[i], sizeof *kids, by_node);
    }
    stack[top++] = 0;
    while (top > 0) {
        size_t v = stack[--top], k;

        new_index[v] = n;
        out[n] = p->nodes[v];
        out[n].parent = v == 0 ? CB_PROFILE_ROOT : new_index[p->nodes[v].parent];
        out[n].depth = v == 0 ? 0 : out[out[n].parent].depth + 1;
        n++;
        /* pushed in reverse, so that the costliest child comes out first */
        for (k = first[v + 1]; k > first[v]; k--) {
            stack[top++] = kids[k - 1];
        }
    }
    free(p->nodes);
    p->nodes = out;
    out = NULL;
    rc = 0;
done:
    free(first);
    free(kids);
    free(stack);
    free(fill);
    free(new_index);
    free(out);
    return rc;
}

/* The function table: self and calls summed over each function's nodes;
 * inclusive as the totals of its outermost nodes, so that recursion is
 * counted once. */
static int fold(cb_profile *p)
{
    cb_strmap map = { NULL, NULL, 0, 0 };
    size_t   *fn_of = malloc((p->nnodes + 1) * sizeof *fn_of);
    size_t   *open = calloc(p->nnodes + 1, sizeof *open); /* nodes of fn on the path */
    size_t   *path = malloc((p->nnodes + 1) * sizeof *path);
    size_t    i, depth = 0;
    int       rc = -1;

    p->fns = calloc(p->nnodes + 1, sizeof *p->fns);
    if (fn_of == NULL || open == NULL || path == NULL || p->fns == NULL) {
        goto done;
    }
    for (i = 0; i < p->nnodes; i++) {
        const cb_profile_node *v = &p->nodes[i];
        size_t                 len = strlen(v->name) + strlen(v->object) + 2, f;
        char                  *key = malloc(len);

        if (key == NULL) {
            goto done;
        }
        /* a unit separator cannot be in a name callgrind wrote on one line */
        memcpy(key, v->name, strlen(v->name));
        key[strlen(v->name)] = '\x1f';
        strcpy(key + strlen(v->name) + 1, v->object);
        if (!cb_strmap_get(&map, key, &f)) {
            f = p->nfns++;
            p->fns[f].name = strdup(v->name);
            p->fns[f].object = strdup(v->object);
            if (p->fns[f].name == NULL || p->fns[f].object == NULL ||
                cb_strmap_put(&map, key, f) != 0) {
                free(key);
                goto done;
            }
        }
        free(key);
        fn_of[i] = f;
    }
    /* depth-first order: the path from the root is a stack */
    for (i = 0; i < p->nnodes; i++) {
        const cb_profile_node *v = &p->nodes[i];

        while (depth > v->depth) {
            open[fn_of[path[--depth]]]--;
        }
        p->fns[fn_of[i]].self += v->self;
        p->fns[fn_of[i]].calls += v->calls;
        if (open[fn_of[i]]++ == 0) {
            p->fns[fn_of[i]].total += v->total;
        }
        path[depth++] = i;
    }
    qsort(p->fns, p->nfns, sizeof *p->fns, by_fn);
    rc = 0;
done:
    cb_strmap_free(&map);
    free(fn_of);
    free(open);
    free(path);
    return rc;
}

int cb_profile_finish(cb_profile *p)
{
    size_t i;

    if (p->nnodes == 0) {
        p->total = 0.0;
        return 0;
    }
    for (i = 0; i < p->nnodes; i++) {
        p->nodes[i].total = p->nodes[i].self;
    }
    /* a child always comes after its parent: one backward pass sums the tree */
    for (i = p->nnodes; i-- > 1;) {
        p->nodes[p->nodes[i].parent].total += p->nodes[i].total;
    }
    if (reorder(p) != 0 || fold(p) != 0) {
        return -1;
    }
    p->total = p->nodes[0].total;
    return 0;
}

const cb_profile_fn *cb_profile_find_fn(const cb_profile *p, const char *name,
                                        const char *object)
{
    size_t i;

    for (i = 0; i < p->nfns; i++) {
        if (strcmp(p->fns[i].name, name) == 0 && strcmp(p->fns[i].object, object) == 0) {
            return &p->fns[i];
        }
    }
    return NULL;
}
