/*
 * Two runs that update the same baseline at once must not lose one update:
 * the read-merge-write of a save holds an advisory lock, flock(2) on a lock
 * file beside the baseline (reports/.base.json.lock for reports/base.json).
 * The kernel releases it when its holder exits, however it exits. The lock
 * file stays: removing it would let a third process lock a fresh file while
 * a second still waits on the old one.
 */
#ifndef CB_LOCK_H
#define CB_LOCK_H

#include "core/error.h"

/* How long a save waits for another run's save, which holds the lock only
 * while it reads, merges and writes one file. */
#define CB_LOCK_WAIT_S 30.0

/*
 * Locks the lock file of path (created, with its directory, if missing),
 * waiting up to wait_s seconds while another process holds it. 0 with *fd
 * the lock, to hand to cb_lock_release(); -1 with err naming the file, when
 * it cannot be created or is still held after wait_s.
 */
int cb_lock_acquire(const char *path, double wait_s, int *fd, cb_error *err);

/* Whether the lock file of path can be taken, without taking it: 0, or -1
 * with err saying why not (a directory, a link, a FIFO in its place). A run
 * asks before it measures, so that it does not measure for nothing. */
int cb_lock_check(const char *path, cb_error *err);

/* Releases a lock taken by cb_lock_acquire(). */
void cb_lock_release(int fd);

#endif
