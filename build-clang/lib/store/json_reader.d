build-clang/lib/store/json_reader.o: lib/store/json_reader.c \
  lib/store/json_reader.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/store/json_locate.h

lib/store/json_reader.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/store/json_locate.h:
