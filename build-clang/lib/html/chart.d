build-clang/lib/html/chart.o: lib/html/chart.c lib/stats/analysis.h \
  lib/stats/bootstrap.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/stats/outliers.h lib/report/format.h lib/html/chart.h \
  lib/stats/changepoint.h lib/stats/group.h lib/stats/regression.h \
  lib/core/run.h lib/html/html.h lib/core/strbuf.h lib/store/history.h \
  lib/html/svg.h lib/stats/kde.h

lib/stats/analysis.h:

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/outliers.h:

lib/report/format.h:

lib/html/chart.h:

lib/stats/changepoint.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/core/run.h:

lib/html/html.h:

lib/core/strbuf.h:

lib/store/history.h:

lib/html/svg.h:

lib/stats/kde.h:
