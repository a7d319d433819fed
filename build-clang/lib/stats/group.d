build-clang/lib/stats/group.o: lib/stats/group.c lib/stats/analysis.h \
  lib/stats/bootstrap.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h lib/stats/group.h \
  lib/stats/regression.h lib/core/run.h

lib/stats/analysis.h:

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/core/run.h:
