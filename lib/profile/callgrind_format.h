/*
 * Reading callgrind's output format ("Callgrind Format Specification" in
 * valgrind's manual): the self cost, in instructions executed (the Ir event),
 * of every function context of one dump. Run with --separate-callers=N,
 * callgrind names a context by its call chain, "callee'caller'caller's
 * caller'...", up to N callers: a call tree read from it is exact, where one
 * read from the call graph alone (fn=, cfn=, calls=) must guess how a
 * function's cost splits between its callers.
 *
 * What is read: the header's positions:, events:, summary: (or totals:);
 * fn= (the context the cost lines below it belong to), ob= (its object
 * file), cfn= and cob= (names a call's target, which may define a
 * compressed name); calls= (how many times the target context was called
 * from here, and whose next cost line is the call's inclusive cost, not self
 * cost); cost lines. Names may be compressed, "(id) name"
 * the first time and "(id)" after. Everything else (file names, jumps,
 * descriptions) is skipped. The self costs must add up to the summary: a
 * truncated or garbled dump is refused.
 */
#ifndef CB_CALLGRIND_FORMAT_H
#define CB_CALLGRIND_FORMAT_H

#include <stddef.h>
#include "core/error.h"

typedef struct cb_cg_context {
    char  *name;   /* as callgrind wrote it, "f'g'main" */
    char  *object; /* the object file, as ob= named it ("" when none was) */
    double self;   /* instructions executed in the context itself */
    double calls;  /* how many times the context was called, by the calls= lines */
} cb_cg_context;

typedef struct cb_cg_dump {
    cb_cg_context *items; /* in the order they first appeared */
    size_t         n;
    double         summary; /* the dump's total, which the self costs add up to */
} cb_cg_dump;

/*
 * Parses a dump, text[0..len) (NUL-terminated), named `file` in messages,
 * into out (empty first; free with cb_cg_dump_free). -1 with the file, line
 * and what was wrong when it is not callgrind's format, has no Ir event, or
 * its costs do not add up to its summary.
 */
int cb_cg_parse(const char *file, const char *text, size_t len, cb_cg_dump *out, cb_error *err);

/* Reads and parses the dump at path. */
int cb_cg_read(const char *path, cb_cg_dump *out, cb_error *err);

void cb_cg_dump_free(cb_cg_dump *d);

#endif
