build-clang/lib/core/budget.o: lib/core/budget.c lib/core/budget.h \
  include/cryptbench.h

lib/core/budget.h:

include/cryptbench.h:
