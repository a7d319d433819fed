build-clang/lib/store/lock.o: lib/store/lock.c lib/store/atomic_file.h \
  lib/core/error.h include/cryptbench.h lib/store/lock.h

lib/store/atomic_file.h:

lib/core/error.h:

include/cryptbench.h:

lib/store/lock.h:
