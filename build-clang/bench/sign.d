build-clang/bench/sign.o: bench/sign.c bench/suite.h include/cryptbench.h

bench/suite.h:

include/cryptbench.h:
