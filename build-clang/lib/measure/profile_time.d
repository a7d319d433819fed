build-clang/lib/measure/profile_time.o: lib/measure/profile_time.c \
  lib/measure/profile_time.h lib/measure/clock.h lib/core/error.h \
  include/cryptbench.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/registry.h lib/measure/sampling.h \
  lib/measure/state.h

lib/measure/profile_time.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/registry.h:

lib/measure/sampling.h:

lib/measure/state.h:
