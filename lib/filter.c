#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"

int cb_filter_select(const cb_instance_list *list, const char *const *filters, size_t nfilters,
                     int exact, unsigned char *selected, cb_error *err)
{
    regex_t *compiled = NULL;
    size_t   i, f;
    int      rc;

    if (!exact && nfilters > 0) {
        compiled = calloc(nfilters, sizeof *compiled);
        if (compiled == NULL) {
            return cb_error_set(err, "out of memory compiling filters");
        }
        for (f = 0; f < nfilters; f++) {
            rc = regcomp(&compiled[f], filters[f], REG_EXTENDED | REG_NOSUB);
            if (rc != 0) {
                char        why[128];
                const char *bad = filters[f];

                regerror(rc, &compiled[f], why, sizeof why);
                while (f-- > 0) {
                    regfree(&compiled[f]);
                }
                free(compiled);
                return cb_error_set(err, "filter '%s': not a valid regular expression (%s)",
                                    bad, why);
            }
        }
    }
    for (i = 0; i < list->n; i++) {
        selected[i] = nfilters == 0;
        for (f = 0; f < nfilters && !selected[i]; f++) {
            selected[i] = exact ? strcmp(list->items[i].name, filters[f]) == 0
                                : regexec(&compiled[f], list->items[i].name, 0, NULL, 0) == 0;
        }
    }
    if (compiled != NULL) {
        for (f = 0; f < nfilters; f++) {
            regfree(&compiled[f]);
        }
        free(compiled);
    }
    return 0;
}
