#include <stdlib.h>
#include <string.h>

#include "cli/filter.h"
#include "measure/context.h"

int cb_filter_init(cb_filter *f, const char *const *patterns, size_t n, int exact,
                   cb_error *err)
{
    size_t i;

    *f = (cb_filter){ patterns, n, exact, NULL };
    if (exact || n == 0) {
        return 0;
    }
    f->compiled = calloc(n, sizeof *f->compiled);
    if (f->compiled == NULL) {
        return cb_error_set(err, "out of memory compiling filters");
    }
    for (i = 0; i < n; i++) {
        char why[256];

        if (cb_pattern_compile(&f->compiled[i], patterns[i], why, sizeof why) != 0) {
            f->n = i; /* only those compiled are freed */
            cb_filter_free(f);
            return cb_error_set(err, "filter '%.200s': %s", patterns[i], why);
        }
    }
    return 0;
}

int cb_filter_match(const cb_filter *f, const char *name)
{
    size_t i;

    if (f->n == 0) {
        return 1;
    }
    for (i = 0; i < f->n; i++) {
        if (f->exact ? strcmp(name, f->patterns[i]) == 0
                     : cb_pattern_match(&f->compiled[i], name)) {
            return 1;
        }
    }
    return 0;
}

void cb_filter_free(cb_filter *f)
{
    size_t i;

    if (f->compiled != NULL) {
        for (i = 0; i < f->n; i++) {
            cb_pattern_free(&f->compiled[i]);
        }
        free(f->compiled);
    }
    f->compiled = NULL;
    f->n = 0;
}

int cb_filter_select(const cb_filter *f, cb_instance_list *list, unsigned char **selected,
                     size_t *n, cb_error *err)
{
    size_t i;

    *n = 0;
    if (cb_registry_error() != NULL) {
        return cb_error_set(err, "%s", cb_registry_error());
    }
    if (cb_context_error() != NULL) {
        return cb_error_set(err, "%s", cb_context_error());
    }
    if (cb_registry_expand(list, err) != 0) {
        return -1;
    }
    *selected = calloc(list->n + 1, 1);
    if (*selected == NULL) {
        cb_instance_list_free(list);
        return cb_error_set(err, "out of memory");
    }
    for (i = 0; i < list->n; i++) {
        (*selected)[i] = (unsigned char) cb_filter_match(f, list->items[i].name);
        *n += (*selected)[i];
    }
    return 0;
}
