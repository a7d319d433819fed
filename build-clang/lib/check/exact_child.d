build-clang/lib/check/exact_child.o: lib/check/exact_child.c \
  lib/check/exact.h lib/check/check.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/measure/clock.h \
  lib/core/error.h lib/core/run.h lib/measure/registry.h \
  lib/measure/input.h lib/measure/state.h lib/measure/protocol.h

lib/check/exact.h:

lib/check/check.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/clock.h:

lib/core/error.h:

lib/core/run.h:

lib/measure/registry.h:

lib/measure/input.h:

lib/measure/state.h:

lib/measure/protocol.h:
