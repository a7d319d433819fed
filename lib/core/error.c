#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/text.h"

/* A message quotes what it read (a field of a file, an argument): it is
 * printed clean, and a long one is cut between characters. */
static void set_clean(cb_error *err, const char *fmt, va_list ap)
{
    char raw[CB_ERROR_MAX];

    if (vsnprintf(raw, sizeof raw, fmt, ap) >= (int) sizeof raw) {
        cb_text_drop_partial(raw);
    }
    cb_text_clean(err->msg, sizeof err->msg, raw);
}

int cb_error_set(cb_error *err, const char *fmt, ...)
{
    va_list ap;

    if (err != NULL) {
        va_start(ap, fmt);
        set_clean(err, fmt, ap);
        va_end(ap);
    }
    return -1;
}

void cb_error_prefix(cb_error *err, const char *fmt, ...)
{
    char    prefix[CB_ERROR_MAX], raw[CB_ERROR_MAX];
    va_list ap;

    if (err == NULL) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    if (snprintf(raw, sizeof raw, "%s: %s", prefix, err->msg) >= (int) sizeof raw) {
        /* say that the end was cut rather than end mid-word, or mid-character */
        raw[sizeof raw - 4] = '\0';
        cb_text_drop_partial(raw);
        strcat(raw, "...");
    }
    cb_text_clean(err->msg, sizeof err->msg, raw);
}
