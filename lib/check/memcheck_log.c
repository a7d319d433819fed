#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/memcheck_log.h"
#include "core/text.h"

#define MAX_LINE 4096

/* The error being read: its kind (or -1, not a value error), its frames. */
typedef struct block {
    int            kind;
    int            in_error;   /* a headline was read and the block not yet closed */
    int            requested;  /* its value was created by a client request: a declared secret */
    int            stack_done; /* the backtrace ended: an origin or address section began */
    int            cut;        /* a harness frame was reached */
    int            framed;     /* a backtrace followed: an error, not a note */
    cb_frame       frames[CB_FINDING_MAX_FRAMES];
    size_t         nframes;
    cb_check_phase phase;      /* the part of the check it happened in */
    size_t         input;
} block;

static void block_reset(block *b)
{
    cb_check_phase phase = b->phase;
    size_t         input = b->input, i;

    for (i = 0; i < b->nframes; i++) {
        cb_frame_free(&b->frames[i]);
    }
    memset(b, 0, sizeof *b);
    b->phase = phase;
    b->input = input;
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

/* The finding of e with f's kind and site, or NULL. */
static cb_finding *find(const cb_check_exact *e, const cb_finding *f)
{
    size_t i;

    for (i = 0; i < e->nfindings; i++) {
        if (cb_finding_same(&e->findings[i], f)) {
            return &e->findings[i];
        }
    }
    return NULL;
}

/* Adds f to e, or counts its backtrace as another path to the site e has. */
static int add_site(cb_check_exact *e, const cb_finding *f)
{
    cb_finding *had = find(e, f);

    if (had != NULL) {
        had->paths += f->paths;
        return 0;
    }
    if (cb_check_exact_add(e, f->kind, f->frames, f->nframes, f->site, f->phase, f->input) != 0) {
        return -1;
    }
    e->findings[e->nfindings - 1].paths = f->paths;
    return 0;
}

/* The innermost frame that is not one of valgrind's replacements of libc's
 * functions (vgpreload_memcheck's bcmp, strlen): the code that called one on
 * a secret is where the leak is. */
static size_t site_of(const cb_frame *frames, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (frames[i].object == NULL || strncmp(frames[i].object, "vgpreload_", 10) != 0) {
            return i;
        }
    }
    return 0;
}

/* Closes the error being read: a finding or a suspect, another error, or
 * nothing. */
static int close_block(block *b, cb_check_exact *out, cb_check_exact *suspects)
{
    cb_finding f;
    int        rc = 0;

    if (!b->in_error || !b->framed || b->nframes == 0) {
        block_reset(b);
        return 0;
    }
    if (b->kind < 0) {
        out->other_errors++;
    } else {
        f = (cb_finding){ .kind = (cb_finding_kind) b->kind, .frames = b->frames,
                          .nframes = b->nframes, .site = site_of(b->frames, b->nframes),
                          .paths = 1, .phase = b->phase, .input = b->input };
        rc = add_site(b->requested ? out : suspects, &f);
    }
    block_reset(b);
    return rc;
}

/* The mapping of maps that holds address, or NULL. */
static const cb_mapping *mapping_of(const cb_mappings *maps, uint64_t address)
{
    size_t i;

    for (i = 0; maps != NULL && i < maps->n; i++) {
        if (address >= maps->items[i].start && address < maps->items[i].end) {
            return &maps->items[i];
        }
    }
    return NULL;
}

/* A copy of the file name at the end of path, without " (deleted)" (a
 * program rebuilt while it ran), cleaned; NULL when out of memory. */
static char *file_name(const char *path, size_t len)
{
    const char *slash;
    char        name[512];

    if (len >= 10 && strncmp(path + len - 10, " (deleted)", 10) == 0) {
        len -= 10;
    }
    for (slash = path + len; slash > path && slash[-1] != '/'; slash--) {
    }
    snprintf(name, sizeof name, "%.*s", (int) (len - (size_t) (slash - path)), slash);
    return cb_text_dup(name);
}

/* "f+134" -> "f" with offset 134; a C++ "operator+" keeps its '+'. Then
 * the compiler's name for a copy it specialised, "f.constprop.0" or
 * "f(int) [clone .isra.0]", becomes the function's own: which copy a build
 * calls is the compiler's choice, and an allow-list names the function. */
static void split_offset(char *name, cb_frame *f)
{
    char  *plus = strrchr(name, '+'), *clone;
    size_t id = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    if (plus != NULL && plus > name && plus[1] != '\0' &&
        strspn(plus + 1, "0123456789") == strlen(plus + 1)) {
        f->offset = strtoull(plus + 1, NULL, 10);
        f->has_offset = 1;
        *plus = '\0';
    }
    if (id > 0 && name[id] == '.' && (name[0] < '0' || name[0] > '9')) {
        name[id] = '\0'; /* a C name has no '.': the rest is the compiler's */
    } else if ((clone = strstr(name, " [clone .")) != NULL) {
        *clone = '\0';
    }
}

/*
 * "at 0x10FF50: early_exit_compare+16 (/src/bench/ct.c:41)",
 * "by 0x48D3A6E: EVP_Cipher+30 (in /usr/lib/x86_64-linux-gnu/libcrypto.so.3)",
 * "by 0x48D3B00: ??? (in /usr/lib/x86_64-linux-gnu/libcrypto.so.3)" into f.
 * -1 when out of memory.
 */
static int parse_frame(const char *body, const cb_memcheck_context *ctx, cb_frame *f)
{
    char              *end, name[MAX_LINE];
    const char        *rest, *loc = NULL, *p;
    uint64_t           address = strtoull(body + 3, &end, 16);
    size_t             len, root = ctx->root != NULL ? strlen(ctx->root) : 0;
    const cb_mapping  *m = mapping_of(ctx->maps, address);

    memset(f, 0, sizeof *f);
    rest = strncmp(end, ": ", 2) == 0 ? end + 2 : body;
    len = strlen(rest);
    /* the location in parentheses at the end; a C++ name has parentheses of its own */
    for (p = len > 0 && rest[len - 1] == ')' ? strstr(rest, " (") : NULL; p != NULL;
         p = strstr(p + 2, " (")) {
        loc = p;
    }
    snprintf(name, sizeof name, "%.*s", (int) (loc != NULL ? (size_t) (loc - rest) : len), rest);
    split_offset(name, f);
    if ((f->function = cb_text_dup(name)) == NULL) {
        return -1;
    }
    if (loc != NULL && strncmp(loc, " (in ", 5) == 0) {
        f->object = file_name(loc + 5, strlen(loc + 5) - 1);
        if (f->object == NULL) {
            return -1;
        }
    } else if (loc != NULL) {
        const char *file = loc + 2, *colon = strrchr(file, ':');

        if (colon != NULL && colon[1] >= '0' && colon[1] <= '9') {
            f->line = (unsigned) strtoul(colon + 1, NULL, 10);
            if (root > 0 && strncmp(file, ctx->root, root) == 0 && file[root] == '/') {
                file += root + 1;
            }
            snprintf(name, sizeof name, "%.*s", (int) (colon - file), file);
            if ((f->file = cb_text_dup(name)) == NULL) {
                return -1;
            }
            /* a source line is the site; an offset would move with any change above it */
            f->has_offset = 0;
            f->offset = 0;
        }
    }
    if (f->object == NULL && m != NULL && (f->object = strdup(m->object)) == NULL) {
        return -1;
    }
    if (f->file == NULL && strcmp(f->function, "???") == 0) {
        f->has_offset = m != NULL;
        f->offset = m != NULL ? address - m->start + m->offset : 0;
    }
    return 0;
}

static int is_harness(const char *name, const cb_memcheck_context *ctx)
{
    size_t i;

    for (i = 0; i < ctx->nharness; i++) {
        if (strcmp(name, ctx->harness[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* "class-1 3" after CB_MEMCHECK_MARK: the part of the check that begins. */
static void read_mark(block *b, const char *text)
{
    char           word[32];
    unsigned long  input = 0;
    cb_check_phase phase;

    if (sscanf(text, "%31s %lu", word, &input) >= 1 && cb_check_phase_parse(word, &phase) == 0) {
        b->phase = phase;
        b->input = (size_t) input;
    }
}

/* One line of the log, its "==PID== " prefix removed. */
static int read_line(block *b, const char *line, const cb_memcheck_context *ctx,
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
        cb_frame *f = &b->frames[b->nframes];

        if (parse_frame(body, ctx, f) != 0) {
            cb_frame_free(f);
            return cb_error_set(err, "out of memory reading memcheck's log");
        }
        /* a first frame in the harness is kept: the harness itself branched on
         * what the benchmark handed back (a secret-dependent return value) */
        if (b->nframes > 0 && is_harness(f->function, ctx)) {
            b->cut = 1;
            cb_frame_free(f);
        } else {
            b->nframes++;
        }
    }
    return 0;
}

/* The length of the "==4711== " or "**4711** " that opens line (len bytes),
 * and which it is; 0 for any other line, which is not memcheck's. */
static size_t prefix(const char *line, size_t len, char *which)
{
    size_t skip;

    if (len < 2 || !((line[0] == '=' && line[1] == '=') || (line[0] == '*' && line[1] == '*'))) {
        return 0;
    }
    *which = line[0];
    skip = 2 + strspn(line + 2, "0123456789");
    if (skip + 2 <= len && line[skip] == *which && line[skip + 1] == *which) {
        return skip + 2 + (skip + 2 < len && line[skip + 2] == ' ');
    }
    return 0;
}

int cb_memcheck_log_parse(const char *text, const cb_memcheck_context *ctx, cb_check_exact *out,
                          cb_check_exact *suspects, cb_error *err)
{
    block       b;
    char        line[MAX_LINE], which = 0;
    const char *p = text;

    memset(&b, 0, sizeof b);
    while (*p != '\0') {
        size_t len = strcspn(p, "\n");
        size_t skip = prefix(p, len, &which);

        if (skip > 0) {
            size_t n = len - skip < MAX_LINE - 1 ? len - skip : MAX_LINE - 1;

            memcpy(line, p + skip, n);
            line[n] = '\0';
            if (which == '*') {
                /* the checked process's own words (VALGRIND_PRINTF) */
                if (strncmp(line, CB_MEMCHECK_MARK, strlen(CB_MEMCHECK_MARK)) == 0) {
                    read_mark(&b, line + strlen(CB_MEMCHECK_MARK));
                }
            } else if (read_line(&b, line, ctx, out, suspects, err) != 0) {
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
        const cb_finding *f = &suspects->findings[i];

        if (find(plain, f) != NULL) {
            out->other_errors++;
        } else if (add_site(out, f) != 0) {
            return cb_error_set(err, "out of memory reading memcheck's log");
        }
    }
    return 0;
}

int cb_mappings_add(cb_mappings *m, const char *line)
{
    unsigned long long start, end, offset;
    int                n = -1;
    cb_mapping        *grown;
    char              *object;

    if (sscanf(line, "%llx %llx %llx %n", &start, &end, &offset, &n) != 3 || n < 0 ||
        line[n] == '\0' || end <= start) {
        return 1;
    }
    if ((object = file_name(line + n, strlen(line + n))) == NULL ||
        (grown = realloc(m->items, (m->n + 1) * sizeof *grown)) == NULL) {
        free(object);
        return -1;
    }
    m->items = grown;
    m->items[m->n++] = (cb_mapping){ start, end, offset, object };
    return 0;
}

void cb_mappings_free(cb_mappings *m)
{
    size_t i;

    for (i = 0; i < m->n; i++) {
        free(m->items[i].object);
    }
    free(m->items);
    memset(m, 0, sizeof *m);
}
