/*
 * Where a value sits in a JSON text, for error messages. jansson reports the
 * line and column of a syntax error but keeps no positions for the values it
 * parsed; when a well-formed baseline holds a value of the wrong type, this
 * finds the value's line and column by following its path through the text.
 * Only ever run on text that jansson has already accepted.
 */
#ifndef CB_JSON_LOCATE_H
#define CB_JSON_LOCATE_H

#include <stddef.h>

/* One step of a path from the root: an object member (key) or an array
 * element (key NULL, index). Steps link to their parent, root first. */
typedef struct cb_json_path {
    const struct cb_json_path *parent;
    const char                *key;
    size_t                     index;
} cb_json_path;

/* Sets *line and *column (1-based) of the value at path in text; when the
 * path does not exist, of the deepest value that does. */
void cb_json_locate(const char *text, size_t len, const cb_json_path *path, int *line,
                    int *column);

/* For each of the first n elements of the array at path: the line and
 * column of its member `key` (of the element itself when it has none), into
 * lines[i] and columns[i]; in one pass over text, where n calls of
 * cb_json_locate() would each start from its beginning. */
void cb_json_locate_each(const char *text, size_t len, const cb_json_path *array,
                         const char *key, size_t n, int *lines, int *columns);

/* Writes the path as "benchmarks[3].samples.values[7]" into buf. */
void cb_json_path_format(const cb_json_path *path, char *buf, size_t size);

#endif
