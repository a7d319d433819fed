#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "profile/profile_build.h"

/* A context's call chain, callee first: frames[i] points into the name, at
 * the chain that starts with the i-th frame ("g'main" in "f'g'main"). */
typedef struct chain {
    const char **frames;
    size_t       n;
} chain;

/* Splits name at its "'" into c (frames point into name). */
static int split(const char *name, chain *c)
{
    const char *p;
    size_t      n = 1;

    for (p = name; *p != '\0'; p++) {
        n += *p == '\'';
    }
    c->frames = malloc(n * sizeof *c->frames);
    if (c->frames == NULL) {
        return -1;
    }
    c->n = 0;
    c->frames[c->n++] = name;
    for (p = name; *p != '\0'; p++) {
        if (*p == '\'') {
            c->frames[c->n++] = p + 1;
        }
    }
    return 0;
}

/* The length of frame i's own name (up to the next "'"). */
static size_t frame_len(const chain *c, size_t i)
{
    return strcspn(c->frames[i], "'");
}

static int frame_is(const chain *c, size_t i, const char *name)
{
    return frame_len(c, i) == strlen(name) && strncmp(c->frames[i], name, strlen(name)) == 0;
}

/* Where the anchor is in c, or c->n. */
static size_t anchor_of(const chain *c)
{
    size_t i;

    for (i = 0; i < c->n && !frame_is(c, i, CB_PROFILE_ANCHOR); i++) {
    }
    return i;
}

/* How the chains are cut: below the anchor, or (without symbols) below the
 * frames they all share. */
typedef struct cut {
    int    anchored;
    size_t shared;     /* without the anchor: frames at the end of every chain */
    char  *root;       /* the run function's name */
} cut;

/* The frames that chains a and b share at their ends. */
static size_t shared_tail(const chain *a, const chain *b)
{
    size_t k = 0;

    while (k < a->n && k < b->n &&
           frame_len(a, a->n - 1 - k) == frame_len(b, b->n - 1 - k) &&
           strncmp(a->frames[a->n - 1 - k], b->frames[b->n - 1 - k],
                   frame_len(a, a->n - 1 - k)) == 0) {
        k++;
    }
    return k;
}

/* Decides the cut from every context that cost something. */
static int find_cut(const cb_cg_dump *dumps, size_t n, cut *c, cb_error *err)
{
    chain  first = { NULL, 0 }, ch;
    size_t d, i, j, contexts = 0;
    int    rc = 0;

    memset(c, 0, sizeof *c);
    for (d = 0; d < n && rc == 0; d++) {
        for (i = 0; i < dumps[d].n && rc == 0; i++) {
            if (dumps[d].items[i].self <= 0.0) {
                continue;
            }
            if (split(dumps[d].items[i].name, &ch) != 0) {
                rc = cb_error_set(err, "profile: out of memory");
                break;
            }
            j = anchor_of(&ch);
            if (!c->anchored && j < ch.n && j > 0) {
                c->anchored = 1;
                c->root = strndup(ch.frames[j - 1], frame_len(&ch, j - 1));
                if (c->root == NULL) {
                    rc = cb_error_set(err, "profile: out of memory");
                }
            }
            if (contexts++ == 0) {
                first = ch;
                c->shared = ch.n;
                continue;
            }
            j = shared_tail(&first, &ch);
            c->shared = j < c->shared ? j : c->shared;
            free(ch.frames);
        }
    }
    if (rc == 0 && contexts == 0) {
        rc = cb_error_set(err, "profile: the samples' dumps counted no instructions");
    }
    if (rc == 0 && !c->anchored) {
        /* the innermost frame every chain shares is the run function, or the
         * nearest frame to it that all of them share */
        size_t k = c->shared > 0 ? first.n - c->shared : 0;

        c->root = c->shared > 0 ? strndup(first.frames[k], frame_len(&first, k))
                                : strdup("(measured loop)");
        if (c->root == NULL) {
            rc = cb_error_set(err, "profile: out of memory");
        }
    }
    free(first.frames);
    return rc;
}

/* Builds one profile: the nodes by (parent, name), the dump being read's
 * contexts by name (for the objects of a chain's frames). */
typedef struct builder {
    cb_profile *p;
    cb_strmap   nodes;
    cb_strmap   contexts;
    const cb_cg_dump *dump;
    const char *program; /* the program's base name, or NULL */
    char        key[4096 + 32];
} builder;

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash != NULL ? slash + 1 : path;
}

/* An object as a profile names it: its base name, "" for the program. */
static const char *object_name(const builder *b, const char *path)
{
    const char *name = base_name(path);

    return b->program != NULL && strcmp(name, b->program) == 0 ? "" : name;
}

/* The object of the frame that starts `chain_name`, when the dump has that
 * context; "" otherwise. */
static const char *object_of(builder *b, const char *chain_name)
{
    size_t k;

    return cb_strmap_get(&b->contexts, chain_name, &k)
               ? object_name(b, b->dump->items[k].object)
               : "";
}

/* The child of parent named name[0..len), added if new; CB_PROFILE_ROOT when
 * out of memory. A frame's object comes with the first context that names it. */
static size_t child(builder *b, size_t parent, const char *name, size_t len, const char *object)
{
    char   copy[4096];
    size_t k;

    if (len >= sizeof copy) {
        len = sizeof copy - 1; /* a name this long is cut, alike every time */
    }
    memcpy(copy, name, len);
    copy[len] = '\0';
    snprintf(b->key, sizeof b->key, "%zu\x1f%s", parent, copy);
    if (cb_strmap_get(&b->nodes, b->key, &k)) {
        if (b->p->nodes[k].object[0] == '\0' && object[0] != '\0') {
            char *o = strdup(object);

            if (o == NULL) {
                return CB_PROFILE_ROOT;
            }
            free(b->p->nodes[k].object);
            b->p->nodes[k].object = o;
        }
        return k;
    }
    k = cb_profile_add(b->p, parent, copy, object, 0.0);
    if (k == CB_PROFILE_ROOT || cb_strmap_put(&b->nodes, b->key, k) != 0) {
        return CB_PROFILE_ROOT;
    }
    return k;
}

/* Adds a context's cost at the end of its path from the root. */
static int add_context(builder *b, const cut *c, const cb_cg_context *ctx)
{
    chain  ch;
    size_t node = 0, top, i, j;
    int    rc = 0;

    if (split(ctx->name, &ch) != 0) {
        return -1;
    }
    if (c->anchored) {
        j = anchor_of(&ch);
        if (j == ch.n) {
            /* cut by callgrind before it reached the harness */
            node = child(b, 0, CB_PROFILE_DEEPER, strlen(CB_PROFILE_DEEPER), "");
            top = ch.n;
        } else {
            top = j > 0 ? j - 1 : 0;
            /* the run function is the root; another below the anchor (there
             * should be none) hangs under it */
            if (j > 0 && !frame_is(&ch, top, c->root)) {
                top++;
            }
        }
    } else {
        top = ch.n - c->shared;
        top = c->shared > 0 ? top : ch.n;
    }
    /* frames top-1 .. 0, outermost first */
    for (i = top; i-- > 0 && node != CB_PROFILE_ROOT;) {
        node = child(b, node, ch.frames[i], frame_len(&ch, i), object_of(b, ch.frames[i]));
    }
    if (node == CB_PROFILE_ROOT) {
        rc = -1;
    } else {
        b->p->nodes[node].self += ctx->self;
        b->p->nodes[node].calls += ctx->calls;
    }
    free(ch.frames);
    return rc;
}

/* Every context of dump d that cost something. */
static int add_dump(builder *b, const cut *c, const cb_cg_dump *d)
{
    size_t i;
    int    rc = 0;

    b->dump = d;
    for (i = 0; i < d->n && rc == 0; i++) {
        rc = cb_strmap_put(&b->contexts, d->items[i].name, i);
    }
    for (i = 0; i < d->n && rc == 0; i++) {
        if (d->items[i].self > 0.0) {
            rc = add_context(b, c, &d->items[i]);
        }
    }
    cb_strmap_free(&b->contexts);
    return rc;
}

/* The root's object: that of the context its name starts, in any dump. */
static const char *root_object(const builder *b, const cb_cg_dump *dumps, size_t n,
                               const char *root)
{
    size_t d, i, len = strlen(root);

    for (d = 0; d < n; d++) {
        for (i = 0; i < dumps[d].n; i++) {
            const char *name = dumps[d].items[i].name;

            if (strncmp(name, root, len) == 0 && (name[len] == '\'' || name[len] == '\0') &&
                dumps[d].items[i].object[0] != '\0') {
                return object_name(b, dumps[d].items[i].object);
            }
        }
    }
    return "";
}

/*
 * Divides every count by the iterations. Done after the totals are summed:
 * callgrind's counts are whole numbers, whose sums a double holds exactly in
 * any order, while sums of quotients depend on the order of the nodes, which
 * follows callgrind's output and differs between two runs of the same code;
 * the same work must store the same bytes.
 */
static void per_iteration(cb_profile *p, double iterations)
{
    size_t i;

    for (i = 0; i < p->nnodes; i++) {
        p->nodes[i].self /= iterations;
        p->nodes[i].total /= iterations;
        p->nodes[i].calls /= iterations;
    }
    for (i = 0; i < p->nfns; i++) {
        p->fns[i].self /= iterations;
        p->fns[i].total /= iterations;
        p->fns[i].calls /= iterations;
    }
    p->total /= iterations;
}

int cb_profile_build(const cb_cg_dump *dumps, size_t n, double iterations, const char *program,
                     cb_profile **out, cb_error *err)
{
    builder b;
    cut     c;
    size_t  d;
    int     rc = -1;

    *out = NULL;
    if (!(iterations > 0.0)) {
        return cb_error_set(err, "profile: no iterations to divide by");
    }
    if (find_cut(dumps, n, &c, err) != 0) {
        free(c.root);
        return -1;
    }
    memset(&b, 0, sizeof b);
    b.program = program != NULL ? base_name(program) : NULL;
    b.p = cb_profile_new();
    if (b.p == NULL || cb_profile_add(b.p, CB_PROFILE_ROOT, c.root,
                                      root_object(&b, dumps, n, c.root), 0.0) != 0) {
        cb_error_set(err, "profile: out of memory");
        goto done;
    }
    for (d = 0; d < n; d++) {
        if (add_dump(&b, &c, &dumps[d]) != 0) {
            cb_error_set(err, "profile: out of memory");
            goto done;
        }
    }
    b.p->has_calls = 1;
    b.p->iterations = iterations;
    b.p->samples = n;
    if (cb_profile_name_addresses(b.p) != 0 || cb_profile_finish(b.p) != 0) {
        cb_error_set(err, "profile: out of memory");
        goto done;
    }
    per_iteration(b.p, iterations);
    *out = b.p;
    b.p = NULL;
    rc = 0;
done:
    cb_profile_free(b.p);
    cb_strmap_free(&b.nodes);
    free(c.root);
    return rc;
}
