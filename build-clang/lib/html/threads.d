build-clang/lib/html/threads.o: lib/html/threads.c lib/html/page.h \
  lib/html/chart.h lib/stats/changepoint.h lib/stats/group.h \
  lib/stats/bootstrap.h lib/core/error.h include/cryptbench.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/stats/regression.h lib/core/run.h lib/html/html.h \
  lib/core/strbuf.h lib/store/history.h lib/html/svg.h \
  lib/html/threads.h lib/report/format.h

lib/html/page.h:

lib/html/chart.h:

lib/stats/changepoint.h:

lib/stats/group.h:

lib/stats/bootstrap.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/regression.h:

lib/core/run.h:

lib/html/html.h:

lib/core/strbuf.h:

lib/store/history.h:

lib/html/svg.h:

lib/html/threads.h:

lib/report/format.h:
