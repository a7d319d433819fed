build-clang/lib/cli/command.o: lib/cli/command.c lib/stats/analysis.h \
  lib/stats/bootstrap.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/stats/budget.h lib/store/baseline.h lib/core/run.h \
  lib/cli/command.h lib/core/config.h lib/measure/registry.h \
  lib/report/report.h lib/stats/compare.h lib/stats/group.h \
  lib/stats/regression.h lib/measure/sampling.h lib/measure/state.h \
  lib/measure/clock.h lib/store/text_file.h lib/core/strbuf.h \
  lib/store/samples_csv.h

lib/stats/analysis.h:

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/budget.h:

lib/store/baseline.h:

lib/core/run.h:

lib/cli/command.h:

lib/core/config.h:

lib/measure/registry.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/store/text_file.h:

lib/core/strbuf.h:

lib/store/samples_csv.h:
