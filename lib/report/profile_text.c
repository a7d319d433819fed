#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/format.h"
#include "report/profile_text.h"

void cb_profile_text_count(char *buf, size_t size, double count)
{
    size_t len;

    cb_format_value(buf, size, count, "");
    /* the formatter's unit is empty: no space after a bare number */
    len = strlen(buf);
    if (len > 0 && buf[len - 1] == ' ') {
        buf[len - 1] = '\0';
    }
}

void cb_profile_text_name(char *buf, size_t size, const char *name, const char *object)
{
    if (object[0] != '\0') {
        snprintf(buf, size, "%s (%s)", name, object);
    } else {
        snprintf(buf, size, "%s", name);
    }
}

void cb_profile_text_calls(char *buf, size_t size, const cb_profile_change *c,
                           const char *arrow)
{
    char before[32], after[32];

    if (isnan(c->old_calls) || isnan(c->new_calls)) {
        if (size > 0) {
            buf[0] = '\0';
        }
        return;
    }
    cb_profile_text_count(before, sizeof before, c->old_calls);
    cb_profile_text_count(after, sizeof after, c->new_calls);
    snprintf(buf, size, "%s %s %s", before, arrow, after);
}

void cb_profile_text_top(FILE *out, int indent, const cb_profile *p, size_t k)
{
    char   count[32], total[32], name[512];
    size_t i;

    if (!(p->total > 0.0)) {
        return;
    }
    cb_profile_text_count(total, sizeof total, p->total);
    fprintf(out, "%*sprofile: %s instructions per iteration; self, inclusive:\n", indent, "",
            total);
    /* sorted by self: the rest, below a ten-thousandth, would read 0.00% */
    for (i = 0; i < k && i < p->nfns && p->fns[i].self >= 1e-4 * p->total; i++) {
        const cb_profile_fn *f = &p->fns[i];

        cb_profile_text_count(count, sizeof count, f->self);
        cb_profile_text_name(name, sizeof name, f->name, f->object);
        fprintf(out, "%*s%6.2f%% %6.2f%% %10s  %s\n", indent + 2, "", 100.0 * f->self / p->total,
                100.0 * f->total / p->total, count, name);
    }
}

void cb_profile_text_grew(FILE *out, int indent, const cb_profile_diff *d, size_t k)
{
    double change = d->new_total - d->old_total;
    char   before[32], after[32], delta[32], calls[80], name[512];
    size_t i;

    if (d->n == 0) {
        return;
    }
    fprintf(out, "%*swhat changed, self instructions per iteration:\n", indent, "");
    for (i = 0; i < k && i < d->n; i++) {
        const cb_profile_change *c = &d->changes[i];
        double                   by = c->new_self - c->old_self;

        cb_profile_text_count(before, sizeof before, c->old_self);
        cb_profile_text_count(after, sizeof after, c->new_self);
        cb_profile_text_count(delta, sizeof delta, fabs(by));
        cb_profile_text_name(name, sizeof name, c->name, c->object);
        cb_profile_text_calls(calls, sizeof calls, c, "->");
        fprintf(out, "%*s%c%s  %s -> %s  ", indent + 2, "", by < 0.0 ? '-' : '+', delta,
                before, after);
        if (calls[0] != '\0') {
            fprintf(out, "calls %s  ", calls);
        }
        fputs(name, out);
        if (change != 0.0) {
            fprintf(out, " (%.0f%% of the change)", 100.0 * by / change);
        }
        fputc('\n', out);
    }
}
