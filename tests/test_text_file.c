/*
 * Text files: a regular file is read whole; anything else (a FIFO, a
 * directory, a device behind a symlink, a file beyond the size bound) is
 * refused at once with what it is, never waited on or read without end.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text_file.h"
#include "support.h"

static void refused(const char *path, const char *want)
{
    cb_buf   text = { NULL, 0, 0, 0 };
    cb_error err;
    char     full[512];

    snprintf(full, sizeof full, "%s: %s", path, want);
    assert_int_equal(cb_text_file_read(path, &text, &err), -1);
    assert_string_equal(err.msg, full);
    assert_null(text.data);
}

static void test_reads_regular_files(void **state)
{
    cb_buf      text = { NULL, 0, 0, 0 };
    cb_error    err;
    const char *path = support_temp_file("1,100\n2,200\n");

    (void) state;
    assert_int_equal(cb_text_file_read(path, &text, &err), 0);
    assert_string_equal(text.data, "1,100\n2,200\n");
    assert_int_equal(text.len, 12);
    cb_buf_free(&text);
    unlink(path);
    path = support_temp_file("");
    assert_int_equal(cb_text_file_read(path, &text, &err), 0);
    assert_string_equal(text.data, "");
    cb_buf_free(&text);
    unlink(path);
}

static void test_refuses_what_is_not_a_regular_file(void **state)
{
    char dir[] = "/tmp/cryptbench-input-XXXXXX", fifo[64], link[64];

    (void) state;
    assert_non_null(mkdtemp(dir));
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(link, sizeof link, "%s/zero", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(symlink("/dev/zero", link), 0);
    /* a FIFO without a writer: open would wait for one, for ever */
    refused(fifo, "a FIFO, not a regular file: cryptbench reads only regular files");
    /* /dev/zero never ends */
    refused(link, "a character device, not a regular file: cryptbench reads only regular files");
    refused(dir, "a directory, not a regular file: cryptbench reads only regular files");
    refused("/nonexistent/x.csv", "No such file or directory");
    unlink(fifo);
    unlink(link);
    rmdir(dir);
}

static void test_refuses_large_files(void **state)
{
    const char *path = support_temp_file("");
    char        want[128];
    int         fd = open(path, O_WRONLY);

    (void) state;
    /* a sparse file: its size is refused before a byte of it is read */
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t) CB_TEXT_FILE_MAX_BYTES + 1), 0);
    close(fd);
    snprintf(want, sizeof want, "%u bytes, larger than 128 MiB, the most cryptbench reads",
             CB_TEXT_FILE_MAX_BYTES + 1);
    refused(path, want);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_regular_files),
        cmocka_unit_test(test_refuses_what_is_not_a_regular_file),
        cmocka_unit_test(test_refuses_large_files),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
