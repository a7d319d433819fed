build-clang/lib/measure/callgrind.o: lib/measure/callgrind.c \
  lib/core/config.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/measure/callgrind.h \
  lib/measure/clock.h lib/core/error.h lib/measure/valgrind.h \
  lib/profile/profile.h

lib/core/config.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/callgrind.h:

lib/measure/clock.h:

lib/core/error.h:

lib/measure/valgrind.h:

lib/profile/profile.h:
