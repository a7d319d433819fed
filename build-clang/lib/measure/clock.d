build-clang/lib/measure/clock.o: lib/measure/clock.c \
  lib/measure/callgrind.h lib/measure/clock.h lib/core/error.h \
  include/cryptbench.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/perf.h lib/measure/tsc.h \
  lib/measure/wall.h

lib/measure/callgrind.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/perf.h:

lib/measure/tsc.h:

lib/measure/wall.h:
