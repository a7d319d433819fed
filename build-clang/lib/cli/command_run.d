build-clang/lib/cli/command_run.o: lib/cli/command_run.c \
  lib/measure/callgrind.h lib/measure/clock.h lib/core/error.h \
  include/cryptbench.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/threads.h lib/measure/measure.h \
  lib/measure/registry.h lib/measure/sampling.h lib/measure/state.h \
  lib/profile/diff.h lib/profile/profile.h lib/store/atomic_file.h \
  lib/store/baseline.h lib/store/profile_store.h lib/store/history.h \
  lib/store/lock.h lib/cli/command.h lib/core/config.h \
  lib/report/report.h lib/stats/compare.h lib/stats/bootstrap.h \
  lib/stats/group.h lib/stats/regression.h lib/cli/filter.h \
  lib/report/progress.h lib/cli/run_budgets.h lib/cli/runner.h \
  lib/check/check.h lib/measure/context.h lib/measure/sysinfo.h

lib/measure/callgrind.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/threads.h:

lib/measure/measure.h:

lib/measure/registry.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/profile/diff.h:

lib/profile/profile.h:

lib/store/atomic_file.h:

lib/store/baseline.h:

lib/store/profile_store.h:

lib/store/history.h:

lib/store/lock.h:

lib/cli/command.h:

lib/core/config.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/cli/filter.h:

lib/report/progress.h:

lib/cli/run_budgets.h:

lib/cli/runner.h:

lib/check/check.h:

lib/measure/context.h:

lib/measure/sysinfo.h:
