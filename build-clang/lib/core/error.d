build-clang/lib/core/error.o: lib/core/error.c lib/core/error.h \
  include/cryptbench.h lib/core/text.h

lib/core/error.h:

include/cryptbench.h:

lib/core/text.h:
