build-clang/bench/main.o: bench/main.c bench/suite.h include/cryptbench.h

bench/suite.h:

include/cryptbench.h:
