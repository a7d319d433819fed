#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
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

/* Opens (creating) the lock file of path, its name into lock: a regular
 * file, never through a link, which could make the run create a file
 * wherever the link points. The fd, or -1 with err. */
static int open_lock(const char *path, char *lock, size_t size, cb_error *err)
{
    char        dir[4096];
    struct stat st;
    int         fd;

    if (lock_path(lock, size, path, dir, sizeof dir) != 0) {
        return cb_error_set(err, "%s: path too long for its lock file", path);
    }
    if (dir[0] != '\0' && cb_atomic_mkdirs(dir, err) != 0) {
        return -1;
    }
    /* O_NONBLOCK: a FIFO put there must not hang the open */
    fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd < 0 && errno == ELOOP) {
        return cb_error_set(err, "%s: the lock file %s is a symbolic link: refused, it could "
                                 "make the run write outside the reports directory (remove it)",
                            path, lock);
    }
    if (fd < 0 && errno == EISDIR) {
        return cb_error_set(err, "%s: the lock file %s is a directory (remove it)", path, lock);
    }
    if (fd < 0) {
        return cb_error_set(err, "%s: cannot create the lock file %s: %s", path, lock,
                            strerror(errno));
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return cb_error_set(err, "%s: the lock file %s is not a regular file (remove it)", path,
                            lock);
    }
    return fd;
}

int cb_lock_check(const char *path, cb_error *err)
{
    char lock[4200];
    int  fd = open_lock(path, lock, sizeof lock, err);

    if (fd < 0) {
        return -1;
    }
    close(fd);
    return 0;
}

int cb_lock_acquire(const char *path, double wait_s, int *fd, cb_error *err)
{
    const struct timespec tick = { 0, 10000000 }; /* 10 ms */
    char                  lock[4200];
    double                waited = 0.0;

    *fd = open_lock(path, lock, sizeof lock, err);
    if (*fd < 0) {
        return -1;
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
