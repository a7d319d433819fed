build-clang/lib/html/index_page.o: lib/html/index_page.c \
  lib/html/budget_table.h lib/core/run.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h include/cryptbench.h \
  lib/html/html.h lib/core/strbuf.h lib/html/checks.h \
  lib/html/index_page.h lib/html/chart.h lib/stats/changepoint.h \
  lib/stats/group.h lib/stats/bootstrap.h lib/core/error.h \
  lib/stats/regression.h lib/store/history.h lib/html/svg.h \
  lib/report/report.h lib/stats/compare.h lib/measure/sampling.h \
  lib/measure/state.h lib/measure/clock.h lib/measure/registry.h \
  lib/html/page.h

lib/html/budget_table.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/html/html.h:

lib/core/strbuf.h:

lib/html/checks.h:

lib/html/index_page.h:

lib/html/chart.h:

lib/stats/changepoint.h:

lib/stats/group.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/stats/regression.h:

lib/store/history.h:

lib/html/svg.h:

lib/report/report.h:

lib/stats/compare.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/measure/registry.h:

lib/html/page.h:
