/*
 * The manual of a benchmark program: the command line's whole reference, as
 * a man page or as markdown (docs/cli.md), made from the same tables as its
 * --help (commands.def, options.def).
 */
#ifndef CB_CLI_MANUAL_H
#define CB_CLI_MANUAL_H

#include <stdio.h>

/* In --manual's order of choices, from 1 (0 is no manual). */
typedef enum cb_manual_format { CB_MANUAL_MAN = 1, CB_MANUAL_MARKDOWN = 2 } cb_manual_format;

/* Writes the manual of the program named prog to out. */
void cb_manual_write(FILE *out, const char *prog, cb_manual_format format);

#endif
