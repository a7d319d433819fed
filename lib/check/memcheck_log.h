/*
 * What memcheck wrote to --log-file, run with --track-origins=yes,
 * --sym-offsets=yes and full source paths: a block per error, a headline,
 * its backtrace and, for an uninitialised value, the backtrace of where the
 * value was created; between them the lines the checked process printed
 * through valgrind to say which part of the check it was in:
 *
 *     **4711** cryptbench-check: class-0 0
 *     ==4711== Conditional jump or move depends on uninitialised value(s)
 *     ==4711==    at 0x484AAD6: bcmp (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 *     ==4711==    by 0x10A1F0: compare_run+32 (/src/cryptbench/bench/ct.c:57)
 *     ==4711==    by 0x1150C2: cb_state_call+18 (/src/cryptbench/lib/measure/state.c:212)
 *     ==4711==  Uninitialised value was created by a client request
 *     ==4711==    at 0x113F40: cb_secret+40 (/src/cryptbench/lib/measure/secret.c:20)
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
#include <stdint.h>
#include "core/check_result.h"
#include "core/error.h"

/* What the checked process prints before each part of the check, followed
 * by the phase's JSON name and, for an input, its number in its class:
 * "cryptbench-check: class-1 3". */
#define CB_MEMCHECK_MARK "cryptbench-check: "

/* One executable mapping of the checked process, [start, end) holding its
 * object's bytes from offset on: where a frame's address lies tells its
 * object, and its offset there when it has no symbol. */
typedef struct cb_mapping {
    uint64_t start, end, offset;
    char    *object; /* the file name, no directory; owned */
} cb_mapping;

typedef struct cb_mappings {
    cb_mapping *items;
    size_t      n;
} cb_mappings;

/* How a log is read. */
typedef struct cb_memcheck_context {
    const char *const *harness;  /* a backtrace stops before the first of these after its first frame */
    size_t             nharness;
    const cb_mappings *maps;     /* the checked process's mappings, or NULL */
    const char        *root;     /* a source path under root/ is made relative to it; NULL: none */
} cb_memcheck_context;

/* Adds the mapping "START END OFFSET PATH" (hexadecimal numbers, as
 * /proc/self/maps has them) to m: 0, 1 when line is not one, -1 out of
 * memory. */
int cb_mappings_add(cb_mappings *m, const char *line);

void cb_mappings_free(cb_mappings *m);

/*
 * Adds the findings of the log text to out and its suspects to suspects, one
 * per kind and site (the backtrace of the first error there kept, the others
 * counted in paths), and counts its other errors in out->other_errors. A
 * frame keeps its function (without the offset, which it keeps apart when
 * there is no source line), source file and line, and object; a backtrace is
 * cut before the first frame named in ctx->harness after the first: where the
 * harness called the benchmark. -1 when out of memory.
 */
int cb_memcheck_log_parse(const char *text, const cb_memcheck_context *ctx, cb_check_exact *out,
                          cb_check_exact *suspects, cb_error *err);

/*
 * Settles the suspects of a run with the secrets marked against plain, the
 * suspects of the same benchmark run without them: a suspect whose site plain
 * has too is no secret's doing and is counted in out->other_errors; one that
 * appears only with the secrets marked is a finding, added to out. -1 when
 * out of memory.
 */
int cb_memcheck_confirm(const cb_check_exact *suspects, const cb_check_exact *plain,
                        cb_check_exact *out, cb_error *err);

#endif
