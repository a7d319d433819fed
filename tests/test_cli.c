/*
 * The command line: defaults, every option, and a one-line error naming the
 * option for every bad value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "support.h"

/* The option table itself: each option's name, alias and metavariable. */
static const struct {
    const char *name, *alias, *meta;
} table[] = {
#define CB_OPTION(section, name, alias, meta, kind, field, marks, def, help) { name, alias, meta },
#include "cli/options.def"
#undef CB_OPTION
};

static int parse(cb_config *cfg, cb_error *err, const char *first, ...)
{
    char   *argv[32];
    int     argc = 0, rc;
    va_list ap;

    argv[argc++] = (char *) "cryptbench";
    va_start(ap, first);
    for (const char *a = first; a != NULL; a = va_arg(ap, const char *)) {
        argv[argc++] = (char *) a;
    }
    va_end(ap);
    argv[argc] = NULL;
    memset(err, 0, sizeof *err);
    rc = cb_cli_parse(argc, argv, cfg, err);
    return rc;
}

/* Parsing no arguments leaves every setting at its documented constant. */
static void test_defaults(void **state)
{
    cb_config cfg;
    cb_error  err;

    (void) state;
    assert_int_equal(parse(&cfg, &err, NULL), 0);
    assert_int_equal(cfg.command, CB_COMMAND_RUN);
    assert_true(cfg.warm_up_s == CB_DEFAULT_WARM_UP_S && !cfg.warm_up_s_set);
    assert_true(cfg.measurement_s == CB_DEFAULT_MEASUREMENT_S && !cfg.measurement_s_set);
    assert_true(cfg.sample_size == CB_DEFAULT_SAMPLE_SIZE && !cfg.sample_size_set);
    assert_true(cfg.timeout_s == CB_DEFAULT_TIMEOUT_S && !cfg.timeout_s_set);
    assert_int_equal(cfg.rounds, CB_DEFAULT_CALIBRATE_ROUNDS);
    assert_int_equal(cfg.nresamples, CB_DEFAULT_NRESAMPLES);
    assert_true(cfg.confidence == CB_DEFAULT_CONFIDENCE);
    assert_true(cfg.seed == CB_DEFAULT_SEED);
    assert_true(cfg.noise_threshold == CB_DEFAULT_NOISE_THRESHOLD && !cfg.noise_threshold_set);
    assert_true(cfg.significance == CB_DEFAULT_SIGNIFICANCE);
    assert_string_equal(cfg.reports_dir, CB_DEFAULT_REPORTS_DIR);
    assert_int_equal(cfg.history_limit, CB_DEFAULT_HISTORY_LIMIT);
    assert_null(cfg.save_baseline);
    assert_null(cfg.baseline);
    assert_null(cfg.load_baseline);
    assert_string_equal(cfg.unit, "ns");
    assert_true(cfg.unit_scale == 1.0);
    assert_int_equal(cfg.measure, CB_MEASURE_WALL);
    assert_int_equal(cfg.format, CB_FORMAT_HUMAN);
    assert_int_equal(cfg.color, CB_COLOR_AUTO);
    assert_true(cfg.html);
    assert_false(cfg.list || cfg.exact || cfg.test || cfg.quick || cfg.gate || cfg.quiet);
    assert_int_equal(cfg.nfilters, 0);
    cb_cli_free(&cfg);
}

static void test_every_option(void **state)
{
    cb_config cfg;
    cb_error  err;

    (void) state;
    assert_int_equal(parse(&cfg, &err, "--warm-up-time", "0.25", "--measurement-time=3",
                           "--sample-size", "20", "--nresamples", "5000",
                           "--confidence-level", "0.99", "--seed", "12", "--measure", "cycles",
                           "--format", "json", "--color", "never", "--timeout", "9", "--exact",
                           "--list", "did/", "kdf", NULL),
                     0);
    assert_true(cfg.warm_up_s == 0.25);
    assert_true(cfg.measurement_s == 3.0 && cfg.measurement_s_set);
    assert_true(cfg.sample_size == 20 && cfg.sample_size_set);
    assert_int_equal(cfg.nresamples, 5000);
    assert_true(cfg.confidence == 0.99);
    assert_int_equal(cfg.seed, 12);
    assert_int_equal(cfg.measure, CB_MEASURE_CYCLES);
    assert_int_equal(cfg.format, CB_FORMAT_JSON);
    assert_int_equal(cfg.color, CB_COLOR_NEVER);
    assert_true(cfg.timeout_s == 9.0);
    assert_true(cfg.exact && cfg.list);
    assert_int_equal(cfg.nfilters, 2);
    assert_string_equal(cfg.filters[0], "did/");
    assert_string_equal(cfg.filters[1], "kdf");
    cb_cli_free(&cfg);
}

static void test_quick_keeps_explicit_values(void **state)
{
    cb_config cfg;
    cb_error  err;

    (void) state;
    assert_int_equal(parse(&cfg, &err, "--quick", NULL), 0);
    assert_true(cfg.quick && cfg.warm_up_s == CB_QUICK_WARM_UP_S);
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "--warm-up-time", "2", "--quick", NULL), 0);
    assert_true(cfg.warm_up_s == 2.0);
    cb_cli_free(&cfg);
}

static void test_subcommands(void **state)
{
    cb_config cfg;
    cb_error  err;

    (void) state;
    assert_int_equal(parse(&cfg, &err, "analyze", "samples.csv", "--unit", "us", NULL), 0);
    assert_int_equal(cfg.command, CB_COMMAND_ANALYZE);
    assert_string_equal(cfg.args[0], "samples.csv");
    assert_true(cfg.unit_scale == 1e3);
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "analyze", NULL), -1);
    assert_non_null(strstr(err.msg, "analyze FILE"));
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "--help", NULL), 0);
    assert_int_equal(cfg.command, CB_COMMAND_HELP);
    assert_int_equal(cfg.help_command, -1);
    cb_cli_free(&cfg);
    /* a command's --help is its own, whatever else is on the line */
    assert_int_equal(parse(&cfg, &err, "calibrate", "--help", "did/", NULL), 0);
    assert_int_equal(cfg.command, CB_COMMAND_HELP);
    assert_int_equal(cfg.help_command, CB_COMMAND_CALIBRATE);
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "--manual", "markdown", NULL), 0);
    assert_int_equal(cfg.command, CB_COMMAND_MANUAL);
    assert_int_equal(cfg.manual, 2);
    cb_cli_free(&cfg);
}

/* commands.def names only options that options.def has. */
static void test_commands_name_options(void **state)
{
    size_t c, i;

    (void) state;
    for (c = 0; c < cb_cli_ncommands(); c++) {
        const char *p = cb_cli_command_at(c)->options;

        while (*p != '\0') {
            size_t len = strcspn(p, " "), found = 0;

            for (i = 0; i < sizeof table / sizeof table[0]; i++) {
                found += strlen(table[i].name) == len && strncmp(table[i].name, p, len) == 0;
            }
            if (found != 1) {
                fail_msg("commands.def, %s: '%.*s' is no option of options.def",
                         cb_cli_command_at(c)->name ? cb_cli_command_at(c)->name : "run",
                         (int) len, p);
            }
            p += len;
            p += strspn(p, " ");
        }
    }
}

/* --threads keeps its counts ascending and each once; --profile means
 * instructions; the modes that measure something else are refused together. */
static void test_modes(void **state)
{
    static const char *const refused[][4] = {
        { "--profile", "--measure", "cycles", "--profile counts instructions" },
        { "--threads", "2", "--profile", "--threads measures wall time" },
        { "--threads", "2", "--measure", "--threads measures wall time" },
        { "--profile-time", "1", "--profile", "--profile-time runs the loops alone" },
    };
    cb_config cfg;
    cb_error  err;
    size_t    i;

    (void) state;
    assert_int_equal(parse(&cfg, &err, "--threads", "8,2,8,1", NULL), 0);
    assert_int_equal(cfg.nthreads, 3);
    assert_int_equal(cfg.threads[0], 1);
    assert_int_equal(cfg.threads[1], 2);
    assert_int_equal(cfg.threads[2], 8);
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "--profile", NULL), 0);
    assert_int_equal(cfg.measure, CB_MEASURE_INSTRUCTIONS);
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "--threads", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17",
                           NULL),
                     -1);
    cb_cli_free(&cfg);
    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        const char *third = strcmp(refused[i][2], "--measure") == 0 ? "instructions" : NULL;

        assert_int_equal(parse(&cfg, &err, refused[i][0], refused[i][1], refused[i][2], third,
                               NULL),
                         -1);
        if (strstr(err.msg, refused[i][3]) == NULL) {
            fail_msg("%s %s %s: \"%s\" lacks \"%s\"", refused[i][0], refused[i][1],
                     refused[i][2], err.msg, refused[i][3]);
        }
        cb_cli_free(&cfg);
    }
}

/* --unit's choices, each with the unit and scale a CSV's totals are read in. */
static void test_units(void **state)
{
    static const struct {
        const char *given, *unit;
        double      scale;
    } units[] = { { "ns", "ns", 1.0 },         { "us", "ns", 1e3 },
                  { "ms", "ns", 1e6 },         { "s", "ns", 1e9 },
                  { "cycles", "cycles", 1.0 }, { "instructions", "instructions", 1.0 } };
    cb_config cfg;
    cb_error  err;
    size_t    i;

    (void) state;
    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        assert_int_equal(parse(&cfg, &err, "analyze", "x.csv", "--unit", units[i].given, NULL), 0);
        assert_string_equal(cfg.unit, units[i].unit);
        assert_true(cfg.unit_scale == units[i].scale);
        cb_cli_free(&cfg);
    }
}

/* A value every option with this metavariable accepts, NULL for a choice list. */
static const char *sample_value(const char *meta)
{
    static const char *const samples[][2] = { { "SECONDS", "1" }, { "N", "10" },
                                              { "X", "0.5" },     { "NAME", "main" },
                                              { "DIR", "reports" }, { "FILE", "rounds.json" },
                                              { "N,N,...", "4,2" }, { "TEXT", "abc1234 a subject" } };
    size_t i;

    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        if (strcmp(meta, samples[i][0]) == 0) {
            return samples[i][1];
        }
    }
    if (strchr(meta, '|') == NULL) {
        fail_msg("no sample value for %s: add one", meta);
    }
    return NULL;
}

/* opt (with value, or alone when it is NULL) parses, also as opt=value. */
static void parses(const char *opt, const char *value)
{
    char      joined[128];
    cb_config cfg;
    cb_error  err;

    if (parse(&cfg, &err, opt, value, NULL) != 0) {
        fail_msg("%s %s: %s", opt, value != NULL ? value : "", err.msg);
    }
    cb_cli_free(&cfg);
    if (value != NULL) {
        snprintf(joined, sizeof joined, "%s=%s", opt, value);
        if (parse(&cfg, &err, joined, NULL) != 0) {
            fail_msg("%s: %s", joined, err.msg);
        }
        cb_cli_free(&cfg);
    }
}

/* opt parses with every value its metavariable stands for. */
static void parses_each_value(const char *opt, const char *meta)
{
    const char *value = meta != NULL ? sample_value(meta) : NULL;
    char        choice[64];
    size_t      len;

    if (meta == NULL || value != NULL) {
        parses(opt, value);
        return;
    }
    for (; *meta != '\0'; meta += len + (meta[len] == '|')) {
        len = strcspn(meta, "|");
        snprintf(choice, sizeof choice, "%.*s", (int) len, meta);
        parses(opt, choice);
    }
}

/* Every option of the table is in the help, at the start of a line or
 * after another name of the same line, and parses under each spelling. */
static void test_every_option_is_listed_and_parses(void **state)
{
    char   *help = NULL, label[128], line[160], after[160];
    size_t  size = 0, i, j;
    FILE   *out = open_memstream(&help, &size);

    (void) state;
    assert_non_null(out);
    cb_cli_help(out, "cryptbench");
    fclose(out);
    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        snprintf(label, sizeof label, "%s%s%s", table[i].name, table[i].meta != NULL ? " " : "",
                 table[i].meta != NULL ? table[i].meta : "");
        snprintf(line, sizeof line, "\n  %s", label);
        snprintf(after, sizeof after, ", %s", label);
        if (strstr(help, line) == NULL && strstr(help, after) == NULL) {
            fail_msg("%s is not listed in the help", label);
        }
        if (table[i].alias != NULL && table[i].alias[1] != '-') {
            snprintf(line, sizeof line, "\n  %s, %s", table[i].alias, table[i].name);
            assert_non_null(strstr(help, line));
        }
        parses_each_value(table[i].name, table[i].meta);
        if (table[i].alias != NULL) {
            parses_each_value(table[i].alias, table[i].meta);
        }
        for (j = 0; j < i; j++) {
            if (strcmp(table[i].name, table[j].name) == 0) {
                fail_msg("%s is in the table twice", table[i].name);
            }
        }
    }
    free(help);
}

/* Each bad value is refused, and the message names the option. */
static void test_bad_values(void **state)
{
    static const char *const bad[][2] = {
        { "--sample-size", "9" },        { "--sample-size", "ten" },
        { "--sample-size", "-20" },      { "--warm-up-time", "0" },
        { "--warm-up-time", "-1" },      { "--measurement-time", "nan" },
        { "--measurement-time", "inf" }, { "--measurement-time", "1s" },
        { "--nresamples", "0" },         { "--confidence-level", "1" },
        { "--confidence-level", "0" },   { "--confidence-level", "1.5" },
        { "--seed", "x" },               { "--measure", "time" },
        { "--format", "xml" },           { "--color", "sometimes" },
        { "--timeout", "0" },            { "--unit", "ks" },
        { "--timeout", "0x10" },         { "--warm-up-time", " 1" },
    };
    cb_config cfg;
    cb_error  err;
    size_t    i;

    (void) state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (parse(&cfg, &err, bad[i][0], bad[i][1], NULL) != -1) {
            fail_msg("%s %s was accepted", bad[i][0], bad[i][1]);
        }
        if (strstr(err.msg, bad[i][0]) == NULL || strchr(err.msg, '\n') != NULL) {
            fail_msg("%s %s: message does not name the option: %s", bad[i][0], bad[i][1],
                     err.msg);
        }
        cb_cli_free(&cfg);
    }
}

static void test_unknown_and_missing(void **state)
{
    cb_config cfg;
    cb_error  err;

    (void) state;
    assert_int_equal(parse(&cfg, &err, "--samples", "10", NULL), -1);
    assert_non_null(strstr(err.msg, "unknown option '--samples'"));
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "--sample-size", NULL), -1);
    assert_non_null(strstr(err.msg, "--sample-size: needs a value"));
    cb_cli_free(&cfg);
    assert_int_equal(parse(&cfg, &err, "--quick=yes", NULL), -1);
    assert_non_null(strstr(err.msg, "--quick: takes no value"));
    cb_cli_free(&cfg);
    /* after "--" everything is a filter, even what looks like an option */
    assert_int_equal(parse(&cfg, &err, "--", "--list", NULL), 0);
    assert_int_equal(cfg.nfilters, 1);
    assert_false(cfg.list);
    cb_cli_free(&cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_every_option),
        cmocka_unit_test(test_every_option_is_listed_and_parses),
        cmocka_unit_test(test_quick_keeps_explicit_values),
        cmocka_unit_test(test_subcommands),
        cmocka_unit_test(test_commands_name_options),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_unknown_and_missing),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
