/*
 * The command line: `cryptbench [OPTIONS] [FILTER...]`, `cryptbench analyze
 * FILE`, `cryptbench compare OLD NEW`. Every option is checked here, once, so
 * that a bad value is refused before anything runs. The options are the
 * entries of options.def; the parser, the help and the defaults are made
 * from it.
 */
#ifndef CB_CLI_H
#define CB_CLI_H

#include <stdio.h>
#include "cli/config.h"
#include "core/error.h"

/* Fills cfg from argv (defaults first). -1 with a one-line message naming the
 * option or argument that was wrong. cfg->filters points into argv; free it
 * with cb_cli_free(). */
int cb_cli_parse(int argc, char **argv, cb_config *cfg, cb_error *err);

void cb_cli_free(cb_config *cfg);

/* Prints the usage text: the commands, then every option with its default. */
void cb_cli_help(FILE *out, const char *prog);

/* Prints one command's own help: its usage, what it does, the options it
 * reads. -1 for a command commands.def does not list (help, version). */
int cb_cli_help_command(FILE *out, const char *prog, cb_command command);

/*
 * The reference the help is made of, for the manual (cli/manual.c), which
 * writes it as a man page and as markdown: the entries of commands.def and
 * options.def.
 */
typedef struct cb_cli_command {
    cb_command  command;
    const char *name; /* NULL: the run */
    const char *operands, *options, *summary, *description;
} cb_cli_command;

size_t                cb_cli_ncommands(void);
const cb_cli_command *cb_cli_command_at(size_t i);

/* "prog gate BASE_PROGRAM HEAD_PROGRAM [OPTIONS] [FILTER...]" */
void cb_cli_usage(char *buf, size_t size, const char *prog, const cb_cli_command *c);

/* One option as the help shows it: its heading, its name, the label of its
 * left column ("-h, --help", "--sample-size N") and its text with the default
 * filled in, lines separated by '\n'. */
typedef struct cb_cli_option_doc {
    const char *section;
    const char *name;
    char        label[128];
    char        text[512];
} cb_cli_option_doc;

/* Options are numbered 0 .. cb_cli_noptions() - 1, in the help's order;
 * cb_cli_option() is -1 for one shown on the line of the option before it
 * (--no-html). */
size_t cb_cli_noptions(void);
int    cb_cli_option(size_t i, cb_cli_option_doc *doc);

/* Whether command c reads option i. */
int cb_cli_reads(const cb_cli_command *c, size_t i);

/* text, a paragraph, in lines of at most `width` columns: the first after
 * lead, the others after `indent` spaces. A line never starts with what
 * markdown would read as a list or a heading. */
void cb_cli_wrap(FILE *out, const char *lead, int indent, const char *text, int width);

/* The exit statuses 0 to 3, and what a FILTER is, in sentences. */
extern const char *const cb_cli_exit_statuses[4];
extern const char        cb_cli_filters[];

#endif
