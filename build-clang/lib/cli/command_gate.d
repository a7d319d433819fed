build-clang/lib/cli/command_gate.o: lib/cli/command_gate.c \
  lib/cli/command.h lib/core/config.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h \
  lib/measure/registry.h lib/core/error.h lib/report/report.h \
  lib/stats/compare.h lib/stats/bootstrap.h lib/stats/group.h \
  lib/stats/regression.h lib/measure/sampling.h lib/measure/state.h \
  lib/measure/clock.h lib/measure/context.h lib/measure/process.h \
  lib/core/strbuf.h lib/measure/sysinfo.h lib/stats/analysis.h \
  lib/stats/sequential.h lib/stats/paired.h lib/store/json_reader.h \
  lib/store/json_locate.h lib/store/result_json.h lib/store/rounds.h

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

lib/measure/context.h:

lib/measure/process.h:

lib/core/strbuf.h:

lib/measure/sysinfo.h:

lib/stats/analysis.h:

lib/stats/sequential.h:

lib/stats/paired.h:

lib/store/json_reader.h:

lib/store/json_locate.h:

lib/store/result_json.h:

lib/store/rounds.h:
