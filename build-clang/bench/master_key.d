build-clang/bench/master_key.o: bench/master_key.c bench/suite.h \
  include/cryptbench.h

bench/suite.h:

include/cryptbench.h:
