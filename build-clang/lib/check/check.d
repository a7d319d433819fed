build-clang/lib/check/check.o: lib/check/check.c lib/check/check.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/measure/clock.h lib/core/error.h \
  lib/core/run.h lib/measure/registry.h lib/check/exact.h \
  lib/check/leak.h lib/measure/valgrind.h

lib/check/check.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/clock.h:

lib/core/error.h:

lib/core/run.h:

lib/measure/registry.h:

lib/check/exact.h:

lib/check/leak.h:

lib/measure/valgrind.h:
