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
void cb_secret(cb_state *s, const void *p, size_t n)
{
    s->secret_bytes += n;
#if defined(CB_HAVE_VALGRIND)
    if (s->mark_secrets && n > 0) {
        (void) VALGRIND_MAKE_MEM_UNDEFINED(p, n);
    }
#else
    (void) p;
#endif
}

void cb_declassify(cb_state *s, const void *p, size_t n)
{
#if defined(CB_HAVE_VALGRIND)
    if (s->mark_secrets && n > 0) {
        (void) VALGRIND_MAKE_MEM_DEFINED(p, n);
    }
#else
    (void) s, (void) p, (void) n;
#endif
}
