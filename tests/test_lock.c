/*
 * The lock two saves of one baseline share: the second waits while the
 * first holds it, is refused with a message naming the file once its wait is
 * over, and gets it as soon as the first lets go.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/lock.h"
#include "support.h"

static void test_second_holder_waits_then_is_refused(void **state)
{
    char     dir[] = "/tmp/cryptbench-lock-XXXXXX", path[64], want[256];
    cb_error err;
    int      first, second;

    (void) state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/reports/base.json", dir); /* reports/ is created */
    assert_int_equal(cb_lock_acquire(path, 0.0, &first, &err), 0);
    /* flock locks open files, not processes: a second open is a second holder */
    assert_int_equal(cb_lock_acquire(path, 0.05, &second, &err), -1);
    snprintf(want, sizeof want, "%s: another cryptbench process is updating it and has held "
                                "%s/reports/.base.json.lock for 0.05 s; this run was not saved",
             path, dir);
    assert_string_equal(err.msg, want);
    cb_lock_release(first);
    assert_int_equal(cb_lock_acquire(path, 0.0, &second, &err), 0);
    cb_lock_release(second);
    snprintf(path, sizeof path, "%s/reports/.base.json.lock", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/reports", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_second_holder_waits_then_is_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
