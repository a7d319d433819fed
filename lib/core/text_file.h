/*
 * A file read whole into memory, as the loaders of untrusted input (a
 * baseline, a CSV of samples, a gate's rounds) need it: its text,
 * NUL-terminated, so that jansson can parse it and json_locate.c can point
 * into it. Whatever a user names on the command line or leaves in the
 * reports directory, only a regular file is read: a FIFO would block every
 * entry point until a writer came, a device such as /dev/zero (through a
 * symlink, say) never ends. And only up to CB_TEXT_FILE_MAX_BYTES.
 */
#ifndef CB_TEXT_FILE_H
#define CB_TEXT_FILE_H

#include "core/error.h"
#include "core/strbuf.h"

/* A baseline of the whole crypto suite is under 1 MiB; one of a hundred
 * benchmarks of 10 000 samples each, the most --sample-size allows, about 50. */
#define CB_TEXT_FILE_MAX_BYTES (128u * 1024u * 1024u)

/*
 * Reads the regular file at path into out (emptied first; free it with
 * cb_buf_free): NUL-terminated, out->len its length. -1 with err naming the
 * file and why: it cannot be opened, is not a regular file, is larger than
 * CB_TEXT_FILE_MAX_BYTES, or a read failed.
 */
int cb_text_file_read(const char *path, cb_buf *out, cb_error *err);

#endif
