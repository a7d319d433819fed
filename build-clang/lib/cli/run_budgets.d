build-clang/lib/cli/run_budgets.o: lib/cli/run_budgets.c \
  lib/cli/run_budgets.h lib/core/budget.h include/cryptbench.h \
  lib/core/config.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/measure/registry.h lib/core/error.h lib/stats/budget.h \
  lib/store/budgets.h

lib/cli/run_budgets.h:

lib/core/budget.h:

include/cryptbench.h:

lib/core/config.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/measure/registry.h:

lib/core/error.h:

lib/stats/budget.h:

lib/store/budgets.h:
