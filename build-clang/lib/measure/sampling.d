build-clang/lib/measure/sampling.o: lib/measure/sampling.c \
  lib/measure/sampling.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/measure/state.h \
  lib/measure/clock.h lib/core/error.h lib/core/run.h \
  lib/measure/registry.h

lib/measure/sampling.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/core/error.h:

lib/core/run.h:

lib/measure/registry.h:
