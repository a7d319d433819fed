build-clang/lib/html/checks.o: lib/html/checks.c lib/html/checks.h \
  lib/core/run.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  include/cryptbench.h lib/core/strbuf.h lib/html/html.h lib/html/page.h \
  lib/html/chart.h lib/stats/changepoint.h lib/stats/group.h \
  lib/stats/bootstrap.h lib/core/error.h lib/stats/regression.h \
  lib/store/history.h lib/html/svg.h lib/report/format.h

lib/html/checks.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

include/cryptbench.h:

lib/core/strbuf.h:

lib/html/html.h:

lib/html/page.h:

lib/html/chart.h:

lib/stats/changepoint.h:

lib/stats/group.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/stats/regression.h:

lib/store/history.h:

lib/html/svg.h:

lib/report/format.h:
