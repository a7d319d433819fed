build-clang/lib/profile/profile_build.o: lib/profile/profile_build.c \
  lib/core/strmap.h lib/profile/profile_build.h lib/core/error.h \
  include/cryptbench.h lib/profile/callgrind_format.h \
  lib/profile/profile.h

lib/core/strmap.h:

lib/profile/profile_build.h:

lib/core/error.h:

include/cryptbench.h:

lib/profile/callgrind_format.h:

lib/profile/profile.h:
