build-clang/lib/measure/sysinfo.o: lib/measure/sysinfo.c lib/core/text.h \
  include/cryptbench.h lib/measure/sysinfo.h lib/core/run.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h

lib/core/text.h:

include/cryptbench.h:

lib/measure/sysinfo.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:
