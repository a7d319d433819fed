build-clang/lib/measure/registry.o: lib/measure/registry.c \
  lib/measure/registry.h lib/core/error.h include/cryptbench.h

lib/measure/registry.h:

lib/core/error.h:

include/cryptbench.h:
