build-clang/bench/ct.o: bench/ct.c bench/suite.h include/cryptbench.h

bench/suite.h:

include/cryptbench.h:
