/*
 * libFuzzer target for the history reader (`trend`, the HTML report): a
 * directory of files a user, a crashed run or another machine may have left.
 * The input is up to four files, each a name line then its text, separated by
 * NUL bytes; whatever their names and bytes, the history is read with the
 * bad files skipped (never fatal), and the trend of every series it holds,
 * change points included, is found without a crash.
 *
 *     make fuzz FUZZ_SECONDS=60
 */
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/trend.h"
#include "store/history.h"

#define MAX_FILES 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

/* Removes every file of the directory, which stays. */
static int clear_dir(void)
{
    DIR           *d;
    struct dirent *de;

    if ((d = opendir(dir)) == NULL) {
        return -1;
    }
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
            (void) unlinkat(dirfd(d), de->d_name, 0);
        }
    }
    closedir(d);
    return 0;
}

/* libFuzzer ends a timed run with exit(): the directory goes with it, not
 * one left in /tmp per run of make fuzz */
static void remove_dir(void)
{
    if (clear_dir() == 0) {
        (void) rmdir(dir);
    }
}

/* A fresh, empty directory for this input's files. */
static int empty_dir(void)
{
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "/tmp/cryptbench-fuzz-history-XXXXXX");
        if (mkdtemp(dir) == NULL) {
            return -1;
        }
        return atexit(remove_dir) == 0 ? 0 : -1;
    }
    return clear_dir();
}

/* Writes part [p, end) as a file: its first line the name (a '/' made '_',
 * "." and ".." left out), the rest the text. */
static void write_part(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t) (end - p));
    char        name[256], path[sizeof dir + sizeof name + 1];
    size_t      len, i;
    FILE       *f;

    if (nl == NULL || (len = (size_t) (nl - p)) == 0 || len >= sizeof name) {
        return;
    }
    for (i = 0; i < len; i++) {
        name[i] = p[i] == '/' ? '_' : p[i];
    }
    name[len] = '\0';
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        return;
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if ((f = fopen(path, "wb")) != NULL) {
        fwrite(nl + 1, 1, (size_t) (end - nl - 1), f);
        fclose(f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *) data, *end = p + size;
    cb_history  h;
    cb_error    err;
    size_t      i, files;

    if (empty_dir() != 0) {
        return 0;
    }
    for (files = 0; p < end && files < MAX_FILES; files++) {
        const char *stop = memchr(p, '\0', (size_t) (end - p));

        if (stop == NULL) {
            stop = end;
        }
        write_part(p, stop);
        p = stop + (stop < end);
    }
    if (cb_history_load(dir, "base", CB_MEASURE_WALL, NULL, NULL, NULL, &h, &err) != 0) {
        __builtin_trap(); /* only a directory that cannot be listed, or no memory */
    }
    if (h.runs + h.skipped > files) {
        __builtin_trap();
    }
    for (i = 0; i < h.n; i++) {
        cb_trend t;

        if (cb_trend_open(&t, &h.series[i], NULL, NULL, 0.02, 1) != 0) {
            __builtin_trap();
        }
        cb_trend_free(&t);
    }
    cb_history_free(&h);
    return 0;
}
