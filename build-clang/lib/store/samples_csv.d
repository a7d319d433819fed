build-clang/lib/store/samples_csv.o: lib/store/samples_csv.c \
  lib/store/samples_csv.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h

lib/store/samples_csv.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
