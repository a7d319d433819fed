build-clang/lib/profile/profile.o: lib/profile/profile.c \
  lib/core/strmap.h lib/core/text.h include/cryptbench.h \
  lib/profile/profile.h

lib/core/strmap.h:

lib/core/text.h:

include/cryptbench.h:

lib/profile/profile.h:
