build-clang/lib/check/leak.o: lib/check/leak.c lib/check/leak.h \
  lib/check/check.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/measure/clock.h lib/core/error.h \
  lib/core/run.h lib/measure/registry.h lib/check/spawn.h \
  lib/core/strbuf.h lib/measure/input.h lib/measure/state.h \
  lib/measure/protocol.h lib/stats/dudect.h lib/stats/rng.h

lib/check/leak.h:

lib/check/check.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/clock.h:

lib/core/error.h:

lib/core/run.h:

lib/measure/registry.h:

lib/check/spawn.h:

lib/core/strbuf.h:

lib/measure/input.h:

lib/measure/state.h:

lib/measure/protocol.h:

lib/stats/dudect.h:

lib/stats/rng.h:
