#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/atomic_file.h"

int cb_atomic_mkdirs(const char *dir, cb_error *err)
{
    char   buf[4096];
    size_t i, len = strlen(dir);

    if (len == 0 || len >= sizeof buf) {
        return cb_error_set(err, "%s: bad directory name", dir);
    }
    memcpy(buf, dir, len + 1);
    for (i = 1; i <= len; i++) {
        if (buf[i] == '/' || buf[i] == '\0') {
            char c = buf[i];

            buf[i] = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
                return cb_error_set(err, "%s: cannot create directory: %s", buf, strerror(errno));
            }
            buf[i] = c;
        }
    }
    return 0;
}

int cb_atomic_check_dir(const char *dir, cb_error *err)
{
    char tmp[4096 + 32];
    int  fd;

    if (cb_atomic_mkdirs(dir, err) != 0) {
        return -1;
    }
    if ((size_t) snprintf(tmp, sizeof tmp, "%s/.cryptbench-check-XXXXXX", dir) >= sizeof tmp) {
        return cb_error_set(err, "%s: bad directory name", dir);
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        return cb_error_set(err, "%s: cannot create a file in this directory: %s", dir,
                            strerror(errno));
    }
    close(fd);
    unlink(tmp);
    return 0;
}

static int write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, p, len);

        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return -1;
        }
        p += w;
        len -= (size_t) w;
    }
    return 0;
}

/* The rename is durable only once the directory entry is on disk too. */
static void sync_directory(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Writes data to a new temporary file next to path, flushed to disk: its
 * name into tmp, the directory into dir. */
static int write_temporary(const char *path, const void *data, size_t len, char dir[4096],
                           char tmp[4096 + 32], cb_error *err)
{
    const char *slash = strrchr(path, '/');
    int         fd, saved;

    if (slash != NULL) {
        snprintf(dir, 4096, "%.*s", (int) (slash - path), path);
        if (dir[0] != '\0' && cb_atomic_mkdirs(dir, err) != 0) {
            return -1;
        }
        snprintf(tmp, 4096 + 32, "%s/.%s.tmp-XXXXXX", dir, slash + 1);
    } else {
        snprintf(dir, 4096, ".");
        snprintf(tmp, 4096 + 32, ".%s.tmp-XXXXXX", path);
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        return cb_error_set(err, "%s: cannot create a temporary file: %s", path, strerror(errno));
    }
    if (fchmod(fd, 0644) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        saved = errno;
        close(fd);
        unlink(tmp);
        return cb_error_set(err, "%s: cannot write: %s", path, strerror(saved));
    }
    if (close(fd) != 0) {
        saved = errno;
        unlink(tmp);
        return cb_error_set(err, "%s: cannot write: %s", path, strerror(saved));
    }
    return 0;
}

int cb_atomic_write(const char *path, const void *data, size_t len, cb_error *err)
{
    char dir[4096], tmp[4096 + 32];
    int  saved;

    if (write_temporary(path, data, len, dir, tmp, err) != 0) {
        return -1;
    }
    if (rename(tmp, path) != 0) {
        saved = errno;
        unlink(tmp);
        return cb_error_set(err, "%s: cannot write: %s", path, strerror(saved));
    }
    sync_directory(dir[0] != '\0' ? dir : "/");
    return 0;
}

int cb_atomic_create(const char *path, const void *data, size_t len, cb_error *err)
{
    char dir[4096], tmp[4096 + 32];
    int  rc = 0, saved;

    if (write_temporary(path, data, len, dir, tmp, err) != 0) {
        return -1;
    }
    /* link, unlike rename, fails when the name is taken: two writers that
     * pick the same name never lose one of the files */
    if (link(tmp, path) != 0) {
        saved = errno;
        rc = saved == EEXIST ? 1 : cb_error_set(err, "%s: cannot write: %s", path,
                                                 strerror(saved));
    }
    unlink(tmp);
    if (rc == 0) {
        sync_directory(dir[0] != '\0' ? dir : "/");
    }
    return rc;
}
