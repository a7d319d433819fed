#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"

uint64_t support_now;

static uint64_t fake_now(cb_clock *c)
{
    (void) c;
    return support_now;
}

static uint64_t fake_since(cb_clock *c, uint64_t mark)
{
    (void) c;
    return support_now - mark;
}

static const cb_clock_ops fake_ops = { .kind = CB_MEASURE_WALL, .unit = "ns", .now_ns = fake_now,
                                       .start = fake_now, .stop = fake_since,
                                       .start_is_wall = 1 };

cb_clock support_fake_clock(void)
{
    return (cb_clock){ .ops = &fake_ops };
}

json_t *support_load(const char *name)
{
    char         path[256];
    json_error_t err;
    json_t      *root;

    snprintf(path, sizeof path, "tests/data/%s", name);
    root = json_load_file(path, 0, &err);
    if (root == NULL) {
        fail_msg("%s:%d:%d: %s", path, err.line, err.column, err.text);
    }
    return root;
}

static json_t *at_path(json_t *root, const char *path)
{
    char    buf[256], *part, *save = NULL;
    json_t *node = root;

    snprintf(buf, sizeof buf, "%s", path);
    for (part = strtok_r(buf, ".", &save); part != NULL && node != NULL;
         part = strtok_r(NULL, ".", &save)) {
        node = json_object_get(node, part);
    }
    if (node == NULL) {
        fail_msg("reference data has no '%s'", path);
    }
    return node;
}

double support_number(json_t *root, const char *path)
{
    json_t *node = at_path(root, path);

    if (!json_is_number(node)) {
        fail_msg("reference '%s' is not a number", path);
    }
    return json_number_value(node);
}

double *support_numbers(json_t *root, const char *path, size_t *n)
{
    json_t *node = at_path(root, path);
    double *out;
    size_t  i;

    if (!json_is_array(node)) {
        fail_msg("reference '%s' is not an array", path);
    }
    *n = json_array_size(node);
    out = calloc(*n > 0 ? *n : 1, sizeof *out);
    assert_non_null(out);
    for (i = 0; i < *n; i++) {
        out[i] = json_number_value(json_array_get(node, i));
    }
    return out;
}

void support_close_rel(double got, double want, double rel, const char *what)
{
    if (!(fabs(got - want) <= rel * fabs(want))) {
        fail_msg("%s: got %.17g, want %.17g (relative difference %.3g > %.3g)", what, got, want,
                 want != 0.0 ? fabs(got - want) / fabs(want) : INFINITY, rel);
    }
}

void support_close_abs(double got, double want, double tol, const char *what)
{
    if (!(fabs(got - want) <= tol)) {
        fail_msg("%s: got %.17g, want %.17g (difference %.3g > %.3g)", what, got, want,
                 fabs(got - want), tol);
    }
}

const char *support_temp_file(const char *text)
{
    static char path[64];
    int         fd;
    size_t      len = strlen(text);

    snprintf(path, sizeof path, "/tmp/cryptbench-test-XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t) len);
    close(fd);
    return path;
}
