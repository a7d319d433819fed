build-clang/lib/measure/perf.o: lib/measure/perf.c lib/core/config.h \
  lib/core/run.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/measure/perf.h lib/measure/clock.h \
  lib/core/error.h

lib/core/config.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/perf.h:

lib/measure/clock.h:

lib/core/error.h:
