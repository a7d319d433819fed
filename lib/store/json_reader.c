#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "store/json_reader.h"

int cb_json_fail(const cb_json_reader *rd, const cb_json_path *at, const char *fmt, ...)
{
    char    what[256], path[512];
    int     line, column;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    cb_json_locate(rd->text, rd->len, at, &line, &column);
    cb_json_path_format(at, path, sizeof path);
    return cb_error_set(rd->err, "%s:%d:%d: %s: %s", rd->file, line, column, path, what);
}

static const char *type_name_of(json_type type)
{
    switch (type) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "a value";
}

static const char *type_name(json_t *v)
{
    return type_name_of(json_typeof(v));
}

static int type_matches(json_t *v, json_type type)
{
    if (type == JSON_REAL || type == JSON_INTEGER) {
        return json_is_number(v);
    }
    if (type == JSON_TRUE || type == JSON_FALSE) {
        return json_is_boolean(v);
    }
    return json_typeof(v) == type;
}

json_t *cb_json_member(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                       const char *key, json_type type, int nullable, cb_json_path *child)
{
    json_t *v = json_object_get(obj, key);

    *child = (cb_json_path){ at, key, 0 };
    if (v == NULL) {
        cb_json_fail(rd, at, "missing field '%s' (expected %s)", key, type_name_of(type));
        return NULL;
    }
    if (!(type_matches(v, type) || (nullable && json_is_null(v)))) {
        cb_json_fail(rd, child, "expected %s%s, got %s", type_name_of(type),
                     nullable ? " or null" : "", type_name(v));
        return NULL;
    }
    return v;
}

json_t *cb_json_real(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

int cb_json_number_value(const cb_json_reader *rd, json_t *v, const cb_json_path *at,
                         unsigned flags, double *out)
{
    char   want[128];
    double x;

    if (flags & CB_JSON_SAMPLE) {
        snprintf(want, sizeof want, "a number from %g to %g (beyond, the analysis overflows)",
                 CB_SAMPLE_VALUE_MIN, CB_SAMPLE_VALUE_MAX);
    } else {
        snprintf(want, sizeof want, "%s",
                 flags & CB_JSON_POSITIVE      ? "a positive finite number"
                 : flags & CB_JSON_NONNEGATIVE ? "a finite number >= 0"
                                               : "a finite number");
        if (flags & CB_JSON_BOUNDED) {
            snprintf(want + strlen(want), sizeof want - strlen(want),
                     " of magnitude at most %g", CB_SAMPLE_VALUE_MAX);
        }
    }
    if (json_is_null(v) && (flags & CB_JSON_NULLABLE)) {
        *out = NAN;
        return 0;
    }
    if (!json_is_number(v)) {
        return cb_json_fail(rd, at, "expected %s, got %s", want, type_name(v));
    }
    x = json_number_value(v);
    if (!isfinite(x) || ((flags & CB_JSON_POSITIVE) && !(x > 0.0)) ||
        ((flags & CB_JSON_NONNEGATIVE) && x < 0.0) ||
        ((flags & CB_JSON_SAMPLE) && !(x >= CB_SAMPLE_VALUE_MIN && x <= CB_SAMPLE_VALUE_MAX)) ||
        ((flags & CB_JSON_BOUNDED) && !(fabs(x) <= CB_SAMPLE_VALUE_MAX))) {
        return cb_json_fail(rd, at, "expected %s, got %.17g", want, x);
    }
    *out = x;
    return 0;
}

int cb_json_number(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                   const char *key, unsigned flags, double *out)
{
    cb_json_path child;
    json_t      *v = cb_json_member(rd, obj, at, key, JSON_REAL, (flags & CB_JSON_NULLABLE) != 0,
                                    &child);

    return v != NULL ? cb_json_number_value(rd, v, &child, flags, out) : -1;
}

int cb_json_uint(const cb_json_reader *rd, json_t *obj, const cb_json_path *at, const char *key,
                 uint64_t min, uint64_t *out)
{
    cb_json_path child;
    json_t      *v = cb_json_member(rd, obj, at, key, JSON_INTEGER, 0, &child);

    if (v == NULL) {
        return -1;
    }
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        (uint64_t) json_integer_value(v) < min) {
        return cb_json_fail(rd, &child, "expected a whole number >= %llu",
                            (unsigned long long) min);
    }
    *out = (uint64_t) json_integer_value(v);
    return 0;
}

int cb_json_string(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                   const char *key, int nullable, const char **out)
{
    cb_json_path child;
    json_t      *v = cb_json_member(rd, obj, at, key, JSON_STRING, nullable, &child);

    if (v == NULL) {
        return -1;
    }
    *out = json_is_null(v) ? NULL : json_string_value(v);
    return 0;
}

int cb_json_choice(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                   const char *key, const char *const *choices, int n, int *out)
{
    cb_json_path child = { at, key, 0 };
    const char  *s;
    char         list[256] = "";
    int          i;

    if (cb_json_string(rd, obj, at, key, 0, &s) != 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (strcmp(s, choices[i]) == 0) {
            *out = i;
            return 0;
        }
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s\"%s\"",
                 i > 0 ? (i + 1 == n ? " or " : ", ") : "", choices[i]);
    }
    return cb_json_fail(rd, &child, "expected %s, got \"%.64s\"", list, s);
}

int cb_json_blank(const char *text, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') {
            return 0;
        }
    }
    return 1;
}
