build-clang/lib/core/run.o: lib/core/run.c lib/core/run.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/core/text.h

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/core/text.h:
