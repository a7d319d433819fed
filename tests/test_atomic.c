/*
 * Atomic writes under fire: a child process rewrites a baseline as fast as it
 * can while the parent kills it at random moments. Whatever the moment, the
 * baseline left behind loads, whole.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/baseline.h"
#include "stats/rng.h"
#include "support.h"

#define PATH "build/tests/atomic/base.json"

/* Runs of 1 to 4 failed benchmarks with long reasons: files of different
 * lengths, so that a torn write could not look whole by accident. */
static void make_run(cb_run *run, size_t n)
{
    char   reason[2048];
    size_t i;

    memset(run, 0, sizeof *run);
    run->unit = "ns";
    run->warm_up_s = run->measurement_s = run->confidence = 0.5;
    run->sample_size = run->nresamples = 10;
    strcpy(run->machine.cpu, "test");
    strcpy(run->timestamp, "2026-11-23T00:00:00Z");
    memset(reason, 'x', sizeof reason - 1);
    reason[sizeof reason - 1] = '\0';
    for (i = 0; i < n; i++) {
        cb_result *r = cb_run_add(run);
        char       name[32];

        snprintf(name, sizeof name, "g/bench-%zu", i);
        cb_result_set_string(&r->name, name);
        cb_result_fail(r, reason);
    }
}

static void writer(void)
{
    cb_run   runs[4];
    cb_error err;
    size_t   i;

    for (i = 0; i < 4; i++) {
        make_run(&runs[i], i + 1);
    }
    for (i = 0;; i++) {
        if (cb_baseline_save(PATH, &runs[i % 4], &err) != 0) {
            _exit(3);
        }
    }
}

static void test_killed_writer_leaves_a_whole_file(void **state)
{
    cb_rng   rng;
    cb_run   run;
    cb_error err;
    int      round, status;

    (void) state;
    make_run(&run, 2);
    assert_int_equal(cb_baseline_save(PATH, &run, &err), 0);
    cb_run_free(&run);
    cb_rng_seed(&rng, 99);
    for (round = 0; round < 40; round++) {
        struct timespec pause_for = { 0, (long) cb_rng_below(&rng, 20000) * 1000L };
        pid_t           pid = fork();

        assert_true(pid >= 0);
        if (pid == 0) {
            writer();
        }
        nanosleep(&pause_for, NULL);
        kill(pid, SIGKILL);
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status)); /* killed mid-work, not finished */
        if (cb_baseline_load(PATH, &run, &err) != 0) {
            fail_msg("round %d: the baseline left behind does not load: %s", round, err.msg);
        }
        assert_true(run.n >= 1 && run.n <= 4);
        cb_run_free(&run);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_killed_writer_leaves_a_whole_file),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
