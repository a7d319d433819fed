#include <stdlib.h>
#include <string.h>

#include "core/text_file.h"
#include "store/atomic_file.h"
#include "store/json_reader.h"
#include "store/rounds.h"

#define ROUNDS_VERSION 1

static json_t *reals(const double *x, size_t n)
{
    json_t *a = json_array();
    size_t  i;

    for (i = 0; a != NULL && i < n; i++) {
        json_array_append_new(a, json_real(x[i]));
    }
    return a;
}

int cb_rounds_save(const char *path, const cb_rounds *r, cb_error *err)
{
    json_t *list = json_array(), *doc;
    char   *text;
    size_t  i;
    int     rc;

    for (i = 0; list != NULL && i < r->nbenches; i++) {
        const cb_rounds_bench *b = &r->benches[i];

        json_array_append_new(list, json_pack("{s:s, s:o, s:o, s:f}", "name", b->name, "a",
                                              reals(b->a, b->n), "b", reals(b->b, b->n),
                                              "seconds", b->seconds));
    }
    doc = json_pack("{s:i, s:s, s:o}", "cryptbench_rounds", ROUNDS_VERSION, "measure",
                    cb_measure_name(r->measure), "benchmarks", list);
    text = doc != NULL ? json_dumps(doc, JSON_INDENT(1) | JSON_REAL_PRECISION(17)) : NULL;
    json_decref(doc);
    if (text == NULL) {
        return cb_error_set(err, "%s: out of memory", path);
    }
    rc = cb_atomic_write(path, text, strlen(text), err);
    free(text);
    return rc;
}

/* An array of n positive numbers, into a new array. */
static int decode_series(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                         const char *key, size_t *n, double **out)
{
    cb_json_path p;
    json_t      *a = cb_json_member(rd, obj, at, key, JSON_ARRAY, 0, &p);
    size_t       i;

    if (a == NULL) {
        return -1;
    }
    if (json_array_size(a) < 2 || (*n != 0 && json_array_size(a) != *n)) {
        return cb_json_fail(rd, &p, "expected at least 2 rounds, as many as the other side");
    }
    *n = json_array_size(a);
    *out = malloc(*n * sizeof **out);
    if (*out == NULL) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    for (i = 0; i < *n; i++) {
        cb_json_path e = { &p, NULL, i };

        if (cb_json_number_value(rd, json_array_get(a, i), &e, CB_JSON_POSITIVE, &(*out)[i]) !=
            0) {
            return -1;
        }
    }
    return 0;
}

static int decode(const cb_json_reader *rd, json_t *root, cb_rounds *r)
{
    static const char *const measures[] = { "wall", "cycles", "instructions" };
    cb_json_path             p;
    json_t                  *list;
    uint64_t                 version;
    int                      measure;
    size_t                   i;

    if (!json_is_object(root)) {
        return cb_json_fail(rd, NULL, "expected the rounds of a gate (a JSON object)");
    }
    if (cb_json_uint(rd, root, NULL, "cryptbench_rounds", 1, &version) != 0) {
        return -1;
    }
    if (version != ROUNDS_VERSION) {
        return cb_json_fail(rd, &(cb_json_path){ NULL, "cryptbench_rounds", 0 },
                            "version %llu, this cryptbench reads %d",
                            (unsigned long long) version, ROUNDS_VERSION);
    }
    if (cb_json_choice(rd, root, NULL, "measure", measures, 3, &measure) != 0 ||
        (list = cb_json_member(rd, root, NULL, "benchmarks", JSON_ARRAY, 0, &p)) == NULL) {
        return -1;
    }
    r->measure = (cb_measure) measure;
    r->benches = calloc(json_array_size(list) + 1, sizeof *r->benches);
    if (r->benches == NULL) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    for (i = 0; i < json_array_size(list); i++) {
        cb_json_path     at = { &p, NULL, i };
        json_t          *obj = json_array_get(list, i);
        cb_rounds_bench *b = &r->benches[i];
        const char      *name;

        r->nbenches = i + 1;
        if (!json_is_object(obj)) {
            return cb_json_fail(rd, &at, "expected a benchmark's rounds");
        }
        if (cb_json_string(rd, obj, &at, "name", 0, &name) != 0 ||
            (b->name = strdup(name)) == NULL ||
            decode_series(rd, obj, &at, "a", &b->n, &b->a) != 0 ||
            decode_series(rd, obj, &at, "b", &b->n, &b->b) != 0) {
            return b->name == NULL ? cb_error_set(rd->err, "%s: out of memory", rd->file) : -1;
        }
        /* rounds stored before the time of a round was: no budget to replay */
        if (json_object_get(obj, "seconds") != NULL &&
            cb_json_number(rd, obj, &at, "seconds", CB_JSON_NONNEGATIVE, &b->seconds) != 0) {
            return -1;
        }
    }
    return 0;
}

int cb_rounds_load(const char *path, cb_rounds *r, cb_error *err)
{
    cb_buf         text = { NULL, 0, 0, 0 };
    cb_json_reader rd = { path, NULL, 0, err };
    json_error_t   jerr;
    json_t        *root;
    int            rc = -1;

    memset(r, 0, sizeof *r);
    if (cb_text_file_read(path, &text, err) != 0) {
        return -1;
    }
    rd.text = text.data;
    rd.len = text.len;
    root = json_loadb(text.data, text.len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL) {
        cb_error_set(err, "%s:%d:%d: not valid JSON: %s", path, jerr.line, jerr.column, jerr.text);
    } else {
        rc = decode(&rd, root, r);
        json_decref(root);
    }
    cb_buf_free(&text);
    if (rc != 0) {
        cb_rounds_free(r);
    }
    return rc;
}

void cb_rounds_free(cb_rounds *r)
{
    size_t i;

    for (i = 0; i < r->nbenches; i++) {
        free(r->benches[i].name);
        free(r->benches[i].a);
        free(r->benches[i].b);
    }
    free(r->benches);
    memset(r, 0, sizeof *r);
}
