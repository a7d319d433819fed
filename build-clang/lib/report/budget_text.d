build-clang/lib/report/budget_text.o: lib/report/budget_text.c \
  lib/report/budget_text.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/report/format.h

lib/report/budget_text.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/report/format.h:
