build-clang/lib/measure/state.o: lib/measure/state.c lib/core/text.h \
  include/cryptbench.h lib/measure/state.h lib/measure/clock.h \
  lib/core/error.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/registry.h

lib/core/text.h:

include/cryptbench.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/core/error.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/registry.h:
