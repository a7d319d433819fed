#include <string.h>

#include "report.h"

void cb_report_close(cb_reporter *rep)
{
    if (rep->close != NULL) {
        rep->close(rep->self);
    }
    memset(rep, 0, sizeof *rep);
}
