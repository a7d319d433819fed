build-clang/lib/report/gate_md.o: lib/report/gate_md.c \
  lib/report/gate_md.h lib/core/strbuf.h include/cryptbench.h

lib/report/gate_md.h:

lib/core/strbuf.h:

include/cryptbench.h:
