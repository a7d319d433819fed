/*
 * Profiles from callgrind dumps written by hand: the format read (compressed
 * names, call costs that are not self costs, positions compressed), a dump
 * that does not add up refused; the call tree cut below the harness, a chain
 * too deep hung under its own node, a stripped program cut at the frames
 * every chain shares; self and inclusive costs, recursion counted once; what
 * changed between two profiles; and a profile through its file and back,
 * byte for byte. The calls per iteration, from two fixed dumps in tests/data/
 * (one function called twice as often, one whose each call costs twice as
 * much), through the tree, the file and the diff to the line the terminal
 * prints; a file stored before the calls were kept still loads.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile/callgrind_format.h"
#include "profile/diff.h"
#include "profile/profile_build.h"
#include "report/profile_text.h"
#include "store/profile_store.h"
#include "support.h"

/* A sample's dump: the run function bench_fg calls f (300 self) and g (100
 * self, and g calls h, 50) from under the harness; names compressed after
 * their first use; one call line whose cost (400) is f's inclusive cost, not
 * bench_fg's own. */
static const char dump_fg[] =
    "# callgrind format\n"
    "version: 1\n"
    "creator: hand\n"
    "positions: line\n"
    "events: Ir\n"
    "summary: 460\n"
    "\n"
    "ob=(1) /usr/bin/bench\n"
    "fl=(1) bench.c\n"
    "fn=(1) bench_fg'cb_state_call'one_sample'main\n"
    "10 6\n"
    "+2 4\n"
    "cfn=(2) f'bench_fg'cb_state_call'one_sample'main\n"
    "calls=1 20\n"
    "12 300\n"
    "ob=(2) /usr/lib/libg.so.1\n"
    "fn=(2)\n"
    "20 300\n"
    "fn=(3) g'bench_fg'cb_state_call'one_sample'main\n"
    "30 60\n"
    "* 40\n"
    "cfn=(4) h'g'bench_fg'cb_state_call'one_sample'main\n"
    "calls=2 40\n"
    "31 50\n"
    "fn=(4)\n"
    "40 50\n"
    "totals: 460\n";

static void parse(const char *text, cb_cg_dump *d)
{
    cb_error err;

    if (cb_cg_parse("dump", text, strlen(text), d, &err) != 0) {
        fail_msg("%s", err.msg);
    }
}

static const cb_cg_context *context(const cb_cg_dump *d, const char *prefix)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        if (strncmp(d->items[i].name, prefix, strlen(prefix)) == 0) {
            return &d->items[i];
        }
    }
    fail_msg("no context %s", prefix);
    return NULL;
}

static void test_format(void **state)
{
    cb_cg_dump d;

    (void) state;
    parse(dump_fg, &d);
    assert_int_equal(d.n, 4);
    assert_true(d.summary == 460.0);
    /* the call line's 300 is f's, not bench_fg's */
    assert_true(context(&d, "bench_fg'")->self == 10.0);
    assert_true(context(&d, "f'")->self == 300.0);
    assert_string_equal(context(&d, "f'")->object, "/usr/lib/libg.so.1");
    assert_true(context(&d, "g'")->self == 100.0);
    assert_true(context(&d, "h'")->self == 50.0);
    assert_string_equal(context(&d, "bench_fg'")->object, "/usr/bin/bench");
    cb_cg_dump_free(&d);
}

static void test_format_refuses(void **state)
{
    static const char *const bad[][2] = {
        { "# callgrind format\nevents: Ir\nsummary: 11\nfn=f\n1 10\n", "summary says 11" },
        { "# callgrind format\nevents: Ir\nfn=f\n1 10\n", "no summary" },
        { "# callgrind format\nevents: Dr\nsummary: 1\n", "no Ir event" },
        { "# callgrind format\nevents: Ir\nsummary: 1\nfn=(7)\n1 1\n", "before it was defined" },
        { "# callgrind format\nevents: Ir\nsummary: 1\n1 1\n", "before any fn=" },
        { "# callgrind format\nevents: Ir\nsummary: 1\nfn=f\n1 x\n", "not a whole number" },
        { "hello\n", "not callgrind's format" },
        { "# callgrind format\nevents: Ir\nsummary: 1\nfn=f\ncfn=g\ncalls=x 1\n1 1\n",
          "a call count that is not a whole number" },
        { "# callgrind format\nevents: Ir\nsummary: 1\nfn=f\ncalls=1 1\n1 1\n",
          "calls= before any cfn=" },
    };
    cb_cg_dump d;
    cb_error   err;
    size_t     i;

    (void) state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (cb_cg_parse("bad.out", bad[i][0], strlen(bad[i][0]), &d, &err) == 0) {
            fail_msg("accepted %s", bad[i][0]);
        }
        if (strstr(err.msg, bad[i][1]) == NULL || strstr(err.msg, "bad.out") == NULL) {
            fail_msg("for %s: \"%s\" does not say \"%s\" and where", bad[i][0], err.msg,
                     bad[i][1]);
        }
    }
}

static const cb_profile_node *node(const cb_profile *p, const char *name, size_t depth)
{
    size_t i;

    for (i = 0; i < p->nnodes; i++) {
        if (strcmp(p->nodes[i].name, name) == 0 && p->nodes[i].depth == depth) {
            return &p->nodes[i];
        }
    }
    fail_msg("no node %s at depth %zu", name, depth);
    return NULL;
}

static cb_profile *build(const char *const *texts, size_t n, double iterations)
{
    cb_cg_dump *d = calloc(n, sizeof *d);
    cb_profile *p;
    cb_error    err;
    size_t      i;

    assert_non_null(d);
    for (i = 0; i < n; i++) {
        parse(texts[i], &d[i]);
    }
    if (cb_profile_build(d, n, iterations, "/usr/bin/bench", &p, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    for (i = 0; i < n; i++) {
        cb_cg_dump_free(&d[i]);
    }
    free(d);
    return p;
}

static void test_tree(void **state)
{
    const char *const dumps[] = { dump_fg, dump_fg };
    cb_profile       *p = build(dumps, 2, 4.0);
    const cb_profile_fn *g;

    (void) state;
    /* two dumps of 460, over 4 iterations: 230 per iteration */
    assert_true(p->total == 230.0);
    assert_int_equal(p->nnodes, 4);
    /* the run function is the root; the harness above it is gone */
    assert_string_equal(p->nodes[0].name, "bench_fg");
    /* the program's own functions have no object: it has another name each build */
    assert_string_equal(p->nodes[0].object, "");
    assert_true(p->nodes[0].self == 5.0);
    /* siblings costliest first: f, then g and its h */
    assert_string_equal(p->nodes[1].name, "f");
    assert_string_equal(p->nodes[1].object, "libg.so.1");
    assert_true(p->nodes[1].total == 150.0);
    assert_string_equal(p->nodes[2].name, "g");
    assert_true(node(p, "g", 1)->total == 75.0);
    assert_true(node(p, "h", 2)->self == 25.0);
    assert_int_equal(node(p, "h", 2)->parent, 2);
    /* functions by self cost */
    assert_string_equal(p->fns[0].name, "f");
    g = cb_profile_find_fn(p, "g", "libg.so.1");
    assert_non_null(g);
    assert_true(g->self == 50.0 && g->total == 75.0);
    cb_profile_free(p);
}

/* f calls itself: its inclusive cost counts each instruction once. */
static const char dump_recursive[] =
    "# callgrind format\nevents: Ir\nsummary: 70\n"
    "fn=run'cb_state_call'main\n0 10\n"
    "fn=f'run'cb_state_call'main\n0 20\n"
    "fn=f'f'run'cb_state_call'main\n0 40\n";

static void test_recursion(void **state)
{
    const char *const    dumps[] = { dump_recursive };
    cb_profile          *p = build(dumps, 1, 1.0);
    const cb_profile_fn *f = cb_profile_find_fn(p, "f", "");

    (void) state;
    assert_non_null(f);
    assert_true(f->self == 60.0);
    assert_true(f->total == 60.0); /* not 60 + 40 */
    assert_true(p->total == 70.0);
    cb_profile_free(p);
}

/* A chain callgrind cut before the harness hangs under CB_PROFILE_DEEPER. */
static const char dump_deep[] =
    "# callgrind format\nevents: Ir\nsummary: 30\n"
    "fn=run'cb_state_call'main\n0 10\n"
    "fn=leaf'x9'x8'x7\n0 20\n";

static void test_deeper(void **state)
{
    const char *const      dumps[] = { dump_deep };
    cb_profile            *p = build(dumps, 1, 1.0);
    const cb_profile_node *deeper = node(p, CB_PROFILE_DEEPER, 1);

    (void) state;
    assert_true(deeper->total == 20.0);
    assert_true(node(p, "x7", 2)->total == 20.0);
    assert_true(node(p, "leaf", 5)->self == 20.0);
    assert_true(p->total == 30.0);
    cb_profile_free(p);
}

/* Without symbols there is no anchor: the frames every chain shares are the
 * harness, and the innermost of them is the root. */
static const char dump_stripped[] =
    "# callgrind format\nevents: Ir\nsummary: 30\n"
    "fn=0x10'0x20'0x30\n0 10\n"
    "fn=0x11'0x10'0x20'0x30\n0 20\n";

static void test_stripped(void **state)
{
    const char *const dumps[] = { dump_stripped };
    cb_profile       *p = build(dumps, 1, 1.0);

    (void) state;
    assert_string_equal(p->nodes[0].name, "0x10");
    assert_true(p->nodes[0].self == 10.0);
    assert_true(node(p, "0x11", 1)->self == 20.0);
    cb_profile_free(p);
}

static void test_nothing_to_profile(void **state)
{
    cb_cg_dump  d;
    cb_profile *p;
    cb_error    err;

    (void) state;
    parse("# callgrind format\nevents: Ir\nsummary: 0\n", &d);
    assert_int_equal(cb_profile_build(&d, 1, 1.0, NULL, &p, &err), -1);
    assert_non_null(strstr(err.msg, "no instructions"));
    cb_cg_dump_free(&d);
}

/* g doing double: g is what grew, and all of the change. */
static const char dump_g_double[] =
    "# callgrind format\nevents: Ir\nsummary: 560\n"
    "fn=bench_fg'cb_state_call'main\n0 10\n"
    "fn=f'bench_fg'cb_state_call'main\n0 300\n"
    "fn=g'bench_fg'cb_state_call'main\n0 200\n"
    "fn=h'g'bench_fg'cb_state_call'main\n0 50\n";

static const char dump_g_single[] =
    "# callgrind format\nevents: Ir\nsummary: 460\n"
    "fn=bench_fg'cb_state_call'main\n0 10\n"
    "fn=f'bench_fg'cb_state_call'main\n0 300\n"
    "fn=g'bench_fg'cb_state_call'main\n0 100\n"
    "fn=h'g'bench_fg'cb_state_call'main\n0 50\n";

static void test_diff(void **state)
{
    const char *const old_dumps[] = { dump_g_single }, *new_dumps[] = { dump_g_double };
    cb_profile       *old = build(old_dumps, 1, 1.0), *now = build(new_dumps, 1, 1.0);
    cb_profile_diff  *d = cb_profile_diff_new(old, now);
    size_t            i;

    (void) state;
    assert_non_null(d);
    assert_true(d->old_total == 460.0 && d->new_total == 560.0);
    /* only g changed: f and h, the same, are not named */
    assert_int_equal(d->n, 1);
    assert_string_equal(d->changes[0].name, "g");
    assert_true(d->changes[0].old_self == 100.0 && d->changes[0].new_self == 200.0);
    assert_true(d->changes[0].old_total == 150.0 && d->changes[0].new_total == 250.0);
    /* every call path of the new tree has its baseline's cost beside it */
    for (i = 0; i < now->nnodes; i++) {
        const cb_profile_node *v = &now->nodes[i];
        double                 want = strcmp(v->name, "g") == 0          ? 150.0
                                      : strcmp(v->name, "bench_fg") == 0 ? 460.0
                                                                         : v->total;

        support_close_abs(d->old_node_total[i], want, 0.0, v->name);
    }
    cb_profile_diff_free(d);
    cb_profile_free(old);
    cb_profile_free(now);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text = calloc(1, 1 << 16);

    assert_non_null(f);
    assert_non_null(text);
    assert_true(fread(text, 1, (1 << 16) - 1, f) > 0);
    fclose(f);
    return text;
}

static void test_store(void **state)
{
    const char *const dumps[] = { dump_fg };
    cb_profile       *p = build(dumps, 1, 2.0), *back, *other;
    char              dir[] = "/tmp/cryptbench-profile-XXXXXX", path[512], again[512];
    char             *first, *second;
    cb_error          err;
    size_t            i;

    (void) state;
    assert_non_null(mkdtemp(dir));
    assert_int_equal(cb_profile_path(path, sizeof path, dir, "base", "g/x=1/y", &err), 0);
    assert_non_null(strstr(path, "/profiles/base/g.x=3d1.y.json"));
    assert_int_equal(cb_profile_path(path, sizeof path, dir, "../up", "g/x", &err), -1);
    assert_int_equal(cb_profile_path(path, sizeof path, dir, "base", "g/x", &err), 0);
    assert_int_equal(cb_profile_load(path, "g/x", &back, &err), 1); /* none yet */
    assert_null(back);
    assert_int_equal(cb_profile_save(path, "g/x", p, &err), 0);
    assert_int_equal(cb_profile_load(path, "g/x", &back, &err), 0);
    assert_int_equal(back->nnodes, p->nnodes);
    for (i = 0; i < p->nnodes; i++) {
        assert_string_equal(back->nodes[i].name, p->nodes[i].name);
        assert_true(back->nodes[i].total == p->nodes[i].total);
    }
    /* the same profile writes the same bytes */
    snprintf(again, sizeof again, "%s/again.json", dir);
    assert_int_equal(cb_profile_save(again, "g/x", back, &err), 0);
    first = slurp(path);
    second = slurp(again);
    assert_string_equal(first, second);
    /* another benchmark's file is refused, with where */
    assert_int_equal(cb_profile_load(path, "g/other", &other, &err), -1);
    assert_null(other);
    assert_non_null(strstr(err.msg, "expected the profile of \"g/other\""));
    assert_non_null(strstr(err.msg, path));
    unlink(again);
    unlink(path);
    /* the save made dir/profiles/base/ */
    snprintf(again, sizeof again, "%s/profiles/base", dir);
    assert_int_equal(rmdir(again), 0);
    snprintf(again, sizeof again, "%s/profiles", dir);
    assert_int_equal(rmdir(again), 0);
    assert_int_equal(rmdir(dir), 0);
    free(first);
    free(second);
    cb_profile_free(back);
    cb_profile_free(p);
}

static void test_store_refuses(void **state)
{
    static const char *const bad[][2] = {
        { "{\"schema_version\": 2}", "unsupported schema version" },
        { "{\"schema_version\": 1, \"name\": \"g/x\", \"unit\": \"instructions\", \"samples\": 1, "
          "\"iterations\": 1, \"nodes\": [{\"name\": \"r\", \"object\": \"\", \"parent\": 0, "
          "\"self\": 1}]}",
          "expected -1" },
        { "{\"schema_version\": 1, \"name\": \"g/x\", \"unit\": \"instructions\", \"samples\": 1, "
          "\"iterations\": 1, \"nodes\": [{\"name\": \"r\", \"object\": \"\", \"parent\": -1, "
          "\"self\": 1}, {\"name\": \"s\", \"object\": \"\", \"parent\": 1, \"self\": 1}]}",
          "an earlier node" },
        { "{\"schema_version\": 1, \"name\": \"g/x\", \"unit\": \"instructions\", \"samples\": 1, "
          "\"iterations\": 1, \"nodes\": [{\"name\": \"r\", \"object\": \"\", \"parent\": -1, "
          "\"self\": -1}]}",
          "self" },
        { "{\"schema_version\": 1,", "not valid JSON" },
        /* the root has calls: every node must */
        { "{\"schema_version\": 1, \"name\": \"g/x\", \"unit\": \"instructions\", \"samples\": 1, "
          "\"iterations\": 1, \"nodes\": [{\"name\": \"r\", \"object\": \"\", \"parent\": -1, "
          "\"self\": 1, \"calls\": 1}, {\"name\": \"s\", \"object\": \"\", \"parent\": 0, "
          "\"self\": 1}]}",
          "calls" },
        { "{\"schema_version\": 1, \"name\": \"g/x\", \"unit\": \"instructions\", \"samples\": 1, "
          "\"iterations\": 1, \"nodes\": [{\"name\": \"r\", \"object\": \"\", \"parent\": -1, "
          "\"self\": 1, \"calls\": -2}]}",
          "calls" },
    };
    cb_profile *p;
    cb_error    err;
    size_t      i;

    (void) state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *path = support_temp_file(bad[i][0]);

        assert_int_equal(cb_profile_load(path, "g/x", &p, &err), -1);
        assert_null(p);
        if (strstr(err.msg, bad[i][1]) == NULL || strstr(err.msg, path) == NULL) {
            fail_msg("for %s: \"%s\" does not say \"%s\" and where", bad[i][0], err.msg,
                     bad[i][1]);
        }
        unlink(path);
    }
}

static cb_profile *build_file(const char *name)
{
    cb_cg_dump  d;
    cb_profile *p;
    cb_error    err;
    char        path[256];

    snprintf(path, sizeof path, "tests/data/%s", name);
    if (cb_cg_read(path, &d, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    /* two iterations in each file */
    if (cb_profile_build(&d, 1, 2.0, "/usr/bin/bench", &p, &err) != 0) {
        fail_msg("%s", err.msg);
    }
    cb_cg_dump_free(&d);
    return p;
}

/* The calls= lines, counted into the contexts they call (one whose fn= is
 * further down too), per iteration in the tree and the function table. */
static void test_calls(void **state)
{
    cb_profile          *p = build_file("callgrind-calls-old.out");
    const cb_profile_fn *f;

    (void) state;
    assert_true(p->has_calls);
    assert_true(p->total == 63.0);
    f = cb_profile_find_fn(p, "more", "libc.so.6");
    assert_non_null(f);
    assert_true(f->self == 20.0 && f->calls == 2.0);
    f = cb_profile_find_fn(p, "costlier", "libc.so.6");
    assert_non_null(f);
    assert_true(f->self == 30.0 && f->calls == 1.0);
    /* a recursive call is a call: once from run, once from itself */
    assert_true(node(p, "rec", 1)->calls == 1.0 && node(p, "rec", 2)->calls == 1.0);
    f = cb_profile_find_fn(p, "rec", "");
    assert_non_null(f);
    assert_true(f->calls == 2.0 && f->self == 10.0);
    cb_profile_free(p);
}

static char *grew_text(const cb_profile_diff *d)
{
    char  *text = NULL;
    size_t len = 0;
    FILE  *out = open_memstream(&text, &len);

    assert_non_null(out);
    cb_profile_text_grew(out, 0, d, CB_PROFILE_GREW_TOP);
    fclose(out);
    return text;
}

/* "more" is called twice as often at the same cost a call; "costlier" as
 * often, each call twice the cost: the calls beside the instructions tell
 * them apart, through a stored profile too; one stored before the calls
 * were kept loads, and shows none. */
static void test_calls_diff(void **state)
{
    cb_profile      *old = build_file("callgrind-calls-old.out");
    cb_profile      *now = build_file("callgrind-calls-new.out"), *back, *bare;
    cb_profile_diff *d;
    char             dir[] = "/tmp/cryptbench-calls-XXXXXX", path[512], *text;
    cb_error         err;
    size_t           i;
    const char      *old_file =
        "{\"schema_version\": 1, \"name\": \"g/x\", \"unit\": \"instructions\", "
        "\"samples\": 1, \"iterations\": 2, \"nodes\": [{\"name\": \"run\", \"object\": \"\", "
        "\"parent\": -1, \"self\": 3}, {\"name\": \"more\", \"object\": \"libc.so.6\", "
        "\"parent\": 0, \"self\": 20}, {\"name\": \"costlier\", \"object\": \"libc.so.6\", "
        "\"parent\": 0, \"self\": 30}]}";

    (void) state;
    /* what a run writes, the next run reads: the calls too */
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/g.x.json", dir);
    assert_int_equal(cb_profile_save(path, "g/x", old, &err), 0);
    assert_int_equal(cb_profile_load(path, "g/x", &back, &err), 0);
    assert_true(back->has_calls);
    assert_int_equal(back->nnodes, old->nnodes);
    for (i = 0; i < old->nnodes; i++) {
        assert_string_equal(back->nodes[i].name, old->nodes[i].name);
        assert_true(back->nodes[i].calls == old->nodes[i].calls);
    }
    unlink(path);
    rmdir(dir);

    d = cb_profile_diff_new(back, now);
    assert_non_null(d);
    assert_int_equal(d->n, 2);
    assert_string_equal(d->changes[0].name, "costlier");
    assert_true(d->changes[0].old_self == 30.0 && d->changes[0].new_self == 60.0);
    assert_true(d->changes[0].old_calls == 1.0 && d->changes[0].new_calls == 1.0);
    assert_string_equal(d->changes[1].name, "more");
    assert_true(d->changes[1].old_self == 20.0 && d->changes[1].new_self == 40.0);
    assert_true(d->changes[1].old_calls == 2.0 && d->changes[1].new_calls == 4.0);
    text = grew_text(d);
    assert_string_equal(text,
                        "what changed, self instructions per iteration:\n"
                        "  +30.000  30.000 -> 60.000  calls 1.0000 -> 1.0000  costlier (libc.so.6) "
                        "(60% of the change)\n"
                        "  +20.000  20.000 -> 40.000  calls 2.0000 -> 4.0000  more (libc.so.6) "
                        "(40% of the change)\n");
    free(text);
    cb_profile_diff_free(d);

    /* a baseline stored before the calls were kept: no calls to compare */
    path[0] = '\0';
    strcat(path, support_temp_file(old_file));
    assert_int_equal(cb_profile_load(path, "g/x", &bare, &err), 0);
    unlink(path);
    assert_false(bare->has_calls);
    d = cb_profile_diff_new(bare, now);
    assert_non_null(d);
    assert_true(isnan(d->changes[0].old_calls) && d->changes[0].new_calls == 1.0);
    text = grew_text(d);
    assert_non_null(strstr(text, "  +30.000  30.000 -> 60.000  costlier (libc.so.6)"));
    assert_null(strstr(text, "calls"));
    free(text);
    cb_profile_diff_free(d);
    cb_profile_free(bare);
    cb_profile_free(back);
    cb_profile_free(old);
    cb_profile_free(now);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_refuses),
        cmocka_unit_test(test_tree),
        cmocka_unit_test(test_recursion),
        cmocka_unit_test(test_deeper),
        cmocka_unit_test(test_stripped),
        cmocka_unit_test(test_nothing_to_profile),
        cmocka_unit_test(test_diff),
        cmocka_unit_test(test_store),
        cmocka_unit_test(test_store_refuses),
        cmocka_unit_test(test_calls),
        cmocka_unit_test(test_calls_diff),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
