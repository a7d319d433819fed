#include <openssl/crypto.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "measure/sysinfo.h"

#ifndef CB_BUILD_CFLAGS
#  define CB_BUILD_CFLAGS "unknown"
#endif
#ifndef CB_BUILD_COMMIT
#  define CB_BUILD_COMMIT "unknown"
#endif

static void copy(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src != NULL && src[0] != '\0' ? src : "unknown");
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

static void read_git_commit(char *dst, size_t size)
{
    FILE *p = popen("git rev-parse HEAD 2>/dev/null", "r");
    char  line[128] = "";

    if (p != NULL) {
        if (fgets(line, sizeof line, p) == NULL) {
            line[0] = '\0';
        }
        pclose(p);
    }
    trim(line);
    copy(dst, size, line[0] != '\0' ? line : CB_BUILD_COMMIT);
}

void cb_sysinfo_read(cb_sysinfo *si)
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
    copy(si->libsodium, sizeof si->libsodium, sodium_version_string());
    copy(si->openssl, sizeof si->openssl, OpenSSL_version(OPENSSL_VERSION));
    read_git_commit(si->git_commit, sizeof si->git_commit);
}
