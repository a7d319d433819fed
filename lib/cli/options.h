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
#include "core/config.h"
#include "core/error.h"

/* Fills cfg from argv (defaults first). -1 with a one-line message naming the
 * option or argument that was wrong. cfg->filters points into argv; free it
 * with cb_cli_free(). */
int cb_cli_parse(int argc, char **argv, cb_config *cfg, cb_error *err);

void cb_cli_free(cb_config *cfg);

/* Prints the usage text: the commands, then every option with its default. */
void cb_cli_help(FILE *out, const char *prog);

#endif
