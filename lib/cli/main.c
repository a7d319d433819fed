#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/check.h"
#include "cli/calibrate.h"
#include "cli/manual.h"
#include "cli/options.h"
#include "cli/command.h"
#include "measure/child.h"
#include "measure/context.h"
#include "measure/memory_count.h"
#include "measure/registry.h"

const char *cb_version_string(void)
{
    return CB_VERSION_STRING;
}

static const char *program_name(const char *argv0)
{
    const char *slash = argv0 != NULL ? strrchr(argv0, '/') : NULL;

    return slash != NULL ? slash + 1 : (argv0 != NULL ? argv0 : "cryptbench");
}

/*
 * Standard output that could not be written (a reader that closed its pipe,
 * `| head -1`; a full disk, > /dev/full) is said, and the status says it: 2,
 * unless a benchmark failed or regressed, which says more. Nothing else is
 * lost: SIGPIPE is ignored so that a closed pipe is a failed write, not the
 * end of the run, and the run's files are written as they would have been.
 */
static int check_output(const char *prog, int status)
{
    int         failed = fflush(stdout) != 0, saved = errno;
    struct stat st;

    if (!failed && !ferror(stdout)) {
        return status;
    }
    if (failed) {
        fprintf(stderr, "%s: writing standard output failed: %s; what it shows is cut short, "
                        "the files were written\n", prog, strerror(saved));
    } else {
        fprintf(stderr, "%s: writing standard output failed%s; what it shows is cut short, the "
                        "files were written\n", prog,
                fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode)
                    ? " (the pipe's reader closed it)" : "");
    }
    return status == CB_EXIT_OK || status == CB_EXIT_UNRESOLVED ? CB_EXIT_USAGE : status;
}

int cb_main_with_build(int argc, char **argv, unsigned build_flags)
{
    const char *prog = program_name(argc > 0 ? argv[0] : NULL);
    cb_config   cfg;
    cb_error    err = { "" };
    int         status = cb_child_main();

    if (status < 0) {
        status = cb_check_child_main();
    }
    if (status < 0) {
        status = cb_memory_child_main();
    }
    if (status >= 0) {
        cb_registry_clear();
        cb_context_clear();
        return status; /* this process was one benchmark's measurement, check or count */
    }
    if (cb_cli_parse(argc, argv, &cfg, &err) != 0) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        cb_cli_free(&cfg);
        cb_registry_clear();
        cb_context_clear();
        return CB_EXIT_USAGE;
    }
    cfg.build_flags = build_flags;
    /* two measures need two comparisons: only the paired gate makes them */
    if (cfg.measure_also && cfg.command != CB_COMMAND_GATE && cfg.command != CB_COMMAND_HELP &&
        cfg.command != CB_COMMAND_VERSION) {
        fprintf(stderr, "%s: --measure wall,instructions: only gate compares two measures; "
                        "measure one at a time\n", prog);
        cb_cli_free(&cfg);
        cb_registry_clear();
        cb_context_clear();
        return CB_EXIT_USAGE;
    }
    /* what only prints (--help, --list) may die of a closed pipe, as cat does */
    if (cfg.command != CB_COMMAND_HELP && cfg.command != CB_COMMAND_VERSION && !cfg.list) {
        signal(SIGPIPE, SIG_IGN);
    }
    switch (cfg.command) {
    case CB_COMMAND_HELP:
        if (cfg.help_command < 0 ||
            cb_cli_help_command(stdout, prog, (cb_command) cfg.help_command) != 0) {
            cb_cli_help(stdout, prog);
        }
        status = CB_EXIT_OK;
        break;
    case CB_COMMAND_MANUAL:
        cb_manual_write(stdout, prog, (cb_manual_format) cfg.manual);
        status = CB_EXIT_OK;
        break;
    case CB_COMMAND_VERSION:
        printf("%s %s\n", prog, cb_version_string());
        status = CB_EXIT_OK;
        break;
    case CB_COMMAND_ANALYZE:
        status = cb_command_analyze(&cfg, &err);
        break;
    case CB_COMMAND_COMPARE:
        status = cb_command_compare(&cfg, &err);
        break;
    case CB_COMMAND_REPORT:
        status = cb_command_report(&cfg, &err);
        break;
    case CB_COMMAND_GATE:
        status = cb_command_gate(&cfg, &err);
        break;
    case CB_COMMAND_SERVE:
        status = cb_command_serve(&cfg, &err);
        break;
    case CB_COMMAND_CALIBRATE:
        status = cb_command_calibrate(&cfg, &err);
        break;
    case CB_COMMAND_TREND:
        status = cb_command_trend(&cfg, &err);
        break;
    case CB_COMMAND_RUN:
    default:
        status = cb_command_run(prog, &cfg, &err);
        break;
    }
    if (status == CB_EXIT_USAGE && err.msg[0] != '\0') {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
    }
    status = check_output(prog, status);
    cb_cli_free(&cfg);
    cb_registry_clear();
    cb_context_clear();
    return status;
}
