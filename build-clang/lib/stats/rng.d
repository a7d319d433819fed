build-clang/lib/stats/rng.o: lib/stats/rng.c lib/stats/rng.h

lib/stats/rng.h:
