#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "store/atomic_file.h"
#include "store/lock.h"

/* dir/.name.lock for dir/name: hidden, beside the file it guards */
static int lock_path(char *buf, size_t size, const char *path, char *dir, size_t dir_size)
{
    const char *slash = strrchr(path, '/');
    int         n;

    if (slash != NULL) {
        snprintf(dir, dir_size, "%.*s", (int) (slash - path), path);
        n = snprintf(buf, size, "%s/.%s.lock", dir, slash + 1);
    } else {
        dir[0] = '\0';
        n = snprintf(buf, size, ".%s.lock", path);
    }
    return n >= 0 && (size_t) n < size ? 0 : -1;
}

int cb_lock_acquire(const char *path, double wait_s, int *fd, cb_error *err)
{
    const struct timespec tick = { 0, 10000000 }; /* 10 ms */
    char                  lock[4200], dir[4096];
    double                waited = 0.0;

    if (lock_path(lock, sizeof lock, path, dir, sizeof dir) != 0) {
        return cb_error_set(err, "%s: path too long for its lock file", path);
    }
    if (dir[0] != '\0' && cb_atomic_mkdirs(dir, err) != 0) {
        return -1;
    }
    *fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (*fd < 0) {
        return cb_error_set(err, "%s: cannot create the lock file %s: %s", path, lock,
                            strerror(errno));
    }
    while (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            cb_error_set(err, "%s: cannot lock %s: %s", path, lock, strerror(errno));
            close(*fd);
            return -1;
        }
        if (waited >= wait_s) {
            close(*fd);
            return cb_error_set(err, "%s: another cryptbench process is updating it and has "
                                     "held %s for %g s; this run was not saved", path, lock,
                                wait_s);
        }
        nanosleep(&tick, NULL);
        waited += 0.01;
    }
    return 0;
}

void cb_lock_release(int fd)
{
    flock(fd, LOCK_UN);
    close(fd);
}
