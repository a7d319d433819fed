build-clang/lib/check/memcheck_log.o: lib/check/memcheck_log.c \
  lib/check/memcheck_log.h lib/core/check.h lib/core/error.h \
  include/cryptbench.h lib/core/text.h

lib/check/memcheck_log.h:

lib/core/check.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/text.h:
