build-clang/lib/measure/secret.o: lib/measure/secret.c \
  lib/measure/state.h lib/measure/clock.h lib/core/error.h \
  include/cryptbench.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/registry.h

lib/measure/state.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/registry.h:
