#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/file_name.h"
#include "core/result.h"
#include "core/text_file.h"
#include "store/atomic_file.h"
#include "store/json_reader.h"
#include "store/profile_store.h"
#include "store/result_json.h"

int cb_profile_path(char *buf, size_t size, const char *dir, const char *baseline,
                    const char *name, cb_error *err)
{
    char file[CB_FILE_NAME_MAX];

    if (baseline[0] == '\0' || baseline[0] == '.' || strchr(baseline, '/') != NULL) {
        return cb_error_set(err, "profiles of baseline '%s': not a plain name", baseline);
    }
    cb_file_name(file, "", name, ".json");
    if ((size_t) snprintf(buf, size, "%s/profiles/%s/%s", dir, baseline, file) >= size) {
        return cb_error_set(err, "%s/profiles/%s: path too long", dir, baseline);
    }
    return 0;
}

static json_t *encode(const char *name, const cb_profile *p)
{
    json_t *nodes = json_array(), *doc;
    size_t  i;

    for (i = 0; nodes != NULL && i < p->nnodes; i++) {
        const cb_profile_node *v = &p->nodes[i];
        json_t                *node =
            json_pack("{s:s, s:s, s:I, s:o, s:o}", "name", v->name, "object", v->object,
                      "parent",
                      v->parent == CB_PROFILE_ROOT ? (json_int_t) -1 : (json_int_t) v->parent,
                      "self", cb_json_real(v->self), "total", cb_json_real(v->total));

        /* a profile read from a file written before the calls were kept has none */
        if (node != NULL && p->has_calls &&
            json_object_set_new(node, "calls", cb_json_real(v->calls)) != 0) {
            json_decref(node);
            node = NULL;
        }
        if (json_array_append_new(nodes, node) != 0) {
            json_decref(nodes);
            return NULL;
        }
    }
    doc = json_pack("{s:i, s:s, s:s, s:I, s:o, s:o, s:o}", "schema_version",
                    CB_PROFILE_SCHEMA_VERSION, "name", name, "unit", "instructions", "samples",
                    (json_int_t) p->samples, "iterations", cb_json_real(p->iterations),
                    "total", cb_json_real(p->total), "nodes", nodes);
    return doc;
}

int cb_profile_save(const char *path, const char *name, const cb_profile *p, cb_error *err)
{
    json_t *doc = encode(name, p);
    char   *text = doc != NULL ? json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER |
                                                     JSON_REAL_PRECISION(17))
                               : NULL;
    int     rc;

    json_decref(doc);
    if (text == NULL) {
        return cb_error_set(err, "%s: out of memory encoding the profile", path);
    }
    rc = cb_atomic_write(path, text, strlen(text), err);
    free(text);
    return rc;
}

/* One node of "nodes", added to p under its parent. */
static int decode_node(const cb_json_reader *rd, json_t *v, const cb_json_path *at, size_t i,
                       cb_profile *p)
{
    const char *name, *object;
    cb_json_path pp;
    json_t      *parent;
    double       self, calls = 0.0;
    size_t       up, k;

    if (!json_is_object(v)) {
        return cb_json_fail(rd, at, "expected a node object");
    }
    if (cb_json_string(rd, v, at, "name", 0, &name) != 0 ||
        cb_json_string(rd, v, at, "object", 0, &object) != 0 ||
        cb_json_number(rd, v, at, "self", CB_JSON_NONNEGATIVE, &self) != 0 ||
        (parent = cb_json_member(rd, v, at, "parent", JSON_INTEGER, 0, &pp)) == NULL) {
        return -1;
    }
    /* the root first, then each node after its parent */
    if (i == 0 ? json_integer_value(parent) != -1
               : (json_integer_value(parent) < 0 || (size_t) json_integer_value(parent) >= i)) {
        return cb_json_fail(rd, &pp, i == 0 ? "expected -1: the first node is the root"
                                            : "expected the index of an earlier node");
    }
    /* the root says whether the file has calls (one written before they
     * were kept has none); then every node has them */
    if (i == 0) {
        p->has_calls = json_object_get(v, "calls") != NULL;
    }
    if (p->has_calls && cb_json_number(rd, v, at, "calls", CB_JSON_NONNEGATIVE, &calls) != 0) {
        return -1;
    }
    up = i == 0 ? CB_PROFILE_ROOT : (size_t) json_integer_value(parent);
    if ((k = cb_profile_add(p, up, name, object, self)) == CB_PROFILE_ROOT) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    p->nodes[k].calls = calls;
    return 0;
}

static int decode(const cb_json_reader *rd, json_t *root, const char *name, cb_profile *p)
{
    cb_json_path vp, np;
    json_t      *version, *nodes;
    const char  *stored, *unit;
    uint64_t     samples;
    double       iterations;
    size_t       i;

    if (!json_is_object(root)) {
        return cb_json_fail(rd, NULL, "expected a cryptbench profile (a JSON object)");
    }
    if ((version = cb_json_member(rd, root, NULL, "schema_version", JSON_INTEGER, 0, &vp)) ==
        NULL) {
        return -1;
    }
    if (json_integer_value(version) != CB_PROFILE_SCHEMA_VERSION) {
        return cb_json_fail(rd, &vp, "unsupported schema version (this cryptbench reads %d)",
                            CB_PROFILE_SCHEMA_VERSION);
    }
    if (cb_json_string(rd, root, NULL, "name", 0, &stored) != 0 ||
        cb_json_string(rd, root, NULL, "unit", 0, &unit) != 0 ||
        cb_json_uint(rd, root, NULL, "samples", 1, &samples) != 0 ||
        cb_json_number(rd, root, NULL, "iterations", CB_JSON_POSITIVE, &iterations) != 0 ||
        (nodes = cb_json_member(rd, root, NULL, "nodes", JSON_ARRAY, 0, &np)) == NULL) {
        return -1;
    }
    if (strcmp(stored, name) != 0) {
        return cb_json_fail(rd, &(cb_json_path){ NULL, "name", 0 },
                            "expected the profile of \"%s\"", name);
    }
    if (strcmp(unit, "instructions") != 0) {
        return cb_json_fail(rd, &(cb_json_path){ NULL, "unit", 0 }, "expected \"instructions\"");
    }
    if (json_array_size(nodes) == 0 || json_array_size(nodes) > 10000000u) {
        return cb_json_fail(rd, &np, "expected from 1 to 10000000 nodes");
    }
    for (i = 0; i < json_array_size(nodes); i++) {
        cb_json_path at = { &np, NULL, i };

        if (decode_node(rd, json_array_get(nodes, i), &at, i, p) != 0) {
            return -1;
        }
    }
    p->samples = (size_t) samples;
    p->iterations = iterations;
    return cb_profile_finish(p) == 0 ? 0 : cb_error_set(rd->err, "%s: out of memory", rd->file);
}

int cb_profile_load(const char *path, const char *name, cb_profile **out, cb_error *err)
{
    cb_json_reader rd = { path, NULL, 0, err };
    cb_buf         text = { NULL, 0, 0, 0 };
    json_error_t   jerr;
    json_t        *root;
    int            rc = -1;

    *out = NULL;
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        return 1;
    }
    if (cb_text_file_read(path, &text, err) != 0) {
        return -1;
    }
    rd.text = text.data != NULL ? text.data : "";
    rd.len = text.len;
    root = json_loadb(rd.text, rd.len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL) {
        cb_error_set(err, "%s:%d:%d: not valid JSON: %s", path, jerr.line, jerr.column,
                     jerr.text);
    } else if ((*out = cb_profile_new()) == NULL) {
        cb_error_set(err, "%s: out of memory", path);
    } else if (decode(&rd, root, name, *out) == 0) {
        rc = 0;
    }
    if (rc != 0) {
        cb_profile_free(*out);
        *out = NULL;
    }
    json_decref(root);
    cb_buf_free(&text);
    return rc;
}

int cb_profile_save_run(const char *dir, const char *baseline, const cb_run *run,
                        cb_error *err)
{
    char   path[4400];
    size_t i;

    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        if (cb_profile_path(path, sizeof path, dir, baseline, r->name, err) != 0) {
            return -1;
        }
        if (r->profile != NULL && cb_profile_save(path, r->name, r->profile, err) != 0) {
            return -1;
        }
        /* a result saved without one must not keep an older run's: the
         * profiles stay those of the baseline's counts */
        if (r->profile == NULL && unlink(path) != 0 && errno != ENOENT) {
            return cb_error_set(err, "%s: %s", path, strerror(errno));
        }
    }
    return 0;
}

int cb_profile_load_run(const char *dir, const char *baseline, cb_run *run, cb_error *err)
{
    char   path[4400];
    size_t i;

    for (i = 0; i < run->n; i++) {
        cb_result *r = &run->results[i];

        if (r->profile == NULL && !r->failed &&
            (cb_profile_path(path, sizeof path, dir, baseline, r->name, err) != 0 ||
             cb_profile_load(path, r->name, &r->profile, err) < 0)) {
            return -1;
        }
    }
    return 0;
}
