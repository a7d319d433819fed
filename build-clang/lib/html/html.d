build-clang/lib/html/html.o: lib/html/html.c lib/html/html.h \
  lib/core/strbuf.h include/cryptbench.h

lib/html/html.h:

lib/core/strbuf.h:

include/cryptbench.h:
