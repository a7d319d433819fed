build-clang/lib/core/text.o: lib/core/text.c lib/core/text.h \
  include/cryptbench.h

lib/core/text.h:

include/cryptbench.h:
