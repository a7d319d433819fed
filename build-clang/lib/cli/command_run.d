build-clang/lib/cli/command_run.o: lib/cli/command_run.c \
  lib/store/atomic_file.h lib/core/error.h include/cryptbench.h \
  lib/store/baseline.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/store/history.h lib/store/lock.h \
  lib/cli/command.h lib/core/config.h lib/report/report.h \
  lib/stats/compare.h lib/stats/bootstrap.h lib/stats/group.h \
  lib/stats/regression.h lib/measure/sampling.h lib/measure/state.h \
  lib/measure/clock.h lib/measure/registry.h lib/cli/filter.h \
  lib/report/progress.h lib/cli/run_budgets.h lib/cli/runner.h \
  lib/check/check.h lib/measure/measure.h lib/measure/context.h \
  lib/measure/sysinfo.h

lib/store/atomic_file.h:

lib/core/error.h:

include/cryptbench.h:

lib/store/baseline.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/store/history.h:

lib/store/lock.h:

lib/cli/command.h:

lib/core/config.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/measure/registry.h:

lib/cli/filter.h:

lib/report/progress.h:

lib/cli/run_budgets.h:

lib/cli/runner.h:

lib/check/check.h:

lib/measure/measure.h:

lib/measure/context.h:

lib/measure/sysinfo.h:
