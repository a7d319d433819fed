build-clang/lib/report/format.o: lib/report/format.c lib/report/format.h \
  include/cryptbench.h

lib/report/format.h:

include/cryptbench.h:
