#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text_file.h"

static const char *kind_of(mode_t mode)
{
    return S_ISDIR(mode)    ? "a directory"
           : S_ISFIFO(mode) ? "a FIFO"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
                            : "not a regular file";
}

static int read_all(int fd, const char *path, cb_buf *text, cb_error *err)
{
    for (;;) {
        ssize_t got;

        if (cb_buf_reserve(text, 65536) != 0) {
            return cb_error_set(err, "%s: out of memory", path);
        }
        text->data[text->len] = '\0'; /* terminated at every length, an empty file too */
        got = read(fd, text->data + text->len, 65536);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            return cb_error_set(err, "%s: read error: %s", path, strerror(errno));
        }
        if (got == 0) {
            return 0;
        }
        text->len += (size_t) got;
        /* the file may have grown since it was measured */
        if (text->len > CB_TEXT_FILE_MAX_BYTES) {
            return cb_error_set(err, "%s: larger than %u MiB, the most cryptbench reads", path,
                                CB_TEXT_FILE_MAX_BYTES >> 20);
        }
    }
}

int cb_text_file_read(const char *path, cb_buf *text, cb_error *err)
{
    struct stat st;
    int         fd, rc;

    cb_buf_free(text);
    /* O_NONBLOCK: opening a FIFO must not wait for a writer before fstat
     * can refuse it; reading a regular file ignores the flag */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return cb_error_set(err, "%s: %s", path, strerror(errno));
    }
    if (fstat(fd, &st) != 0) {
        rc = cb_error_set(err, "%s: %s", path, strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        rc = cb_error_set(err, "%s: %s, not a regular file: cryptbench reads only regular files",
                          path, kind_of(st.st_mode));
    } else if ((unsigned long long) st.st_size > CB_TEXT_FILE_MAX_BYTES) {
        rc = cb_error_set(err, "%s: %llu bytes, larger than %u MiB, the most cryptbench reads",
                          path, (unsigned long long) st.st_size, CB_TEXT_FILE_MAX_BYTES >> 20);
    } else {
        rc = read_all(fd, path, text, err);
    }
    close(fd);
    if (rc != 0) {
        cb_buf_free(text);
    }
    return rc;
}
