#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/text_file.h"
#include "store/allow_list.h"

/* Where the parser is, for its messages. */
typedef struct reader {
    const char *file;
    unsigned    line;
    cb_error   *err;
} reader;

static int fail(const reader *rd, size_t column, const char *fmt, ...) CB_PRINTF(3, 4);

static int fail(const reader *rd, size_t column, const char *fmt, ...)
{
    char    what[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return cb_error_set(rd->err, "%s:%u:%zu: %s", rd->file, rd->line, column + 1, what);
}

static void entry_free(cb_allow_entry *e)
{
    size_t i;

    for (i = 0; i < e->nframes; i++) {
        free(e->frames[i].glob);
    }
    free(e->frames);
    free(e->name);
    free(e->reason);
    if (e->benchmark != NULL) {
        regfree(&e->re);
    }
    free(e->benchmark);
    memset(e, 0, sizeof *e);
}

void cb_allow_list_free(cb_allow_list *list)
{
    size_t i;

    for (i = 0; i < list->n; i++) {
        entry_free(&list->entries[i]);
    }
    free(list->entries);
    free(list->file);
    memset(list, 0, sizeof *list);
}

/* The line's text without its trailing blanks into buf (cleaned: the file is
 * the team's, its text may reach any output). */
static void trimmed(char *buf, size_t size, const char *text, size_t len)
{
    char raw[4096];

    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r')) {
        len--;
    }
    snprintf(raw, sizeof raw, "%.*s", (int) len, text);
    cb_text_clean(buf, size, raw);
}

static int add_frame(const reader *rd, cb_allow_entry *e, const char *body, size_t column)
{
    cb_allow_frame  f = { CB_ALLOW_ANY, NULL, 0 };
    cb_allow_frame *grown;
    const char     *glob = body + 4;

    if (strcmp(body, "...") == 0) {
        f.what = CB_ALLOW_ANY;
    } else if (strncmp(body, "fun:", 4) == 0) {
        f.what = CB_ALLOW_FUN;
    } else if (strncmp(body, "obj:", 4) == 0) {
        f.what = CB_ALLOW_OBJ;
    } else if (strncmp(body, "src:", 4) == 0) {
        const char *colon = strrchr(glob, ':');

        f.what = CB_ALLOW_SRC;
        if (colon != NULL) {
            char *end;
            long  line = strtol(colon + 1, &end, 10);

            if (*end != '\0' || colon[1] == '\0' || line < 1 || line > 100000000) {
                return fail(rd, column + (size_t) (colon + 1 - body),
                            "expected a line number after the file, got '%s'", colon + 1);
            }
            f.line = (unsigned) line;
        }
        f.glob = strndup(glob, colon != NULL ? (size_t) (colon - glob) : strlen(glob));
    } else {
        return fail(rd, column, "expected 'reason:', 'benchmark:', 'kind:', a frame ('fun:', "
                                "'obj:', 'src:' or '...') or '}', got '%s'", body);
    }
    if (f.what != CB_ALLOW_ANY && f.what != CB_ALLOW_SRC) {
        f.glob = strdup(glob);
    }
    if ((f.what != CB_ALLOW_ANY && f.glob == NULL) ||
        (grown = realloc(e->frames, (e->nframes + 1) * sizeof *grown)) == NULL) {
        free(f.glob);
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    if (f.what != CB_ALLOW_ANY && f.glob[0] == '\0') {
        free(f.glob);
        e->frames = grown;
        return fail(rd, column + 4, "expected a name or a pattern after '%.4s'", body);
    }
    e->frames = grown;
    e->frames[e->nframes++] = f;
    return 0;
}

/* A "key: value" line of an entry; 1 when body is not one (a frame). */
static int add_key(const reader *rd, cb_allow_entry *e, const char *body, size_t column)
{
    const char *value;
    char       *joined;
    int         rc;

    if (strncmp(body, "reason:", 7) == 0) {
        value = body + 7 + strspn(body + 7, " \t");
        if (*value == '\0') {
            return fail(rd, column + 7, "expected the reason after 'reason:'");
        }
        joined = malloc((e->reason != NULL ? strlen(e->reason) + 1 : 0) + strlen(value) + 1);
        if (joined == NULL) {
            return cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
        sprintf(joined, "%s%s%s", e->reason != NULL ? e->reason : "", e->reason != NULL ? " " : "",
                value);
        free(e->reason);
        e->reason = joined;
        return 0;
    }
    if (strncmp(body, "benchmark:", 10) == 0) {
        value = body + 10 + strspn(body + 10, " \t");
        if (e->benchmark != NULL) {
            return fail(rd, column, "an entry has one 'benchmark:' line");
        }
        if (*value == '\0') {
            return fail(rd, column + 10, "expected a regular expression after 'benchmark:'");
        }
        if ((rc = regcomp(&e->re, value, REG_EXTENDED | REG_NOSUB)) != 0) {
            char why[256];

            regerror(rc, &e->re, why, sizeof why);
            return fail(rd, column + (size_t) (value - body),
                        "'%s' is not a regular expression: %s", value, why);
        }
        if ((e->benchmark = strdup(value)) == NULL) {
            regfree(&e->re);
            return cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
        return 0;
    }
    if (strncmp(body, "kind:", 5) == 0) {
        value = body + 5 + strspn(body + 5, " \t");
        if (!e->any_kind) {
            return fail(rd, column, "an entry has one 'kind:' line");
        }
        if (cb_finding_kind_parse(value, &e->kind) != 0) {
            return fail(rd, column + (size_t) (value - body),
                        "expected branch, memory-access or syscall, got '%s'", value);
        }
        e->any_kind = 0;
        return 0;
    }
    return 1;
}

/* The entry that starts at line `start`, its lines read so far. */
typedef struct open_entry {
    cb_allow_entry e;
    int            open, named;
} open_entry;

/* Closes the entry at "}": whole, it joins list. */
static int close_entry(const reader *rd, open_entry *o, cb_allow_list *list, size_t column)
{
    cb_allow_entry *grown;
    size_t          i;

    if (!o->named) {
        return fail(rd, column, "an entry starts with its name");
    }
    if (o->e.reason == NULL) {
        return fail(rd, column, "entry '%s' (line %u) has no 'reason:': say why it is accepted",
                    o->e.name, o->e.line);
    }
    if (o->e.nframes == 0) {
        return fail(rd, column, "entry '%s' (line %u) has no frame ('fun:', 'obj:', 'src:')",
                    o->e.name, o->e.line);
    }
    for (i = 0; i < list->n; i++) {
        if (strcmp(list->entries[i].name, o->e.name) == 0) {
            return fail(rd, column, "entry '%s' (line %u) has the name of the entry of line %u",
                        o->e.name, o->e.line, list->entries[i].line);
        }
    }
    if ((grown = realloc(list->entries, (list->n + 1) * sizeof *grown)) == NULL) {
        return cb_error_set(rd->err, "%s: out of memory", rd->file);
    }
    list->entries = grown;
    list->entries[list->n++] = o->e;
    memset(o, 0, sizeof *o);
    return 0;
}

/* One line (its blanks trimmed: body at column). */
static int read_line(const reader *rd, open_entry *o, cb_allow_list *list, const char *body,
                     size_t column)
{
    int rc;

    if (!o->open) {
        if (strcmp(body, "{") != 0) {
            return fail(rd, column, "expected '{' to open an entry, got '%s'", body);
        }
        memset(o, 0, sizeof *o);
        o->open = 1;
        o->e.any_kind = 1;
        o->e.line = rd->line;
        return 0;
    }
    if (strcmp(body, "}") == 0) {
        return close_entry(rd, o, list, column);
    }
    if (strcmp(body, "{") == 0) {
        return fail(rd, column, "entry of line %u is not closed: expected '}'", o->e.line);
    }
    if (!o->named) {
        if ((o->e.name = strdup(body)) == NULL) {
            return cb_error_set(rd->err, "%s: out of memory", rd->file);
        }
        o->named = 1;
        return 0;
    }
    /* the keys come first; after the frames, a key is a frame line gone wrong */
    if (o->e.nframes == 0 && (rc = add_key(rd, &o->e, body, column)) <= 0) {
        return rc;
    }
    return add_frame(rd, &o->e, body, column);
}

int cb_allow_list_parse(const char *file, const char *text, cb_allow_list *list, cb_error *err)
{
    reader      rd = { file, 0, err };
    open_entry  o;
    const char *p = text;
    char        line[4096];

    memset(list, 0, sizeof *list);
    memset(&o, 0, sizeof o);
    if ((list->file = strdup(file)) == NULL) {
        return cb_error_set(err, "%s: out of memory", file);
    }
    while (*p != '\0') {
        size_t len = strcspn(p, "\n"), lead = strspn(p, " \t");

        rd.line++;
        if (len >= sizeof line) {
            fail(&rd, sizeof line - 1, "a line of more than %zu bytes", sizeof line - 1);
            entry_free(&o.e);
            cb_allow_list_free(list);
            return -1;
        }
        if (lead < len && p[lead] != '#' && p[lead] != '\r') {
            trimmed(line, sizeof line, p + lead, len - lead);
            if (read_line(&rd, &o, list, line, lead) != 0) {
                entry_free(&o.e);
                cb_allow_list_free(list);
                return -1;
            }
        }
        p += len + (p[len] == '\n');
    }
    if (o.open) {
        rd.line = o.e.line;
        fail(&rd, 0, "entry '%s' is not closed: expected '}' before the end of the file",
             o.named ? o.e.name : "");
        entry_free(&o.e);
        cb_allow_list_free(list);
        return -1;
    }
    return 0;
}

int cb_allow_list_load(const char *path, cb_allow_list *list, cb_error *err)
{
    cb_buf text = { NULL, 0, 0, 0 };
    int    rc;

    memset(list, 0, sizeof *list);
    if (cb_text_file_read(path, &text, err) != 0) {
        return -1;
    }
    rc = cb_allow_list_parse(path, text.data, list, err);
    cb_buf_free(&text);
    return rc;
}

/* Whether glob matches path, or its last components. */
static int source_matches(const char *glob, const char *path)
{
    const char *p = path;

    for (;;) {
        if (fnmatch(glob, p, 0) == 0) {
            return 1;
        }
        if ((p = strchr(p, '/')) == NULL) {
            return 0;
        }
        p++;
    }
}

static int frame_matches(const cb_allow_frame *a, const cb_frame *f)
{
    switch (a->what) {
    case CB_ALLOW_FUN:
        return fnmatch(a->glob, f->function, 0) == 0;
    case CB_ALLOW_OBJ:
        return f->object != NULL && fnmatch(a->glob, f->object, 0) == 0;
    case CB_ALLOW_SRC:
        return f->file != NULL && source_matches(a->glob, f->file) &&
               (a->line == 0 || a->line == f->line);
    default:
        return 1;
    }
}

/* Whether pattern[0..np) matches the innermost of frames[0..nf), "..."
 * standing for any number of frames. */
static int frames_match(const cb_allow_frame *pattern, size_t np, const cb_frame *frames,
                        size_t nf)
{
    size_t skip;

    if (np == 0) {
        return 1;
    }
    if (pattern->what == CB_ALLOW_ANY) {
        for (skip = 0; skip <= nf; skip++) {
            if (frames_match(pattern + 1, np - 1, frames + skip, nf - skip)) {
                return 1;
            }
        }
        return 0;
    }
    return nf > 0 && frame_matches(pattern, frames) &&
           frames_match(pattern + 1, np - 1, frames + 1, nf - 1);
}

const cb_allow_entry *cb_allow_list_match(const cb_allow_list *list, const char *bench,
                                          const cb_finding *f)
{
    size_t i;

    for (i = 0; list != NULL && i < list->n; i++) {
        const cb_allow_entry *e = &list->entries[i];

        if ((e->any_kind || e->kind == f->kind) &&
            (e->benchmark == NULL || regexec(&e->re, bench, 0, NULL, 0) == 0) &&
            frames_match(e->frames, e->nframes, f->frames, f->nframes)) {
            return e;
        }
    }
    return NULL;
}

/* One frame line that matches f. */
static void suggest_frame(cb_buf *out, const cb_frame *f, int site)
{
    if (site && f->file != NULL) {
        cb_buf_printf(out, "   src:%s:%u\n", f->file, f->line);
    } else if (strcmp(f->function, "???") != 0) {
        cb_buf_printf(out, "   fun:%s\n", f->function);
    } else {
        cb_buf_printf(out, "   obj:%s\n", f->object != NULL ? f->object : "*");
    }
}

void cb_allow_list_suggest(cb_buf *out, const char *bench, const cb_finding *f)
{
    const cb_frame *site = &f->frames[f->site];
    char            where[512];
    const char     *c;
    size_t          i;

    cb_frame_location(site, where, sizeof where);
    cb_buf_printf(out, "{\n   %s: %s at %s\n", bench, cb_finding_kind_name(f->kind), where);
    cb_buf_puts(out, "   # reason: why this is not a leak worth fixing (required)\n");
    cb_buf_puts(out, "   benchmark: ^");
    for (c = bench; *c != '\0'; c++) {
        cb_buf_printf(out, "%s%c", strchr(".[]()*+?{}|\\^$", *c) != NULL ? "\\" : "", *c);
    }
    cb_buf_printf(out, "$\n   kind: %s\n", cb_finding_kind_name(f->kind));
    for (i = 0; i <= f->site; i++) {
        suggest_frame(out, &f->frames[i], i == f->site);
    }
    /* a site without a symbol is only an object: its callers up to a named one say which */
    for (i = f->site + 1; strcmp(site->function, "???") == 0 && site->file == NULL &&
                          i < f->nframes && strcmp(f->frames[i - 1].function, "???") == 0;
         i++) {
        suggest_frame(out, &f->frames[i], 0);
    }
    cb_buf_puts(out, "}\n");
}
