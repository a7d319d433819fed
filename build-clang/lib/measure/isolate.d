build-clang/lib/measure/isolate.o: lib/measure/isolate.c \
  lib/measure/callgrind.h lib/measure/clock.h lib/core/error.h \
  include/cryptbench.h lib/core/run.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/measure/callgrind_profile.h \
  lib/profile/profile.h lib/measure/child.h lib/measure/measure.h \
  lib/measure/registry.h lib/measure/sampling.h lib/measure/state.h \
  lib/measure/isolate.h lib/measure/process.h lib/core/strbuf.h \
  lib/measure/protocol.h lib/measure/valgrind.h

lib/measure/callgrind.h:

lib/measure/clock.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/measure/callgrind_profile.h:

lib/profile/profile.h:

lib/measure/child.h:

lib/measure/measure.h:

lib/measure/registry.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/isolate.h:

lib/measure/process.h:

lib/core/strbuf.h:

lib/measure/protocol.h:

lib/measure/valgrind.h:
