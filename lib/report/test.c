#include <stdlib.h>

#include "report/check_lines.h"
#include "report/memory_text.h"
#include "report/report.h"

/* --test, as Criterion prints it: each benchmark checked and run once. */
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

    cb_check_lines_summary(t->opt.out, run, t->opt.color);
    cb_memory_lines_summary(t->opt.out, run, t->opt.color);
    fprintf(t->opt.out, "\n%zu passed, %zu failed\n", t->passed, t->failed);
}

static void close_tester(void *self)
{
    free(self);
}

int cb_report_test_open(cb_reporter *rep, const cb_report_options *opt)
{
    tester *t = calloc(1, sizeof *t);

    if (t == NULL) {
        return -1;
    }
    t->opt = *opt;
    *rep = (cb_reporter){ .result = print_test, .end = print_total, .close = close_tester,
                          .self = t };
    return 0;
}
