#include <stdio.h>
#include <string.h>

#include "store/json_locate.h"

typedef struct scanner {
    const char *text;
    size_t      len, pos;
} scanner;

static void skip_ws(scanner *s)
{
    while (s->pos < s->len && strchr(" \t\r\n", s->text[s->pos]) != NULL) {
        s->pos++;
    }
}

/* past a string whose opening quote is at s->pos */
static void skip_string(scanner *s)
{
    for (s->pos++; s->pos < s->len && s->text[s->pos] != '"'; s->pos++) {
        if (s->text[s->pos] == '\\') {
            s->pos++;
        }
    }
    s->pos++;
}

/* past the value at s->pos: a string, a container, or a scalar */
static void skip_value(scanner *s)
{
    int depth = 0;

    skip_ws(s);
    while (s->pos < s->len) {
        char c = s->text[s->pos];

        if (c == '"') {
            skip_string(s);
            if (depth == 0) {
                return;
            }
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth == 0) {
                return;
            }
            if (--depth == 0) {
                s->pos++;
                return;
            }
        } else if (depth == 0 && strchr(", \t\r\n", c) != NULL) {
            return;
        }
        s->pos++;
    }
}

/* Moves to the member `key` of the object at s->pos; 0 if found. */
static int enter_member(scanner *s, const char *key)
{
    size_t klen = strlen(key);

    skip_ws(s);
    if (s->pos >= s->len || s->text[s->pos] != '{') {
        return -1;
    }
    s->pos++;
    for (;;) {
        size_t kstart, kend;

        skip_ws(s);
        if (s->pos >= s->len || s->text[s->pos] != '"') {
            return -1;
        }
        kstart = s->pos + 1;
        skip_string(s);
        kend = s->pos - 1;
        skip_ws(s);
        if (s->pos >= s->len || s->text[s->pos] != ':') {
            return -1;
        }
        s->pos++;
        skip_ws(s);
        if (kend - kstart == klen && memcmp(s->text + kstart, key, klen) == 0) {
            return 0;
        }
        skip_value(s);
        skip_ws(s);
        if (s->pos >= s->len || s->text[s->pos] != ',') {
            return -1;
        }
        s->pos++;
    }
}

/* Moves to element `index` of the array at s->pos; 0 if found. */
static int enter_element(scanner *s, size_t index)
{
    size_t i;

    skip_ws(s);
    if (s->pos >= s->len || s->text[s->pos] != '[') {
        return -1;
    }
    s->pos++;
    for (i = 0; i < index; i++) {
        skip_value(s);
        skip_ws(s);
        if (s->pos >= s->len || s->text[s->pos] != ',') {
            return -1;
        }
        s->pos++;
    }
    skip_ws(s);
    return s->pos < s->len && s->text[s->pos] != ']' ? 0 : -1;
}

static int follow(scanner *s, const cb_json_path *path)
{
    size_t saved;

    if (path == NULL) {
        skip_ws(s);
        return 0;
    }
    if (follow(s, path->parent) != 0) {
        return -1;
    }
    saved = s->pos;
    if ((path->key != NULL ? enter_member(s, path->key) : enter_element(s, path->index)) != 0) {
        s->pos = saved;
        return -1;
    }
    return 0;
}

/* Where a count of lines and columns has got to: text[0, pos) counted. */
typedef struct counted {
    size_t pos;
    int    line, column;
} counted;

/* Counts on to `to` (never back). */
static void count_to(const char *text, size_t len, counted *c, size_t to)
{
    for (; c->pos < to && c->pos < len; c->pos++) {
        if (text[c->pos] == '\n') {
            c->line++;
            c->column = 1;
        } else if (((unsigned char) text[c->pos] & 0xc0) != 0x80) {
            c->column++; /* count characters, not UTF-8 continuation bytes */
        }
    }
}

void cb_json_locate(const char *text, size_t len, const cb_json_path *path, int *line,
                    int *column)
{
    scanner s = { text, len, 0 };
    counted c = { 0, 1, 1 };

    follow(&s, path);
    count_to(text, len, &c, s.pos);
    *line = c.line;
    *column = c.column;
}

void cb_json_locate_each(const char *text, size_t len, const cb_json_path *array,
                         const char *key, size_t n, int *lines, int *columns)
{
    scanner s = { text, len, 0 };
    counted c = { 0, 1, 1 };
    size_t  i = 0;

    if (follow(&s, array) == 0 && s.pos < len && text[s.pos] == '[') {
        s.pos++;
        for (; i < n; i++) {
            scanner member;

            skip_ws(&s);
            member = s;
            count_to(text, len, &c, enter_member(&member, key) == 0 ? member.pos : s.pos);
            lines[i] = c.line;
            columns[i] = c.column;
            skip_value(&s);
            skip_ws(&s);
            if (s.pos >= len || text[s.pos] != ',') {
                i++;
                break;
            }
            s.pos++;
        }
    }
    count_to(text, len, &c, s.pos);
    for (; i < n; i++) {
        lines[i] = c.line;
        columns[i] = c.column;
    }
}

void cb_json_path_format(const cb_json_path *path, char *buf, size_t size)
{
    char parent[512] = "";

    if (path == NULL) {
        snprintf(buf, size, "(document)");
        return;
    }
    if (path->parent != NULL) {
        cb_json_path_format(path->parent, parent, sizeof parent);
    }
    if (path->key != NULL) {
        snprintf(buf, size, "%s%s%s", parent, parent[0] != '\0' ? "." : "", path->key);
    } else {
        snprintf(buf, size, "%s[%zu]", parent, path->index);
    }
}
