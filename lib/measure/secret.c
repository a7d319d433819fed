#include <stdint.h>

#include "measure/state.h"

#if defined(CB_HAVE_VALGRIND)
#  include <valgrind/memcheck.h>
#endif

/*
 * Memcheck's client requests are a few no-op instructions natively and
 * requests to a tool that does not know them are ignored, so the marking
 * would be harmless anywhere; it is still kept to the check's own child
 * (s->mark_secrets) so that a user running a benchmark under memcheck for its
 * memory errors does not get every secret-dependent branch as well.
 */
/* The n bytes at p as a declaration can name them, or the benchmark fails:
 * a NULL pointer would mark nothing and the check would pass with no secret
 * looked at; a size computed wrong (SIZE_MAX, a negative length) would have
 * memcheck mark gigabytes that are not the program's. */
static int named_well(cb_state *s, const char *fn, const void *p, size_t n)
{
    if (n > CB_SECRET_MAX) {
        cb_state_fail(s, "%s: %zu bytes, more than a secret can be (at most %zu MiB): a size "
                         "computed wrong?", fn, n, CB_SECRET_MAX >> 20);
        return 0;
    }
    if (p == NULL && n > 0) {
        cb_state_fail(s, "%s: a NULL pointer for %zu bytes", fn, n);
        return 0;
    }
    if ((uintptr_t) p > UINTPTR_MAX - n) {
        cb_state_fail(s, "%s: %zu bytes at %p run past the end of memory", fn, n, p);
        return 0;
    }
    return 1;
}

void cb_secret(cb_state *s, const void *p, size_t n)
{
    if (!named_well(s, "cb_secret", p, n)) {
        return;
    }
    s->secret_bytes += n;
#if defined(CB_HAVE_VALGRIND)
    if (s->mark_secrets && n > 0) {
        (void) VALGRIND_MAKE_MEM_UNDEFINED(p, n);
    }
#endif
}

void cb_declassify(cb_state *s, const void *p, size_t n)
{
    if (!named_well(s, "cb_declassify", p, n)) {
        return;
    }
#if defined(CB_HAVE_VALGRIND)
    if (s->mark_secrets && n > 0) {
        (void) VALGRIND_MAKE_MEM_DEFINED(p, n);
    }
#endif
}
