#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/number.h"

static size_t digits(const char *s)
{
    return strspn(s, "0123456789");
}

int cb_number_decimal(const char *s, double *out, const char **end)
{
    size_t n = 0, whole, fraction = 0;
    char  *stop;
    double x;

    n += s[n] == '+' || s[n] == '-';
    whole = digits(s + n);
    n += whole;
    if (s[n] == '.') {
        fraction = digits(s + n + 1);
        n += 1 + fraction;
    }
    if (whole + fraction == 0) {
        return -1;
    }
    if ((s[n] == 'e' || s[n] == 'E') &&
        digits(s + n + 1 + (s[n + 1] == '+' || s[n + 1] == '-')) > 0) {
        n += 1 + (s[n + 1] == '+' || s[n + 1] == '-');
        n += digits(s + n);
    }
    errno = 0;
    x = strtod(s, &stop);
    /* the syntax above is a prefix of what strtod reads: it stops where we do */
    if (stop != s + n || !isfinite(x)) {
        return -1;
    }
    *out = x;
    if (end != NULL) {
        *end = s + n;
    }
    return 0;
}
