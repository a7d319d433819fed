build-clang/lib/measure/valgrind.o: lib/measure/valgrind.c \
  lib/measure/valgrind.h lib/core/error.h include/cryptbench.h

lib/measure/valgrind.h:

lib/core/error.h:

include/cryptbench.h:
