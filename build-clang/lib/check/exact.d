build-clang/lib/check/exact.o: lib/check/exact.c lib/check/exact.h \
  lib/check/check.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/measure/clock.h lib/core/error.h \
  lib/core/run.h lib/measure/registry.h lib/check/memcheck_log.h \
  lib/check/spawn.h lib/core/strbuf.h lib/measure/protocol.h \
  lib/measure/valgrind.h lib/store/text_file.h

lib/check/exact.h:

lib/check/check.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/measure/clock.h:

lib/core/error.h:

lib/core/run.h:

lib/measure/registry.h:

lib/check/memcheck_log.h:

lib/check/spawn.h:

lib/core/strbuf.h:

lib/measure/protocol.h:

lib/measure/valgrind.h:

lib/store/text_file.h:
