#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "report/format.h"
#include "report/memory_text.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define RESET "\033[0m"

void cb_memory_text_figure(char *buf, size_t size, cb_memory_figure f, double x)
{
    if (cb_memory_figure_is_bytes(f)) {
        cb_format_bytes(buf, size, x);
    } else if (x == floor(x) && fabs(x) < 9007199254740992.0) {
        snprintf(buf, size, "%.0f", x);
    } else {
        snprintf(buf, size, "%.6g", x);
    }
}

/* "3 allocations", "1 free", "0.5 allocations" */
static void count(cb_buf *b, double n, const char *what)
{
    char v[48];

    cb_memory_text_figure(v, sizeof v, CB_MEMORY_ALLOCATIONS, n);
    cb_buf_printf(b, "%s %s%s", v, what, n == 1.0 ? "" : "s");
}

void cb_memory_text_counts(char *buf, size_t size, const cb_memory *m, size_t threads)
{
    const double *f = m->figures;
    cb_buf        b = { NULL, 0, 0, 0 };
    char          bytes[32], held[32], peak[32], resident[32];

    if (m->status != CB_MEMORY_COUNTED) {
        snprintf(buf, size, "not counted: %s", m->why != NULL ? m->why : "failed");
        return;
    }
    cb_format_bytes(bytes, sizeof bytes, f[CB_MEMORY_BYTES]);
    cb_format_bytes(held, sizeof held, fabs(f[CB_MEMORY_NET_BYTES]));
    cb_format_bytes(peak, sizeof peak, f[CB_MEMORY_PEAK_BYTES]);
    cb_format_bytes(resident, sizeof resident, f[CB_MEMORY_PEAK_RESIDENT]);
    if (f[CB_MEMORY_ALLOCATIONS] == 0.0 && f[CB_MEMORY_FREES] == 0.0) {
        cb_buf_puts(&b, "no allocation");
    } else {
        count(&b, f[CB_MEMORY_ALLOCATIONS], "allocation");
        cb_buf_printf(&b, " (%s) and ", bytes);
        count(&b, f[CB_MEMORY_FREES], "free");
        cb_buf_puts(&b, " per iteration, ");
        if (f[CB_MEMORY_NET_BYTES] > 0.0) {
            cb_buf_printf(&b, "leaks %s per iteration", held);
        } else if (f[CB_MEMORY_NET_BYTES] < 0.0) {
            cb_buf_printf(&b, "frees %s per iteration more than it allocates", held);
        } else {
            cb_buf_puts(&b, "no leak");
        }
    }
    cb_buf_printf(&b, "; peak %s, resident %s", peak, resident);
    if (threads > 0) {
        cb_buf_printf(&b, " (each of %zu threads; resident: all together)", threads);
    }
    snprintf(buf, size, "%s", b.oom ? "(out of memory)" : b.data);
    cb_buf_free(&b);
}

/* "+1 allocation", "-64 B allocated": a judged figure's change */
static void delta(cb_buf *b, cb_memory_figure f, double d, int *first)
{
    static const char *const words[CB_MEMORY_NFIGURES] = {
        [CB_MEMORY_BYTES] = "allocated", [CB_MEMORY_NET_BYTES] = "leaked",
        [CB_MEMORY_PEAK_BYTES] = "peak"
    };
    char bytes[32];

    if (!(d != 0.0)) {
        return;
    }
    cb_buf_puts(b, *first ? "" : ", ");
    *first = 0;
    if (f == CB_MEMORY_ALLOCATIONS) {
        cb_buf_puts(b, d > 0.0 ? "+" : "-");
        count(b, fabs(d), "allocation");
        return;
    }
    cb_format_bytes(bytes, sizeof bytes, fabs(d));
    cb_buf_printf(b, "%c%s %s", d > 0.0 ? '+' : '-', bytes, words[f]);
}

void cb_memory_text_change(char *buf, size_t size, const cb_memory_change *c)
{
    static const cb_memory_figure order[] = { CB_MEMORY_ALLOCATIONS, CB_MEMORY_BYTES,
                                              CB_MEMORY_NET_BYTES, CB_MEMORY_PEAK_BYTES };
    cb_buf                        b = { NULL, 0, 0, 0 };
    int                           first = 1;
    size_t                        i;

    if (c->verdict == CB_MEMORY_SAME) {
        snprintf(buf, size, "no change");
        return;
    }
    for (i = 0; i < sizeof order / sizeof order[0]; i++) {
        delta(&b, order[i], c->delta[order[i]], &first);
        if (order[i] == CB_MEMORY_NET_BYTES) {
            /* the per-iteration figures end here; the peak is of a call */
            cb_buf_puts(&b, first ? "" : " per iteration");
        }
    }
    cb_buf_printf(&b, ": %s memory", c->verdict == CB_MEMORY_MORE ? "more" : "less");
    snprintf(buf, size, "%s", b.oom ? "(out of memory)" : b.data);
    cb_buf_free(&b);
}

void cb_memory_lines(FILE *out, const cb_result *r, int indent, int color)
{
    const cb_memory *m = &r->memory;
    const char      *c = "";
    char             line[512];

    if (m->status == CB_MEMORY_NOT_COUNTED) {
        return;
    }
    cb_memory_text_counts(line, sizeof line, m, r->threads.n);
    if (color && (m->status == CB_MEMORY_FAILED || m->figures[CB_MEMORY_NET_BYTES] > 0.0)) {
        c = RED;
    }
    fprintf(out, "%*smemory: %s%s%s\n", indent, "", c, line, c[0] != '\0' ? RESET : "");
    if (m->has_change) {
        cb_memory_text_change(line, sizeof line, &m->change);
        c = !color                                      ? ""
            : m->change.verdict == CB_MEMORY_MORE ? RED
            : m->change.verdict == CB_MEMORY_LESS ? GREEN
                                                  : "";
        fprintf(out, "%*smemory change: %s%s%s (exact counts)\n", indent, "", c, line,
                c[0] != '\0' ? RESET : "");
    }
}

void cb_memory_lines_summary(FILE *out, const cb_run *run, int color)
{
    cb_memory_summary sum = cb_memory_summarize(run);
    char              held[32];
    size_t            i;

    if (sum.counted + sum.failed == 0) {
        return;
    }
    fprintf(out, "\nMemory: %zu benchmark%s counted", sum.counted, sum.counted == 1 ? "" : "s");
    if (sum.failed > 0) {
        fprintf(out, ", %s%zu could not be%s", color ? RED : "", sum.failed,
                color ? RESET : "");
    }
    if (sum.leaking == 0) {
        fprintf(out, "; no leak: every block a loop allocated was freed in it");
    } else {
        fprintf(out, "; %s%zu leak%s memory%s", color ? RED : "", sum.leaking,
                sum.leaking == 1 ? "s" : "", color ? RESET : "");
    }
    if (sum.more + sum.less > 0) {
        fprintf(out, "; against the baseline, %zu use%s more memory, %zu less", sum.more,
                sum.more == 1 ? "s" : "", sum.less);
    }
    fputc('\n', out);
    for (i = 0; i < run->n; i++) {
        const cb_memory *m = &run->results[i].memory;

        if (m->status == CB_MEMORY_COUNTED && m->figures[CB_MEMORY_NET_BYTES] > 0.0) {
            cb_format_bytes(held, sizeof held, m->figures[CB_MEMORY_NET_BYTES]);
            fprintf(out, "  %s: leaks %s per iteration\n", run->results[i].name, held);
        } else if (m->status == CB_MEMORY_FAILED) {
            fprintf(out, "  %s: not counted: %s\n", run->results[i].name,
                    m->why != NULL ? m->why : "failed");
        }
    }
}
