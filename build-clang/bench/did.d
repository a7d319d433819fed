build-clang/bench/did.o: bench/did.c bench/suite.h include/cryptbench.h

bench/suite.h:

include/cryptbench.h:
