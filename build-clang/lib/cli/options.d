build-clang/lib/cli/options.o: lib/cli/options.c lib/cli/options.h \
  lib/core/config.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/core/error.h \
  lib/store/baseline.h lib/cli/options.def

lib/cli/options.h:

lib/core/config.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/core/error.h:

lib/store/baseline.h:

lib/cli/options.def:
