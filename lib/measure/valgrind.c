#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "measure/valgrind.h"

#if defined(CB_HAVE_VALGRIND)
#  include <valgrind/valgrind.h>
#endif

/* valgrind's own options, then the tool's, then the program */
#define MAX_ARGS 16

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

int cb_valgrind_available(cb_error *err)
{
    char dir[4096];

    if (!cb_valgrind_built_in()) {
        return cb_error_set(err, "this cryptbench was built without valgrind's headers: install "
                                 "valgrind (apt-get install valgrind) and rebuild");
    }
    if (!on_path("valgrind")) {
        return cb_error_set(err, "valgrind was not found on the PATH: install it "
                                 "(apt-get install valgrind)");
    }
    /* where it will write, tried now rather than after the first benchmark */
    if (cb_valgrind_mkdir(dir, sizeof dir, err) != 0) {
        return -1;
    }
    cb_valgrind_cleanup(dir);
    return 0;
}

void cb_valgrind_print(const char *text)
{
#if defined(CB_HAVE_VALGRIND)
    VALGRIND_PRINTF("%s\n", text);
#else
    (void) text;
#endif
}

int cb_valgrind_built_in(void)
{
#if defined(CB_HAVE_VALGRIND)
    return 1;
#else
    return 0;
#endif
}

int cb_valgrind_running(void)
{
#if defined(CB_HAVE_VALGRIND)
    return RUNNING_ON_VALGRIND != 0;
#else
    return 0;
#endif
}

void cb_valgrind_exec(const char *tool, const char *const *options, size_t noptions)
{
    char        self[64], tool_opt[64];
    const char *argv[MAX_ARGS + 1];
    size_t      n = 0, i;

    if (noptions > MAX_ARGS - 5) {
        return;
    }
    snprintf(self, sizeof self, "/proc/%ld/exe", (long) getppid());
    snprintf(tool_opt, sizeof tool_opt, "--tool=%s", tool);
    argv[n++] = "valgrind";
    argv[n++] = tool_opt;
    for (i = 0; i < noptions; i++) {
        argv[n++] = options[i];
    }
    /* no gdbserver: its FIFOs in TMPDIR outlive a valgrind that is killed */
    argv[n++] = "--vgdb=no";
    argv[n++] = "--quiet";
    argv[n++] = self;
    argv[n] = NULL;
    execvp("valgrind", (char *const *) argv);
}

int cb_valgrind_mkdir(char *dir, size_t size, cb_error *err)
{
    const char *tmp = getenv("TMPDIR");
    char        cwd[PATH_MAX], full[2 * PATH_MAX];

    tmp = tmp != NULL && *tmp != '\0' ? tmp : "/tmp";
    if ((size_t) snprintf(dir, size, "%s/cryptbench-valgrind-XXXXXX", tmp) >= size) {
        return cb_error_set(err, "TMPDIR (%s) is too long a path", tmp);
    }
    if (mkdtemp(dir) == NULL) {
        return cb_error_set(err, "cannot create a directory for valgrind's files in %s%s: %s",
                            tmp, getenv("TMPDIR") != NULL ? " (TMPDIR)" : "", strerror(errno));
    }
    /* absolute: valgrind writes, and the child reads, from wherever a benchmark
     * has chdir'ed to */
    if (dir[0] != '/' && getcwd(cwd, sizeof cwd) != NULL &&
        (size_t) snprintf(full, sizeof full, "%s/%s", cwd, dir) < size) {
        strcpy(dir, full);
    }
    return 0;
}

void cb_valgrind_cleanup(const char *dir)
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
