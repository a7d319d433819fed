/*
 * What memcheck wrote to --log-file, run with --track-origins=yes: a block
 * per error, a headline, its backtrace and, for an uninitialised value, the
 * backtrace of where the value was created:
 *
 *     ==4711== Conditional jump or move depends on uninitialised value(s)
 *     ==4711==    at 0x484AAD6: bcmp (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 *     ==4711==    by 0x10A1F0: compare_run (ct.c:57)
 *     ==4711==    by 0x1150C2: cb_state_call (state.c:212)
 *     ==4711==  Uninitialised value was created by a client request
 *     ==4711==    at 0x113F40: cb_secret (secret.c:20)
 *     ==4711==
 *
 * An error on a value created by a client request (cb_secret) is a finding:
 * a branch, a memory address or a system call argument computed from a
 * secret. An error on a value of another origin, or of none, is a suspect:
 * memcheck keeps one origin per value, and a value computed from a secret and
 * from scratch memory a library never wrote may be blamed on the scratch (as
 * OpenSSL's Poly1305 is, under valgrind 3.19). A second run without the
 * secrets marked tells them apart (cb_memcheck_confirm). Any other error (an
 * invalid read) is a bug of another kind, only counted. The text log is read
 * rather than --xml, which would need an XML parser for a few lines.
 */
#ifndef CB_MEMCHECK_LOG_H
#define CB_MEMCHECK_LOG_H

#include <stddef.h>
#include "core/check.h"
#include "core/error.h"

/*
 * Adds the findings of the log text to out and its suspects to suspects,
 * each once per kind and backtrace, and counts its other errors in
 * out->other_errors. A backtrace keeps the function names (a frame without a
 * symbol as "??? (libfoo.so.1)"), innermost first, and stops before the
 * first frame named in harness[0..nharness) after the first: where the
 * harness called the benchmark. -1 when out of memory.
 */
int cb_memcheck_log_parse(const char *text, const char *const *harness, size_t nharness,
                          cb_check_exact *out, cb_check_exact *suspects, cb_error *err);

/*
 * Settles the suspects of a run with the secrets marked against plain, the
 * suspects of the same benchmark run without them: a suspect plain has too
 * is no secret's doing and is counted in out->other_errors; one that appears
 * only with the secrets marked is a finding, added to out. -1 when out of
 * memory.
 */
int cb_memcheck_confirm(const cb_check_exact *suspects, const cb_check_exact *plain,
                        cb_check_exact *out, cb_error *err);

#endif
