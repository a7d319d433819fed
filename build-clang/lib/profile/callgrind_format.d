build-clang/lib/profile/callgrind_format.o: \
  lib/profile/callgrind_format.c lib/core/strmap.h \
  lib/profile/callgrind_format.h lib/core/error.h include/cryptbench.h \
  lib/store/text_file.h lib/core/strbuf.h

lib/core/strmap.h:

lib/profile/callgrind_format.h:

lib/core/error.h:

include/cryptbench.h:

lib/store/text_file.h:

lib/core/strbuf.h:
