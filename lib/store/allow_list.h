/*
 * The allow-list of the constant-time gate (--allow-findings FILE): the
 * findings of the exact check that a team has reviewed and accepts, each
 * with its reason, in the shape of a valgrind suppression file:
 *
 *     # lines starting with # are comments
 *     {
 *        aead-tag-verdict
 *        reason: a decryption branches on whether its tag verified; the
 *        reason: caller learns that anyway, from the return value
 *        benchmark: ^master_key/.*-decrypt
 *        kind: branch
 *        ...
 *        fun:crypto_aead_*_decrypt*
 *     }
 *
 * An entry is a name (its first line), then "key: value" lines: "reason"
 * (required; repeated lines continue it), "benchmark" (optional: a POSIX
 * extended regular expression found anywhere in the benchmark's name, as the
 * command line's filters), "kind" (optional: branch, memory-access or
 * syscall); then at least one frame line, matched as valgrind matches a
 * suppression's, against the finding's backtrace from its innermost frame:
 * "fun:GLOB" its function, "obj:GLOB" the file name of its program or
 * library, "src:GLOB" or "src:GLOB:LINE" its source file (or the file's last
 * components: "src:ct.c" is bench/ct.c) and line, "..." any number of frames.
 * Globs are fnmatch(3)'s (* ? [...]). The frames listed must match the
 * innermost ones; frames beyond them are free. A finding is allowed when any
 * entry matches it.
 */
#ifndef CB_ALLOW_LIST_H
#define CB_ALLOW_LIST_H

#include <regex.h>
#include <stddef.h>
#include "core/check_result.h"
#include "core/error.h"
#include "core/strbuf.h"

typedef enum cb_allow_what {
    CB_ALLOW_FUN = 0,
    CB_ALLOW_OBJ,
    CB_ALLOW_SRC,
    CB_ALLOW_ANY /* "...": zero or more frames */
} cb_allow_what;

typedef struct cb_allow_frame {
    cb_allow_what what;
    char         *glob; /* owned; NULL for CB_ALLOW_ANY */
    unsigned      line; /* CB_ALLOW_SRC: 0 for any line */
} cb_allow_frame;

typedef struct cb_allow_entry {
    char           *name;      /* owned */
    char           *reason;    /* owned */
    char           *benchmark; /* the pattern as written, owned, or NULL: any */
    regex_t         re;        /* compiled benchmark */
    int             any_kind;
    cb_finding_kind kind;
    cb_allow_frame *frames;    /* owned */
    size_t          nframes;
    unsigned        line;      /* where the entry starts in its file */
} cb_allow_entry;

typedef struct cb_allow_list {
    char           *file; /* owned: the path it was read from */
    cb_allow_entry *entries;
    size_t          n;
} cb_allow_list;

/*
 * Reads the allow-list at path into list (zeroed first; free it with
 * cb_allow_list_free). -1 with err naming the file, line and column and what
 * was expected: a missing or unreadable file, a line outside an entry, an
 * entry without a name, a reason or a frame, an unknown key or kind, a
 * duplicate name, a benchmark pattern that is not a regular expression, a
 * line number that is not one, an entry left open at the end.
 */
int cb_allow_list_load(const char *path, cb_allow_list *list, cb_error *err);

/* The same, from text in memory, named `file` in messages. */
int cb_allow_list_parse(const char *file, const char *text, cb_allow_list *list, cb_error *err);

void cb_allow_list_free(cb_allow_list *list);

/* The first entry of list that accepts finding f of the benchmark named
 * bench, or NULL. */
const cb_allow_entry *cb_allow_list_match(const cb_allow_list *list, const char *bench,
                                          const cb_finding *f);

/*
 * Appends to out an entry that accepts finding f of benchmark bench: its
 * backtrace's frames down to its site, the site by its source line where it
 * has one, and no reason: a list with it is refused until someone who has
 * reviewed the finding writes one.
 */
void cb_allow_list_suggest(cb_buf *out, const char *bench, const cb_finding *f);

#endif
