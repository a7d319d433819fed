build-clang/lib/stats/outliers.o: lib/stats/outliers.c \
  lib/stats/outliers.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/stats/stats.h

lib/stats/outliers.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/stats/stats.h:
