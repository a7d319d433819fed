build-clang/lib/measure/threads.o: lib/measure/threads.c \
  lib/measure/sampling.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/measure/state.h \
  lib/measure/clock.h lib/core/error.h lib/core/run.h \
  lib/measure/registry.h lib/measure/threads.h lib/measure/measure.h

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

lib/measure/threads.h:

lib/measure/measure.h:
