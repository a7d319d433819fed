build-clang/lib/stats/analysis.o: lib/stats/analysis.c \
  lib/stats/analysis.h lib/stats/bootstrap.h lib/core/error.h \
  include/cryptbench.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/stats/outliers.h lib/stats/regression.h \
  lib/stats/stats.h

lib/stats/analysis.h:

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/outliers.h:

lib/stats/regression.h:

lib/stats/stats.h:
