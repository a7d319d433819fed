build-clang/lib/store/check_json.o: lib/store/check_json.c \
  lib/core/text.h include/cryptbench.h lib/store/check_json.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/store/json_reader.h lib/core/error.h lib/store/json_locate.h \
  lib/store/result_json.h lib/stats/compare.h lib/stats/bootstrap.h \
  lib/core/run.h

lib/core/text.h:

include/cryptbench.h:

lib/store/check_json.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/store/json_reader.h:

lib/core/error.h:

lib/store/json_locate.h:

lib/store/result_json.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/core/run.h:
