build-clang/lib/report/gate.o: lib/report/gate.c lib/store/atomic_file.h \
  lib/core/error.h include/cryptbench.h lib/core/strbuf.h \
  lib/report/format.h lib/report/gate_budgets.h lib/core/run.h \
  lib/core/result.h lib/core/check.h lib/core/budget.h \
  lib/report/gate_md.h lib/report/profile_text.h lib/profile/diff.h \
  lib/profile/profile.h lib/report/report.h lib/stats/compare.h \
  lib/stats/bootstrap.h lib/stats/group.h lib/stats/regression.h \
  lib/measure/sampling.h lib/measure/state.h lib/measure/clock.h \
  lib/measure/registry.h

lib/store/atomic_file.h:

lib/core/error.h:

include/cryptbench.h:

lib/core/strbuf.h:

lib/report/format.h:

lib/report/gate_budgets.h:

lib/core/run.h:

lib/core/result.h:

lib/core/check.h:

lib/core/budget.h:

lib/report/gate_md.h:

lib/report/profile_text.h:

lib/profile/diff.h:

lib/profile/profile.h:

lib/report/report.h:

lib/stats/compare.h:

lib/stats/bootstrap.h:

lib/stats/group.h:

lib/stats/regression.h:

lib/measure/sampling.h:

lib/measure/state.h:

lib/measure/clock.h:

lib/measure/registry.h:
