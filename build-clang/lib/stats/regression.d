build-clang/lib/stats/regression.o: lib/stats/regression.c \
  lib/stats/regression.h lib/stats/stats.h

lib/stats/regression.h:

lib/stats/stats.h:
