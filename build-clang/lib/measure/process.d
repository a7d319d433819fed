build-clang/lib/measure/process.o: lib/measure/process.c \
  lib/measure/clock.h lib/core/error.h include/cryptbench.h \
  lib/core/run.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/measure/process.h lib/core/strbuf.h

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/process.h:

lib/core/strbuf.h:
