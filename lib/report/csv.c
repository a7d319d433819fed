#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

/*
 * One row per benchmark. Numbers are raw (in the run's unit, throughput per
 * second or per byte) so that a spreadsheet can compute with them; names are
 * quoted only if they need it (RFC 4180).
 */
typedef struct csv_reporter {
    cb_report_options opt;
} csv_reporter;

static void put_field(FILE *out, const char *s)
{
    if (s == NULL) {
        return;
    }
    if (strpbrk(s, ",\"\n\r") == NULL) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s != '\0'; s++) {
        if (*s == '"') {
            fputc('"', out);
        }
        fputc(*s, out);
    }
    fputc('"', out);
}

static void put_estimate(FILE *out, const cb_estimate *e)
{
    fprintf(out, ",%.17g,%.17g,%.17g", e->lower, e->point, e->upper);
}

/* The memory columns: the figures --memory counted, empty when it did not
 * (or could not; its reason is the terminal's and JSON's to give). */
static void put_memory(FILE *out, const cb_memory *m)
{
    int k;

    for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
        if (m->status == CB_MEMORY_COUNTED && isfinite(m->figures[k])) {
            fprintf(out, ",%.17g", m->figures[k]);
        } else {
            fputc(',', out);
        }
    }
}

static void write_header(void *self, const cb_run *run)
{
    csv_reporter *c = self;
    int           k;

    (void) run;
    fputs("name,status,unit,mode,samples,lower,estimate,upper,mean,median,std_dev,mad,"
          "r_squared,throughput_unit,throughput_lower,throughput,throughput_upper,"
          "outliers,change_lower,change,change_upper,p_value,verdict,failure",
          c->opt.out);
    for (k = 0; k < CB_MEMORY_NFIGURES; k++) {
        fprintf(c->opt.out, ",%s", cb_memory_figure_key((cb_memory_figure) k));
    }
    fputc('\n', c->opt.out);
}

static void write_row(void *self, const cb_run *run, const cb_result *r)
{
    csv_reporter      *c = self;
    FILE              *out = c->opt.out;
    const cb_analysis *a = &r->analysis;

    put_field(out, r->name);
    if (r->failed) {
        fprintf(out, ",failed,%s,,,,,,,,,,,,,,,,,,,,,", run->unit);
        put_field(out, r->failure);
        put_memory(out, &r->memory);
        fputc('\n', out);
        return;
    }
    fprintf(out, ",ok,%s,%s,%zu", run->unit, cb_mode_name(r->plan.mode), r->samples.n);
    put_estimate(out, cb_result_typical(r));
    fprintf(out, ",%.17g,%.17g,%.17g,%.17g,", a->mean.point, a->median.point,
            a->std_dev.point, a->mad.point);
    if (r->plan.mode == CB_MODE_LINEAR) {
        fprintf(out, "%.17g", a->r_squared);
    }
    if (r->throughput != CB_THROUGHPUT_NONE && r->per_iteration > 0) {
        const char *kind = r->throughput == CB_THROUGHPUT_BYTES ? "bytes" : "elements";

        if (strcmp(run->unit, "ns") == 0) {
            fprintf(out, ",%s/s", kind);
        } else {
            fprintf(out, ",%s/%s", run->unit, r->throughput == CB_THROUGHPUT_BYTES ? "byte"
                                                                                 : "element");
        }
        put_estimate(out, &a->throughput);
    } else {
        fputs(",,,,", out);
    }
    fprintf(out, ",%zu", cb_outliers_total(&a->outliers));
    if (r->has_change) {
        put_estimate(out, &r->change.estimate);
        fprintf(out, ",%.17g,%s,", r->change.p_value, cb_verdict_name(r->change.verdict));
    } else {
        fputs(",,,,,,", out);
    }
    put_memory(out, &r->memory);
    fputc('\n', out);
    fflush(out);
}

static void close_csv(void *self)
{
    free(self);
}

int cb_report_csv_open(cb_reporter *rep, const cb_report_options *opt)
{
    csv_reporter *c = calloc(1, sizeof *c);

    if (c == NULL) {
        return -1;
    }
    c->opt = *opt;
    *rep = (cb_reporter){ .begin = write_header, .result = write_row, .close = close_csv,
                          .self = c };
    return 0;
}
