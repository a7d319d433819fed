build-clang/lib/measure/wall.o: lib/measure/wall.c lib/measure/wall.h \
  lib/measure/clock.h lib/core/error.h include/cryptbench.h \
  lib/core/run.h lib/core/result.h lib/core/check.h lib/core/budget.h

lib/measure/wall.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
