#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "core/text_file.h"
#include "profile/callgrind_format.h"

/* The names "(id) name" defined, by id: one table for functions (fn=, cfn=)
 * and one for objects (ob=, cob=), as the format keeps them apart. */
typedef struct names {
    char **by_id;
    size_t cap;
} names;

/* A calls= line: its target context may have its fn= further down. */
typedef struct called {
    char  *callee;
    double n;
} called;

typedef struct parser {
    const char *file;
    size_t      line;
    names       fns, obs;
    cb_strmap   contexts; /* name -> index in out->items */
    size_t      cap;      /* of out->items */
    cb_cg_dump *out;
    const char *object;   /* the current ob= */
    long        current;  /* the context cost lines belong to, -1 before fn= */
    int         in_call;  /* the next cost line is a call's inclusive cost */
    char       *callee;   /* the last cfn=, which the next calls= counts */
    called     *calls;    /* the calls= lines, resolved once every context is known */
    size_t      ncalls, calls_cap;
    size_t      npositions;
    long        ir;       /* the Ir column among the events, -1 before events: */
    int         has_summary;
    cb_error   *err;
} parser;

static int fail(parser *p, const char *what)
{
    return cb_error_set(p->err, "callgrind dump %s, line %zu: %s", p->file, p->line, what);
}

static void names_free(names *t)
{
    size_t i;

    for (i = 0; i < t->cap; i++) {
        free(t->by_id[i]);
    }
    free(t->by_id);
}

/* The name a spec stands for: "(id) name" defines id, "(id)" refers to it, a
 * plain "name" is itself. *out points into text or into the table. */
static int resolve(parser *p, names *t, const char *spec, const char **out)
{
    char         *end;
    unsigned long id;

    if (spec[0] != '(') {
        *out = spec;
        return 0;
    }
    errno = 0;
    id = strtoul(spec + 1, &end, 10);
    if (errno != 0 || end == spec + 1 || *end != ')' || id > 100000000ul) {
        return fail(p, "malformed compressed name");
    }
    if (end[1] == ' ') {
        if (id >= t->cap) {
            size_t cap = (size_t) id * 2 + 16;
            char **grown = realloc(t->by_id, cap * sizeof *grown);

            if (grown == NULL) {
                return fail(p, "out of memory");
            }
            memset(grown + t->cap, 0, (cap - t->cap) * sizeof *grown);
            t->by_id = grown;
            t->cap = cap;
        }
        free(t->by_id[id]);
        t->by_id[id] = strdup(end + 2);
        if (t->by_id[id] == NULL) {
            return fail(p, "out of memory");
        }
    } else if (end[1] != '\0' || id >= t->cap || t->by_id[id] == NULL) {
        return fail(p, "a compressed name used before it was defined");
    }
    *out = t->by_id[id];
    return 0;
}

/* The index of the context named name, added (with the current object) if new. */
static long context(parser *p, const char *name)
{
    cb_cg_dump *d = p->out;
    size_t      k;

    if (cb_strmap_get(&p->contexts, name, &k)) {
        return (long) k;
    }
    if (d->n == p->cap) {
        size_t         cap = p->cap * 2 + 64;
        cb_cg_context *grown = realloc(d->items, cap * sizeof *grown);

        if (grown == NULL) {
            return -1;
        }
        d->items = grown;
        p->cap = cap;
    }
    d->items[d->n].name = strdup(name);
    d->items[d->n].object = strdup(p->object);
    d->items[d->n].self = 0.0;
    d->items[d->n].calls = 0.0;
    if (d->items[d->n].name == NULL || d->items[d->n].object == NULL ||
        cb_strmap_put(&p->contexts, name, d->n) != 0) {
        free(d->items[d->n].name);
        free(d->items[d->n].object);
        return -1;
    }
    return (long) d->n++;
}

/* A whole number at *s, advancing past it; -1 when there is none. */
static int number(const char **s, double *v)
{
    char *end;

    errno = 0;
    *v = strtod(*s, &end);
    if (end == *s || errno != 0 || !isfinite(*v) || *v < 0.0 || *v != floor(*v)) {
        return -1;
    }
    *s = end;
    return 0;
}

/* A cost line: the positions (each a number, "+n", "-n", "*" or "0x..."),
 * then the events' costs, trailing zeros left out. */
static int cost_line(parser *p, const char *s)
{
    double v = 0.0, cost = 0.0;
    size_t i;
    long   e;

    for (i = 0; i < p->npositions; i++) {
        size_t len = strcspn(s, " \t");

        if (len == 0) {
            return fail(p, "a cost line with fewer positions than positions: names");
        }
        s += len;
        s += strspn(s, " \t");
    }
    for (e = 0; *s != '\0'; e++) {
        if (number(&s, &v) != 0) {
            return fail(p, "a cost that is not a whole number");
        }
        if (e == p->ir) {
            cost = v;
        }
        s += strspn(s, " \t");
    }
    if (p->in_call) {
        p->in_call = 0; /* the call's inclusive cost: the callee's, not this context's */
        return 0;
    }
    if (p->current < 0) {
        return fail(p, "a cost line before any fn=");
    }
    p->out->items[p->current].self += cost;
    return 0;
}

/* "calls=N target": N calls of the last cfn=. */
static int call(parser *p, const char *s)
{
    double n;

    s += strspn(s, " \t");
    if (number(&s, &n) != 0) {
        return fail(p, "a call count that is not a whole number");
    }
    if (p->callee == NULL) {
        return fail(p, "calls= before any cfn=");
    }
    if (p->ncalls == p->calls_cap) {
        size_t  cap = p->calls_cap * 2 + 64;
        called *grown = realloc(p->calls, cap * sizeof *grown);

        if (grown == NULL) {
            return fail(p, "out of memory");
        }
        p->calls = grown;
        p->calls_cap = cap;
    }
    p->calls[p->ncalls].callee = strdup(p->callee);
    if (p->calls[p->ncalls].callee == NULL) {
        return fail(p, "out of memory");
    }
    p->calls[p->ncalls++].n = n;
    return 0;
}

/* Each calls= line's count, added to its target; a target that never had a
 * fn= of its own executed nothing, and is not a context. */
static void count_calls(parser *p)
{
    size_t i, k;

    for (i = 0; i < p->ncalls; i++) {
        if (cb_strmap_get(&p->contexts, p->calls[i].callee, &k)) {
            p->out->items[k].calls += p->calls[i].n;
        }
    }
}

/* "events: Ir Dr ...": which column is Ir. */
static int events(parser *p, const char *s)
{
    long k = 0;

    p->ir = -1;
    while (*(s += strspn(s, " \t")) != '\0') {
        size_t len = strcspn(s, " \t");

        if (len == 2 && strncmp(s, "Ir", 2) == 0) {
            p->ir = k;
        }
        s += len;
        k++;
    }
    return p->ir < 0 ? fail(p, "no Ir event (instructions) among the events") : 0;
}

static size_t count_words(const char *s)
{
    size_t n = 0;

    while (*(s += strspn(s, " \t")) != '\0') {
        s += strcspn(s, " \t");
        n++;
    }
    return n;
}

static int starts(const char *line, const char *key, const char **rest)
{
    size_t len = strlen(key);

    if (strncmp(line, key, len) != 0) {
        return 0;
    }
    *rest = line + len;
    return 1;
}

/* The total a header line "summary: 123" or "totals: 123" gives, for Ir. */
static int summary(parser *p, const char *s)
{
    double v = 0.0, ir = 0.0;
    long   e;

    s += strspn(s, " \t");
    for (e = 0; *s != '\0'; e++) {
        if (number(&s, &v) != 0) {
            return fail(p, "a summary that is not whole numbers");
        }
        if (e == p->ir) {
            ir = v;
        }
        s += strspn(s, " \t");
    }
    p->out->summary = ir;
    p->has_summary = 1;
    return 0;
}

static int line(parser *p, char *s)
{
    const char *rest, *name;
    long        c;

    if (s[0] == '\0' || s[0] == '#') {
        return 0;
    }
    if (isdigit((unsigned char) s[0]) || s[0] == '+' || s[0] == '-' || s[0] == '*') {
        if (p->ir < 0) {
            return fail(p, "a cost line before events:");
        }
        return cost_line(p, s);
    }
    if (starts(s, "fn=", &rest)) {
        if (resolve(p, &p->fns, rest, &name) != 0) {
            return -1;
        }
        if ((c = context(p, name)) < 0) {
            return fail(p, "out of memory");
        }
        p->current = c;
        p->in_call = 0;
        return 0;
    }
    if (starts(s, "cfn=", &rest)) {
        if (resolve(p, &p->fns, rest, &name) != 0) {
            return -1;
        }
        free(p->callee);
        p->callee = strdup(name);
        return p->callee != NULL ? 0 : fail(p, "out of memory");
    }
    if (starts(s, "ob=", &rest)) {
        return resolve(p, &p->obs, rest, &p->object);
    }
    if (starts(s, "cob=", &rest)) {
        return resolve(p, &p->obs, rest, &name);
    }
    if (starts(s, "calls=", &rest)) {
        p->in_call = 1;
        return call(p, rest);
    }
    if (starts(s, "positions:", &rest)) {
        p->npositions = count_words(rest);
        return p->npositions == 0 ? fail(p, "positions: names none") : 0;
    }
    if (starts(s, "events:", &rest)) {
        return events(p, rest);
    }
    if (starts(s, "summary:", &rest) || starts(s, "totals:", &rest)) {
        return p->ir < 0 ? fail(p, "a summary before events:") : summary(p, rest);
    }
    if (strchr(s, '=') != NULL || strchr(s, ':') != NULL) {
        return 0; /* file names, jumps, the header's descriptions */
    }
    return fail(p, "not a line of callgrind's format");
}

int cb_cg_parse(const char *file, const char *text, size_t len, cb_cg_dump *out, cb_error *err)
{
    parser p = { .file = file, .out = out, .object = "", .current = -1, .npositions = 1,
                 .ir = -1, .err = err };
    char  *copy = malloc(len + 1), *s, *nl;
    double sum = 0.0;
    size_t i;
    int    rc = 0;

    memset(out, 0, sizeof *out);
    if (copy == NULL) {
        return cb_error_set(err, "callgrind dump %s: out of memory", file);
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    if (strncmp(copy, "# callgrind format", 18) != 0 && strncmp(copy, "version:", 8) != 0) {
        p.line = 1;
        rc = fail(&p, "not callgrind's format (no \"# callgrind format\" line)");
    }
    for (s = copy; rc == 0 && s < copy + len; s = nl + 1) {
        nl = strchr(s, '\n');
        if (nl == NULL) {
            nl = copy + len;
        }
        *nl = '\0';
        if (nl > s && nl[-1] == '\r') {
            nl[-1] = '\0';
        }
        p.line++;
        rc = line(&p, s);
    }
    if (rc == 0) {
        count_calls(&p);
    }
    for (i = 0; rc == 0 && i < out->n; i++) {
        sum += out->items[i].self;
    }
    if (rc == 0 && !p.has_summary) {
        rc = cb_error_set(err, "callgrind dump %s: no summary: line (truncated?)", file);
    } else if (rc == 0 && sum != out->summary) {
        rc = cb_error_set(err, "callgrind dump %s: its costs add up to %.0f, its summary "
                               "says %.0f (truncated?)", file, sum, out->summary);
    }
    free(copy);
    for (i = 0; i < p.ncalls; i++) {
        free(p.calls[i].callee);
    }
    free(p.calls);
    free(p.callee);
    cb_strmap_free(&p.contexts);
    names_free(&p.fns);
    names_free(&p.obs);
    if (rc != 0) {
        cb_cg_dump_free(out);
    }
    return rc;
}

int cb_cg_read(const char *path, cb_cg_dump *out, cb_error *err)
{
    cb_buf text = { NULL, 0, 0, 0 };
    int    rc;

    memset(out, 0, sizeof *out);
    if (cb_text_file_read(path, &text, err) != 0) {
        return -1;
    }
    rc = cb_cg_parse(path, text.data != NULL ? text.data : "", text.len, out, err);
    cb_buf_free(&text);
    return rc;
}

void cb_cg_dump_free(cb_cg_dump *d)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        free(d->items[i].name);
        free(d->items[i].object);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}
