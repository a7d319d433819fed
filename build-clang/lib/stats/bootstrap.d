build-clang/lib/stats/bootstrap.o: lib/stats/bootstrap.c \
  lib/stats/bootstrap.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/stats/resample.h lib/stats/rng.h lib/stats/stats.h

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/resample.h:

lib/stats/rng.h:

lib/stats/stats.h:
