build-clang/lib/cli/main.o: lib/cli/main.c lib/check/check.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/measure/clock.h lib/core/error.h \
  lib/core/run.h lib/measure/registry.h lib/cli/calibrate.h \
  lib/core/config.h lib/cli/options.h lib/cli/command.h \
  lib/report/report.h lib/stats/compare.h lib/stats/bootstrap.h \
  lib/stats/group.h lib/stats/regression.h lib/measure/sampling.h \
  lib/measure/state.h lib/measure/child.h lib/measure/measure.h \
  lib/measure/context.h

lib/check/check.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/clock.h:

lib/core/error.h:

lib/core/run.h:

lib/measure/registry.h:

lib/cli/calibrate.h:

lib/core/config.h:

lib/cli/options.h:

lib/cli/command.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/child.h:

lib/measure/measure.h:

lib/measure/context.h:
