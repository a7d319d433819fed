/*
 * A file read whole into memory, as the loaders of untrusted input (baselines,
 * a gate's rounds) need it: its text, NUL-terminated, so that jansson can
 * parse it and json_locate.c can point into it.
 */
#ifndef CB_TEXT_FILE_H
#define CB_TEXT_FILE_H

#include "core/error.h"
#include "core/strbuf.h"

/* Reads path into out (empty first; free it with cb_buf_free). -1 with the
 * file's name and why when it cannot be read. */
int cb_text_file_read(const char *path, cb_buf *out, cb_error *err);

#endif
