build-clang/lib/stats/kde.o: lib/stats/kde.c lib/stats/kde.h \
  lib/stats/stats.h

lib/stats/kde.h:

lib/stats/stats.h:
