build-clang/lib/cli/runner.o: lib/cli/runner.c lib/stats/analysis.h \
  lib/stats/bootstrap.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/stats/budget.h lib/measure/isolate.h lib/measure/measure.h \
  lib/measure/registry.h lib/measure/sampling.h lib/measure/state.h \
  lib/measure/clock.h lib/core/run.h lib/cli/runner.h lib/check/check.h \
  lib/stats/compare.h lib/core/config.h lib/report/report.h \
  lib/stats/group.h lib/stats/regression.h lib/measure/threads.h \
  lib/stats/scaling.h lib/profile/diff.h lib/profile/profile.h

lib/stats/analysis.h:

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/budget.h:

lib/measure/isolate.h:

lib/measure/measure.h:

lib/measure/registry.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/core/run.h:

lib/cli/runner.h:

lib/check/check.h:

lib/stats/compare.h:

lib/core/config.h:

lib/report/report.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/threads.h:

lib/stats/scaling.h:

lib/profile/diff.h:

lib/profile/profile.h:
