build-clang/lib/report/check_lines.o: lib/report/check_lines.c \
  lib/report/check_lines.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h

lib/report/check_lines.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:
