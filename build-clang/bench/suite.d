build-clang/bench/suite.o: bench/suite.c bench/suite.h \
  include/cryptbench.h

bench/suite.h:

include/cryptbench.h:
