build-clang/lib/cli/calibrate_replay.o: lib/cli/calibrate_replay.c \
  lib/cli/calibrate.h lib/core/config.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h \
  lib/core/error.h lib/cli/command.h lib/measure/registry.h \
  lib/report/report.h lib/stats/compare.h lib/stats/bootstrap.h \
  lib/stats/group.h lib/stats/regression.h lib/measure/sampling.h \
  lib/measure/state.h lib/measure/clock.h lib/stats/rng.h \
  lib/stats/sequential.h lib/stats/paired.h lib/store/rounds.h

lib/cli/calibrate.h:

lib/core/config.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/core/error.h:

lib/cli/command.h:

lib/measure/registry.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/stats/rng.h:

lib/stats/sequential.h:

lib/stats/paired.h:

lib/store/rounds.h:
