build-clang/lib/measure/measure.o: lib/measure/measure.c \
  lib/measure/input.h lib/measure/state.h lib/measure/clock.h \
  lib/core/error.h include/cryptbench.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h lib/measure/registry.h \
  lib/measure/measure.h lib/measure/sampling.h lib/measure/threads.h

lib/measure/input.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/registry.h:

lib/measure/measure.h:

lib/measure/sampling.h:

lib/measure/threads.h:
