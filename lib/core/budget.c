#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/budget.h"

int cb_budget_compile(const cb_budget_set *set, size_t i, cb_pattern *p, cb_error *err)
{
    const cb_budget *b = &set->items[i];
    char             why[256];

    if (cb_pattern_compile(p, b->match, why, sizeof why) != 0) {
        return cb_error_set(err, "%s:%d:%d: budgets[%zu].match: %s", set->file, b->line,
                            b->column, i, why);
    }
    return 0;
}

int cb_budget_set_applies(cb_budget_set *set, size_t i, size_t row, cb_error *err)
{
    if (set->npairs == set->cap) {
        size_t  cap = set->cap > 0 ? 2 * set->cap : 64;
        size_t *pairs = realloc(set->pairs, 2 * cap * sizeof *pairs);

        if (pairs == NULL) {
            return cb_error_set(err, "%s: out of memory for which budgets apply to which "
                                     "benchmarks", set->file);
        }
        set->pairs = pairs;
        set->cap = cap;
    }
    set->pairs[2 * set->npairs] = i;
    set->pairs[2 * set->npairs + 1] = row;
    set->npairs++;
    return 0;
}

/* Forgets the index and the pairs noted. */
static void forget_index(cb_budget_set *set)
{
    cb_strmap_free(&set->rows);
    free(set->first);
    free(set->applying);
    free(set->pairs);
    set->first = set->applying = set->pairs = NULL;
    set->npairs = set->cap = 0;
}

int cb_budget_set_index(cb_budget_set *set, const char *const *names, size_t n, cb_error *err)
{
    size_t *pairs = set->pairs, npairs = set->npairs, *first, *applying, k, row;

    set->pairs = NULL;
    forget_index(set);
    /* a counting sort by row: stable, so each row keeps the file's order */
    first = calloc(n + 2, sizeof *first);
    applying = malloc((npairs > 0 ? npairs : 1) * sizeof *applying);
    if (first == NULL || applying == NULL) {
        free(pairs);
        free(first);
        free(applying);
        return cb_error_set(err, "%s: out of memory for which budgets apply to which benchmarks",
                            set->file);
    }
    for (k = 0; k < npairs; k++) {
        first[pairs[2 * k + 1] + 2]++;
    }
    for (row = 2; row < n + 2; row++) {
        first[row] += first[row - 1];
    }
    for (k = 0; k < npairs; k++) {
        applying[first[pairs[2 * k + 1] + 1]++] = pairs[2 * k];
    }
    free(pairs);
    set->first = first;
    set->applying = applying;
    for (row = 0; row < n; row++) {
        if (cb_strmap_put(&set->rows, names[row], row) != 0) {
            forget_index(set);
            return cb_error_set(err, "%s: out of memory for which budgets apply to which "
                                     "benchmarks", set->file);
        }
    }
    return 0;
}

int cb_budget_set_match(cb_budget_set *set, const char *const *names, size_t n, cb_error *err)
{
    size_t     i, j;
    cb_pattern p;

    for (i = 0; i < set->n; i++) {
        if (cb_budget_compile(set, i, &p, err) != 0) {
            return -1;
        }
        for (j = 0; j < n; j++) {
            if (cb_pattern_match(&p, names[j]) && cb_budget_set_applies(set, i, j, err) != 0) {
                cb_pattern_free(&p);
                return -1;
            }
        }
        cb_pattern_free(&p);
    }
    return cb_budget_set_index(set, names, n, err);
}

size_t cb_budget_applying(const cb_budget_set *set, const char *name, const size_t **budgets)
{
    size_t row;

    *budgets = NULL;
    if (set->first == NULL || !cb_strmap_get(&set->rows, name, &row)) {
        return 0;
    }
    *budgets = set->applying + set->first[row];
    return set->first[row + 1] - set->first[row];
}

void cb_budget_statistic_name(char *buf, size_t size, cb_budget_statistic st)
{
    static const char *const names[] = { "estimate", "lower", "upper" };

    if (st.kind == CB_BUDGET_MEMORY) {
        snprintf(buf, size, "%s", cb_memory_figure_key(st.figure));
    } else if (st.kind != CB_BUDGET_PERCENTILE) {
        snprintf(buf, size, "%s", names[st.kind]);
    } else if (st.level == 50.0) {
        snprintf(buf, size, "median");
    } else if (st.level == 0.0) {
        snprintf(buf, size, "min");
    } else if (st.level == 100.0) {
        snprintf(buf, size, "max");
    } else {
        int decimals;

        /* the fewest decimals that read back as the level: "p99.99999", not
         * "p100" (which is no percentile a file may name), nor "p1e-07" */
        for (decimals = 0; decimals < CB_BUDGET_LEVEL_DECIMALS; decimals++) {
            snprintf(buf, size, "p%.*f", decimals, st.level);
            if (strtod(buf + 1, NULL) == st.level) {
                break;
            }
        }
    }
}

int cb_budget_statistic_parse(const char *s, cb_budget_statistic *st)
{
    static const struct {
        const char         *name;
        cb_budget_stat_kind kind;
        double              level;
    } words[] = { { "estimate", CB_BUDGET_ESTIMATE, 0.0 }, { "lower", CB_BUDGET_LOWER, 0.0 },
                  { "upper", CB_BUDGET_UPPER, 0.0 },       { "median", CB_BUDGET_PERCENTILE, 50.0 },
                  { "min", CB_BUDGET_PERCENTILE, 0.0 },    { "max", CB_BUDGET_PERCENTILE, 100.0 } };
    char             *end, name[CB_BUDGET_LEVEL_DECIMALS + 8];
    double            level;
    size_t            i;
    cb_memory_figure  figure;

    for (i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(s, words[i].name) == 0) {
            *st = (cb_budget_statistic){ words[i].kind, words[i].level, CB_MEMORY_ALLOCATIONS };
            return 0;
        }
    }
    if (cb_memory_figure_parse(s, &figure) == 0) {
        *st = (cb_budget_statistic){ CB_BUDGET_MEMORY, 0.0, figure };
        return 0;
    }
    /* "p99", "p99.9": digits and one point only, no sign, exponent or space */
    if (s[0] != 'p' || s[1] < '0' || s[1] > '9' || strspn(s + 1, "0123456789.") != strlen(s + 1)) {
        return -1;
    }
    errno = 0;
    level = strtod(s + 1, &end);
    if (errno != 0 || *end != '\0' || !(level > 0.0) || !(level < 100.0)) {
        return -1;
    }
    *st = (cb_budget_statistic){ CB_BUDGET_PERCENTILE, level, CB_MEMORY_ALLOCATIONS };
    /* what is taken is what is written back and read again, or a baseline
     * would store a statistic its loader refuses */
    cb_budget_statistic_name(name, sizeof name, *st);
    return name[0] != 'p' || strtod(name + 1, NULL) == level ? 0 : -1;
}

const char *cb_budget_limit_key(cb_budget_limit limit)
{
    static const char *const keys[CB_BUDGET_NLIMITS] = { "max", "min", "min_throughput" };

    return keys[limit];
}

const char *cb_budget_source_name(cb_budget_source source)
{
    static const char *const names[] = { "estimate", "calls", "samples", "memory" };

    return names[source];
}

void cb_budget_outcome_judge(cb_budget_outcome *o)
{
    double room = o->limit == CB_BUDGET_MAX_TIME ? o->budget - o->measured
                                                 : o->measured - o->budget;

    o->margin = o->budget > 0.0 ? room / o->budget : room >= 0.0 ? 0.0 : -1.0;
    /* a statistic that could not be computed holds no budget */
    o->held = isfinite(o->measured) && room >= 0.0;
}

void cb_budget_outcomes_free(cb_budget_outcome *o, size_t n)
{
    size_t i;

    for (i = 0; o != NULL && i < n; i++) {
        free(o[i].match);
        free(o[i].comment);
        free(o[i].written);
    }
    free(o);
}

void cb_budget_set_free(cb_budget_set *set)
{
    size_t i, k;

    forget_index(set);
    for (i = 0; i < set->n; i++) {
        free(set->items[i].match);
        free(set->items[i].comment);
        for (k = 0; k < CB_BUDGET_NLIMITS; k++) {
            free(set->items[i].written[k]);
        }
    }
    free(set->items);
    free(set->file);
    memset(set, 0, sizeof *set);
}
