build-clang/lib/stats/dudect.o: lib/stats/dudect.c lib/stats/dudect.h \
  lib/core/check.h

lib/stats/dudect.h:

lib/core/check.h:
