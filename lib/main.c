#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "cli.h"
#include "filter.h"
#include "progress.h"
#include "runner.h"

#define EXIT_OK 0
#define EXIT_FAILED 1
#define EXIT_USAGE 2

const char *cb_version_string(void)
{
    return CB_VERSION_STRING;
}

static const char *program_name(const char *argv0)
{
    const char *slash = argv0 != NULL ? strrchr(argv0, '/') : NULL;

    return slash != NULL ? slash + 1 : (argv0 != NULL ? argv0 : "cryptbench");
}

static int use_color(cb_color choice, FILE *out)
{
    const char *no_color = getenv("NO_COLOR");

    /* DESIGN.md: never when NO_COLOR is set, whatever the command line says */
    if (no_color != NULL && no_color[0] != '\0') {
        return 0;
    }
    return choice == CB_COLOR_ALWAYS || (choice == CB_COLOR_AUTO && isatty(fileno(out)));
}

static int open_reporter(const cb_config *cfg, cb_reporter *rep)
{
    cb_report_options opt = { stdout, stderr, use_color(cfg->color, stdout), 0.05 };

    switch (cfg->format) {
    case CB_FORMAT_JSON:
        return cb_report_json_open(rep, &opt);
    case CB_FORMAT_CSV:
        return cb_report_csv_open(rep, &opt);
    case CB_FORMAT_MARKDOWN:
        return cb_report_markdown_open(rep, &opt);
    case CB_FORMAT_HUMAN:
        break;
    }
    return cb_report_terminal_open(rep, &opt);
}

/* nanobench's habit: say once, loudly, what will spoil the numbers. */
static void warn_environment(const char *prog, unsigned build_flags, const cb_sysinfo *si)
{
    if (!(build_flags & CB_BUILD_OPTIMIZED)) {
        fprintf(stderr, "%s: warning: the benchmarks were compiled without optimisation; "
                        "their numbers mean little\n", prog);
    }
    if (build_flags & CB_BUILD_SANITIZED) {
        fprintf(stderr, "%s: warning: built with AddressSanitizer; timings include its "
                        "checks\n", prog);
    }
    if (strcmp(si->governor, "unknown") != 0 && strcmp(si->governor, "performance") != 0) {
        fprintf(stderr, "%s: warning: CPU frequency governor is '%s', not 'performance': "
                        "expect more noise\n", prog, si->governor);
    }
}

static int run_command(const char *prog, const cb_config *cfg, cb_error *err)
{
    cb_instance_list list;
    unsigned char   *selected = NULL;
    cb_clock         clock;
    cb_reporter      rep;
    cb_runner        rn;
    cb_run           run;
    size_t           i, nselected = 0;
    int              status = EXIT_USAGE;

    memset(&run, 0, sizeof run);
    if (cb_registry_error() != NULL) {
        return cb_error_set(err, "%s", cb_registry_error()), EXIT_USAGE;
    }
    if (cb_registry_expand(&list, err) != 0) {
        return EXIT_USAGE;
    }
    selected = calloc(list.n > 0 ? list.n : 1, 1);
    if (selected == NULL) {
        cb_error_set(err, "out of memory");
        goto done_list;
    }
    if (cb_filter_select(&list, cfg->filters, cfg->nfilters, cfg->exact, selected, err) != 0) {
        goto done_list;
    }
    for (i = 0; i < list.n; i++) {
        nselected += selected[i];
    }
    if (nselected == 0 && cfg->nfilters > 0) {
        cb_error_set(err, "no benchmark matches %s'%s'%s (see --list)",
                     cfg->exact ? "exactly " : "", cfg->filters[0],
                     cfg->nfilters > 1 ? " or the other filters" : "");
        goto done_list;
    }
    if (cfg->list) {
        for (i = 0; i < list.n; i++) {
            if (selected[i]) {
                printf("%s\n", list.items[i].name);
            }
        }
        status = EXIT_OK;
        goto done_list;
    }
    if (cb_clock_open(&clock, cfg->measure, err) != 0) {
        goto done_list;
    }
    if (open_reporter(cfg, &rep) != 0) {
        cb_error_set(err, "out of memory");
        goto done_clock;
    }
    memset(&rn, 0, sizeof rn);
    rn.cfg = cfg;
    rn.clock = &clock;
    rn.reporters = &rep;
    rn.nreporters = 1;
    rn.isolate = 1;
    if (isatty(fileno(stderr))) {
        rn.progress = cb_progress_terminal(stderr);
    }
    cb_runner_describe(&rn, &run);
    warn_environment(prog, cfg->build_flags, &run.machine);
    if (cb_runner_run(&rn, &list, selected, &run, err) != 0) {
        goto done_reporter;
    }
    status = EXIT_OK;
    for (i = 0; i < run.n; i++) {
        if (run.results[i].failed) {
            status = EXIT_FAILED;
        }
    }
done_reporter:
    cb_report_close(&rep);
done_clock:
    cb_clock_close(&clock);
done_list:
    cb_run_free(&run);
    free(selected);
    cb_instance_list_free(&list);
    return status;
}

int cb_main_with_build(int argc, char **argv, unsigned build_flags)
{
    const char *prog = program_name(argc > 0 ? argv[0] : NULL);
    cb_config   cfg;
    cb_error    err = { "" };
    cb_reporter rep;
    int         status;

    if (cb_cli_parse(argc, argv, &cfg, &err) != 0) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        cb_cli_free(&cfg);
        return EXIT_USAGE;
    }
    cfg.build_flags = build_flags;
    switch (cfg.command) {
    case CB_COMMAND_HELP:
        cb_cli_help(stdout, prog);
        status = EXIT_OK;
        break;
    case CB_COMMAND_VERSION:
        printf("%s %s\n", prog, cb_version_string());
        status = EXIT_OK;
        break;
    case CB_COMMAND_ANALYZE:
    case CB_COMMAND_COMPARE:
        if (open_reporter(&cfg, &rep) != 0) {
            status = EXIT_USAGE;
            cb_error_set(&err, "out of memory");
            break;
        }
        status = cb_analyze_command(&cfg, &rep, &err);
        cb_report_close(&rep);
        break;
    case CB_COMMAND_RUN:
    default:
        status = run_command(prog, &cfg, &err);
        break;
    }
    if (status == EXIT_USAGE && err.msg[0] != '\0') {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
    }
    cb_cli_free(&cfg);
    cb_registry_clear();
    return status;
}
