build-clang/lib/profile/diff.o: lib/profile/diff.c lib/core/strmap.h \
  lib/profile/diff.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/profile/profile.h

lib/core/strmap.h:

lib/profile/diff.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/profile/profile.h:
