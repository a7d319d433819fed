/*
 * Running a benchmark's process under valgrind: whether valgrind is here,
 * whether this process runs under it, the exec that puts a child under one of
 * its tools, and a scratch directory for what the tool writes. The tools'
 * own concerns live with them: callgrind's counts in callgrind.c.
 */
#ifndef CB_VALGRIND_H
#define CB_VALGRIND_H

#include <stddef.h>
#include "core/error.h"

/* 0 when valgrind is on the PATH and a directory for its files can be made
 * (cb_valgrind_mkdir); otherwise -1 and a message that says what to install
 * or which directory failed. */
int cb_valgrind_available(cb_error *err);

/* True when this build can talk to valgrind (its headers were there) and
 * this process runs under it. */
int cb_valgrind_running(void);

/* Writes text and a newline to the log of the valgrind tool this process
 * runs under ("**PID** text"); nothing natively. */
void cb_valgrind_print(const char *text);

/* True when this build was compiled with valgrind's client requests. */
int cb_valgrind_built_in(void);

/*
 * In a forked child: execs valgrind with `tool` and its options on the
 * runner's program, which re-executes itself for one benchmark. The program
 * is named through /proc/<runner>/exe: it stays reachable while the runner
 * lives, even when a rebuild has replaced the file under its name. Returns
 * only on failure.
 */
void cb_valgrind_exec(const char *tool, const char *const *options, size_t noptions);

/* Creates a fresh directory for a child's files, absolute, in $TMPDIR (or
 * /tmp), its name in dir. -1 with err naming the directory when it cannot. */
int cb_valgrind_mkdir(char *dir, size_t size, cb_error *err);

/* Removes that directory and what is in it. */
void cb_valgrind_cleanup(const char *dir);

#endif
