build-clang/lib/store/rounds.o: lib/store/rounds.c \
  lib/store/atomic_file.h lib/core/error.h include/cryptbench.h \
  lib/store/json_reader.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/store/json_locate.h lib/store/rounds.h \
  lib/core/run.h lib/store/text_file.h lib/core/strbuf.h

lib/store/atomic_file.h:

lib/core/error.h:

include/cryptbench.h:

lib/store/json_reader.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/store/json_locate.h:

lib/store/rounds.h:

lib/core/run.h:

lib/store/text_file.h:

lib/core/strbuf.h:
