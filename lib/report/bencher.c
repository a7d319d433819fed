#include <math.h>
#include <stdlib.h>

#include "report/report.h"

/*
 * The lines Rust's `cargo bench` prints, which github-action-benchmark, Bencher
 * and others parse: the typical estimate and the standard deviation, in
 * nanoseconds (or the run's unit), with thousands separators as libtest does.
 */
typedef struct bencher {
    cb_report_options opt;
} bencher;

static void put_grouped(FILE *out, double x)
{
    char   digits[32], grouped[48];
    size_t n, i, k = 0;

    if (x < 100.0) {
        /* libtest rounds to whole ns; below 100 that throws away the signal */
        fprintf(out, "%.2f", x);
        return;
    }
    n = (size_t) snprintf(digits, sizeof digits, "%.0f", x);
    for (i = 0; i < n && k + 2 < sizeof grouped; i++) {
        if (i > 0 && (n - i) % 3 == 0) {
            grouped[k++] = ',';
        }
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    fputs(grouped, out);
}

static void write_line(void *self, const cb_run *run, const cb_result *r)
{
    bencher *b = self;

    if (r->failed) {
        fprintf(b->opt.out, "test %s ... FAILED: %s\n", r->name,
                r->failure != NULL ? r->failure : "");
        return;
    }
    fprintf(b->opt.out, "test %s ... bench: ", r->name);
    put_grouped(b->opt.out, cb_result_typical(r)->point);
    fprintf(b->opt.out, " %s/iter (+/- ", run->unit);
    put_grouped(b->opt.out, r->analysis.std_dev.point);
    fputs(")\n", b->opt.out);
    fflush(b->opt.out);
}

static void close_bencher(void *self)
{
    free(self);
}

int cb_report_bencher_open(cb_reporter *rep, const cb_report_options *opt)
{
    bencher *b = calloc(1, sizeof *b);

    if (b == NULL) {
        return -1;
    }
    b->opt = *opt;
    *rep = (cb_reporter){ .result = write_line, .close = close_bencher, .self = b };
    return 0;
}
