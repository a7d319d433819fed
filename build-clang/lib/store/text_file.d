build-clang/lib/store/text_file.o: lib/store/text_file.c \
  lib/store/text_file.h lib/core/error.h include/cryptbench.h \
  lib/core/strbuf.h

lib/store/text_file.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/strbuf.h:
