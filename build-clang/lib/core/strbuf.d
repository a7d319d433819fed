build-clang/lib/core/strbuf.o: lib/core/strbuf.c lib/core/strbuf.h \
  include/cryptbench.h

lib/core/strbuf.h:

include/cryptbench.h:
