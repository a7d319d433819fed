#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "measure/interrupt.h"

static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSIGNALS (sizeof signals / sizeof signals[0])

static volatile sig_atomic_t armed, caught;
static int                   wake[2] = { -1, -1 };
static int                   installed[NSIGNALS]; /* ours: it was not ignored */
static struct sigaction      before[NSIGNALS];

/* Only what is async-signal-safe: a flag, a byte, and dying. */
static void on_signal(int sig)
{
    int saved = errno;

    if (!armed || caught) {
        /* nothing to clean up, or the second signal: the default action */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    caught = sig;
    if (wake[1] >= 0) {
        ssize_t w = write(wake[1], "!", 1);

        (void) w; /* a full pipe already wakes every poll */
    }
    errno = saved;
}

static int install(void)
{
    struct sigaction sa;
    size_t           i;

    if (wake[0] >= 0) {
        return 0;
    }
    if (pipe(wake) != 0) {
        return -1;
    }
    fcntl(wake[0], F_SETFD, FD_CLOEXEC);
    fcntl(wake[1], F_SETFD, FD_CLOEXEC);
    fcntl(wake[1], F_SETFL, O_NONBLOCK);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < NSIGNALS; i++) {
        /* a signal the caller ignores (nohup, a background job's SIGINT) stays ignored */
        if (sigaction(signals[i], NULL, &before[i]) == 0 && before[i].sa_handler != SIG_IGN) {
            installed[i] = sigaction(signals[i], &sa, NULL) == 0;
        }
    }
    return 0;
}

int cb_interrupt_arm(void)
{
    if (install() != 0) {
        return -1;
    }
    armed++;
    return 0;
}

void cb_interrupt_disarm(void)
{
    int sig;

    if (armed > 0) {
        armed--;
    }
    if (armed == 0 && (sig = caught) != 0) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
}

int cb_interrupted(void)
{
    return caught;
}

int cb_interrupt_fd(void)
{
    return wake[0];
}

void cb_interrupt_forget(void)
{
    size_t i;

    for (i = 0; i < NSIGNALS; i++) {
        if (installed[i]) {
            sigaction(signals[i], &before[i], NULL);
        }
    }
    armed = 0;
    caught = 0;
    if (wake[0] >= 0) {
        close(wake[0]);
        close(wake[1]);
        wake[0] = wake[1] = -1;
    }
}
