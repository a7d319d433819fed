build-clang/lib/report/summary.o: lib/report/summary.c \
  lib/report/format.h include/cryptbench.h lib/report/summary.h \
  lib/stats/group.h lib/stats/bootstrap.h lib/core/error.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/stats/regression.h lib/core/run.h

lib/report/format.h:

include/cryptbench.h:

lib/report/summary.h:

lib/stats/group.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/regression.h:

lib/core/run.h:
