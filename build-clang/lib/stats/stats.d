build-clang/lib/stats/stats.o: lib/stats/stats.c lib/stats/stats.h

lib/stats/stats.h:
