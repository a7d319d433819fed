build-clang/lib/measure/protocol.o: lib/measure/protocol.c \
  lib/core/text.h include/cryptbench.h lib/measure/protocol.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h

lib/core/text.h:

include/cryptbench.h:

lib/measure/protocol.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
