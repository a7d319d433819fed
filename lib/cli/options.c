#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "core/number.h"
#include "store/baseline.h"

/* The help's headings, in the order they are printed. */
enum section { SELECTION, MEASUREMENT, CHECKS, ANALYSIS, BASELINES, OUTPUT };

static const char *const sections[] = { "Selection", "Measurement", "Constant-time checks",
                                        "Analysis", "Baselines (reports/NAME.json)", "Output" };

/* What an option's value may be (options.def says each in full). */
enum kind {
    KIND_FLAG, KIND_NUMBER, KIND_WHOLE, KIND_CHOICE, KIND_NAME, KIND_DIRECTORY, KIND_CUSTOM
};

/* One entry of options.def, which says what each member means. */
typedef struct option {
    enum section section;
    const char  *name, *alias, *meta;
    const char  *help; /* a printf format, given the default's text */
    enum kind    kind;
    double       low, high; /* KIND_NUMBER */
    int          low_open, high_open;
    unsigned long long min, max; /* KIND_WHOLE: doubles would round the seed's INT64_MAX */
    /* KIND_CUSTOM: -1 when v is none of meta's choices (or not what expect says) */
    int (*custom)(const struct option *o, const char *v, cb_config *cfg);
    const char *expect;
    size_t field, size; /* the cb_config member it sets: offsetof, sizeof */
    size_t mark;        /* the *_set member, when marks */
    int    marks;
    /* the default, in the member its kind reads */
    double             number;
    unsigned long long whole;
    const char        *text;
} option;

/* The index of v among the choices of a meta such as "auto|always|never", or -1. */
static int choice_index(const char *meta, const char *v)
{
    size_t len;
    int    i;

    for (i = 0;; i++) {
        len = strcspn(meta, "|");
        if (strlen(v) == len && strncmp(meta, v, len) == 0) {
            return i;
        }
        if (meta[len] == '\0') {
            return -1;
        }
        meta += len + 1;
    }
}

/* The index-th choice of meta, copied into buf. */
static void choice_name(const char *meta, size_t index, char *buf, size_t size)
{
    for (; index > 0 && strchr(meta, '|') != NULL; index--) {
        meta = strchr(meta, '|') + 1;
    }
    snprintf(buf, size, "%.*s", (int) strcspn(meta, "|"), meta);
}

/* --unit: CSV totals in ns, us, ms or s are read as nanoseconds; cycles and
 * instructions are counts. In the order of the option's choices. */
static int parse_unit(const option *o, const char *v, cb_config *cfg)
{
    static const struct {
        const char *unit;
        double      scale;
    } units[] = { { "ns", 1.0 },     { "ns", 1e3 },     { "ns", 1e6 },
                  { "ns", 1e9 },     { "cycles", 1.0 }, { "instructions", 1.0 } };
    int i = choice_index(o->meta, v);

    if (i < 0) {
        return -1;
    }
    assert((size_t) i < sizeof units / sizeof units[0]);
    cfg->unit = units[i].unit;
    cfg->unit_scale = units[i].scale;
    return 0;
}

/* --measure: one measure, or wall time and instruction counts together (the
 * gate's; a run refuses it). */
static int parse_measure(const option *o, const char *v, cb_config *cfg)
{
    int i = choice_index(o->meta, v);

    if (i < 0) {
        return -1;
    }
    cfg->measure_also = i == 3;
    cfg->measure = i == 3 ? CB_MEASURE_WALL : (cb_measure) i;
    return 0;
}

/* --check: each use adds a check, in the order of the option's choices. */
static int add_check(const option *o, const char *v, cb_config *cfg)
{
    static const unsigned bits[] = { CB_CHECK_CONSTANT_TIME, CB_CHECK_TIMING_LEAK };
    int                   i = choice_index(o->meta, v);

    if (i < 0) {
        return -1;
    }
    cfg->checks |= bits[i];
    return 0;
}

/* --threads: whole numbers from 1 to CB_MAX_THREADS, comma-separated, at
 * most CB_MAX_THREAD_COUNTS different ones, kept ascending and each once. */
static int parse_threads(const option *o, const char *v, cb_config *cfg)
{
    size_t n = 0, i, j;

    (void) o;
    for (;;) {
        char              *end;
        unsigned long long x;

        errno = 0;
        x = strtoull(v, &end, 10);
        if (v[0] < '0' || v[0] > '9' || errno != 0 || x < 1 || x > CB_MAX_THREADS ||
            (*end != ',' && *end != '\0')) {
            return -1;
        }
        for (i = 0; i < n && cfg->threads[i] < x; i++) {
        }
        if (i == n || cfg->threads[i] != x) {
            if (n == CB_MAX_THREAD_COUNTS) {
                return -1;
            }
            for (j = n++; j > i; j--) {
                cfg->threads[j] = cfg->threads[j - 1];
            }
            cfg->threads[i] = (size_t) x;
        }
        if (*end == '\0') {
            break;
        }
        v = end + 1;
    }
    cfg->nthreads = n;
    return 0;
}

static int turn_html_off(const option *o, const char *v, cb_config *cfg)
{
    (void) o, (void) v;
    cfg->html = 0;
    return 0;
}

static int ask_for_help(const option *o, const char *v, cb_config *cfg)
{
    (void) o, (void) v;
    cfg->command = CB_COMMAND_HELP;
    return 0;
}

static int ask_for_version(const option *o, const char *v, cb_config *cfg)
{
    (void) o, (void) v;
    cfg->command = CB_COMMAND_VERSION;
    return 0;
}

static int ask_for_manual(const option *o, const char *v, cb_config *cfg)
{
    int i = choice_index(o->meta, v);

    if (i < 0) {
        return -1;
    }
    cfg->manual = i + 1;
    cfg->command = CB_COMMAND_MANUAL;
    return 0;
}

/* The vocabulary of options.def. */
#define FLAG .kind = KIND_FLAG
#define FROM(lo, hi) .kind = KIND_NUMBER, .low = (lo), .high = (hi)
#define ABOVE(lo, hi) FROM(lo, hi), .low_open = 1
#define BETWEEN(lo, hi) FROM(lo, hi), .low_open = 1, .high_open = 1
#define WHOLE(lo, hi) .kind = KIND_WHOLE, .min = (lo), .max = (hi)
#define CHOICE .kind = KIND_CHOICE
#define NAME .kind = KIND_NAME
#define DIRECTORY .kind = KIND_DIRECTORY
#define CUSTOM(function) .kind = KIND_CUSTOM, .custom = (function)
#define CUSTOM_EXPECTING(function, text) CUSTOM(function), .expect = (text)
#define MARKS(member) .mark = offsetof(cb_config, member), .marks = 1
#define NO_MARK .marks = 0
#define STR(constant) STR_(constant)
#define STR_(x) #x
/* A default is a number or a string: it lands in each member its type fits. */
#define DEFAULT(x)                                                          \
    .number = _Generic((x), double: (x), int: (x), default: 0.0),           \
    .whole = _Generic((x), char *: 0u, void *: 0u, double: 0u, default: (x)), \
    .text = _Generic((x), char *: (x), default: NULL)

#define CB_OPTION(section_, name_, alias_, meta_, kind_, field_, marks_, default_, help_)        \
    { .section = (section_), .name = (name_), .alias = (alias_), .meta = (meta_), kind_,       \
      .field = offsetof(cb_config, field_), .size = sizeof(((cb_config *) 0)->field_), marks_, \
      DEFAULT(default_), .help = (help_) },

static const option options[] = {
#include "cli/options.def"
};

#undef CB_OPTION
#undef FLAG
#undef ABOVE
#undef FROM
#undef BETWEEN
#undef WHOLE
#undef CHOICE
#undef NAME
#undef DIRECTORY
#undef CUSTOM
#undef CUSTOM_EXPECTING
#undef MARKS
#undef NO_MARK
#undef STR
#undef STR_
#undef DEFAULT

#define NOPTIONS (sizeof options / sizeof options[0])

/* Copies value into o's field, which is as wide. */
static void set_field(cb_config *cfg, const option *o, const void *value, size_t size)
{
    assert(o->size == size);
    memcpy((char *) cfg + o->field, value, size);
}

/* Whole-number fields are size_t (counts) or uint64_t (the seed). */
static void set_whole(cb_config *cfg, const option *o, unsigned long long x)
{
    uint64_t u = (uint64_t) x;
    size_t   z = (size_t) x;

    if (o->size == sizeof u) {
        set_field(cfg, o, &u, sizeof u);
    } else {
        set_field(cfg, o, &z, sizeof z);
    }
}

static int parse_number(const option *o, const char *opt, const char *v, double *out,
                        cb_error *err)
{
    const char *end;
    double      x;

    /* decimal only: "0x10" and "nan" are no number a user meant */
    if (cb_number_decimal(v, &x, &end) != 0 || *end != '\0' ||
        (o->high_open ? x >= o->high : x > o->high) || (o->low_open ? x <= o->low : x < o->low)) {
        if (o->high_open) {
            return cb_error_set(err, "%s: expected a number between %g and %g, got '%s'", opt,
                                o->low, o->high, v);
        }
        return cb_error_set(err, "%s: expected a number %s %g and at most %g, got '%s'", opt,
                            o->low_open ? ">" : ">=", o->low, o->high, v);
    }
    *out = x;
    return 0;
}

static int parse_whole(const option *o, const char *opt, const char *v, unsigned long long *out,
                       cb_error *err)
{
    char              *end;
    unsigned long long x;

    errno = 0;
    x = strtoull(v, &end, 10);
    if (v[0] == '-' || v[0] == '\0' || *end != '\0' || errno != 0 || x < o->min || x > o->max) {
        return cb_error_set(err, "%s: expected a whole number from %llu to %llu, got '%s'", opt,
                            o->min, o->max, v);
    }
    *out = x;
    return 0;
}

/* A baseline name becomes a file name under the reports directory. */
static int check_name(const char *opt, const char *v, cb_error *err)
{
    if (cb_baseline_name_check(v, err) != 0) {
        cb_error_prefix(err, "%s", opt);
        return -1;
    }
    return 0;
}

/* Checks v (NULL for an option without a value) as o's kind, stores it and
 * marks it given. opt is the option as spelled on the command line. */
static int apply(const option *o, const char *opt, const char *v, cb_config *cfg, cb_error *err)
{
    const int          yes = 1;
    unsigned long long n = 0;
    double             x = 0.0;
    int                i;

    switch (o->kind) {
    case KIND_FLAG:
        set_field(cfg, o, &yes, sizeof yes);
        break;
    case KIND_NUMBER:
        if (parse_number(o, opt, v, &x, err) != 0) {
            return -1;
        }
        set_field(cfg, o, &x, sizeof x);
        break;
    case KIND_WHOLE:
        if (parse_whole(o, opt, v, &n, err) != 0) {
            return -1;
        }
        set_whole(cfg, o, n);
        break;
    case KIND_CHOICE:
        i = choice_index(o->meta, v);
        if (i < 0) {
            return cb_error_set(err, "%s: expected %s, got '%s'", opt, o->meta, v);
        }
        set_field(cfg, o, &i, sizeof i);
        break;
    case KIND_NAME:
        if (check_name(opt, v, err) != 0) {
            return -1;
        }
        set_field(cfg, o, &v, sizeof v);
        break;
    case KIND_DIRECTORY:
        if (v[0] == '\0') {
            return cb_error_set(err, "%s: expected a %s, got ''", opt,
                                strcmp(o->meta, "DIR") == 0 ? "directory" : "file");
        }
        if (strlen(v) > CB_REPORTS_DIR_MAX) {
            return cb_error_set(err, "%s: expected a path of at most %d bytes, got %zu bytes",
                                opt, CB_REPORTS_DIR_MAX, strlen(v));
        }
        set_field(cfg, o, &v, sizeof v);
        break;
    case KIND_CUSTOM:
        if (o->custom(o, v, cfg) != 0) {
            return cb_error_set(err, "%s: expected %s, got '%s'", opt,
                                o->expect != NULL ? o->expect : o->meta, v);
        }
        break;
    }
    if (o->marks) {
        memcpy((char *) cfg + o->mark, &yes, sizeof yes);
    }
    return 0;
}

/* Each option's default, from the table; zero where it has none. */
static void defaults(cb_config *cfg)
{
    size_t i;
    int    value, rc;

    memset(cfg, 0, sizeof *cfg);
    for (i = 0; i < NOPTIONS; i++) {
        const option *o = &options[i];

        switch (o->kind) {
        case KIND_FLAG:
        case KIND_CHOICE:
            value = (int) o->whole;
            set_field(cfg, o, &value, sizeof value);
            break;
        case KIND_NUMBER:
            set_field(cfg, o, &o->number, sizeof o->number);
            break;
        case KIND_WHOLE:
            set_whole(cfg, o, o->whole);
            break;
        case KIND_NAME:
        case KIND_DIRECTORY:
            set_field(cfg, o, &o->text, sizeof o->text);
            break;
        case KIND_CUSTOM:
            if (o->text != NULL) {
                rc = o->custom(o, o->text, cfg);
                assert(rc == 0); /* the table's own default must parse */
                (void) rc;
            }
            break;
        }
    }
}

/* o's default as the help prints it: "0.5", "100", "human"; "" for none. */
static void default_text(const option *o, char *buf, size_t size)
{
    switch (o->kind) {
    case KIND_NUMBER:
        snprintf(buf, size, "%g", o->number);
        break;
    case KIND_WHOLE:
        snprintf(buf, size, "%llu", o->whole);
        break;
    case KIND_CHOICE:
        choice_name(o->meta, (size_t) o->whole, buf, size);
        break;
    default:
        snprintf(buf, size, "%s", o->text != NULL ? o->text : "");
        break;
    }
}

/* The help's left column for options[i]: "-h, --help", "--html, --no-html",
 * "--sample-size N". A short alias is listed first; a long one is not. */
static void help_label(size_t i, char *buf, size_t size)
{
    const option *o = &options[i];
    int           short_alias = o->alias != NULL && o->alias[1] != '-';
    size_t        j, n;

    n = (size_t) snprintf(buf, size, "%s%s%s", short_alias ? o->alias : "",
                          short_alias ? ", " : "", o->name);
    for (j = i + 1; j < NOPTIONS && options[j].help == NULL && n < size; j++) {
        n += (size_t) snprintf(buf + n, size - n, ", %s", options[j].name);
    }
    if (o->meta != NULL && n < size) {
        snprintf(buf + n, size - n, " %s", o->meta);
    }
}

size_t cb_cli_noptions(void)
{
    return NOPTIONS;
}

int cb_cli_option(size_t i, cb_cli_option_doc *doc)
{
    char value[64];

    assert(i < NOPTIONS);
    if (options[i].help == NULL) {
        return -1;
    }
    doc->section = sections[options[i].section];
    doc->name = options[i].name;
    help_label(i, doc->label, sizeof doc->label);
    default_text(&options[i], value, sizeof value);
    snprintf(doc->text, sizeof doc->text, options[i].help, value);
    return 0;
}

/* The subcommands, as commands.def lists them. */
static const cb_cli_command commands[] = {
#define CB_COMMAND(command_, name_, operands_, options_, summary_, description_)             \
    { .command = (command_), .name = (name_), .operands = (operands_), .options = (options_), \
      .summary = (summary_), .description = (description_) },
#include "cli/commands.def"
#undef CB_COMMAND
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Every command's options, and the program's own (commands.def says why). */
static const char every_command[] = "--color --help";
static const char program_only[] = "--version --manual";

size_t cb_cli_ncommands(void)
{
    return NCOMMANDS;
}

const cb_cli_command *cb_cli_command_at(size_t i)
{
    assert(i < NCOMMANDS);
    return &commands[i];
}

/* Whether the space-separated list names `name`. */
static int names(const char *list, const char *name)
{
    size_t len = strlen(name);

    while (*list != '\0') {
        size_t word = strcspn(list, " ");

        if (word == len && strncmp(list, name, len) == 0) {
            return 1;
        }
        list += word;
        list += strspn(list, " ");
    }
    return 0;
}

int cb_cli_reads(const cb_cli_command *c, size_t i)
{
    assert(i < NOPTIONS);
    /* an option listed on the line of the one before it goes with that one */
    while (i > 0 && options[i].help == NULL) {
        i--;
    }
    return names(c->options, options[i].name) || names(every_command, options[i].name) ||
           (c->name == NULL && names(program_only, options[i].name));
}

/* The operands a command takes before its filters: the words of its operands
 * before the first '['. */
static size_t operand_count(const cb_cli_command *c)
{
    const char *p = c->operands;
    size_t      n = 0;

    while (*p != '\0' && *p != '[') {
        n++;
        p += strcspn(p, " ");
        p += strspn(p, " ");
    }
    return n;
}

static int takes_filters(const cb_cli_command *c)
{
    return strstr(c->operands, "[FILTER...]") != NULL;
}

void cb_cli_usage(char *buf, size_t size, const char *prog, const cb_cli_command *c)
{
    const char *filters = strstr(c->operands, "[FILTER...]");
    int         before = filters != NULL ? (int) (filters - c->operands) : (int) strlen(c->operands);

    snprintf(buf, size, "%s%s%s %.*s%s[OPTIONS]%s%s", prog, c->name != NULL ? " " : "",
             c->name != NULL ? c->name : "", before, c->operands,
             before > 0 && c->operands[before - 1] != ' ' ? " " : "", filters != NULL ? " " : "",
             filters != NULL ? filters : "");
}

const char *const cb_cli_exit_statuses[4] = {
    "all well",
    "a benchmark failed; with --gate, and from gate, also a regression or a broken budget "
    "(and, with --gate-constant-time, a new constant-time finding)",
    "bad usage or input, said in one line: an unknown option or a bad value, a malformed "
    "baseline or budgets file, an unreadable CSV, a filter that matches nothing",
    "with --gate, and from gate: nothing regressed or failed, but some comparisons are "
    "unresolved (the runner was too noisy to see a change of the resolution's size)",
};

const char cb_cli_filters[] =
    "A FILTER is a POSIX extended regular expression matched anywhere in a benchmark's name, "
    "so a plain word is a substring match (did/, 'pbkdf2.*/(1000|10000)/'); with --exact a "
    "filter must equal a whole name. A filter that matches nothing is an error.";

/* Whether a line may start at text: with a word, never with what markdown
 * would read as a list, a heading, a quote or a table ("- x", "# x", "1. x"). */
static int may_start_line(const char *text)
{
    return (*text >= 'a' && *text <= 'z') || (*text >= 'A' && *text <= 'Z') ||
           strchr("(`'\"", *text) != NULL;
}

void cb_cli_wrap(FILE *out, const char *lead, int indent, const char *text, int width)
{
    int column = (int) strlen(lead);

    fputs(lead, out);
    while (*text != '\0') {
        int len = 0, end = 0;

        while (text[len] != '\0' && column + len <= width) {
            if (text[len] == ' ' && len > 0 && may_start_line(text + len + 1)) {
                end = len;
            }
            len++;
        }
        if (text[len] == '\0') {
            end = len;
        } else if (end == 0) {
            /* no break within the width: the first one after it */
            while (text[end] != '\0' && (text[end] != ' ' || !may_start_line(text + end + 1))) {
                end++;
            }
        }
        fprintf(out, "%.*s\n", end, text);
        text += end;
        text += strspn(text, " ");
        if (*text != '\0') {
            fprintf(out, "%*s", indent, "");
        }
        column = indent;
    }
}

#define HELP_LABEL_WIDTH 27 /* then the text, at column 29 */
/* The global help's summaries: at column 45 beside a short usage, else at
 * column 37 below it */
#define SUMMARY_BESIDE 44
#define SUMMARY_BELOW 36

/* options[i]'s lines: the label, then the text beside it (or below, when the
 * label is too wide), every line of the text at the same column. */
static void help_option(FILE *out, size_t i)
{
    cb_cli_option_doc doc;
    const char       *line;
    size_t            len;

    if (cb_cli_option(i, &doc) != 0) {
        return;
    }
    if (strlen(doc.label) < HELP_LABEL_WIDTH) {
        fprintf(out, "  %-*s", HELP_LABEL_WIDTH, doc.label);
    } else {
        fprintf(out, "  %s\n  %-*s", doc.label, HELP_LABEL_WIDTH, "");
    }
    for (line = doc.text;; line += len + 1) {
        len = strcspn(line, "\n");
        fprintf(out, "%.*s\n", (int) len, line);
        if (line[len] == '\0') {
            break;
        }
        fprintf(out, "  %-*s", HELP_LABEL_WIDTH, "");
    }
}

/* The options command c reads (every option, for NULL), under their headings. */
static void help_options(FILE *out, const cb_cli_command *c)
{
    size_t i;
    int    heading = -1;

    for (i = 0; i < NOPTIONS; i++) {
        if (options[i].help == NULL || (c != NULL && !cb_cli_reads(c, i))) {
            continue;
        }
        if ((int) options[i].section != heading) {
            heading = (int) options[i].section;
            fprintf(out, "%s:\n", sections[heading]);
        }
        help_option(out, i);
    }
}

static void help_exit(FILE *out)
{
    size_t i;

    fputs("\nExit status:\n", out);
    for (i = 0; i < sizeof cb_cli_exit_statuses / sizeof cb_cli_exit_statuses[0]; i++) {
        char lead[8];

        snprintf(lead, sizeof lead, "  %zu  ", i);
        cb_cli_wrap(out, lead, 5, cb_cli_exit_statuses[i], 79);
    }
}

void cb_cli_help(FILE *out, const char *prog)
{
    char   usage[256];
    size_t i;

    for (i = 0; i < NCOMMANDS; i++) {
        const char *line;
        size_t      len;

        cb_cli_usage(usage, sizeof usage, prog, &commands[i]);
        int column = SUMMARY_BESIDE;

        fprintf(out, "%s %s", i == 0 ? "Usage:" : "      ", usage);
        if (strlen(usage) + 8 <= SUMMARY_BESIDE && strchr(commands[i].summary, '\n') == NULL) {
            fprintf(out, "%*s", (int) (SUMMARY_BESIDE - strlen(usage) - 7), "");
        } else {
            column = SUMMARY_BELOW;
            fprintf(out, "\n%*s", column, "");
        }
        for (line = commands[i].summary;; line += len + 1) {
            len = strcspn(line, "\n");
            fprintf(out, "%.*s\n", (int) len, line);
            if (line[len] == '\0') {
                break;
            }
            fprintf(out, "%*s", column, "");
        }
    }
    fprintf(out, "\n%s COMMAND --help lists a command's own options.\n\n", prog);
    cb_cli_wrap(out, "", 0, cb_cli_filters, 79);
    fputc('\n', out);
    help_options(out, NULL);
    help_exit(out);
}

int cb_cli_help_command(FILE *out, const char *prog, cb_command command)
{
    char   usage[256];
    size_t i;

    for (i = 0; i < NCOMMANDS && commands[i].command != command; i++) {
    }
    if (i == NCOMMANDS) {
        return -1;
    }
    cb_cli_usage(usage, sizeof usage, prog, &commands[i]);
    fprintf(out, "Usage: %s\n\n", usage);
    cb_cli_wrap(out, "", 0, commands[i].description, 79);
    if (takes_filters(&commands[i])) {
        fputc('\n', out);
        cb_cli_wrap(out, "", 0, cb_cli_filters, 79);
    }
    fputc('\n', out);
    help_options(out, &commands[i]);
    help_exit(out);
    return 0;
}

/* The option spelled arg[0, len), by its name or its alias; *spelling: which. */
static const option *find_option(const char *arg, size_t len, const char **spelling)
{
    size_t i;

    for (i = 0; i < NOPTIONS; i++) {
        *spelling = options[i].name;
        if (strlen(*spelling) == len && strncmp(arg, *spelling, len) == 0) {
            return &options[i];
        }
        *spelling = options[i].alias;
        if (*spelling != NULL && strlen(*spelling) == len && strncmp(arg, *spelling, len) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

/* Hands the operands to the command that takes them, checking their count. */
static int take_operands(cb_config *cfg, size_t n, size_t which, cb_error *err)
{
    size_t k;

    if (which == (size_t) -1) {
        cfg->nfilters = n;
        return 0;
    }
    k = operand_count(&commands[which]);
    if (n < k || (n > k && !takes_filters(&commands[which]))) {
        if (k == 0) {
            return cb_error_set(err, "%s: takes no argument, got '%s'", commands[which].name,
                                cfg->filters[0]);
        }
        return cb_error_set(err, "%s %s: expected %zu operand%s, got %zu", commands[which].name,
                            commands[which].operands, k, k == 1 ? "" : "s", n);
    }
    cfg->args[0] = k > 0 ? cfg->filters[0] : NULL;
    cfg->args[1] = k > 1 ? cfg->filters[1] : NULL;
    cfg->nargs = k;
    /* the filters after the operands: the same array, not a copy */
    cfg->filters += k;
    cfg->nfilters = n - k;
    return 0;
}

/* One option at argv[*i] (and its value, which may be the next argument). */
static int parse_option(cb_config *cfg, int argc, char **argv, int *i, cb_error *err)
{
    const char   *arg = argv[*i], *eq = strchr(arg, '='), *value = NULL, *spelling;
    size_t        name_len = eq != NULL ? (size_t) (eq - arg) : strlen(arg);
    const option *o = find_option(arg, name_len, &spelling);

    if (o == NULL) {
        return cb_error_set(err, "unknown option '%.*s' (see --help)", (int) name_len, arg);
    }
    if (o->meta != NULL) {
        if (eq != NULL) {
            value = eq + 1;
        } else if (*i + 1 < argc) {
            value = argv[++*i];
        } else {
            return cb_error_set(err, "%s: needs a value", spelling);
        }
    } else if (eq != NULL) {
        return cb_error_set(err, "%s: takes no value", spelling);
    }
    return apply(o, spelling, value, cfg, err);
}

/* The options that measure something else, which cannot go together: a
 * profile counts instructions (and is what --measure means, unless it was
 * asked for otherwise); threads and --profile-time run on the wall clock. */
static int check_modes(cb_config *cfg, cb_error *err)
{
    if (cfg->profile) {
        if (cfg->measure_set && cfg->measure != CB_MEASURE_INSTRUCTIONS) {
            return cb_error_set(err, "--profile counts instructions under callgrind: it cannot "
                                     "be combined with --measure %s",
                                cb_measure_name(cfg->measure));
        }
        cfg->measure = CB_MEASURE_INSTRUCTIONS;
    }
    if (cfg->nthreads > 0 && cfg->measure != CB_MEASURE_WALL) {
        return cb_error_set(err, "--threads measures wall time: it cannot be combined with %s",
                            cfg->profile ? "--profile" : "--measure cycles or instructions");
    }
    if (cfg->profile_time_s > 0.0 &&
        (cfg->profile || cfg->nthreads > 0 || cfg->test || cfg->load_baseline != NULL ||
         cfg->budgets != NULL)) {
        return cb_error_set(err, "--profile-time runs the loops alone: it cannot be combined "
                                 "with %s",
                            cfg->profile              ? "--profile"
                            : cfg->test               ? "--test"
                            : cfg->nthreads > 0       ? "--threads"
                            : cfg->load_baseline != NULL ? "--load-baseline"
                                                      : "--budgets");
    }
    return 0;
}

int cb_cli_parse(int argc, char **argv, cb_config *cfg, cb_error *err)
{
    size_t which = (size_t) -1, k, n = 0;
    int    i = 1, only_operands = 0;

    defaults(cfg);
    cfg->filters = calloc((size_t) argc + 1, sizeof *cfg->filters);
    if (cfg->filters == NULL) {
        return cb_error_set(err, "out of memory");
    }
    for (k = 0; argc > 1 && k < NCOMMANDS; k++) {
        if (commands[k].name != NULL && strcmp(argv[1], commands[k].name) == 0) {
            which = k;
            cfg->command = commands[k].command;
            i = 2;
        }
    }
    for (; i < argc; i++) {
        if (only_operands || argv[i][0] != '-' || argv[i][1] == '\0') {
            cfg->filters[n++] = argv[i];
        } else if (strcmp(argv[i], "--") == 0) {
            only_operands = 1;
        } else if (parse_option(cfg, argc, argv, &i, err) != 0) {
            return -1;
        }
    }
    cfg->help_command = which != (size_t) -1 ? (int) commands[which].command : -1;
    if (cfg->command == CB_COMMAND_HELP || cfg->command == CB_COMMAND_VERSION ||
        cfg->command == CB_COMMAND_MANUAL) {
        return 0;
    }
    if (cfg->quick && !cfg->warm_up_s_set) {
        cfg->warm_up_s = CB_QUICK_WARM_UP_S;
    }
    if (check_modes(cfg, err) != 0) {
        return -1;
    }
    /* a budget another command ignored would pass for one held */
    if (cfg->budgets != NULL && cfg->command != CB_COMMAND_RUN) {
        return cb_error_set(err, "--budgets: only a run of the benchmarks checks budgets, not "
                                 "'%s'", argv[1]);
    }
    return take_operands(cfg, n, which, err);
}

void cb_cli_free(cb_config *cfg)
{
    if (cfg->filters != NULL) {
        free(cfg->filters - cfg->nargs);
    }
    cfg->filters = NULL;
    cfg->nfilters = 0;
}
