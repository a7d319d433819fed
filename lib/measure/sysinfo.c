#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "core/text.h"
#include "measure/sysinfo.h"

#ifndef CB_BUILD_CFLAGS
#  define CB_BUILD_CFLAGS "unknown"
#endif

/* Fields are printed in reports and stored in baselines: clean, and cut
 * between characters to fit. */
static void copy(char *dst, size_t size, const char *src)
{
    cb_text_clean(dst, size, src != NULL && src[0] != '\0' ? src : "unknown");
}

static void trim(char *s)
{
    size_t n = strlen(s);

    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t')) {
        s[--n] = '\0';
    }
}

static void read_cpu_model(char *dst, size_t size)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    char  line[512];

    copy(dst, size, NULL);
    if (f == NULL) {
        return;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        char *colon = strchr(line, ':');

        if (strncmp(line, "model name", 10) == 0 && colon != NULL) {
            trim(colon);
            copy(dst, size, colon + 1 + strspn(colon + 1, " \t"));
            break;
        }
    }
    fclose(f);
}

static void read_first_line(const char *path, char *dst, size_t size)
{
    FILE *f = fopen(path, "r");
    char  line[256];

    copy(dst, size, NULL);
    if (f != NULL) {
        if (fgets(line, sizeof line, f) != NULL) {
            trim(line);
            copy(dst, size, line);
        }
        fclose(f);
    }
}

/* `git -C dir rev-parse HEAD` into line (empty when it fails): run directly,
 * not through a shell, since dir is a path that may hold any character. */
static void git_head(const char *dir, char *line, size_t size)
{
    int   fds[2];
    pid_t pid;

    line[0] = '\0';
    if (pipe(fds) != 0) {
        return;
    }
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);

        dup2(fds[1], STDOUT_FILENO);
        if (null >= 0) {
            dup2(null, STDERR_FILENO);
        }
        close(fds[0]);
        execlp("git", "git", "-C", dir, "rev-parse", "HEAD", (char *) NULL);
        _exit(127);
    }
    close(fds[1]);
    if (pid > 0) {
        FILE *f = fdopen(fds[0], "r");
        int   status;

        if (f != NULL) {
            if (fgets(line, (int) size, f) == NULL) {
                line[0] = '\0';
            }
            fclose(f);
        } else {
            close(fds[0]);
        }
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            line[0] = '\0';
        }
    } else {
        close(fds[0]);
    }
    trim(line);
}

/* The commit of the repository the benchmark program lives in, read when the
 * run starts: the program's, not the working directory's (a run from another
 * directory), and not one compiled into the library (stale after a rebuild of
 * the benchmarks alone). */
static void read_git_commit(char *dst, size_t size)
{
    char exe[PATH_MAX], line[128];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash;

    line[0] = '\0';
    if (n > 0) {
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash != NULL) {
            *slash = '\0';
            git_head(exe[0] != '\0' ? exe : "/", line, sizeof line);
        }
    }
    copy(dst, size, line);
}

void cb_sysinfo_read(cb_machine *si)
{
    struct utsname u;

    memset(si, 0, sizeof *si);
    read_cpu_model(si->cpu, sizeof si->cpu);
    si->cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (uname(&u) == 0) {
        snprintf(si->kernel, sizeof si->kernel, "%.40s %.60s %.20s", u.sysname, u.release,
                 u.machine);
    } else {
        copy(si->kernel, sizeof si->kernel, NULL);
    }
    read_first_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", si->governor,
                    sizeof si->governor);
#if defined(__clang__)
    snprintf(si->compiler, sizeof si->compiler, "clang %s", __clang_version__);
#elif defined(__GNUC__)
    snprintf(si->compiler, sizeof si->compiler, "gcc %s", __VERSION__);
#else
    copy(si->compiler, sizeof si->compiler, NULL);
#endif
    trim(si->compiler);
    copy(si->cflags, sizeof si->cflags, CB_BUILD_CFLAGS);
    read_git_commit(si->git_commit, sizeof si->git_commit);
}

/* The 1-minute load average and the CPU line of /proc/stat: 0 when both were
 * read. */
static int read_load(double *loadavg, unsigned long long *steal, unsigned long long *total)
{
    unsigned long long v[8] = { 0 };
    FILE              *f = fopen("/proc/loadavg", "r");
    int                ok = f != NULL && fscanf(f, "%lf", loadavg) == 1;
    size_t             i;

    if (f != NULL) {
        fclose(f);
    }
    /* user nice system idle iowait irq softirq steal */
    f = fopen("/proc/stat", "r");
    ok = ok && f != NULL &&
         fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                &v[4], &v[5], &v[6], &v[7]) == 8;
    if (f != NULL) {
        fclose(f);
    }
    *total = 0;
    for (i = 0; i < 8; i++) {
        *total += v[i];
    }
    *steal = v[7];
    return ok ? 0 : -1;
}

void cb_sysinfo_load_begin(cb_load_probe *p)
{
    p->ok = read_load(&p->loadavg, &p->steal, &p->total) == 0;
}

void cb_sysinfo_load_end(const cb_load_probe *p, cb_load *out)
{
    unsigned long long steal, total;
    double             loadavg;

    memset(out, 0, sizeof *out);
    if (!p->ok || read_load(&loadavg, &steal, &total) != 0) {
        return;
    }
    out->known = 1;
    out->start = p->loadavg;
    out->end = loadavg;
    /* a benchmark shorter than a jiffy (10 ms) has no share of its own */
    out->steal = total > p->total && steal >= p->steal
                     ? (double) (steal - p->steal) / (double) (total - p->total)
                     : 0.0;
}
