/*
 * Input files read whole, within bounds: a baseline or a CSV named on the
 * command line, or left in the reports directory, may be anything. Only a
 * regular file is read: a FIFO would block every entry point until a writer
 * came, a device such as /dev/zero (through a symlink, say) never ends. And
 * only up to CB_INPUT_MAX_BYTES.
 */
#ifndef CB_INPUT_H
#define CB_INPUT_H

#include "core/error.h"
#include "core/strbuf.h"

/* A baseline of the whole crypto suite is under 1 MiB; one of a hundred
 * benchmarks of 10 000 samples each, the most --sample-size allows, about 50. */
#define CB_INPUT_MAX_BYTES (128u * 1024u * 1024u)

/*
 * Reads the regular file at path into *text (zeroed first; NUL-terminated,
 * text->len its length; free with cb_buf_free). -1 with err naming the file
 * and why: it cannot be opened, is not a regular file, is larger than
 * CB_INPUT_MAX_BYTES, or a read failed.
 */
int cb_input_read(const char *path, cb_buf *text, cb_error *err);

#endif
