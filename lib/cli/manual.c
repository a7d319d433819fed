#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "cli/manual.h"
#include "cli/options.h"

/*
 * The manual: the reference --help is made of (commands.def, options.def),
 * written as a man page in roff (installed as cryptbench(1)) or as markdown
 * (docs/cli.md), so that neither can say other than --help does. What only
 * the manual says (what a benchmark program is, the files, the environment)
 * is here, once for both.
 */

static const char description[] =
    "A program built on cryptbench, the crypto suite or a benchmark program of your own (a "
    "C file that registers its benchmarks and calls cb_main()), measures its benchmarks "
    "with statistics: warm-up, samples, bootstrap confidence intervals, outliers. It keeps "
    "each run as a baseline and compares the next run with it, gates a change in CI, checks "
    "code for secret-dependent branches and memory accesses, and writes an HTML report. "
    "The commands below are those of every such program; the installed cryptbench, which "
    "registers no benchmark, is the one to run analyze, compare, report and trend on "
    "stored files.";

static const struct {
    const char *name, *text;
} environment[] = {
    { "NO_COLOR", "set and not empty: no colour, whatever --color says (no-color.org)." },
    { "TERM", "dumb, or not set: a terminal that shows escapes as they are, so --color auto "
              "gives no colour and no progress lines are written." },
    { "COLUMNS", "the terminal's width when it does not say: progress lines are cut to it "
                 "(default 80), so that none wraps." },
};

static const struct {
    const char *path, *text;
} files[] = {
    { "DIR/NAME.json", "a run saved as a baseline (DIR is --reports-dir, NAME "
                       "--save-baseline); the format is described in reports/README.md" },
    { "DIR/history/", "every run as it was measured, for trend and the HTML report" },
    { "DIR/html/index.html", "the HTML report" },
    { "DIR/gate.md", "the gate's table, for a pull-request comment" },
    { "DIR/gate-rounds.json", "every round a gate measured, for calibrate --replay" },
    { "DIR/profiles/NAME/", "the profiles of --profile, beside the baseline" },
};

/* ---- roff --------------------------------------------------------------- */

/* text in roff: backslashes and hyphen-minus escaped (options must stay
 * ASCII hyphens, which a plain '-' is not in groff's UTF-8 output), a line
 * that would start with a control character protected, line breaks as
 * `newline`. */
static void roff(FILE *out, const char *text, const char *newline)
{
    int start = 1;

    for (; *text != '\0'; text++) {
        if (start && (*text == '.' || *text == '\'')) {
            fputs("\\&", out);
        }
        start = 0;
        switch (*text) {
        case '\\':
            fputs("\\e", out);
            break;
        case '-':
            fputs("\\-", out);
            break;
        case '\n':
            fputs(newline, out);
            start = 1;
            break;
        default:
            fputc(*text, out);
            break;
        }
    }
}

static void upper(FILE *out, const char *s)
{
    for (; *s != '\0'; s++) {
        fputc(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s, out);
    }
}

/* The names of the options command c reads, in bold, separated by commas. */
static void option_names(FILE *out, const cb_cli_command *c)
{
    cb_cli_option_doc doc;
    size_t            i;
    int               first = 1;

    for (i = 0; i < cb_cli_noptions(); i++) {
        if (cb_cli_option(i, &doc) != 0 || !cb_cli_reads(c, i)) {
            continue;
        }
        fputs(first ? "\\fB" : "\\fR, \\fB", out);
        roff(out, doc.name, " ");
        first = 0;
    }
    fputs("\\fR", out);
}

static void write_man(FILE *out, const char *prog)
{
    cb_cli_option_doc doc;
    const char       *section = NULL;
    char              usage[256];
    size_t            i;

    fputs(".TH ", out);
    upper(out, prog);
    fprintf(out, " 1 \"\" \"cryptbench %s\" \"User Commands\"\n", CB_VERSION_STRING);
    fputs(".nh\n", out); /* an option broken at a hyphen would read as two */
    fprintf(out, ".SH NAME\n%s \\- microbenchmarks with statistics, baselines and a regression "
                 "gate\n.SH SYNOPSIS\n.nf\n", prog);
    for (i = 0; i < cb_cli_ncommands(); i++) {
        cb_cli_usage(usage, sizeof usage, prog, cb_cli_command_at(i));
        fputs(".B ", out);
        roff(out, usage, " ");
        fputc('\n', out);
    }
    fputs(".fi\n.SH DESCRIPTION\n", out);
    roff(out, description, " ");
    fputs("\n.SH COMMANDS\n", out);
    for (i = 0; i < cb_cli_ncommands(); i++) {
        const cb_cli_command *c = cb_cli_command_at(i);

        cb_cli_usage(usage, sizeof usage, prog, c);
        fputs(".TP\n.B ", out);
        roff(out, usage, " ");
        fputc('\n', out);
        roff(out, c->description, " ");
        fputs("\n.IP\nOptions: ", out);
        option_names(out, c);
        fputs(".\n", out);
    }
    fputs(".SH OPTIONS\n", out);
    for (i = 0; i < cb_cli_noptions(); i++) {
        if (cb_cli_option(i, &doc) != 0) {
            continue;
        }
        if (section == NULL || strcmp(section, doc.section) != 0) {
            section = doc.section;
            fputs(".SS ", out);
            roff(out, section, " ");
            fputc('\n', out);
        }
        fputs(".TP\n.B ", out);
        roff(out, doc.label, " ");
        fputc('\n', out);
        roff(out, doc.text, " ");
        fputc('\n', out);
    }
    fputs(".SH FILTERS\n", out);
    roff(out, cb_cli_filters, " ");
    fputs("\n.SH EXIT STATUS\n", out);
    for (i = 0; i < sizeof cb_cli_exit_statuses / sizeof cb_cli_exit_statuses[0]; i++) {
        fprintf(out, ".TP\n.B %zu\n", i);
        roff(out, cb_cli_exit_statuses[i], " ");
        fputc('\n', out);
    }
    fputs(".SH ENVIRONMENT\n", out);
    for (i = 0; i < sizeof environment / sizeof environment[0]; i++) {
        fprintf(out, ".TP\n.B %s\n", environment[i].name);
        roff(out, environment[i].text, " ");
        fputc('\n', out);
    }
    fputs(".SH FILES\n", out);
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        fputs(".TP\n.I ", out);
        roff(out, files[i].path, " ");
        fputc('\n', out);
        roff(out, files[i].text, " ");
        fputc('\n', out);
    }
    fputs(".SH SEE ALSO\n.BR cryptbench\\-ab (1)\n"
          "runs the paired gate between two git revisions; its --help says how.\n"
          "The documentation, by topic, is in docs/ of cryptbench's source, and the API in\n"
          ".IR cryptbench.h .\n",
          out);
}

/* ---- markdown ----------------------------------------------------------- */

#define MARKDOWN_WIDTH 96 /* docs/'s lines */

/* Appends text to b as markdown prose: the characters that would start
 * emphasis, code or HTML escaped, line breaks as spaces. */
static void escape(cb_buf *b, const char *text)
{
    for (; *text != '\0'; text++) {
        if (strchr("*_`\\<", *text) != NULL) {
            cb_buf_append(b, "\\", 1);
        }
        cb_buf_append(b, *text == '\n' ? " " : text, 1);
    }
}

/* A paragraph, or a list item when item is "- ": code (NULL for none) in
 * backticks and a colon, then text as prose, wrapped. */
static void paragraph(FILE *out, const char *item, const char *code, const char *text)
{
    cb_buf b = { NULL, 0, 0, 0 };

    if (code != NULL) {
        cb_buf_printf(&b, "`%s`: ", code);
    }
    escape(&b, text);
    if (!b.oom) {
        cb_cli_wrap(out, item, (int) strlen(item), b.data, MARKDOWN_WIDTH);
    }
    cb_buf_free(&b);
}

/* "Options: `--a`, `--b`." for command c, wrapped. */
static void names_paragraph(FILE *out, const cb_cli_command *c)
{
    cb_cli_option_doc doc;
    cb_buf            b = { NULL, 0, 0, 0 };
    size_t            i;

    cb_buf_puts(&b, "Options:");
    for (i = 0; i < cb_cli_noptions(); i++) {
        if (cb_cli_option(i, &doc) == 0 && cb_cli_reads(c, i)) {
            cb_buf_printf(&b, "%s `%s`", b.len > sizeof "Options:" - 1 ? "," : "", doc.name);
        }
    }
    cb_buf_puts(&b, ".");
    if (!b.oom) {
        fputc('\n', out);
        cb_cli_wrap(out, "", 0, b.data, MARKDOWN_WIDTH);
    }
    cb_buf_free(&b);
}

static void write_markdown(FILE *out, const char *prog)
{
    cb_cli_option_doc doc;
    const char       *section = NULL;
    char              usage[256];
    size_t            i;

    fprintf(out, "# The command line\n\n"
                 "<!-- Generated by `%s --manual markdown` from lib/cli/commands.def and\n"
                 "     lib/cli/options.def, as the man page and --help are: edit those, then\n"
                 "     `make docs`. -->\n\n",
            prog);
    paragraph(out, "", NULL, description);
    fprintf(out, "\n`%s --help` prints this reference in short, `%s COMMAND --help` a "
                 "command's\npart of it, and `man %s` all of it. Where the options lead: "
                 "[Writing\nbenchmarks](writing-benchmarks.md), [Measuring and "
                 "statistics](measuring.md), [Output\nformats](formats.md), [The regression "
                 "gate](gate.md).\n\n## Commands\n",
            prog, prog, prog);
    for (i = 0; i < cb_cli_ncommands(); i++) {
        const cb_cli_command *c = cb_cli_command_at(i);

        cb_cli_usage(usage, sizeof usage, prog, c);
        fprintf(out, "\n### `%s`\n\n", usage);
        paragraph(out, "", NULL, c->description);
        names_paragraph(out, c);
    }
    fputs("\n## Options\n", out);
    for (i = 0; i < cb_cli_noptions(); i++) {
        if (cb_cli_option(i, &doc) != 0) {
            continue;
        }
        if (section == NULL || strcmp(section, doc.section) != 0) {
            section = doc.section;
            fprintf(out, "\n### %s\n\n", section);
        }
        paragraph(out, "- ", doc.label, doc.text);
    }
    fputs("\n## Filters\n\n", out);
    paragraph(out, "", NULL, cb_cli_filters);
    fputs("\n## Exit status\n\n", out);
    for (i = 0; i < sizeof cb_cli_exit_statuses / sizeof cb_cli_exit_statuses[0]; i++) {
        char status[8];

        snprintf(status, sizeof status, "%zu", i);
        paragraph(out, "- ", status, cb_cli_exit_statuses[i]);
    }
    fputs("\n## Environment\n\n", out);
    for (i = 0; i < sizeof environment / sizeof environment[0]; i++) {
        paragraph(out, "- ", environment[i].name, environment[i].text);
    }
    fputs("\n## Files\n\n", out);
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        paragraph(out, "- ", files[i].path, files[i].text);
    }
}

void cb_manual_write(FILE *out, const char *prog, cb_manual_format format)
{
    if (format == CB_MANUAL_MARKDOWN) {
        write_markdown(out, prog);
    } else {
        write_man(out, prog);
    }
}
