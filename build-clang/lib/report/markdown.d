build-clang/lib/report/markdown.o: lib/report/markdown.c \
  lib/report/format.h include/cryptbench.h lib/stats/group.h \
  lib/stats/bootstrap.h lib/core/error.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h lib/stats/regression.h \
  lib/core/run.h lib/report/report.h lib/stats/compare.h \
  lib/measure/sampling.h lib/measure/state.h lib/measure/clock.h \
  lib/measure/registry.h lib/report/summary.h

lib/report/format.h:

include/cryptbench.h:

lib/stats/group.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/regression.h:

lib/core/run.h:

lib/report/report.h:

lib/stats/compare.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/measure/registry.h:

lib/report/summary.h:
