#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"

int cb_error_set(cb_error *err, const char *fmt, ...)
{
    va_list ap;

    if (err != NULL) {
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}

void cb_error_prefix(cb_error *err, const char *fmt, ...)
{
    char    prefix[CB_ERROR_MAX], old[CB_ERROR_MAX];
    va_list ap;

    if (err == NULL) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    if (snprintf(err->msg, sizeof err->msg, "%s: %s", prefix, old) >= (int) sizeof err->msg) {
        /* say that the end was cut rather than end mid-word */
        memcpy(err->msg + sizeof err->msg - 4, "...", 4);
    }
}
