build-clang/lib/stats/scaling.o: lib/stats/scaling.c lib/stats/scaling.h \
  lib/stats/bootstrap.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h

lib/stats/scaling.h:

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
