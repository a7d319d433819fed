build-clang/lib/html/svg.o: lib/html/svg.c lib/html/svg.h lib/html/html.h \
  lib/core/strbuf.h include/cryptbench.h

lib/html/svg.h:

lib/html/html.h:

lib/core/strbuf.h:

include/cryptbench.h:
