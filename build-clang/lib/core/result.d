build-clang/lib/core/result.o: lib/core/result.c lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h \
  lib/core/text.h lib/profile/diff.h lib/profile/profile.h

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/core/text.h:

lib/profile/diff.h:

lib/profile/profile.h:
