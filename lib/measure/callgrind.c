#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/callgrind.h"
#include "core/config.h"

#if defined(CB_HAVE_CALLGRIND)
#  include <valgrind/callgrind.h>
#  include <valgrind/valgrind.h>
#endif

/* names the dumps' prefix to the child under valgrind, which reads its first
 * dump itself (the count that plans its samples) */
#define OUT_ENV "CRYPTBENCH_CALLGRIND_OUT"

/* Dump i (from 1) of out_prefix: its total instruction count. */
static int read_dump(const char *out_prefix, size_t i, double *value, cb_error *err)
{
    char  path[4200], line[256];
    FILE *f;
    int   found = 0;

    snprintf(path, sizeof path, "%s.%zu", out_prefix, i);
    f = fopen(path, "r");
    if (f == NULL) {
        return cb_error_set(err, "callgrind dump %s: %s", path, strerror(errno));
    }
    while (!found && fgets(line, sizeof line, f) != NULL) {
        found = sscanf(line, "summary: %lf", value) == 1;
    }
    fclose(f);
    return found ? 0 : cb_error_set(err, "callgrind dump %s has no summary line", path);
}

#if defined(CB_HAVE_CALLGRIND)
/* the child reads back its own last dump: the prefix valgrind was given, and
 * the number callgrind gave the dump */
static char   out_prefix_[4200];
static size_t dumps_;

static int on_path(const char *prog)
{
    const char *path = getenv("PATH");
    char        buf[4096];

    while (path != NULL && *path != '\0') {
        size_t len = strcspn(path, ":");

        snprintf(buf, sizeof buf, "%.*s/%s", (int) len, path, prog);
        if (access(buf, X_OK) == 0) {
            return 1;
        }
        path += len + (path[len] == ':');
    }
    return 0;
}

int cb_callgrind_available(cb_error *err)
{
    if (!on_path("valgrind")) {
        return cb_error_set(err, "valgrind was not found on the PATH: install it "
                                 "(apt-get install valgrind) to count instructions under callgrind");
    }
    return 0;
}

int cb_callgrind_running(void)
{
    return RUNNING_ON_VALGRIND != 0;
}

static uint64_t wall_ns(cb_clock *c)
{
    (void) c;
    return cb_clock_monotonic_ns();
}

/* collection goes on as the last thing before the loop and off as the first
 * after it: what is counted is the loop */
static uint64_t toggle_on(cb_clock *c)
{
    (void) c;
    CALLGRIND_TOGGLE_COLLECT;
    return 0;
}

static uint64_t toggle_off(cb_clock *c, uint64_t mark)
{
    (void) c;
    (void) mark;
    CALLGRIND_TOGGLE_COLLECT;
    return 0;
}

static void zero(cb_clock *c)
{
    (void) c;
    CALLGRIND_ZERO_STATS;
}

static void dump(cb_clock *c)
{
    (void) c;
    CALLGRIND_DUMP_STATS_AT("cryptbench-sample");
    dumps_++;
}

/* valgrind writes a dump before the client request returns */
static int last_dump(cb_clock *c, double *value, cb_error *err)
{
    (void) c;
    return read_dump(out_prefix_, dumps_, value, err);
}

int cb_callgrind_clock(cb_clock *c, cb_error *err)
{
    const char *prefix = getenv(OUT_ENV);

    if (!cb_callgrind_running()) {
        return cb_error_set(err, "not running under valgrind");
    }
    if (prefix == NULL) {
        return cb_error_set(err, "%s is not set: run under valgrind by cryptbench itself", OUT_ENV);
    }
    if (strlen(prefix) >= sizeof out_prefix_) {
        return cb_error_set(err, "%s is longer than %zu bytes", OUT_ENV, sizeof out_prefix_ - 1);
    }
    strcpy(out_prefix_, prefix);
    unsetenv(OUT_ENV); /* a benchmark that runs programs must not pass it on */
    /* budgets stay in wall time, which valgrind stretches about fifty-fold */
    *c = (cb_clock){ .kind = CB_MEASURE_INSTRUCTIONS, .unit = "instructions", .now_ns = wall_ns,
                     .start = toggle_on, .stop = toggle_off, .sample_begin = zero,
                     .sample_end = dump, .sample_value = last_dump, .deferred = 1, .fd = -1,
                     .ticks_per_ns = 1.0,
                     .plan_ns_per_count = CB_PLAN_NS_PER_INSTRUCTION_CALLGRIND };
    return 0;
}
#else
int cb_callgrind_available(cb_error *err)
{
    return cb_error_set(err, "this cryptbench was built without valgrind's headers: install "
                             "valgrind (apt-get install valgrind) and rebuild to count "
                             "instructions under callgrind");
}

int cb_callgrind_running(void)
{
    return 0;
}

int cb_callgrind_clock(cb_clock *c, cb_error *err)
{
    (void) c;
    return cb_error_set(err, "built without valgrind's headers");
}
#endif

void cb_callgrind_exec(const char *out_prefix)
{
    char  self[64], out[4200];
    char *argv[8];
    int   n = 0;

    /* The runner's program through /proc: it stays reachable while the runner
     * lives, even when a rebuild has replaced the file under its name (the
     * name would then read "... (deleted)" and valgrind would find nothing). */
    snprintf(self, sizeof self, "/proc/%ld/exe", (long) getppid());
    snprintf(out, sizeof out, "--callgrind-out-file=%s", out_prefix);
    if (setenv(OUT_ENV, out_prefix, 1) != 0) {
        return;
    }
    argv[n++] = (char *) "valgrind";
    argv[n++] = (char *) "--tool=callgrind";
    argv[n++] = (char *) "--collect-atstart=no";
    argv[n++] = out;
    argv[n++] = (char *) "--quiet";
    argv[n++] = self;
    argv[n] = NULL;
    execvp("valgrind", argv);
}

int cb_callgrind_mkdir(char *dir, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    char        cwd[PATH_MAX], full[2 * PATH_MAX];

    snprintf(dir, size, "%s/cryptbench-callgrind-XXXXXX",
             tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL) {
        return -1;
    }
    /* absolute: valgrind writes, and the child reads, from wherever a benchmark
     * has chdir'ed to */
    if (dir[0] != '/' && getcwd(cwd, sizeof cwd) != NULL &&
        (size_t) snprintf(full, sizeof full, "%s/%s", cwd, dir) < size) {
        strcpy(dir, full);
    }
    return 0;
}

void cb_callgrind_cleanup(const char *dir)
{
    DIR           *d = opendir(dir);
    struct dirent *e;
    char           path[4200];

    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    rmdir(dir);
}

int cb_callgrind_read(const char *out_prefix, size_t n, double *values, cb_error *err)
{
    char   path[4200];
    size_t last = 0, i;

    /* the samples are the last n dumps, whatever the child dumped before them
     * (the counted iteration it planned with) */
    do {
        snprintf(path, sizeof path, "%s.%zu", out_prefix, ++last);
    } while (access(path, F_OK) == 0);
    last--;
    if (last < n) {
        return cb_error_set(err, "callgrind wrote %zu dumps in %s, and %zu samples were taken",
                            last, out_prefix, n);
    }
    for (i = 0; i < n; i++) {
        if (read_dump(out_prefix, last - n + 1 + i, &values[i], err) != 0) {
            return -1;
        }
    }
    return 0;
}
