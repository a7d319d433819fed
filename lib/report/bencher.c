#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/format.h"
#include "report/report.h"

/*
 * What Rust's libtest prints for `cargo bench`, which github-action-benchmark
 * (tool: cargo) and Bencher (rust_bench) parse line by line:
 *
 *     running 3 tests
 *     test did/sha256/64/libsodium ... bench:      337.21 ns/iter (+/- 12.40)
 *     test did/sha256/64/openssl   ... bench:      101.69 ns/iter (+/- 4.02)
 *     test sign/broken             ... FAILED
 *
 *     failures:
 *     ...
 *     test result: FAILED. 0 passed; 1 failed; 0 ignored; 2 measured; 0 filtered out
 *
 * The value is the typical estimate, "+/-" what libtest prints there: max -
 * min of the per-iteration values winsorized at 5% each end. Both are written
 * as libtest writes them since it prints fractions of a nanosecond (thousands
 * separators, two decimals), and below 1 with three significant digits, so
 * that a sub-nanosecond time never reads as 0 (cb_format_libtest). Counts
 * print as "cycles/iter" or "instructions/iter": a parser that reads the unit
 * charts them as counts, one that knows only time skips the line rather than
 * take cycles for nanoseconds (docs/formats.md says which does which).
 *
 * Written at the end, when the names to align and the count are known. A
 * failure's reason goes below the results, indented, where no parser looks
 * for a result line: on the "test" line itself it could read as one.
 */
typedef struct bencher {
    cb_report_options opt;
} bencher;

/* libtest's names are Rust paths, without spaces; Bencher's parser takes a
 * name up to the first space. */
static void put_name(FILE *out, const char *name, size_t width)
{
    size_t len = strlen(name);

    for (; *name != '\0'; name++) {
        fputc(*name == ' ' ? '_' : *name, out);
    }
    fprintf(out, "%*s", (int) (width - len), "");
}

static void write_results(void *self, const cb_run *run)
{
    bencher *b = self;
    FILE    *out = b->opt.out;
    size_t   i, width = 0, failed = 0;
    char     value[48], range[48];

    for (i = 0; i < run->n; i++) {
        size_t len = strlen(run->results[i].name);

        width = len > width ? len : width;
        failed += run->results[i].failed != 0;
    }
    fprintf(out, "\nrunning %zu test%s\n", run->n, run->n == 1 ? "" : "s");
    for (i = 0; i < run->n; i++) {
        const cb_result *r = &run->results[i];

        fputs("test ", out);
        put_name(out, r->name, width);
        if (r->failed) {
            fputs(" ... FAILED\n", out);
            continue;
        }
        cb_format_libtest(value, sizeof value, cb_result_typical(r)->point);
        cb_format_libtest(range, sizeof range, r->analysis.winsorized_range);
        fprintf(out, " ... bench: %11s %s/iter (+/- %s)\n", value, run->unit, range);
    }
    if (failed > 0) {
        fputs("\nfailures:\n\n", out);
        for (i = 0; i < run->n; i++) {
            if (run->results[i].failed) {
                fprintf(out, "---- %s stdout ----\n    %s\n\n", run->results[i].name,
                        run->results[i].failure != NULL ? run->results[i].failure : "");
            }
        }
        fputs("\nfailures:\n", out);
        for (i = 0; i < run->n; i++) {
            if (run->results[i].failed) {
                fprintf(out, "    %s\n", run->results[i].name);
            }
        }
    }
    fprintf(out, "\ntest result: %s. 0 passed; %zu failed; 0 ignored; %zu measured; "
                 "0 filtered out\n\n",
            failed > 0 ? "FAILED" : "ok", failed, run->n - failed);
    fflush(out);
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
    *rep = (cb_reporter){ .end = write_results, .close = close_bencher, .self = b };
    return 0;
}
