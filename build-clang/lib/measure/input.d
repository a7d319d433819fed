build-clang/lib/measure/input.o: lib/measure/input.c lib/measure/input.h \
  lib/measure/state.h lib/measure/clock.h lib/core/error.h \
  include/cryptbench.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/registry.h

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
