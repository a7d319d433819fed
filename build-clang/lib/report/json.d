build-clang/lib/report/json.o: lib/report/json.c lib/report/report.h \
  lib/stats/compare.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/stats/bootstrap.h \
  lib/core/error.h lib/stats/group.h lib/stats/regression.h \
  lib/core/run.h lib/measure/sampling.h lib/measure/state.h \
  lib/measure/clock.h lib/measure/registry.h lib/store/result_json.h \
  lib/store/json_reader.h lib/store/json_locate.h

lib/report/report.h:

lib/stats/compare.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/core/run.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/measure/registry.h:

lib/store/result_json.h:

lib/store/json_reader.h:

lib/store/json_locate.h:
