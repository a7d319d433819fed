build-clang/lib/store/budgets.o: lib/store/budgets.c lib/core/text.h \
  include/cryptbench.h lib/store/budgets.h lib/core/budget.h \
  lib/core/error.h lib/store/json_reader.h lib/core/result.h \
  lib/core/check.h lib/store/json_locate.h lib/store/text_file.h \
  lib/core/strbuf.h

lib/core/text.h:

include/cryptbench.h:

lib/store/budgets.h:

lib/core/budget.h:

lib/core/error.h:

lib/store/json_reader.h:

lib/core/result.h:

lib/core/check.h:

lib/store/json_locate.h:

lib/store/text_file.h:

lib/core/strbuf.h:
