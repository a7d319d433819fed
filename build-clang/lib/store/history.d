build-clang/lib/store/history.o: lib/store/history.c \
  lib/store/atomic_file.h lib/core/error.h include/cryptbench.h \
  lib/store/baseline.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/store/history.h

lib/store/atomic_file.h:

lib/core/error.h:

include/cryptbench.h:

lib/store/baseline.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/store/history.h:
