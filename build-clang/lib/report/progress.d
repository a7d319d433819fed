build-clang/lib/report/progress.o: lib/report/progress.c \
  lib/measure/clock.h lib/core/error.h include/cryptbench.h \
  lib/core/run.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/report/format.h lib/report/progress.h lib/measure/sampling.h \
  lib/measure/state.h lib/measure/registry.h

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/report/format.h:

lib/report/progress.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/registry.h:
