#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "measure/protocol.h"

#define STR_(x) #x
#define STR(x) STR_(x)

static void put_text(FILE *f, const char *key, const char *text)
{
    const char *p;

    fprintf(f, "%s ", key);
    for (p = text; *p != '\0'; p++) {
        fputc(*p == '\n' || *p == '\r' ? ' ' : *p, f);
    }
    fputc('\n', f);
}

void cb_protocol_write(FILE *f, const cb_result *r, int with_samples)
{
    size_t i;

    if (r->note != NULL) {
        put_text(f, "note", r->note);
    }
    if (r->failed) {
        put_text(f, "failed", r->failure != NULL ? r->failure : "failed");
    } else if (with_samples) {
        fprintf(f, "plan %d %zu %llu %.17g %.17g %.17g\n", (int) r->plan.mode, r->plan.n,
                (unsigned long long) r->plan.d, r->plan.met_ns, r->plan.target_ns,
                r->plan.expected_ns);
        for (i = 0; i < r->samples.n; i++) {
            fprintf(f, "sample %.17g %.17g\n", r->samples.iters[i], r->samples.values[i]);
        }
        for (i = 0; i < r->ncounters; i++) {
            fprintf(f, "counter %s %.17g %.17g\n", r->counters[i].name,
                    r->counters[i].per_iteration, r->counters[i].per_second);
        }
        for (i = 0; i < r->calls.n; i++) {
            fprintf(f, "call %.17g\n", r->calls.values[i]);
        }
    }
    fputs("end\n", f);
}

void cb_protocol_write_failure(FILE *f, const char *why)
{
    put_text(f, "failed", why);
    fputs("end\n", f);
}

int cb_protocol_complete(const char *text, size_t len)
{
    return len >= 4 && strcmp(text + len - 4, "end\n") == 0 && (len == 4 || text[len - 5] == '\n');
}

int cb_protocol_field(const char *report, const char *key, char *buf, size_t size)
{
    size_t      len = strlen(key);
    const char *line;

    for (line = report; line != NULL && *line != '\0';
         line = strchr(line, '\n') != NULL ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, key, len) == 0 && line[len] == ' ') {
            line += len + 1;
            snprintf(buf, size, "%.*s", (int) strcspn(line, "\n"), line);
            return 1;
        }
    }
    return 0;
}

static int parse_plan(const char *line, cb_result *r, const char **why)
{
    int                mode;
    unsigned long long d;

    if (r->samples.iters != NULL) {
        *why = "second plan";
        return -1;
    }
    if (sscanf(line, "%d %zu %llu %lf %lf %lf", &mode, &r->plan.n, &d, &r->plan.met_ns,
               &r->plan.target_ns, &r->plan.expected_ns) != 6) {
        *why = "unreadable plan";
        return -1;
    }
    if (r->plan.n > CB_MAX_SAMPLES) {
        /* a benchmark's own sample_size can ask for more than can be analysed */
        *why = "plan of more than " STR(CB_MAX_SAMPLES) " samples, the most cryptbench analyses";
        return -1;
    }
    if (cb_samples_alloc(&r->samples, r->plan.n) != 0) {
        *why = "unreadable plan (out of memory)";
        return -1;
    }
    r->plan.mode = mode == CB_MODE_FLAT ? CB_MODE_FLAT : CB_MODE_LINEAR;
    r->plan.d = d;
    return 0;
}

static int parse_call(const char *line, cb_result *r, const char **why)
{
    double  v;
    double *grown;

    if (sscanf(line, "%lf", &v) != 1) {
        *why = "unreadable call";
        return -1;
    }
    /* doubling, not one realloc a call */
    if ((r->calls.n & (r->calls.n - 1)) == 0) {
        grown = realloc(r->calls.values, (r->calls.n * 2 + 1) * sizeof *grown);
        if (grown == NULL) {
            *why = "report too large (out of memory)";
            return -1;
        }
        r->calls.values = grown;
    }
    r->calls.values[r->calls.n++] = v;
    return 0;
}

int cb_protocol_parse(char *text, cb_result *r, const char **why)
{
    char  *line, *save = NULL;
    size_t k = 0;
    int    ended = 0;

    for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "note ", 5) == 0) {
            cb_result_set_string(&r->note, line + 5);
        } else if (strncmp(line, "failed ", 7) == 0) {
            cb_result_fail(r, line + 7);
        } else if (strncmp(line, "plan ", 5) == 0) {
            if (parse_plan(line + 5, r, why) != 0) {
                return -1;
            }
        } else if (strncmp(line, "sample ", 7) == 0) {
            if (k >= r->samples.n || sscanf(line + 7, "%lf %lf", &r->samples.iters[k],
                                            &r->samples.values[k]) != 2) {
                *why = "unreadable sample";
                return -1;
            }
            k++;
        } else if (strncmp(line, "counter ", 8) == 0) {
            cb_counter *c = &r->counters[r->ncounters];
            char        name[sizeof c->name];

            if (r->ncounters == CB_RESULT_MAX_COUNTERS ||
                sscanf(line + 8, "%31s %lf %lf", name, &c->per_iteration, &c->per_second) != 3) {
                *why = "unreadable counter";
                return -1;
            }
            /* the child's text, printed with the result: clean, as its note is */
            cb_text_clean(c->name, sizeof c->name, name);
            r->ncounters++;
        } else if (strncmp(line, "call ", 5) == 0) {
            if (parse_call(line + 5, r, why) != 0) {
                return -1;
            }
        } else if (strcmp(line, "end") == 0) {
            ended = 1;
        }
    }
    if (!ended) {
        *why = "incomplete report";
        return -1;
    }
    if (!r->failed && k != r->samples.n) {
        *why = "missing samples";
        return -1;
    }
    return 0;
}
