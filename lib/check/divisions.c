#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/divisions.h"
#include "core/text.h"

#define MAX_LINE 4096

/* Legacy prefixes (operand and address size, lock, repeats, segments): a
 * division may carry some before its opcode. */
static int is_prefix(unsigned char b)
{
    return b == 0x66 || b == 0x67 || b == 0xf0 || b == 0xf2 || b == 0xf3 || b == 0x2e ||
           b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 || b == 0x65;
}

/* An SSE or AVX opcode of the 0F map, with its mandatory prefix (none, 66,
 * F3, F2, as VEX's pp numbers them: 0 to 3). */
static const char *sse_name(unsigned char opcode, int pp)
{
    static const char *const div[4] = { "divps", "divpd", "divss", "divsd" };
    static const char *const sqrt[4] = { "sqrtps", "sqrtpd", "sqrtss", "sqrtsd" };

    return opcode == 0x5e ? div[pp] : opcode == 0x51 ? sqrt[pp] : NULL;
}

const char *cb_division_decode(const unsigned char *b, size_t n)
{
    size_t i = 0;
    int    pp = 0;

    while (i < n && i < 14 && is_prefix(b[i])) {
        /* the last of 66, F3, F2 is the SSE instruction's mandatory prefix */
        pp = b[i] == 0x66 ? 1 : b[i] == 0xf3 ? 2 : b[i] == 0xf2 ? 3 : pp;
        i++;
    }
    if (i + 2 < n && b[i] == 0xc5) { /* two-byte VEX: its map is 0F */
        return sse_name(b[i + 2], b[i + 1] & 3);
    }
    if (i + 3 < n && b[i] == 0xc4) { /* three-byte VEX, map 0F only */
        return (b[i + 1] & 0x1f) == 1 ? sse_name(b[i + 3], b[i + 2] & 3) : NULL;
    }
    if (i < n && (b[i] & 0xf0) == 0x40) { /* REX */
        i++;
    }
    if (i + 1 < n && (b[i] == 0xf6 || b[i] == 0xf7)) {
        int reg = (b[i + 1] >> 3) & 7;

        return reg == 6 ? "div" : reg == 7 ? "idiv" : NULL;
    }
    if (i + 2 < n && b[i] == 0x0f) {
        return sse_name(b[i + 1], pp);
    }
    return NULL;
}

long cb_object_read_elf(const char *path, uint64_t address, unsigned char *buf, size_t n,
                        void *arg)
{
    Elf64_Ehdr eh;
    Elf64_Phdr ph;
    int        fd = open(path, O_RDONLY | O_CLOEXEC);
    long       got = -1;
    unsigned   i;

    (void) arg;
    if (fd < 0) {
        return -1;
    }
    if (pread(fd, &eh, sizeof eh, 0) == (ssize_t) sizeof eh &&
        memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 && eh.e_ident[EI_CLASS] == ELFCLASS64 &&
        eh.e_phentsize == sizeof ph) {
        for (i = 0; i < eh.e_phnum && got < 0; i++) {
            if (pread(fd, &ph, sizeof ph, (off_t) (eh.e_phoff + i * sizeof ph)) !=
                (ssize_t) sizeof ph) {
                break;
            }
            if (ph.p_type == PT_LOAD && address >= ph.p_vaddr &&
                address < ph.p_vaddr + ph.p_filesz) {
                uint64_t left = ph.p_vaddr + ph.p_filesz - address;

                got = (long) pread(fd, buf, n < left ? n : (size_t) left,
                                   (off_t) (address - ph.p_vaddr + ph.p_offset));
            }
        }
    }
    close(fd);
    return got;
}

/* callgrind's compressed names: "(id) name" defines id, "(id)" refers to
 * it; objects, files and functions each number their own. */
typedef struct names {
    char  **items;
    size_t  n;
} names;

static void names_free(names *t)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        free(t->items[i]);
    }
    free(t->items);
}

/* The name a "fl=" (etc.) value stands for, into *name (borrowed from t, or
 * "" when unknown). -1 out of memory. */
static int resolve(names *t, const char *value, const char **name)
{
    char         *end;
    unsigned long id;

    *name = value;
    if (value[0] != '(') {
        return 0;
    }
    id = strtoul(value + 1, &end, 10);
    if (*end != ')' || id > 1000000) {
        return 0;
    }
    end += end[1] == ' ' ? 2 : 1;
    if (*end != '\0') { /* a definition */
        if (id >= t->n) {
            char **grown = realloc(t->items, (id + 1) * sizeof *grown);

            if (grown == NULL) {
                return -1;
            }
            memset(grown + t->n, 0, (id + 1 - t->n) * sizeof *grown);
            t->items = grown;
            t->n = id + 1;
        }
        free(t->items[id]);
        if ((t->items[id] = strdup(end)) == NULL) {
            return -1;
        }
    }
    *name = id < t->n && t->items[id] != NULL ? t->items[id] : "";
    return 0;
}

/* A position of a cost line: absolute ("0x1a2b", "57"), relative to the
 * last ("+3", "-1") or the same ("*"). */
static uint64_t position(const char *word, uint64_t last)
{
    if (word[0] == '*') {
        return last;
    }
    if (word[0] == '+') {
        return last + strtoull(word + 1, NULL, 0);
    }
    if (word[0] == '-') {
        return last - strtoull(word + 1, NULL, 0);
    }
    return strtoull(word, NULL, 0);
}

/* Where the parser is in the dump. */
typedef struct reader {
    names       objects, files, functions;
    const char *object, *file, *function; /* borrowed from the tables */
    uint64_t    address, line;
    int         skip_next; /* the cost line after calls= is a call's, inclusive */
    const char *root;
    size_t      root_len;
} reader;

/* The division at the reader's object and address, if that is one. */
static int consider(reader *r, cb_object_reader read, void *arg, uint64_t cost,
                    cb_check_exact *out)
{
    unsigned char bytes[16];
    const char   *what, *file = r->file, *slash;
    long          got;
    size_t        i;
    cb_frame      where;
    char          object[512], path[MAX_LINE];
    int           rc;

    if (cost == 0 || r->object[0] == '\0') {
        return 0;
    }
    for (i = 0; i < out->ndivisions; i++) {
        cb_division *d = &out->divisions[i];

        if (d->where.offset == r->address && d->where.object != NULL) {
            slash = strrchr(r->object, '/');
            if (strcmp(d->where.object, slash != NULL ? slash + 1 : r->object) == 0) {
                d->executed += cost;
                return 0;
            }
        }
    }
    got = read(r->object, r->address, bytes, sizeof bytes, arg);
    if (got <= 0 || (what = cb_division_decode(bytes, (size_t) got)) == NULL) {
        return 0;
    }
    slash = strrchr(r->object, '/');
    cb_text_clean(object, sizeof object, slash != NULL ? slash + 1 : r->object);
    if (r->root_len > 0 && strncmp(file, r->root, r->root_len) == 0 && file[r->root_len] == '/') {
        file += r->root_len + 1;
    }
    cb_text_clean(path, sizeof path, file);
    memset(&where, 0, sizeof where);
    /* callgrind names a function without a symbol by its address: memcheck's "???" */
    where.function = cb_text_dup(r->function[0] != '\0' && strncmp(r->function, "0x", 2) != 0
                                     ? r->function
                                     : "???");
    where.file = strcmp(path, "???") != 0 && path[0] != '\0' && r->line > 0 ? path : NULL;
    where.line = where.file != NULL ? (unsigned) r->line : 0;
    where.object = object;
    where.has_offset = 1;
    where.offset = r->address;
    if (where.function == NULL) {
        return -1;
    }
    rc = cb_check_exact_add_division(out, what, &where, cost);
    free(where.function);
    return rc;
}

/* A "key=value" line that moves the reader; 1 when line is none. */
static int read_spec(reader *r, const char *line)
{
    const char *value = strchr(line, '=');
    size_t      key;

    if (value == NULL) {
        return 1;
    }
    key = (size_t) (value - line);
    value++;
    if (key == 2 && strncmp(line, "ob", 2) == 0) {
        return resolve(&r->objects, value, &r->object);
    }
    if (key == 2 && (strncmp(line, "fl", 2) == 0 || strncmp(line, "fi", 2) == 0 ||
                     strncmp(line, "fe", 2) == 0)) {
        return resolve(&r->files, value, &r->file);
    }
    if (key == 2 && strncmp(line, "fn", 2) == 0) {
        return resolve(&r->functions, value, &r->function);
    }
    /* a call's target names objects, files and functions too, which later
     * lines may use by number alone */
    if (key == 3 && strncmp(line, "cob", 3) == 0) {
        const char *unused;

        return resolve(&r->objects, value, &unused);
    }
    if (key == 3 && (strncmp(line, "cfi", 3) == 0 || strncmp(line, "cfl", 3) == 0)) {
        const char *unused;

        return resolve(&r->files, value, &unused);
    }
    if (key == 3 && strncmp(line, "cfn", 3) == 0) {
        const char *unused;

        return resolve(&r->functions, value, &unused);
    }
    if (key == 5 && strncmp(line, "calls", 5) == 0) {
        r->skip_next = 1;
    }
    return 0;
}

int cb_divisions_find(const char *file, const char *text, const char *root, cb_object_reader read,
                      void *arg, cb_check_exact *out, cb_error *err)
{
    reader      r;
    const char *p = text;
    char        line[MAX_LINE];
    unsigned    lineno = 0;
    int         instr = 0, rc = 0;

    memset(&r, 0, sizeof r);
    r.object = r.file = r.function = "";
    r.root = root;
    r.root_len = root != NULL ? strlen(root) : 0;
    while (*p != '\0' && rc == 0) {
        size_t len = strcspn(p, "\n");

        lineno++;
        snprintf(line, sizeof line, "%.*s", (int) (len < MAX_LINE - 1 ? len : MAX_LINE - 1), p);
        p += len + (p[len] == '\n');
        if (strncmp(line, "positions:", 10) == 0) {
            instr = strstr(line, "instr") != NULL;
            continue;
        }
        if ((line[0] >= '0' && line[0] <= '9') || line[0] == '+' || line[0] == '-' ||
            line[0] == '*') {
            char     words[3][64];
            uint64_t cost;

            if (!instr) {
                rc = cb_error_set(err, "%s:%u: a cost line before 'positions: instr line' "
                                       "(callgrind run without --dump-instr=yes?)",
                                  file, lineno);
                break;
            }
            if (sscanf(line, "%63s %63s %63s", words[0], words[1], words[2]) != 3) {
                continue;
            }
            r.address = position(words[0], r.address);
            r.line = position(words[1], r.line);
            cost = strtoull(words[2], NULL, 10);
            if (r.skip_next) {
                r.skip_next = 0;
            } else if (consider(&r, read, arg, cost, out) != 0) {
                rc = cb_error_set(err, "%s: out of memory", file);
            }
            continue;
        }
        if (read_spec(&r, line) < 0) {
            rc = cb_error_set(err, "%s: out of memory", file);
        }
    }
    names_free(&r.objects);
    names_free(&r.files);
    names_free(&r.functions);
    return rc == 0 ? 0 : -1;
}
