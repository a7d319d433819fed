build-clang/lib/stats/paired.o: lib/stats/paired.c lib/stats/paired.h \
  lib/stats/compare.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/stats/bootstrap.h \
  lib/core/error.h lib/stats/stats.h lib/stats/student_t.h

lib/stats/paired.h:

lib/stats/compare.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/stats/stats.h:

lib/stats/student_t.h:
