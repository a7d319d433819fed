build-clang/lib/store/result_json.o: lib/store/result_json.c \
  lib/core/text.h include/cryptbench.h lib/stats/analysis.h \
  lib/stats/bootstrap.h lib/core/error.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h lib/store/budget_json.h \
  lib/store/json_reader.h lib/store/json_locate.h lib/store/check_json.h \
  lib/store/result_json.h lib/stats/compare.h lib/core/run.h \
  lib/store/samples_csv.h

lib/core/text.h:

include/cryptbench.h:

lib/stats/analysis.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/store/budget_json.h:

lib/store/json_reader.h:

lib/store/json_locate.h:

lib/store/check_json.h:

lib/store/result_json.h:

lib/stats/compare.h:

lib/core/run.h:

lib/store/samples_csv.h:
