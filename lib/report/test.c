#include <stdlib.h>

#include "report/check_lines.h"
#include "report/memory_text.h"
#include "report/report.h"
#include "store/check_json.h"
#include "store/memory_json.h"

/* --test, as Criterion prints it: each benchmark checked and run once; or
 * with --format json, one object per benchmark and line. */
typedef struct tester {
    cb_report_options opt;
    size_t            passed, failed;
} tester;

#define RED "\033[31m"
#define GREEN "\033[32m"
#define RESET "\033[0m"

static void print_test(void *self, const cb_run *run, const cb_result *r)
{
    tester *t = self;

    (void) run;
    fprintf(t->opt.out, "Testing %s ... ", r->name);
    if (r->failed) {
        t->failed++;
        fprintf(t->opt.out, "%sFAILED%s: %s\n", t->opt.color ? RED : "", t->opt.color ? RESET : "",
                r->failure != NULL ? r->failure : "");
    } else {
        t->passed++;
        fprintf(t->opt.out, "%sSuccess%s\n", t->opt.color ? GREEN : "", t->opt.color ? RESET : "");
        cb_check_lines(t->opt.out, r, 4, t->opt.color);
        cb_memory_lines(t->opt.out, r, 4, t->opt.color);
    }
    fflush(t->opt.out);
}

static void print_total(void *self, const cb_run *run)
{
    tester *t = self;

    cb_check_lines_summary(t->opt.out, run, &t->opt);
    cb_memory_lines_summary(t->opt.out, run, t->opt.color);
    /* "passed" is the known-answer check's: the constant-time checks flag,
     * they do not pass */
    fprintf(t->opt.out, "\nKnown-answer checks: %zu passed, %zu failed\n", t->passed, t->failed);
}

/* {"name": ..., "test": "success" | "failed", "failure": null | why,
 * "checks": ..., "memory": ...}: what --test found (its memory where --memory
 * counted it), without estimates, which it has none of. */
static void write_test(void *self, const cb_run *run, const cb_result *r)
{
    tester *t = self;
    json_t *obj;

    (void) run;
    obj = json_pack("{s:s, s:s, s:o}", "name", r->name, "test", r->failed ? "failed" : "success",
                    "failure", r->failed && r->failure != NULL ? json_string(r->failure)
                                                               : json_null());
    if (obj == NULL || cb_check_json_encode(obj, r) != 0 || cb_memory_json_encode(obj, r) != 0) {
        fprintf(t->opt.err, "cryptbench: out of memory encoding %s\n", r->name);
        json_decref(obj);
        return;
    }
    json_dumpf(obj, t->opt.out, JSON_COMPACT | JSON_REAL_PRECISION(17));
    fputc('\n', t->opt.out);
    fflush(t->opt.out);
    json_decref(obj);
}

static void close_tester(void *self)
{
    free(self);
}

int cb_report_test_open(cb_reporter *rep, const cb_report_options *opt, int json)
{
    tester *t = calloc(1, sizeof *t);

    if (t == NULL) {
        return -1;
    }
    t->opt = *opt;
    *rep = json ? (cb_reporter){ .result = write_test, .close = close_tester, .self = t }
                : (cb_reporter){ .result = print_test, .end = print_total,
                                 .close = close_tester, .self = t };
    return 0;
}
