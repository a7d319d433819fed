#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "measure/clock.h"
#include "report/format.h"
#include "report/progress.h"

/* Erase the line: a progress line may have been written by a benchmark's
 * child process, so no one knows whether one is showing. */
#define CLEAR_LINE "\r\033[K"

/* Columns when the terminal does not say, as most terminals open. */
#define DEFAULT_COLUMNS 80

int cb_progress_live(FILE *f)
{
    const char *term = getenv("TERM");

    return isatty(fileno(f)) && term != NULL && term[0] != '\0' && strcmp(term, "dumb") != 0;
}

/* The terminal's width in columns: the terminal's own, else $COLUMNS. */
static size_t columns(FILE *tty)
{
    struct winsize ws;
    const char    *env = getenv("COLUMNS");
    long           n;

    if (ioctl(fileno(tty), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        return ws.ws_col;
    }
    n = env != NULL ? strtol(env, NULL, 10) : 0;
    return n > 0 && n < 100000 ? (size_t) n : DEFAULT_COLUMNS;
}

void cb_progress_line(FILE *tty, const char *fmt, ...)
{
    char    line[1024];
    size_t  i, chars = 0, room = columns(tty) - 1; /* the last column would wrap some terminals */
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* a character a column (names are UTF-8 text): cut before the one that would not fit */
    for (i = 0; line[i] != '\0'; i++) {
        if (((unsigned char) line[i] & 0xC0) != 0x80 && chars++ == room) {
            line[i] = '\0';
            break;
        }
    }
    fprintf(tty, CLEAR_LINE "%s", line);
    fflush(tty);
}

void cb_progress_clear(FILE *tty)
{
    fputs(CLEAR_LINE, tty);
    fflush(tty);
}

static void on_warm_up(void *self, const char *name, double warm_up_ns)
{
    FILE *tty = self;
    char  when[32];

    cb_format_time(when, sizeof when, warm_up_ns);
    cb_progress_line(tty, "Benchmarking %s: Warming up for %s", name, when);
}

/* A line per sample would scroll a slow terminal: at most ten updates a second. */
#define REFRESH_NS 100000000u

static void on_collect(void *self, const char *name, const cb_plan *plan, size_t done)
{
    static uint64_t last_ns;
    FILE           *tty = self;
    char            when[32], iters[32], count[48] = "";
    uint64_t        now = cb_clock_monotonic_ns();
    double          total = plan->mode == CB_MODE_LINEAR
                       ? (double) plan->d * (double) plan->n * (double) (plan->n + 1) / 2.0
                       : (double) plan->d * (double) plan->n;

    if (done > 0 && done < plan->n && now - last_ns < REFRESH_NS) {
        return;
    }
    last_ns = now;
    cb_format_time(when, sizeof when, plan->expected_ns);
    cb_format_count(iters, sizeof iters, total);
    if (done > 0 && done < plan->n) {
        snprintf(count, sizeof count, " %zu/%zu", done, plan->n);
    }
    cb_progress_line(tty, "Benchmarking %s: Collecting %zu samples in estimated %s (%s iterations)%s",
                     name, plan->n, when, iters, count);
}

static void on_analyze(void *self, const char *name)
{
    FILE *tty = self;

    cb_progress_line(tty, "Benchmarking %s: Analyzing", name);
}

static void on_clear(void *self)
{
    cb_progress_clear(self);
}

cb_progress cb_progress_terminal(FILE *tty)
{
    return (cb_progress){ on_warm_up, on_collect, on_analyze, on_clear, tty };
}
