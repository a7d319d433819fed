build-clang/lib/measure/tsc.o: lib/measure/tsc.c lib/measure/tsc.h \
  lib/measure/clock.h lib/core/error.h include/cryptbench.h \
  lib/core/run.h lib/core/result.h lib/core/check.h lib/core/budget.h

lib/measure/tsc.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
