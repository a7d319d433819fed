#include "measure/clock.h"
#include "report/format.h"
#include "report/progress.h"

/* Erase the line: a progress line may have been written by a benchmark's
 * child process, so no one knows whether one is showing. */
#define CLEAR_LINE "\r\033[K"

static void on_warm_up(void *self, const char *name, double warm_up_ns)
{
    FILE *tty = self;
    char  when[32];

    cb_format_time(when, sizeof when, warm_up_ns);
    fprintf(tty, CLEAR_LINE "Benchmarking %s: Warming up for %s", name, when);
    fflush(tty);
}

/* A line per sample would scroll a slow terminal: at most ten updates a second. */
#define REFRESH_NS 100000000u

static void on_collect(void *self, const char *name, const cb_plan *plan, size_t done)
{
    static uint64_t last_ns;
    FILE           *tty = self;
    char            when[32], iters[32];
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
    fprintf(tty, CLEAR_LINE "Benchmarking %s: Collecting %zu samples in estimated %s (%s iterations)",
            name, plan->n, when, iters);
    if (done > 0 && done < plan->n) {
        fprintf(tty, " %zu/%zu", done, plan->n);
    }
    fflush(tty);
}

static void on_analyze(void *self, const char *name)
{
    FILE *tty = self;

    fprintf(tty, CLEAR_LINE "Benchmarking %s: Analyzing", name);
    fflush(tty);
}

static void on_clear(void *self)
{
    FILE *tty = self;

    fputs(CLEAR_LINE, tty);
    fflush(tty);
}

cb_progress cb_progress_terminal(FILE *tty)
{
    return (cb_progress){ on_warm_up, on_collect, on_analyze, on_clear, tty };
}
