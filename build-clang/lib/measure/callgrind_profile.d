build-clang/lib/measure/callgrind_profile.o: \
  lib/measure/callgrind_profile.c lib/measure/callgrind.h \
  lib/measure/clock.h lib/core/error.h include/cryptbench.h \
  lib/core/run.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/measure/callgrind_profile.h lib/profile/profile.h \
  lib/profile/profile_build.h lib/profile/callgrind_format.h

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

lib/profile/profile_build.h:

lib/profile/callgrind_format.h:
