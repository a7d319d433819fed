build-clang/lib/store/atomic_file.o: lib/store/atomic_file.c \
  lib/store/atomic_file.h lib/core/error.h include/cryptbench.h

lib/store/atomic_file.h:

lib/core/error.h:

include/cryptbench.h:
