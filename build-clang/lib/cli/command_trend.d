build-clang/lib/cli/command_trend.o: lib/cli/command_trend.c \
  lib/cli/command.h lib/core/config.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h \
  lib/measure/registry.h lib/core/error.h lib/report/report.h \
  lib/stats/compare.h lib/stats/bootstrap.h lib/stats/group.h \
  lib/stats/regression.h lib/measure/sampling.h lib/measure/state.h \
  lib/measure/clock.h lib/cli/filter.h lib/report/format.h \
  lib/stats/changepoint.h lib/store/history.h

lib/cli/command.h:

lib/core/config.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/registry.h:

lib/core/error.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/cli/filter.h:

lib/report/format.h:

lib/stats/changepoint.h:

lib/store/history.h:
