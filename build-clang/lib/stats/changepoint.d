build-clang/lib/stats/changepoint.o: lib/stats/changepoint.c \
  lib/stats/changepoint.h lib/stats/rng.h

lib/stats/changepoint.h:

lib/stats/rng.h:
