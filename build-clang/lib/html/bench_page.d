build-clang/lib/html/bench_page.o: lib/html/bench_page.c \
  lib/report/format.h include/cryptbench.h lib/html/bench_page.h \
  lib/html/chart.h lib/stats/changepoint.h lib/stats/group.h \
  lib/stats/bootstrap.h lib/core/error.h lib/core/result.h \
  lib/core/check.h lib/core/budget.h lib/stats/regression.h \
  lib/core/run.h lib/html/html.h lib/core/strbuf.h lib/store/history.h \
  lib/html/svg.h lib/report/report.h lib/stats/compare.h \
  lib/measure/sampling.h lib/measure/state.h lib/measure/clock.h \
  lib/measure/registry.h lib/html/budget_table.h lib/html/checks.h \
  lib/html/flame.h lib/profile/diff.h lib/profile/profile.h \
  lib/html/threads.h lib/html/page.h

lib/report/format.h:

include/cryptbench.h:

lib/html/bench_page.h:

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

lib/report/report.h:

lib/stats/compare.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/measure/registry.h:

lib/html/budget_table.h:

lib/html/checks.h:

lib/html/flame.h:

lib/profile/diff.h:

lib/profile/profile.h:

lib/html/threads.h:

lib/html/page.h:
