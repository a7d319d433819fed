/*
 * Reading lines from another process without waiting for ever: lines come
 * whole, one at a time, whatever pieces they arrive in; a line longer than the
 * bound, a closed pipe and a passed deadline are each said as such.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "measure/clock.h"
#include "measure/process.h"
#include "support.h"

static void test_lines_one_at_a_time(void **state)
{
    cb_line_reader r = { -1, { NULL, 0, 0, 0 }, 0 };
    uint64_t       later = cb_clock_monotonic_ns() + 60000000000u;
    char          *line = NULL;
    int            fds[2];

    (void) state;
    assert_int_equal(pipe(fds), 0);
    r.fd = fds[0];
    assert_int_equal(write(fds[1], "one\ntwo\nthr", 11), 11);
    assert_int_equal(cb_process_read_line(&r, later, 1024, &line), CB_READ_LINE);
    assert_string_equal(line, "one");
    assert_int_equal(cb_process_read_line(&r, later, 1024, &line), CB_READ_LINE);
    assert_string_equal(line, "two");
    assert_int_equal(write(fds[1], "ee\n", 3), 3);
    assert_int_equal(cb_process_read_line(&r, later, 1024, &line), CB_READ_LINE);
    assert_string_equal(line, "three");
    close(fds[1]);
    assert_int_equal(cb_process_read_line(&r, later, 1024, &line), CB_READ_CLOSED);
    close(fds[0]);
    cb_buf_free(&r.buf);
}

static void test_a_flood_is_cut_off(void **state)
{
    cb_line_reader r = { -1, { NULL, 0, 0, 0 }, 0 };
    uint64_t       later = cb_clock_monotonic_ns() + 60000000000u;
    char           flood[8192], *line = NULL;
    int            fds[2];

    (void) state;
    memset(flood, 'y', sizeof flood);
    assert_int_equal(pipe(fds), 0);
    r.fd = fds[0];
    assert_int_equal(write(fds[1], flood, sizeof flood), (ssize_t) sizeof flood);
    assert_int_equal(cb_process_read_line(&r, later, 4096, &line), CB_READ_TOO_LONG);
    close(fds[1]);
    close(fds[0]);
    cb_buf_free(&r.buf);
}

static void test_a_passed_deadline_is_said(void **state)
{
    cb_line_reader r = { -1, { NULL, 0, 0, 0 }, 0 };
    char          *line = NULL;
    int            fds[2];

    (void) state;
    assert_int_equal(pipe(fds), 0);
    r.fd = fds[0];
    assert_int_equal(write(fds[1], "half a line", 11), 11);
    assert_int_equal(cb_process_read_line(&r, cb_clock_monotonic_ns(), 1024, &line),
                     CB_READ_TIMED_OUT);
    close(fds[1]);
    close(fds[0]);
    cb_buf_free(&r.buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_one_at_a_time),
        cmocka_unit_test(test_a_flood_is_cut_off),
        cmocka_unit_test(test_a_passed_deadline_is_said),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
