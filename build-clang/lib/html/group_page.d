build-clang/lib/html/group_page.o: lib/html/group_page.c \
  lib/report/format.h include/cryptbench.h lib/html/chart.h \
  lib/stats/changepoint.h lib/stats/group.h lib/stats/bootstrap.h \
  lib/core/error.h lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/stats/regression.h lib/core/run.h lib/html/html.h \
  lib/core/strbuf.h lib/store/history.h lib/html/svg.h lib/html/flame.h \
  lib/profile/diff.h lib/profile/profile.h lib/html/threads.h \
  lib/html/group_page.h lib/html/page.h lib/report/summary.h

lib/report/format.h:

include/cryptbench.h:

lib/html/chart.h:

lib/stats/changepoint.h:

lib/stats/group.h:

lib/stats/bootstrap.h:

lib/core/error.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/stats/regression.h:

lib/core/run.h:

lib/html/html.h:

lib/core/strbuf.h:

lib/store/history.h:

lib/html/svg.h:

lib/html/flame.h:

lib/profile/diff.h:

lib/profile/profile.h:

lib/html/threads.h:

lib/html/group_page.h:

lib/html/page.h:

lib/report/summary.h:
