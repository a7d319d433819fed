build-clang/lib/cli/filter.o: lib/cli/filter.c lib/cli/filter.h \
  lib/core/error.h include/cryptbench.h lib/measure/registry.h \
  lib/measure/context.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h

lib/cli/filter.h:

lib/core/error.h:

include/cryptbench.h:

lib/measure/registry.h:

lib/measure/context.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
