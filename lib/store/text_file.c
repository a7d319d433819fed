#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "store/text_file.h"

int cb_text_file_read(const char *path, cb_buf *out, cb_error *err)
{
    FILE  *f = fopen(path, "rb");
    size_t got;
    int    rc = 0;

    cb_buf_free(out);
    if (f == NULL) {
        return cb_error_set(err, "%s: %s", path, strerror(errno));
    }
    do {
        got = cb_buf_reserve(out, 65536) == 0 ? fread(out->data + out->len, 1, 65536, f) : 0;
        out->len += got;
    } while (got > 0);
    if (out->oom) {
        rc = cb_error_set(err, "%s: out of memory", path);
    } else if (ferror(f)) {
        rc = cb_error_set(err, "%s: read error", path);
    } else if (out->data == NULL) {
        cb_buf_puts(out, ""); /* an empty file is an empty text, not no text */
    } else {
        out->data[out->len] = '\0';
    }
    fclose(f);
    if (rc != 0) {
        cb_buf_free(out);
    }
    return rc;
}
