#include <stdlib.h>

#include "report.h"

/* Replaced by the full report; for now the hook writes nothing. */
static void close_html(void *self)
{
    free(self);
}

int cb_report_html_open(cb_reporter *rep, const cb_report_options *opt)
{
    cb_report_options *o = malloc(sizeof *o);

    if (o == NULL) {
        return -1;
    }
    *o = *opt;
    *rep = (cb_reporter){ .close = close_html, .self = o };
    return 0;
}
