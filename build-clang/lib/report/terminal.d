build-clang/lib/report/terminal.o: lib/report/terminal.c \
  lib/report/budget_text.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/report/check_lines.h \
  lib/core/run.h lib/report/format.h lib/report/profile_text.h \
  lib/profile/diff.h lib/profile/profile.h lib/report/report.h \
  lib/stats/compare.h lib/stats/bootstrap.h lib/core/error.h \
  lib/stats/group.h lib/stats/regression.h lib/measure/sampling.h \
  lib/measure/state.h lib/measure/clock.h lib/measure/registry.h \
  lib/report/summary.h lib/stats/budget.h

lib/report/budget_text.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/report/check_lines.h:

lib/core/run.h:

lib/report/format.h:

lib/report/profile_text.h:

lib/profile/diff.h:

lib/profile/profile.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/measure/registry.h:

lib/report/summary.h:

lib/stats/budget.h:
