build-clang/lib/measure/context.o: lib/measure/context.c lib/core/error.h \
  include/cryptbench.h lib/measure/context.h lib/core/run.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h

lib/core/error.h:

include/cryptbench.h:

lib/measure/context.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
