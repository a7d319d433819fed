#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/number.h"
#include "core/strmap.h"
#include "core/text.h"
#include "core/text_file.h"
#include "store/budgets.h"
#include "store/json_reader.h"

static const char *const budget_keys[] = { "match", "statistic", "max", "min", "min_throughput",
                                           "comment" };
static const char *const top_keys[] = { "schema_version", "comment", "budgets" };

/* A unit a limit may be written in, and what it multiplies the number by to
 * give ns (times) or units per second (throughput). */
typedef struct unit {
    const char   *name;
    double        factor;
    cb_throughput kind; /* CB_THROUGHPUT_NONE for a time */
} unit;

static const unit time_units[] = {
    { "ps", 1e-3, CB_THROUGHPUT_NONE }, { "ns", 1.0, CB_THROUGHPUT_NONE },
    { "us", 1e3, CB_THROUGHPUT_NONE },  { "\xc2\xb5s", 1e3, CB_THROUGHPUT_NONE }, /* micro sign */
    { "\xce\xbcs", 1e3, CB_THROUGHPUT_NONE }, /* Greek mu */
    { "ms", 1e6, CB_THROUGHPUT_NONE },  { "s", 1e9, CB_THROUGHPUT_NONE },
};

/* The reports print binary prefixes for bytes and decimal ones for elements;
 * a team's budget may well be in decimal bytes, so those are read too. */
static const unit rate_units[] = {
    { "B/s", 1.0, CB_THROUGHPUT_BYTES },
    { "KiB/s", 1024.0, CB_THROUGHPUT_BYTES },
    { "MiB/s", 1048576.0, CB_THROUGHPUT_BYTES },
    { "GiB/s", 1073741824.0, CB_THROUGHPUT_BYTES },
    { "TiB/s", 1099511627776.0, CB_THROUGHPUT_BYTES },
    { "KB/s", 1e3, CB_THROUGHPUT_BYTES },
    { "kB/s", 1e3, CB_THROUGHPUT_BYTES },
    { "MB/s", 1e6, CB_THROUGHPUT_BYTES },
    { "GB/s", 1e9, CB_THROUGHPUT_BYTES },
    { "TB/s", 1e12, CB_THROUGHPUT_BYTES },
    { "elem/s", 1.0, CB_THROUGHPUT_ELEMENTS },
    { "Kelem/s", 1e3, CB_THROUGHPUT_ELEMENTS },
    { "Melem/s", 1e6, CB_THROUGHPUT_ELEMENTS },
    { "Gelem/s", 1e9, CB_THROUGHPUT_ELEMENTS },
    { "Telem/s", 1e12, CB_THROUGHPUT_ELEMENTS },
};

/* Sizes and counts, for a memory figure's limits. */
static const unit byte_units[] = {
    { "B", 1.0, CB_THROUGHPUT_NONE },
    { "KiB", 1024.0, CB_THROUGHPUT_NONE },
    { "MiB", 1048576.0, CB_THROUGHPUT_NONE },
    { "GiB", 1073741824.0, CB_THROUGHPUT_NONE },
    { "TiB", 1099511627776.0, CB_THROUGHPUT_NONE },
    { "kB", 1e3, CB_THROUGHPUT_NONE },
    { "KB", 1e3, CB_THROUGHPUT_NONE },
    { "MB", 1e6, CB_THROUGHPUT_NONE },
    { "GB", 1e9, CB_THROUGHPUT_NONE },
    { "TB", 1e12, CB_THROUGHPUT_NONE },
};
static const unit count_units[] = { { "", 1.0, CB_THROUGHPUT_NONE } };

/* Fails unless every member of obj is one of keys[0..n). */
static int only_keys(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                     const char *const *keys, size_t n, const char *what)
{
    const char *key;
    json_t     *v;
    char        list[160] = "";
    size_t      i;

    json_object_foreach(obj, key, v) {
        if (cb_strmap_index(keys, n, key) >= 0) {
            continue;
        }
        for (i = 0; i < n; i++) {
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                     i == 0 ? "" : (i + 1 == n ? " and " : ", "), keys[i]);
        }
        return cb_json_fail(rd, &(cb_json_path){ at, key, 0 },
                            "unknown field '%.64s' (%s has %s)", key, what, list);
    }
    return 0;
}

/* A string member without control characters (which a report would print
 * as they are: core/text.h), non-blank unless may_be_empty. */
static int clean_string(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                        const char *key, int may_be_empty, const char **out)
{
    cb_json_path p = { at, key, 0 };
    const char  *s;

    if (cb_json_string(rd, obj, at, key, 0, &s) != 0) {
        return -1;
    }
    if (!may_be_empty && strspn(s, " \t") == strlen(s)) {
        return cb_json_fail(rd, &p, "expected a non-blank string");
    }
    if (strlen(s) != json_string_length(json_object_get(obj, key)) || !cb_text_is_clean(s)) {
        return cb_json_fail(rd, &p, "expected text without control characters");
    }
    *out = s;
    return 0;
}

/* "250 ms", "1.5 GiB/s", "0": a finite number, above zero unless zero_ok,
 * optional blanks, and one of units[0..n) (whose name may be "": none); the
 * value in the unit's base into *value. */
static int quantity(const cb_json_reader *rd, json_t *obj, const cb_json_path *at, const char *key,
                    const unit *units, size_t n, const char *example, int zero_ok, double *value,
                    cb_throughput *kind)
{
    cb_json_path p = { at, key, 0 };
    const char  *s, *rest;
    double       x;
    size_t       i;

    if (cb_json_string(rd, obj, at, key, 0, &s) != 0) {
        return -1;
    }
    /* decimal only: "0x10 s" is not 16 seconds */
    if (s[0] == '+' || s[0] == '-' || cb_number_decimal(s, &x, &rest) != 0) {
        return cb_json_fail(rd, &p, "expected a number and a unit such as \"%s\", got \"%.64s\"",
                            example, s);
    }
    if (!(x > 0.0 || (zero_ok && x == 0.0))) {
        return cb_json_fail(rd, &p, "expected a %s finite number, got \"%.64s\"",
                            zero_ok ? "non-negative" : "positive", s);
    }
    rest += strspn(rest, " ");
    for (i = 0; i < n; i++) {
        if (strcmp(rest, units[i].name) == 0) {
            *value = x * units[i].factor;
            *kind = units[i].kind;
            if (!isfinite(*value)) {
                return cb_json_fail(rd, &p, "\"%.64s\" is out of range", s);
            }
            return 0;
        }
    }
    return cb_json_fail(rd, &p, "expected a unit such as \"%s\" after the number, got \"%.64s\"",
                        example, s);
}

/* The limits a budget may set: the key each is written under, its units, an
 * example for messages. */
static const struct {
    const char *key;
    const unit *units;
    size_t      nunits;
    const char *example;
} limit_kinds[CB_BUDGET_NLIMITS] = {
    { "max", time_units, sizeof time_units / sizeof time_units[0], "250 ms" },
    { "min", time_units, sizeof time_units / sizeof time_units[0], "50 ms" },
    { "min_throughput", rate_units, sizeof rate_units / sizeof rate_units[0], "500 MiB/s" },
};

/* Frees what read_budget() gave b before it failed. */
static void forget(cb_budget *b)
{
    int k;

    for (k = 0; k < CB_BUDGET_NLIMITS; k++) {
        free(b->written[k]);
        b->written[k] = NULL;
    }
    free(b->match);
    free(b->comment);
    b->match = b->comment = NULL;
}

/* The limits of a memory figure: sizes or counts, max and min only. */
static int memory_limit(const cb_json_reader *rd, json_t *obj, const cb_json_path *at,
                        const cb_budget *b, int k, double *value)
{
    int           bytes = cb_memory_figure_is_bytes(b->statistic.figure);
    cb_throughput kind;

    if (k == CB_BUDGET_MIN_THROUGHPUT) {
        return cb_json_fail(rd, &(cb_json_path){ at, "min_throughput", 0 },
                            "%s is counted, not timed: its limits are \"max\" and \"min\"",
                            cb_memory_figure_key(b->statistic.figure));
    }
    return bytes ? quantity(rd, obj, at, limit_kinds[k].key, byte_units,
                            sizeof byte_units / sizeof byte_units[0], "19 MiB", 1, value, &kind)
                 : quantity(rd, obj, at, limit_kinds[k].key, count_units, 1, "0", 1, value,
                            &kind);
}

/* The limits of one budget: max, min, min_throughput, one at least. */
static int limits(const cb_json_reader *rd, json_t *obj, const cb_json_path *at, cb_budget *b)
{
    cb_throughput kind = CB_THROUGHPUT_NONE;
    int           k;

    for (k = 0; k < CB_BUDGET_NLIMITS; k++) {
        json_t *v = json_object_get(obj, limit_kinds[k].key);

        if (v == NULL) {
            continue;
        }
        if (b->statistic.kind == CB_BUDGET_MEMORY
                ? memory_limit(rd, obj, at, b, k, &b->value[k]) != 0
                : quantity(rd, obj, at, limit_kinds[k].key, limit_kinds[k].units,
                           limit_kinds[k].nunits, limit_kinds[k].example, 0, &b->value[k],
                           &kind) != 0) {
            return -1;
        }
        if ((b->written[k] = strdup(json_string_value(v))) == NULL) {
            return cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
        b->has[k] = 1;
        if (k == CB_BUDGET_MIN_THROUGHPUT) {
            b->throughput = kind;
        }
    }
    if (!b->has[CB_BUDGET_MAX_TIME] && !b->has[CB_BUDGET_MIN_TIME] &&
        !b->has[CB_BUDGET_MIN_THROUGHPUT]) {
        return cb_json_fail(rd, at, "expected a limit: \"max\", \"min\" or \"min_throughput\"");
    }
    if (b->has[CB_BUDGET_MAX_TIME] && b->has[CB_BUDGET_MIN_TIME] &&
        b->value[CB_BUDGET_MIN_TIME] > b->value[CB_BUDGET_MAX_TIME]) {
        return cb_json_fail(rd, &(cb_json_path){ at, "min", 0 },
                            "the minimum is above the maximum: no %s could hold both",
                            b->statistic.kind == CB_BUDGET_MEMORY ? "count" : "time");
    }
    return 0;
}

/* budgets[i] into b; on success b owns its strings, on failure nothing. */
static int read_budget(const cb_json_reader *rd, json_t *obj, const cb_json_path *at, cb_budget *b)
{
    cb_json_path mp = { at, "match", 0 };
    const char  *match, *stat, *comment = NULL;
    char         why[256];
    cb_pattern   pattern;

    memset(b, 0, sizeof *b);
    if (!json_is_object(obj)) {
        return cb_json_fail(rd, at, "expected a budget (an object with \"match\", \"statistic\" "
                                    "and a limit)");
    }
    if (only_keys(rd, obj, at, budget_keys, sizeof budget_keys / sizeof budget_keys[0],
                  "a budget") != 0 ||
        clean_string(rd, obj, at, "match", 0, &match) != 0 ||
        cb_json_string(rd, obj, at, "statistic", 0, &stat) != 0 ||
        (json_object_get(obj, "comment") != NULL &&
         clean_string(rd, obj, at, "comment", 1, &comment) != 0)) {
        return -1;
    }
    if (cb_budget_statistic_parse(stat, &b->statistic) != 0) {
        return cb_json_fail(rd, &(cb_json_path){ at, "statistic", 0 },
                            "expected \"estimate\", \"lower\", \"upper\", \"median\", \"min\", "
                            "\"max\", a percentile such as \"p99\" or \"p99.9\", or a memory "
                            "figure such as \"allocations\" or \"peak_bytes\", got \"%.64s\"",
                            stat);
    }
    if (limits(rd, obj, at, b) != 0) {
        forget(b);
        return -1;
    }
    b->match = strdup(match);
    b->comment = comment != NULL ? strdup(comment) : NULL;
    if (b->match == NULL || (comment != NULL && b->comment == NULL)) {
        forget(b);
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    /* compiled here only to be refused here, with the line of a bad one:
     * cb_budgets_check_targets() compiles it again to match */
    if (cb_pattern_compile(&pattern, match, why, sizeof why) != 0) {
        forget(b);
        return cb_json_fail(rd, &mp, "%s", why);
    }
    cb_pattern_free(&pattern);
    return 0;
}

/* Where each budget's "match" is, for the messages about it after the file
 * is read: in one pass, for a file of 100 000 budgets. */
static int locate(const cb_json_reader *rd, const cb_json_path *list, cb_budget_set *set)
{
    int   *lines = calloc(set->n + 1, sizeof *lines), *columns = calloc(set->n + 1, sizeof *columns);
    size_t i;

    if (lines == NULL || columns == NULL) {
        free(lines);
        free(columns);
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    cb_json_locate_each(rd->text, rd->len, list, "match", set->n, lines, columns);
    for (i = 0; i < set->n; i++) {
        set->items[i].line = lines[i];
        set->items[i].column = columns[i];
    }
    free(lines);
    free(columns);
    return 0;
}

static int read_budgets(const cb_json_reader *rd, json_t *root, cb_budget_set *set)
{
    cb_json_path p;
    json_t      *list = cb_json_member(rd, root, NULL, "budgets", JSON_ARRAY, 0, &p);
    size_t       i, n;

    if (list == NULL) {
        return -1;
    }
    n = json_array_size(list);
    set->items = calloc(n > 0 ? n : 1, sizeof *set->items);
    if (set->items == NULL) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    for (i = 0; i < n; i++) {
        cb_json_path at = { &p, NULL, i };

        if (read_budget(rd, json_array_get(list, i), &at, &set->items[i]) != 0) {
            return -1;
        }
        set->n = i + 1; /* only budgets read whole are freed as such */
    }
    return locate(rd, &p, set);
}

int cb_budgets_parse(const char *file, const char *text, size_t len, cb_budget_set *set,
                     cb_error *err)
{
    cb_json_reader rd = { file, text, len, err };
    json_error_t   jerr;
    json_t        *root, *version;
    cb_json_path   vp;
    const char    *comment;
    int            rc = -1;

    memset(set, 0, sizeof *set);
    if (cb_json_blank(text, len)) {
        return cb_error_set(err, "%s:1:1: empty file (expected a budgets file, a JSON object "
                                 "with \"schema_version\" and \"budgets\")", file);
    }
    root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL) {
        return cb_error_set(err, "%s:%d:%d: not valid JSON: %s", file, jerr.line, jerr.column,
                            jerr.text);
    }
    if (!json_is_object(root)) {
        cb_json_fail(&rd, NULL, "expected a budgets file (a JSON object with \"schema_version\" "
                                "and \"budgets\")");
    } else if ((version = cb_json_member(&rd, root, NULL, "schema_version", JSON_INTEGER, 0,
                                         &vp)) == NULL) {
        /* error set */
    } else if (!json_is_integer(version) ||
               json_integer_value(version) != CB_BUDGETS_SCHEMA_VERSION) {
        cb_json_fail(&rd, &vp, "unsupported schema version %.17g (this cryptbench reads %d)",
                     json_number_value(version), CB_BUDGETS_SCHEMA_VERSION);
    } else if (only_keys(&rd, root, NULL, top_keys, sizeof top_keys / sizeof top_keys[0],
                         "a budgets file") == 0 &&
               (json_object_get(root, "comment") == NULL ||
                clean_string(&rd, root, NULL, "comment", 1, &comment) == 0) &&
               read_budgets(&rd, root, set) == 0) {
        rc = (set->file = strdup(file)) != NULL ? 0 : cb_error_set(err, "%s: out of memory", file);
    }
    json_decref(root);
    if (rc != 0) {
        cb_budget_set_free(set);
    }
    return rc;
}

int cb_budgets_load(const char *path, cb_budget_set *set, cb_error *err)
{
    cb_buf text = { NULL, 0, 0, 0 };
    int    rc;

    memset(set, 0, sizeof *set);
    if (cb_text_file_read(path, &text, err) != 0) {
        return -1;
    }
    rc = cb_budgets_parse(path, text.data, text.len, set, err);
    cb_buf_free(&text);
    return rc;
}

/* Whether budget b is run over target t in pass 0 or 1 of the targets: first
 * those checked, whose budgets the run wants; then, only while b has matched
 * none, the others, to show it matches something. A rate limit is checked on
 * every target it matches, in one pass, in order. */
static int to_match(const cb_budget *b, const cb_budget_target *t, int pass, size_t matched)
{
    if (b->has[CB_BUDGET_MIN_THROUGHPUT]) {
        return pass == 0;
    }
    return pass == 0 ? t->checked : !t->checked && matched == 0;
}

/* Budget i matches target t, the row-th of those checked if it is one:
 * refused when its rate cannot be, noted when it applies. */
static int take_target(cb_budget_set *set, size_t i, const cb_budget_target *t, size_t row,
                       cb_error *err)
{
    static const char *const kinds[] = { "no", "a byte", "an element" };
    const cb_budget         *b = &set->items[i];

    if (b->has[CB_BUDGET_MIN_THROUGHPUT] &&
        (t->throughput != b->throughput || t->per_iteration == 0)) {
        return cb_error_set(err, "%s:%d:%d: budgets[%zu].min_throughput: %s declares %s "
                                 "throughput, and the budget is in %s",
                            set->file, b->line, b->column, i, t->name,
                            t->per_iteration == 0 ? "no" : kinds[t->throughput],
                            b->throughput == CB_THROUGHPUT_BYTES ? "bytes per second"
                                                                 : "elements per second");
    }
    return t->checked ? cb_budget_set_applies(set, i, row, err) : 0;
}

int cb_budgets_check_targets(cb_budget_set *set, const cb_budget_target *targets, size_t n,
                             cb_error *err)
{
    const char             **names = calloc(n + 1, sizeof *names);
    size_t                   i, j, matched, row, rows = 0;
    cb_pattern               p;
    int                      pass, rc;

    if (names == NULL) {
        return cb_error_set(err, "%s: out of memory", set->file);
    }
    for (j = 0; j < n; j++) {
        if (targets[j].checked) {
            names[rows++] = targets[j].name;
        }
    }
    for (i = 0; i < set->n; i++) {
        const cb_budget *b = &set->items[i];

        if (cb_budget_compile(set, i, &p, err) != 0) {
            free(names);
            return -1;
        }
        for (pass = 0, matched = 0; pass < 2; pass++) {
            for (j = 0, row = 0; j < n; row += targets[j].checked != 0, j++) {
                const cb_budget_target *t = &targets[j];

                if (!to_match(b, t, pass, matched) || !cb_pattern_match(&p, t->name)) {
                    continue;
                }
                matched++;
                if (take_target(set, i, t, row, err) != 0) {
                    cb_pattern_free(&p);
                    free(names);
                    return -1;
                }
            }
        }
        cb_pattern_free(&p);
        if (matched == 0) {
            free(names);
            return cb_error_set(err, "%s:%d:%d: budgets[%zu].match: '%s' matches none of the %zu "
                                     "benchmarks (see --list)",
                                set->file, b->line, b->column, i, b->match, n);
        }
    }
    rc = cb_budget_set_index(set, names, rows, err);
    free(names);
    return rc;
}
