#include <stdio.h>

#include "cli/command.h"

/*
 * `report` is a run that measures nothing: the stored run (--load-baseline,
 * default the one a run of --measure saves: base, base-instructions, ...) re-read, compared with --baseline if
 * given, and handed to the HTML reporter alone.
 */
int cb_command_report(const cb_config *cfg, cb_error *err)
{
    cb_config quiet = *cfg;
    int       status;

    quiet.command = CB_COMMAND_REPORT;
    quiet.load_baseline = cfg->load_baseline != NULL   ? cfg->load_baseline
                          : cfg->save_baseline != NULL ? cfg->save_baseline
                                                       : cb_command_default_baseline(cfg->measure);
    quiet.html = 1;
    quiet.quiet = 1;
    status = cb_command_run("cryptbench", &quiet, err);
    if (status != CB_EXIT_USAGE) {
        printf("Wrote %s/html/index.html\n", cfg->reports_dir);
        /* a report of a run with failures is still a report */
        status = CB_EXIT_OK;
    }
    return status;
}
