build-clang/lib/store/profile_store.o: lib/store/profile_store.c \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/store/atomic_file.h lib/core/error.h \
  lib/store/json_reader.h lib/store/json_locate.h \
  lib/store/profile_store.h lib/core/run.h lib/profile/profile.h \
  lib/store/result_json.h lib/stats/compare.h lib/stats/bootstrap.h \
  lib/store/text_file.h lib/core/strbuf.h

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/store/atomic_file.h:

lib/core/error.h:

lib/store/json_reader.h:

lib/store/json_locate.h:

lib/store/profile_store.h:

lib/core/run.h:

lib/profile/profile.h:

lib/store/result_json.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/store/text_file.h:

lib/core/strbuf.h:
