build-clang/lib/core/check.o: lib/core/check.c lib/core/check.h \
  lib/core/text.h include/cryptbench.h

lib/core/check.h:

lib/core/text.h:

include/cryptbench.h:
