#include <math.h>
#include <string.h>

#include "html/flags.h"
#include "report/quality_text.h"

/* The flag's short words: its name with spaces. */
static void short_words(char *buf, size_t size, unsigned flag)
{
    const char *name = cb_quality_name(flag);
    size_t      i;

    for (i = 0; name[i] != '\0' && i + 1 < size; i++) {
        buf[i] = name[i] == '-' ? ' ' : name[i];
    }
    buf[i] = '\0';
}

void cb_html_flags_list(cb_buf *h, const cb_run *run, double threshold, const cb_result *r)
{
    cb_quality q = cb_quality_assess(r, run->machine.cores, threshold);
    char       text[512];
    size_t     i;

    if (q.flags == 0) {
        return;
    }
    cb_buf_puts(h, "<ul class=\"flags\" aria-label=\"quality flags\">\n");
    for (i = 0; i < CB_QUALITY_NFLAGS; i++) {
        if (q.flags & cb_quality_order[i]) {
            cb_quality_text(text, sizeof text, &q, cb_quality_order[i], run->unit);
            cb_buf_printf(h, "<li class=\"flag %s\">\xe2\x9a\x91 ", cb_quality_name(cb_quality_order[i]));
            cb_html_escape(h, text);
            cb_buf_puts(h, "</li>\n");
        }
    }
    cb_buf_puts(h, "</ul>\n");
}

void cb_html_flags_inline(cb_buf *h, const cb_run *run, double threshold, const cb_result *r)
{
    cb_quality q = cb_quality_assess(r, run->machine.cores, threshold);
    char       text[512], words[32];
    size_t     i;

    for (i = 0; i < CB_QUALITY_NFLAGS; i++) {
        if (q.flags & cb_quality_order[i]) {
            cb_quality_text(text, sizeof text, &q, cb_quality_order[i], run->unit);
            short_words(words, sizeof words, cb_quality_order[i]);
            cb_buf_printf(h, "<br><span class=\"flag %s\" title=\"", cb_quality_name(cb_quality_order[i]));
            cb_html_escape(h, text);
            cb_buf_printf(h, "\">\xe2\x9a\x91 %s</span>", words);
        }
    }
}

void cb_html_flags_banner(cb_buf *h, const cb_run *run, double threshold)
{
    double load = 0.0, steal = 0.0;
    size_t i, busy = 0, measured = 0;

    for (i = 0; i < run->n; i++) {
        cb_quality q = cb_quality_assess(&run->results[i], run->machine.cores, threshold);

        measured += !run->results[i].failed;
        if (q.flags & CB_FLAG_BUSY) {
            busy++;
            load = fmax(load, q.load);
            steal = fmax(steal, q.steal);
        }
    }
    if (busy == 0) {
        return;
    }
    cb_buf_printf(h, "<p class=\"warn flag busy-machine\">\xe2\x9a\x91 busy machine: the runner "
                     "was busy during %zu of the %zu benchmarks (load average up to %.2f on %ld "
                     "cores, up to %.1f%% of the CPU time stolen); their figures may be slower "
                     "and noisier than on a quiet machine, and a change between them and the "
                     "baseline may be the machine's, not the code's. Each is flagged below.</p>\n",
                  busy, measured, load, run->machine.cores, 100.0 * steal);
}
