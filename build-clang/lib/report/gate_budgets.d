build-clang/lib/report/gate_budgets.o: lib/report/gate_budgets.c \
  lib/report/budget_text.h lib/core/result.h lib/core/check.h \
  lib/core/budget.h include/cryptbench.h lib/report/gate_budgets.h \
  lib/core/run.h lib/core/strbuf.h lib/report/gate_md.h \
  lib/stats/budget.h lib/core/error.h

lib/report/budget_text.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/report/gate_budgets.h:

lib/core/run.h:

lib/core/strbuf.h:

lib/report/gate_md.h:

lib/stats/budget.h:

lib/core/error.h:
