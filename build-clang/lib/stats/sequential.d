build-clang/lib/stats/sequential.o: lib/stats/sequential.c \
  lib/stats/sequential.h lib/stats/compare.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h \
  lib/stats/bootstrap.h lib/core/error.h lib/stats/paired.h

lib/stats/sequential.h:

lib/stats/compare.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/stats/paired.h:
