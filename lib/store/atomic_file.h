/*
 * Writing a file so that a reader never sees half of it: the bytes go to a
 * temporary file in the same directory, which is flushed to disk (fsync) and
 * then renamed over the target. A crash or a kill at any moment leaves either
 * the old file or the new one, whole.
 */
#ifndef CB_ATOMIC_FILE_H
#define CB_ATOMIC_FILE_H

#include <stddef.h>
#include "core/error.h"

/* Replaces path with data[0..len). Creates missing parent directories. */
int cb_atomic_write(const char *path, const void *data, size_t len, cb_error *err);

/* Writes path with data[0..len) as cb_atomic_write() does, but never over a
 * file that is there: 0 written, 1 when path exists (nothing written), -1 on
 * error. For names that must not collide, such as the history's. */
int cb_atomic_create(const char *path, const void *data, size_t len, cb_error *err);

/* Creates dir and its missing parents (mkdir -p). */
int cb_atomic_mkdirs(const char *dir, cb_error *err);

/* Creates dir if missing and checks that a file can be created in it, as
 * cb_atomic_write() will (the file is removed again): a run that will write
 * there checks before it measures for minutes. */
int cb_atomic_check_dir(const char *dir, cb_error *err);

#endif
