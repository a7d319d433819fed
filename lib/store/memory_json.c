#include <math.h>
#include <string.h>

#include "stats/memory_change.h"
#include "store/json_reader.h"
#include "store/memory_json.h"
#include "store/result_json.h"

/* A figure: a whole number as one ("allocations": 3), a share of one (an
 * average over threads) as a double, an unknown one as null. */
static json_t *figure(double x)
{
    if (x == floor(x) && fabs(x) <= 9007199254740992.0) {
        return json_integer((json_int_t) x);
    }
    return cb_json_real(x);
}

/* The figures as members of obj. */
static int put_figures(json_t *obj, const double *figures)
{
    int k, rc = 0;

    for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
        rc |= json_object_set_new(obj, cb_memory_figure_key((cb_memory_figure) k),
                                  figure(figures[k]));
    }
    return rc;
}

static json_t *encode_change(const cb_memory_change *c)
{
    json_t *old = json_object(), *delta = json_object();

    if (old == NULL || delta == NULL || put_figures(old, c->old) != 0 ||
        put_figures(delta, c->delta) != 0) {
        json_decref(old);
        json_decref(delta);
        return NULL;
    }
    return json_pack("{s:s, s:s, s:o, s:o}", "verdict", cb_memory_verdict_name(c->verdict),
                     "decided_by", cb_memory_figure_key(c->decided_by), "old", old, "delta",
                     delta);
}

int cb_memory_json_encode(json_t *obj, const cb_result *r)
{
    const cb_memory *m = &r->memory;
    json_t          *mem;

    if (m->status == CB_MEMORY_NOT_COUNTED) {
        return 0;
    }
    if (m->status == CB_MEMORY_FAILED) {
        mem = json_pack("{s:s, s:s}", "status", cb_memory_status_name(m->status), "why",
                        m->why != NULL ? m->why : "failed");
    } else {
        mem = json_pack("{s:s, s:I}", "status", cb_memory_status_name(m->status), "iterations",
                        (json_int_t) m->iterations);
        if (mem != NULL && put_figures(mem, m->figures) != 0) {
            json_decref(mem);
            return -1;
        }
        if (mem != NULL && m->has_change &&
            json_object_set_new(mem, "change", encode_change(&m->change)) != 0) {
            json_decref(mem);
            return -1;
        }
    }
    return mem != NULL ? json_object_set_new(obj, "memory", mem) : -1;
}

/* The figures, members of obj: counts and byte counts whole numbers (the
 * resident peak null when unknown), what an iteration held their difference. */
static int get_figures(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                       unsigned flags, double *figures)
{
    int k;

    for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
        const char *key = cb_memory_figure_key((cb_memory_figure) k);
        unsigned    f = flags | (k == CB_MEMORY_PEAK_RESIDENT ? CB_JSON_NULLABLE : 0u);

        if (cb_json_number(rd, obj, at, key, f, &figures[k]) != 0) {
            return -1;
        }
        if (fabs(figures[k]) > 9007199254740992.0) {
            return cb_json_fail(rd, &(cb_json_path){ at, key, 0 },
                                "expected at most 2^53, got %.17g", figures[k]);
        }
    }
    return 0;
}

static int decode_change(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                         cb_memory *m)
{
    static const char *const verdicts[] = { "same", "less", "more" };
    cb_json_path             p, op, dp;
    json_t                  *c, *old, *delta;
    cb_memory                before;
    double                   unused[CB_MEMORY_NFIGURES];
    int                      verdict;

    if (json_object_get(obj, "change") == NULL) {
        return 0;
    }
    memset(&before, 0, sizeof before);
    if ((c = cb_json_member(rd, obj, at, "change", JSON_OBJECT, 0, &p)) == NULL ||
        cb_json_choice(rd, c, &p, "verdict", verdicts, 3, &verdict) != 0 ||
        (old = cb_json_member(rd, c, &p, "old", JSON_OBJECT, 0, &op)) == NULL ||
        (delta = cb_json_member(rd, c, &p, "delta", JSON_OBJECT, 0, &dp)) == NULL ||
        get_figures(rd, old, &op, CB_JSON_ANY, before.figures) != 0 ||
        get_figures(rd, delta, &dp, CB_JSON_ANY, unused) != 0) {
        return -1;
    }
    before.status = CB_MEMORY_COUNTED;
    cb_memory_compare(&before, m);
    return 0;
}

int cb_memory_json_decode(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                          cb_result *r)
{
    static const char *const statuses[] = { "counted", "failed" };
    cb_memory               *m = &r->memory;
    cb_json_path             p;
    json_t                  *v;
    const char              *why;
    uint64_t                 n;
    int                      status;
    double                  *f = m->figures;

    if (json_object_get(obj, "memory") == NULL) {
        return 0;
    }
    if ((v = cb_json_member(rd, obj, at, "memory", JSON_OBJECT, 0, &p)) == NULL ||
        cb_json_choice(rd, v, &p, "status", statuses, 2, &status) != 0) {
        return -1;
    }
    if (status == 1) {
        if (cb_json_string(rd, v, &p, "why", 0, &why) != 0) {
            return -1;
        }
        cb_memory_fail(m, why);
        return m->why != NULL ? 0 : cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    if (cb_json_uint(rd, v, &p, "iterations", 1, &n) != 0 ||
        get_figures(rd, v, &p, CB_JSON_ANY, f) != 0) {
        return -1;
    }
    if (f[CB_MEMORY_NET_BYTES] != f[CB_MEMORY_BYTES] - f[CB_MEMORY_FREED_BYTES]) {
        return cb_json_fail(rd, &(cb_json_path){ &p, "net_bytes", 0 },
                            "expected bytes - freed_bytes, %.17g, got %.17g",
                            f[CB_MEMORY_BYTES] - f[CB_MEMORY_FREED_BYTES],
                            f[CB_MEMORY_NET_BYTES]);
    }
    m->iterations = n;
    m->status = CB_MEMORY_COUNTED;
    return decode_change(rd, v, &p, m);
}
