/* The SVG writer's ticks and labels, and the HTML escaping every name goes through. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html/html.h"
#include "support.h"
#include "html/svg.h"

static void expect_ticks(double lo, double hi, int target, const double *want, size_t nwant,
                         double want_step)
{
    double ticks[CB_SVG_MAX_TICKS], step;
    size_t i, n = cb_svg_ticks(lo, hi, target, ticks, &step);

    assert_int_equal(n, nwant);
    support_close_rel(step, want_step, 1e-12, "step");
    for (i = 0; i < n; i++) {
        support_close_abs(ticks[i], want[i], 1e-9 * want_step, "tick");
    }
}

static void test_nice_step(void **state)
{
    (void) state;
    /* 1, 2 or 5 times a power of ten, near span / target */
    support_close_rel(cb_svg_nice_step(1.0, 5), 0.2, 1e-12, "1 / 5");
    support_close_rel(cb_svg_nice_step(97.0, 5), 20.0, 1e-12, "97 / 5");
    support_close_rel(cb_svg_nice_step(22.5, 8), 2.0, 1e-12, "22.5 / 8");
    support_close_rel(cb_svg_nice_step(0.0037, 4), 0.001, 1e-12, "0.0037 / 4");
    support_close_rel(cb_svg_nice_step(3.2e6, 8), 5e5, 1e-12, "3.2e6 / 8");
    support_close_rel(cb_svg_nice_step(7.6, 1), 10.0, 1e-12, "7.6 / 1");
}

static void test_ticks(void **state)
{
    static const double unit[] = { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 };
    static const double inside[] = { 94, 96, 98, 100, 102, 104, 106, 108, 110, 112, 114 };
    static const double across_zero[] = { -4, -2, 0, 2, 4 };
    double              ticks[CB_SVG_MAX_TICKS], step;

    (void) state;
    expect_ticks(0.0, 1.0, 5, unit, 6, 0.2);
    /* only the multiples of the step inside the range: the density's x axis */
    expect_ticks(93.2, 115.7, 8, inside, 11, 2.0);
    /* an exact zero, not 1e-17 */
    expect_ticks(-5.0, 5.0, 5, across_zero, 5, 2.0);
    assert_int_equal(cb_svg_ticks(1.0, 1.0, 5, ticks, &step), 0);
    assert_int_equal(cb_svg_ticks(2.0, 1.0, 5, ticks, &step), 0);
    assert_int_equal(cb_svg_ticks(0.0, NAN, 5, ticks, &step), 0);
    /* never more than the array holds */
    assert_true(cb_svg_ticks(0.0, 1e6, 1000, ticks, &step) <= CB_SVG_MAX_TICKS);
}

static void test_log_ticks(void **state)
{
    double ticks[CB_SVG_MAX_TICKS];
    size_t n;

    (void) state;
    /* three decades or more: the powers of ten */
    n = cb_svg_log_ticks(20.0, 26214.4, ticks);
    assert_int_equal(n, 3);
    support_close_rel(ticks[0], 100.0, 1e-12, "100");
    support_close_rel(ticks[2], 10000.0, 1e-12, "10k");
    /* fewer: 1, 2 and 5 times them */
    n = cb_svg_log_ticks(0.13, 32.0, ticks);
    assert_int_equal(n, 7);
    support_close_rel(ticks[0], 0.2, 1e-12, "0.2");
    support_close_rel(ticks[1], 0.5, 1e-12, "0.5");
    support_close_rel(ticks[6], 20.0, 1e-12, "20");
    /* no round number inside: linear ticks */
    n = cb_svg_log_ticks(300.0, 700.0, ticks);
    assert_int_equal(n, 5);
    support_close_rel(ticks[0], 300.0, 1e-12, "300");
    support_close_rel(ticks[4], 700.0, 1e-12, "700");
}

static void test_nice_range(void **state)
{
    double lo = 0.0, hi = 97.0;

    (void) state;
    cb_svg_nice_range(&lo, &hi, 5);
    support_close_abs(lo, 0.0, 0.0, "lo");
    support_close_rel(hi, 100.0, 1e-12, "hi");
    lo = 3.0;
    hi = 3.0;
    cb_svg_nice_range(&lo, &hi, 4);
    assert_true(lo < 3.0 && hi > 3.0);
    lo = hi = 0.0;
    cb_svg_nice_range(&lo, &hi, 4);
    assert_true(lo < 0.0 && hi > 0.0);
}

static void expect_label(double v, double step, double suffix_of, const char *want)
{
    char buf[32];

    cb_svg_tick_label(buf, sizeof buf, v, step, suffix_of);
    assert_string_equal(buf, want);
}

static void test_tick_labels(void **state)
{
    (void) state;
    expect_label(0.5, 0.5, 0.0, "0.5");
    expect_label(1.0, 0.5, 0.0, "1.0");
    expect_label(0.002, 0.001, 0.0, "0.002");
    expect_label(120.0, 20.0, 0.0, "120");
    /* an axis that stays below 10 000 writes its numbers out */
    expect_label(5000.0, 1000.0, 0.0, "5000");
    /* one that reaches it gives every tick its largest's unit: never "5000"
     * beside "10k" */
    expect_label(5000.0, 5000.0, 15000.0, "5k");
    expect_label(20000.0, 10000.0, 20000.0, "20k");
    expect_label(2500.0, 500.0, 10000.0, "2.5k");
    expect_label(500.0, 500.0, 1500.0, "0.5k");
    expect_label(1.5e6, 5e5, 1.5e6, "1.5M");
    expect_label(2e9, 1e9, 2e9, "2G");
    /* a log axis: each tick its own unit */
    expect_label(1000.0, 1000.0, 1000.0, "1k");
    expect_label(16384.0, 10000.0, 16384.0, "16k");
    expect_label(-4.0, 2.0, 0.0, "-4");
    /* zero is "0", whatever rounding left of it */
    expect_label(0.0, 0.2, 0.0, "0");
    expect_label(-0.0, 0.2, 0.0, "0");
    expect_label(1e-17, 0.2, 0.0, "0");
}

static char *escaped(const char *s)
{
    cb_buf h = { NULL, 0, 0, 0 };

    cb_html_escape(&h, s);
    assert_false(h.oom);
    return h.data != NULL ? h.data : strdup("");
}

static void expect_escaped(const char *s, const char *want)
{
    char *got = escaped(s);

    assert_string_equal(got, want);
    free(got);
}

static void test_escape(void **state)
{
    cb_buf h = { NULL, 0, 0, 0 };

    (void) state;
    expect_escaped("did/sha256/64/openssl", "did/sha256/64/openssl");
    expect_escaped("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;");
    expect_escaped("a\"b'c&d", "a&quot;b&#39;c&amp;d");
    expect_escaped("&amp;", "&amp;amp;");
    expect_escaped("tab\tnew\nline", "tab\tnew\nline");
    /* control characters are not allowed in HTML: the replacement character */
    expect_escaped("bell\x07", "bell\xef\xbf\xbd");
    expect_escaped("caf\xc3\xa9", "caf\xc3\xa9");
    expect_escaped("", "");
    cb_html_escape(&h, NULL);
    assert_int_equal(h.len, 0);
    cb_buf_puts(&h, "<b>");
    cb_html_escape(&h, "1 < 2");
    cb_buf_printf(&h, "</b>%d", 42);
    assert_string_equal(h.data, "<b>1 &lt; 2</b>42");
    cb_buf_free(&h);
    assert_null(h.data);
}

static void expect_file(const char *name, const char *want)
{
    char buf[CB_HTML_FILE_MAX];

    cb_html_file_name(buf, "bench-", name);
    assert_string_equal(buf, want);
}

static void test_file_names(void **state)
{
    char   a[CB_HTML_FILE_MAX], b[CB_HTML_FILE_MAX], name[1000];
    size_t len;

    (void) state;
    expect_file("did/sha256/64/openssl", "bench-did.sha256.64.openssl.html");
    expect_file("master_key/aes-256-gcm/32", "bench-master_key.aes-256-gcm.32.html");
    expect_file("../../etc", "bench-=2e=2e.=2e=2e.etc.html");
    expect_file("<img src=x onerror=alert(1)>",
                "bench-=3cimg=20src=3dx=20onerror=3dalert=281=29=3e.html");
    expect_file("", "bench-.html");
    /* distinct names, distinct files */
    cb_html_file_name(a, "bench-", "a/b");
    cb_html_file_name(b, "bench-", "a.b");
    assert_string_not_equal(a, b);
    cb_html_file_name(b, "bench-", "a=2eb");
    assert_string_not_equal(a, b);
    /* a long name is cut, and told apart from another with the same start */
    memset(name, 'x', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    cb_html_file_name(a, "bench-", name);
    name[sizeof name - 2] = 'y';
    cb_html_file_name(b, "bench-", name);
    len = strlen(a);
    assert_true(len < CB_HTML_FILE_MAX);
    assert_string_equal(a + len - 5, ".html");
    assert_non_null(strstr(a, "=="));
    assert_string_not_equal(a, b);
    memset(name, '/', sizeof name - 1);
    cb_html_file_name(a, "bench-", name);
    assert_null(strchr(a, '/'));
    assert_true(strlen(a) < CB_HTML_FILE_MAX);
}

static void test_drawing(void **state)
{
    cb_buf      h = { NULL, 0, 0, 0 };
    cb_svg      s;
    cb_svg_axis x = { .lo = 0.0, .hi = 100.0, .labels = 1, .title = "x <axis>" };
    cb_svg_axis y = { .lo = 1.0, .hi = 1000.0, .log = 1, .labels = 1, .title = "y" };

    (void) state;
    cb_svg_begin(&s, &h, 800.0, 300.0, &x, &y, "a \"plot\"", "wide");
    support_close_abs(cb_svg_px(&s, 0.0), s.left, 1e-9, "left");
    support_close_abs(cb_svg_px(&s, 100.0), s.right, 1e-9, "right");
    support_close_abs(cb_svg_py(&s, 1.0), s.bottom, 1e-9, "bottom");
    /* log: the geometric middle is half way */
    support_close_abs(cb_svg_py(&s, sqrt(1000.0)), (s.top + s.bottom) / 2.0, 1e-9, "middle");
    /* nothing lands outside the frame */
    support_close_abs(cb_svg_px(&s, -50.0), s.left, 1e-9, "clamped left");
    support_close_abs(cb_svg_py(&s, 1e9), s.top, 1e-9, "clamped top");
    support_close_abs(cb_svg_py(&s, -1.0), s.bottom, 1e-9, "clamped log");
    cb_svg_circle(&s, 50.0, 10.0, 3.0, "c-normal", "sample <1>");
    cb_svg_end(&s);
    assert_false(h.oom);
    assert_non_null(strstr(h.data, "<svg class=\"plot wide\""));
    assert_non_null(strstr(h.data, "aria-label=\"a &quot;plot&quot;\""));
    assert_non_null(strstr(h.data, "<title>sample &lt;1&gt;</title></circle>"));
    assert_non_null(strstr(h.data, ">x &lt;axis&gt;</text>"));
    /* a log axis says so */
    assert_non_null(strstr(h.data, ">y, log scale</text>"));
    /* log ticks at the powers of ten */
    assert_non_null(strstr(h.data, ">100</text>"));
    /* inline SVG needs no namespace: nothing that names a URL */
    assert_null(strstr(h.data, "http"));
    assert_null(strstr(h.data, "url("));
    assert_string_equal(h.data + h.len - 7, "</svg>\n");
    cb_buf_free(&h);
}

static void test_categories(void **state)
{
    static const char *const names[] = {
        "short", "master_key/aes-256-gcm-encrypt-fresh-ctx-fetch-per-call/32/openssl"
    };
    cb_buf      h = { NULL, 0, 0, 0 };
    cb_svg      s;
    cb_svg_axis x = { .lo = -0.1, .hi = 0.1, .labels = 1 };
    cb_svg_axis y = { .labels = 1, .categories = names, .ncategories = 2 };

    (void) state;
    /* beside the rows: half of 300 px holds 19 characters of a name */
    cb_svg_begin(&s, &h, 300.0, 200.0, &x, &y, "categories", NULL);
    cb_svg_end(&s);
    assert_non_null(strstr(h.data, ">short</text>"));
    /* cut in the middle, whole in its hover title */
    assert_non_null(strstr(h.data, ">master_ke\xe2\x80\xa6" "32/openssl<title>master_key/aes-256-gcm-encrypt-"
                                   "fresh-ctx-fetch-per-call/32/openssl</title></text>"));
    cb_buf_free(&h);
    /* above the rows, across the plot: room for the whole name */
    y.above = 1;
    cb_svg_begin(&s, &h, 600.0, 200.0, &x, &y, "categories", NULL);
    cb_svg_end(&s);
    assert_non_null(strstr(h.data, ">master_key/aes-256-gcm-encrypt-fresh-ctx-fetch-per-call/32/"
                                   "openssl</text>"));
    assert_true(s.left < 30.0);
    cb_buf_free(&h);
}

static void test_many_categories(void **state)
{
    const char *names[60];
    char        text[60][8];
    cb_buf      h = { NULL, 0, 0, 0 };
    cb_svg      s;
    cb_svg_axis x = { .lo = 0.0, .hi = 1.0, .labels = 1 };
    cb_svg_axis y = { .labels = 1, .categories = names, .ncategories = 60 };
    size_t      i;

    (void) state;
    for (i = 0; i < 60; i++) {
        snprintf(text[i], sizeof text[i], "c%zu", i);
        names[i] = text[i];
    }
    /* more categories than numeric ticks: each still labelled */
    cb_svg_begin(&s, &h, 400.0, 60.0 * 20.0 + 60.0, &x, &y, "many", NULL);
    cb_svg_end(&s);
    assert_false(h.oom);
    assert_non_null(strstr(h.data, ">c0</text>"));
    assert_non_null(strstr(h.data, ">c59</text>"));
    cb_buf_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nice_step),  cmocka_unit_test(test_ticks),
        cmocka_unit_test(test_log_ticks),  cmocka_unit_test(test_nice_range),
        cmocka_unit_test(test_tick_labels), cmocka_unit_test(test_escape),
        cmocka_unit_test(test_file_names), cmocka_unit_test(test_drawing),
        cmocka_unit_test(test_categories), cmocka_unit_test(test_many_categories),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
