build-clang/lib/store/baseline.o: lib/store/baseline.c lib/core/strbuf.h \
  include/cryptbench.h lib/core/text.h lib/store/atomic_file.h \
  lib/core/error.h lib/store/baseline.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h lib/store/json_reader.h \
  lib/store/json_locate.h lib/store/text_file.h lib/store/result_json.h \
  lib/stats/compare.h lib/stats/bootstrap.h

lib/core/strbuf.h:

include/cryptbench.h:

lib/core/text.h:

lib/store/atomic_file.h:

lib/core/error.h:

lib/store/baseline.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/store/json_reader.h:

lib/store/json_locate.h:

lib/store/text_file.h:

lib/store/result_json.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:
