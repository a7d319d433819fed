#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "measure/context.h"

static cb_context added;
static char       first_error[CB_ERROR_MAX];

static int record_error(const char *key, const char *what)
{
    if (first_error[0] == '\0') {
        snprintf(first_error, sizeof first_error, "cb_context_add(\"%.64s\"): %s",
                 key != NULL ? key : "(null)", what);
    }
    return -1;
}

/* Keys become JSON member names and table labels: the registry's small
 * alphabet keeps them readable everywhere without rules of their own. */
static int valid_key(const char *key)
{
    const char *p;

    if (key == NULL || key[0] == '\0' || strlen(key) > CB_CONTEXT_KEY_MAX) {
        return 0;
    }
    for (p = key; *p != '\0'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              strchr("-_.", *p) != NULL)) {
            return 0;
        }
    }
    return 1;
}

int cb_context_add(const char *key, const char *value)
{
    if (!valid_key(key)) {
        return record_error(key, "key must be 1 to 64 of [A-Za-z0-9-_.]");
    }
    if (value == NULL || strlen(value) > CB_CONTEXT_VALUE_MAX) {
        return record_error(key, "value must be a string of at most 256 bytes");
    }
    if (cb_context_set(&added, key, value) != 0) {
        return record_error(key, "out of memory");
    }
    return 0;
}

const cb_context *cb_context_registered(void)
{
    return &added;
}

const char *cb_context_error(void)
{
    return first_error[0] != '\0' ? first_error : NULL;
}

void cb_context_clear(void)
{
    cb_context_free(&added);
    first_error[0] = '\0';
}
