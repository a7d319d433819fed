#include "cli/command.h"
#include "cli/runner.h"

int cb_command_analyze(const cb_config *cfg, cb_error *err)
{
    cb_command_files  files;
    cb_report_options opt = cb_command_report_options(cfg, &files);
    cb_reporter       rep;
    cb_run            run;

    if (cb_command_load_samples(cfg->args[0], cfg, &run, err) != 0) {
        return CB_EXIT_USAGE;
    }
    if (cb_report_open_format(&rep, cfg->format, &opt) != 0) {
        cb_run_free(&run);
        cb_error_set(err, "out of memory");
        return CB_EXIT_USAGE;
    }
    cb_runner_replay(&rep, 1, &run);
    cb_report_close(&rep);
    cb_run_free(&run);
    return CB_EXIT_OK;
}
