build-clang/lib/html/budget_table.o: lib/html/budget_table.c \
  lib/html/budget_table.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h \
  lib/html/html.h lib/core/strbuf.h lib/html/page.h lib/html/chart.h \
  lib/stats/changepoint.h lib/stats/group.h lib/stats/bootstrap.h \
  lib/core/error.h lib/stats/regression.h lib/store/history.h \
  lib/html/svg.h lib/report/budget_text.h lib/stats/budget.h

lib/html/budget_table.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/html/html.h:

lib/core/strbuf.h:

lib/html/page.h:

lib/html/chart.h:

lib/stats/changepoint.h:

lib/stats/group.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/stats/regression.h:

lib/store/history.h:

lib/html/svg.h:

lib/report/budget_text.h:

lib/stats/budget.h:
