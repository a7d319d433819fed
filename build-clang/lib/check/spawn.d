build-clang/lib/check/spawn.o: lib/check/spawn.c lib/check/spawn.h \
  lib/core/error.h include/cryptbench.h lib/core/strbuf.h \
  lib/measure/clock.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/process.h lib/measure/protocol.h

lib/check/spawn.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/strbuf.h:

lib/measure/clock.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/process.h:

lib/measure/protocol.h:
