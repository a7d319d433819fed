build-clang/lib/report/profile_text.o: lib/report/profile_text.c \
  lib/report/format.h include/cryptbench.h lib/report/profile_text.h \
  lib/profile/diff.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h lib/profile/profile.h

lib/report/format.h:

include/cryptbench.h:

lib/report/profile_text.h:

lib/profile/diff.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/profile/profile.h:
