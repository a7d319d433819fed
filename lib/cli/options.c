#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"

enum option_id {
    OPT_HELP, OPT_VERSION, OPT_LIST, OPT_EXACT, OPT_WARM_UP, OPT_MEASUREMENT, OPT_SAMPLE_SIZE,
    OPT_NRESAMPLES, OPT_CONFIDENCE, OPT_SEED, OPT_QUICK, OPT_MEASURE, OPT_FORMAT, OPT_COLOR,
    OPT_TIMEOUT, OPT_UNIT, OPT_SAVE_BASELINE, OPT_BASELINE, OPT_LOAD_BASELINE,
    OPT_NOISE_THRESHOLD, OPT_SIGNIFICANCE, OPT_GATE, OPT_REPORTS_DIR, OPT_TEST,
    OPT_HTML, OPT_NO_HTML, OPT_ROUNDS
};

typedef struct option_spec {
    const char    *name;
    int            takes_value;
    enum option_id id;
} option_spec;

static const option_spec options[] = {
    { "--help", 0, OPT_HELP },
    { "-h", 0, OPT_HELP },
    { "--version", 0, OPT_VERSION },
    { "--list", 0, OPT_LIST },
    { "--exact", 0, OPT_EXACT },
    { "--test", 0, OPT_TEST },
    { "--warm-up-time", 1, OPT_WARM_UP },
    { "--measurement-time", 1, OPT_MEASUREMENT },
    { "--sample-size", 1, OPT_SAMPLE_SIZE },
    { "--nresamples", 1, OPT_NRESAMPLES },
    { "--confidence-level", 1, OPT_CONFIDENCE },
    { "--seed", 1, OPT_SEED },
    { "--quick", 0, OPT_QUICK },
    { "--measure", 1, OPT_MEASURE },
    { "--format", 1, OPT_FORMAT },
    { "--color", 1, OPT_COLOR },
    { "--colour", 1, OPT_COLOR },
    { "--timeout", 1, OPT_TIMEOUT },
    { "--unit", 1, OPT_UNIT },
    { "--save-baseline", 1, OPT_SAVE_BASELINE },
    { "--baseline", 1, OPT_BASELINE },
    { "--load-baseline", 1, OPT_LOAD_BASELINE },
    { "--noise-threshold", 1, OPT_NOISE_THRESHOLD },
    { "--significance-level", 1, OPT_SIGNIFICANCE },
    { "--gate", 0, OPT_GATE },
    { "--reports-dir", 1, OPT_REPORTS_DIR },
    { "--html", 0, OPT_HTML },
    { "--no-html", 0, OPT_NO_HTML },
    { "--rounds", 1, OPT_ROUNDS },
};

void cb_cli_help(FILE *out, const char *prog)
{
    fprintf(out,
        "Usage: %s [OPTIONS] [FILTER...]     run the benchmarks (all, or those matching)\n"
        "       %s analyze FILE [OPTIONS]    analyse samples from a CSV or a baseline\n"
        "       %s compare OLD NEW [OPTIONS] compare two sample files or baselines\n"
        "       %s report [OPTIONS]          rewrite the HTML report from stored baselines\n"
        "       %s ab A1 B1 A2 B2 ... [OPTIONS]\n"
        "                                    paired comparison of A/B rounds (ci/bench-ab)\n"
        "       %s calibrate [--rounds N] [FILTER...]\n"
        "                                    how far a wall-clock gate can be trusted here\n"
        "\n"
        "A FILTER is a POSIX extended regular expression matched anywhere in a name\n"
        "(so a plain word is a substring); with --exact it must equal the whole name.\n"
        "\n"
        "Selection:\n"
        "  --list                     print the benchmark names, one per line, and exit\n"
        "  --exact                    filters match whole names literally\n"
        "  --test                     run each benchmark's known-answer check and one\n"
        "                             iteration, untimed, and exit (Criterion's --test)\n"
        "Measurement:\n"
        "  --warm-up-time SECONDS     warm-up per benchmark (default %.1f)\n"
        "  --measurement-time SECONDS target sampling time per benchmark (default %.1f)\n"
        "  --sample-size N            samples per benchmark, at least %d (default %d)\n"
        "  --quick                    %.2f s warm-up, %.2f s measurement, %d samples:\n"
        "                             fast, with wider intervals\n"
        "  --measure wall|cycles|instructions\n"
        "                             what to count (default wall, CLOCK_MONOTONIC)\n"
        "  --timeout SECONDS          give up on a benchmark after this long (default %.0f)\n"
        "Analysis:\n"
        "  --nresamples N             bootstrap resamples (default %d)\n"
        "  --confidence-level X       for every interval, 0 < X < 1 (default %.2f)\n"
        "  --seed N                   bootstrap seed, for reproducible intervals\n"
        "  --unit ns|us|ms|s|cycles|instructions\n"
        "                             analyze/compare: the unit of CSV totals (default ns)\n"
        "Baselines (reports/NAME.json):\n"
        "  --save-baseline NAME       save this run as NAME, comparing with NAME's last\n"
        "                             run first (default: base)\n"
        "  --baseline NAME            compare with NAME and leave it untouched\n"
        "  --load-baseline NAME       report the stored run NAME instead of measuring\n"
        "  --reports-dir DIR          where baselines and reports go (default reports)\n"
        "  --noise-threshold X        changes within +-X count as noise (default %.2f;\n"
        "                             %.3f with --measure instructions)\n"
        "  --significance-level X     p-value below which a change is real (default %.2f)\n"
        "  --gate                     exit 1 if a benchmark regressed; write DIR/gate.md\n"
        "  --html, --no-html          write the HTML report, DIR/html/index.html, or not\n"
        "                             (default: write it)\n"
        "Output:\n"
        "  --format human|json|csv|markdown|bencher|github\n"
        "                             (default human; json is one object per benchmark,\n"
        "                             bencher Rust's libtest lines, github the JSON of\n"
        "                             github-action-benchmark's customSmallerIsBetter)\n"
        "  --color auto|always|never  colour on a terminal (default auto; NO_COLOR disables)\n"
        "  -h, --help                 this text\n"
        "  --version                  the version\n"
        "\n"
        "Exit status: 0 all well, 1 a benchmark failed (or regressed, with --gate),\n"
        "2 a usage or input error.\n",
        prog, prog, prog, prog, prog, prog, CB_DEFAULT_WARM_UP_S, CB_DEFAULT_MEASUREMENT_S, CB_MIN_SAMPLE_SIZE,
        CB_DEFAULT_SAMPLE_SIZE, CB_QUICK_WARM_UP_S, CB_QUICK_MEASUREMENT_S, CB_QUICK_SAMPLE_SIZE,
        CB_DEFAULT_TIMEOUT_S, CB_DEFAULT_NRESAMPLES, CB_DEFAULT_CONFIDENCE,
        CB_DEFAULT_NOISE_THRESHOLD, CB_DEFAULT_NOISE_THRESHOLD_EXACT, CB_DEFAULT_SIGNIFICANCE);
}

static int parse_double(const char *opt, const char *v, double lo, double hi, int lo_open,
                        double *out, cb_error *err)
{
    char  *end;
    double x;

    errno = 0;
    x = strtod(v, &end);
    if (end == v || *end != '\0' || errno != 0 || !isfinite(x) || x > hi ||
        (lo_open ? x <= lo : x < lo)) {
        return cb_error_set(err, "%s: expected a number %s %g and at most %g, got '%s'", opt,
                            lo_open ? ">" : ">=", lo, hi, v);
    }
    *out = x;
    return 0;
}

static int parse_size(const char *opt, const char *v, unsigned long long lo,
                      unsigned long long hi, unsigned long long *out, cb_error *err)
{
    char              *end;
    unsigned long long x;

    errno = 0;
    x = strtoull(v, &end, 10);
    if (v[0] == '-' || v[0] == '\0' || *end != '\0' || errno != 0 || x < lo || x > hi) {
        return cb_error_set(err, "%s: expected a whole number from %llu to %llu, got '%s'", opt,
                            lo, hi, v);
    }
    *out = x;
    return 0;
}

static int parse_choice(const char *opt, const char *v, const char *const *names, int n,
                        int *out, cb_error *err)
{
    char list[128] = "";
    int  i;

    for (i = 0; i < n; i++) {
        if (strcmp(v, names[i]) == 0) {
            *out = i;
            return 0;
        }
        strncat(list, names[i], sizeof list - strlen(list) - 1);
        strncat(list, i + 1 < n ? "|" : "", sizeof list - strlen(list) - 1);
    }
    return cb_error_set(err, "%s: expected %s, got '%s'", opt, list, v);
}

static int parse_unit(const char *v, cb_config *cfg, cb_error *err)
{
    static const struct {
        const char *name, *unit;
        double      scale;
    } units[] = { { "ns", "ns", 1.0 },         { "us", "ns", 1e3 },
                  { "ms", "ns", 1e6 },         { "s", "ns", 1e9 },
                  { "cycles", "cycles", 1.0 }, { "instructions", "instructions", 1.0 } };
    size_t i;

    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(v, units[i].name) == 0) {
            cfg->unit = units[i].unit;
            cfg->unit_scale = units[i].scale;
            return 0;
        }
    }
    return cb_error_set(err, "--unit: expected ns|us|ms|s|cycles|instructions, got '%s'", v);
}

/* A baseline name becomes a file name under the reports directory. */
static int parse_name(const char *opt, const char *v, const char **out, cb_error *err)
{
    if (v[0] == '\0' || v[0] == '.' || strchr(v, '/') != NULL) {
        return cb_error_set(err, "%s: expected a plain name such as 'main', got '%s'", opt, v);
    }
    *out = v;
    return 0;
}

static int apply(cb_config *cfg, enum option_id id, const char *opt, const char *v,
                 cb_error *err)
{
    static const char *const formats[] = { "human", "json", "csv", "markdown", "bencher",
                                           "github" };
    static const char *const colors[] = { "auto", "always", "never" };
    unsigned long long       u;
    int                      choice;

    switch (id) {
    case OPT_HELP:
        cfg->command = CB_COMMAND_HELP;
        return 0;
    case OPT_VERSION:
        cfg->command = CB_COMMAND_VERSION;
        return 0;
    case OPT_LIST:
        cfg->list = 1;
        return 0;
    case OPT_EXACT:
        cfg->exact = 1;
        return 0;
    case OPT_TEST:
        cfg->test = 1;
        return 0;
    case OPT_QUICK:
        cfg->quick = 1;
        return 0;
    case OPT_WARM_UP:
        cfg->warm_up_s_set = 1;
        return parse_double(opt, v, 0.0, 3600.0, 1, &cfg->warm_up_s, err);
    case OPT_MEASUREMENT:
        cfg->measurement_s_set = 1;
        return parse_double(opt, v, 0.0, 86400.0, 1, &cfg->measurement_s, err);
    case OPT_TIMEOUT:
        cfg->timeout_s_set = 1;
        return parse_double(opt, v, 0.0, 86400.0, 1, &cfg->timeout_s, err);
    case OPT_CONFIDENCE:
        if (parse_double(opt, v, 0.0, 1.0, 1, &cfg->confidence, err) != 0 ||
            cfg->confidence >= 1.0) {
            return cb_error_set(err, "%s: expected a number between 0 and 1, got '%s'", opt, v);
        }
        return 0;
    case OPT_SAMPLE_SIZE:
        /* the analysis is O(samples x resamples): beyond this it takes minutes */
        if (parse_size(opt, v, CB_MIN_SAMPLE_SIZE, 10000, &u, err) != 0) {
            return -1;
        }
        cfg->sample_size = (size_t) u;
        cfg->sample_size_set = 1;
        return 0;
    case OPT_NRESAMPLES:
        if (parse_size(opt, v, 1, 100000000, &u, err) != 0) {
            return -1;
        }
        cfg->nresamples = (size_t) u;
        return 0;
    case OPT_SEED:
        /* baselines store the seed as a JSON integer, which is signed */
        if (parse_size(opt, v, 0, INT64_MAX, &u, err) != 0) {
            return -1;
        }
        cfg->seed = (uint64_t) u;
        return 0;
    case OPT_MEASURE:
        if (cb_measure_parse(v, &cfg->measure) != 0) {
            return cb_error_set(err, "%s: expected wall|cycles|instructions, got '%s'", opt, v);
        }
        return 0;
    case OPT_FORMAT:
        if (parse_choice(opt, v, formats, 6, &choice, err) != 0) {
            return -1;
        }
        cfg->format = (cb_format) choice;
        return 0;
    case OPT_COLOR:
        if (parse_choice(opt, v, colors, 3, &choice, err) != 0) {
            return -1;
        }
        cfg->color = (cb_color) choice;
        return 0;
    case OPT_UNIT:
        return parse_unit(v, cfg, err);
    case OPT_SAVE_BASELINE:
        return parse_name(opt, v, &cfg->save_baseline, err);
    case OPT_BASELINE:
        return parse_name(opt, v, &cfg->baseline, err);
    case OPT_LOAD_BASELINE:
        return parse_name(opt, v, &cfg->load_baseline, err);
    case OPT_REPORTS_DIR:
        if (v[0] == '\0') {
            return cb_error_set(err, "%s: expected a directory, got ''", opt);
        }
        cfg->reports_dir = v;
        return 0;
    case OPT_NOISE_THRESHOLD:
        cfg->noise_threshold_set = 1;
        return parse_double(opt, v, 0.0, 10.0, 0, &cfg->noise_threshold, err);
    case OPT_SIGNIFICANCE:
        if (parse_double(opt, v, 0.0, 1.0, 1, &cfg->significance, err) != 0 ||
            cfg->significance >= 1.0) {
            return cb_error_set(err, "%s: expected a number between 0 and 1, got '%s'", opt, v);
        }
        return 0;
    case OPT_GATE:
        cfg->gate = 1;
        return 0;
    case OPT_HTML:
        cfg->html = 1;
        return 0;
    case OPT_NO_HTML:
        cfg->html = 0;
        return 0;
    case OPT_ROUNDS:
        if (parse_size(opt, v, 3, 1000, &u, err) != 0) {
            return -1;
        }
        cfg->rounds = (size_t) u;
        return 0;
    }
    return cb_error_set(err, "%s: not handled", opt);
}

static const option_spec *find_option(const char *arg, size_t name_len)
{
    size_t i;

    for (i = 0; i < sizeof options / sizeof options[0]; i++) {
        if (strlen(options[i].name) == name_len && strncmp(arg, options[i].name, name_len) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

static void defaults(cb_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->warm_up_s = CB_DEFAULT_WARM_UP_S;
    cfg->measurement_s = CB_DEFAULT_MEASUREMENT_S;
    cfg->sample_size = CB_DEFAULT_SAMPLE_SIZE;
    cfg->nresamples = CB_DEFAULT_NRESAMPLES;
    cfg->confidence = CB_DEFAULT_CONFIDENCE;
    cfg->seed = CB_DEFAULT_SEED;
    cfg->timeout_s = CB_DEFAULT_TIMEOUT_S;
    cfg->measure = CB_MEASURE_WALL;
    cfg->unit = "ns";
    cfg->unit_scale = 1.0;
    cfg->noise_threshold = CB_DEFAULT_NOISE_THRESHOLD;
    cfg->significance = CB_DEFAULT_SIGNIFICANCE;
    cfg->reports_dir = CB_DEFAULT_REPORTS_DIR;
    cfg->html = 1;
    cfg->rounds = CB_DEFAULT_CALIBRATE_ROUNDS;
}

/* The subcommands and the operands each takes (the run itself takes filters). */
static const struct {
    const char *name;
    cb_command  command;
    size_t      min, max;
    const char *usage;
} commands[] = {
    { "analyze", CB_COMMAND_ANALYZE, 1, 1, "analyze FILE" },
    { "compare", CB_COMMAND_COMPARE, 2, 2, "compare OLD NEW" },
    { "report", CB_COMMAND_REPORT, 0, 0, "report" },
    { "ab", CB_COMMAND_AB, 4, (size_t) -1, "ab A1 B1 A2 B2 ..." },
    { "calibrate", CB_COMMAND_CALIBRATE, 0, 0, "calibrate" },
};

/* Hands the operands to the command that takes them, checking their count. */
static int take_operands(cb_config *cfg, size_t n, size_t which, cb_error *err)
{
    /* the run and calibrate select benchmarks */
    if (which == (size_t) -1 || cfg->command == CB_COMMAND_CALIBRATE) {
        cfg->nfilters = n;
        return 0;
    }
    if (n < commands[which].min || n > commands[which].max ||
        (cfg->command == CB_COMMAND_AB && n % 2 != 0)) {
        if (cfg->command == CB_COMMAND_AB) {
            return cb_error_set(err, "ab: expected baselines in pairs, A1 B1 A2 B2 ... (at least "
                                     "2 rounds), got %zu file%s", n, n == 1 ? "" : "s");
        }
        if (commands[which].max == 0) {
            return cb_error_set(err, "%s: takes no argument, got '%s'", commands[which].name,
                                cfg->filters[0]);
        }
        return cb_error_set(err, "%s: expected %zu file%s, got %zu", commands[which].usage,
                            commands[which].min, commands[which].min == 1 ? "" : "s", n);
    }
    cfg->args[0] = n > 0 ? cfg->filters[0] : NULL;
    cfg->args[1] = n > 1 ? cfg->filters[1] : NULL;
    cfg->nargs = n;
    cfg->files = cfg->filters; /* ab's rounds; the same array, not a copy */
    cfg->nfiles = n;
    cfg->nfilters = 0;
    return 0;
}

/* One option at argv[*i] (and its value, which may be the next argument). */
static int parse_option(cb_config *cfg, int argc, char **argv, int *i, cb_error *err)
{
    const char        *arg = argv[*i], *eq = strchr(arg, '='), *value = NULL;
    size_t             name_len = eq != NULL ? (size_t) (eq - arg) : strlen(arg);
    const option_spec *spec = find_option(arg, name_len);

    if (spec == NULL) {
        return cb_error_set(err, "unknown option '%.*s' (see --help)", (int) name_len, arg);
    }
    if (spec->takes_value) {
        if (eq != NULL) {
            value = eq + 1;
        } else if (*i + 1 < argc) {
            value = argv[++*i];
        } else {
            return cb_error_set(err, "%s: needs a value", spec->name);
        }
    } else if (eq != NULL) {
        return cb_error_set(err, "%s: takes no value", spec->name);
    }
    return apply(cfg, spec->id, spec->name, value, err);
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
    for (k = 0; argc > 1 && k < sizeof commands / sizeof commands[0]; k++) {
        if (strcmp(argv[1], commands[k].name) == 0) {
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
    if (cfg->command == CB_COMMAND_HELP || cfg->command == CB_COMMAND_VERSION) {
        return 0;
    }
    if (cfg->quick && !cfg->warm_up_s_set) {
        cfg->warm_up_s = CB_QUICK_WARM_UP_S;
    }
    return take_operands(cfg, n, which, err);
}

void cb_cli_free(cb_config *cfg)
{
    cfg->files = NULL;
    free(cfg->filters);
    cfg->filters = NULL;
    cfg->nfilters = 0;
}
