build-clang/lib/stats/resample.o: lib/stats/resample.c \
  lib/stats/resample.h lib/stats/rng.h lib/stats/stats.h

lib/stats/resample.h:

lib/stats/rng.h:

lib/stats/stats.h:
