#include <stdlib.h>
#include <string.h>

#include "check/memcheck_log.h"
#include "core/text.h"

#define MAX_LINE 4096

/* The error being read: its kind (or -1, not a value error), its frames. */
typedef struct block {
    int         kind;
    int         in_error; /* a headline was read and the block not yet closed */
    int         requested; /* its value was created by a client request: a declared secret */
    int         stack_done; /* the backtrace ended: an origin or address section began */
    int         cut;      /* a harness frame was reached */
    int         framed;   /* a backtrace followed: an error, not a note */
    char       *frames[CB_FINDING_MAX_FRAMES];
    size_t      nframes;
} block;

static void block_reset(block *b)
{
    size_t i;

    for (i = 0; i < b->nframes; i++) {
        free(b->frames[i]);
    }
    memset(b, 0, sizeof *b);
}

static int headline_kind(const char *line)
{
    if (strncmp(line, "Conditional jump or move depends on uninitialised value", 55) == 0) {
        return CB_FINDING_BRANCH;
    }
    if (strncmp(line, "Use of uninitialised value of size", 34) == 0) {
        return CB_FINDING_ACCESS;
    }
    if (strncmp(line, "Syscall param ", 14) == 0 && strstr(line, "uninitialised") != NULL) {
        return CB_FINDING_SYSCALL;
    }
    return -1;
}

/* Whether e already holds the finding of kind with frames[0..n). */
static int holds(const cb_check_exact *e, cb_finding_kind kind, const char *const *frames,
                 size_t n)
{
    size_t i;

    for (i = 0; i < e->nfindings && !cb_finding_is(&e->findings[i], kind, frames, n); i++) {
    }
    return i < e->nfindings;
}

/* Adds the finding to e unless it holds it already. */
static int add_once(cb_check_exact *e, cb_finding_kind kind, const char *const *frames, size_t n)
{
    return holds(e, kind, frames, n) ? 0 : cb_check_exact_add(e, kind, frames, n);
}

/* Closes the error being read: a finding or a suspect (once), another error,
 * or nothing. */
static int close_block(block *b, cb_check_exact *out, cb_check_exact *suspects)
{
    int rc = 0;

    if (!b->in_error || !b->framed) {
        block_reset(b);
        return 0;
    }
    if (b->kind < 0) {
        out->other_errors++;
    } else {
        rc = add_once(b->requested ? out : suspects, (cb_finding_kind) b->kind,
                      (const char *const *) b->frames, b->nframes);
    }
    block_reset(b);
    return rc;
}

/*
 * "at 0x484AAD6: bcmp (in /usr/lib/x.so)" -> "bcmp";
 * "by 0x48D3A6E: ??? (in /usr/lib/x86_64-linux-gnu/libcrypto.so.3)" ->
 * "??? (libcrypto.so.3)". NULL when out of memory or not a frame.
 */
static char *frame_name(const char *line)
{
    const char *name = strstr(line, ": "), *paren, *in, *slash;
    size_t      len;
    char       *out;

    if (name == NULL) {
        return NULL;
    }
    name += 2;
    len = strlen(name);
    /* the location in parentheses at the end; a C++ name has parentheses of its own */
    paren = len > 0 && name[len - 1] == ')' ? strstr(name, " (") : NULL;
    while (paren != NULL && strstr(paren + 2, " (") != NULL) {
        paren = strstr(paren + 2, " (");
    }
    len = paren != NULL ? (size_t) (paren - name) : len;
    if (len == 3 && strncmp(name, "???", 3) == 0 && paren != NULL &&
        strncmp(paren, " (in ", 5) == 0) {
        in = paren + 5;
        slash = strrchr(in, '/');
        in = slash != NULL ? slash + 1 : in;
        len = strlen(in) - 1; /* without the closing parenthesis */
        out = malloc(len + 7);
        if (out != NULL) {
            memcpy(out, "??? (", 5);
            memcpy(out + 5, in, len);
            memcpy(out + 5 + len, ")", 2);
        }
        return out;
    }
    out = malloc(len + 1);
    if (out != NULL) {
        memcpy(out, name, len);
        out[len] = '\0';
    }
    return out;
}

static int is_harness(const char *name, const char *const *harness, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(name, harness[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* One line of the log, its "==PID== " prefix removed. */
static int read_line(block *b, const char *line, const char *const *harness, size_t nharness,
                     cb_check_exact *out, cb_check_exact *suspects, cb_error *err)
{
    const char *body = line + strspn(line, " ");
    int         indent = (int) (body - line);

    if (*body == '\0' || indent == 0) {
        /* a blank line ends an error; a headline, if that line was lost, too */
        if (close_block(b, out, suspects) != 0) {
            return cb_error_set(err, "out of memory reading memcheck's log");
        }
        /* "Warning: set address range perms: large range" (an Argon2 arena) is a note */
        b->in_error = indent == 0 && *body != '\0' && strncmp(body, "Warning: ", 9) != 0;
        b->kind = headline_kind(body);
        return 0;
    }
    if (!b->in_error) {
        return 0;
    }
    if (strncmp(body, "Uninitialised value was created by ", 35) == 0) {
        b->stack_done = 1;
        b->requested = strncmp(body + 35, "a client request", 16) == 0;
        return 0;
    }
    if (strncmp(body, "at 0x", 5) != 0 && strncmp(body, "by 0x", 5) != 0) {
        b->stack_done = 1; /* "Address 0x... is on thread 1's stack" and the like */
        return 0;
    }
    b->framed = 1;
    if (!b->stack_done && !b->cut && b->nframes < CB_FINDING_MAX_FRAMES) {
        char *raw = frame_name(body), *name;

        /* a symbol is a binary's bytes: it reaches the terminal and the JSON as clean text */
        name = raw != NULL ? cb_text_dup(raw) : NULL;
        free(raw);
        if (name == NULL) {
            return cb_error_set(err, "out of memory reading memcheck's log");
        }
        /* a first frame in the harness is kept: the harness itself branched on
         * what the benchmark handed back (a secret-dependent return value) */
        if (b->nframes > 0 && is_harness(name, harness, nharness)) {
            b->cut = 1;
            free(name);
        } else {
            b->frames[b->nframes++] = name;
        }
    }
    return 0;
}

int cb_memcheck_log_parse(const char *text, const char *const *harness, size_t nharness,
                          cb_check_exact *out, cb_check_exact *suspects, cb_error *err)
{
    block       b;
    char        line[MAX_LINE];
    const char *p = text;

    memset(&b, 0, sizeof b);
    while (*p != '\0') {
        size_t len = strcspn(p, "\n");
        size_t skip = 0;

        /* "==4711== " opens every line memcheck writes; other lines are not its errors */
        if (p[0] == '=' && p[1] == '=') {
            skip = 2 + strspn(p + 2, "0123456789");
            skip = strncmp(p + skip, "== ", 3) == 0 ? skip + 3
                   : strncmp(p + skip, "==", 2) == 0 && skip + 2 == len ? skip + 2
                                                                         : 0;
        }
        if (skip > 0) {
            size_t n = len - skip < MAX_LINE - 1 ? len - skip : MAX_LINE - 1;

            memcpy(line, p + skip, n);
            line[n] = '\0';
            if (read_line(&b, line, harness, nharness, out, suspects, err) != 0) {
                block_reset(&b);
                return -1;
            }
        }
        p += len + (p[len] == '\n');
    }
    if (close_block(&b, out, suspects) != 0) {
        return cb_error_set(err, "out of memory reading memcheck's log");
    }
    return 0;
}

int cb_memcheck_confirm(const cb_check_exact *suspects, const cb_check_exact *plain,
                        cb_check_exact *out, cb_error *err)
{
    size_t i;

    for (i = 0; i < suspects->nfindings; i++) {
        const cb_finding  *f = &suspects->findings[i];
        const char *const *frames = (const char *const *) f->frames;

        if (holds(plain, f->kind, frames, f->nframes)) {
            out->other_errors++;
        } else if (add_once(out, f->kind, frames, f->nframes) != 0) {
            return cb_error_set(err, "out of memory reading memcheck's log");
        }
    }
    return 0;
}
