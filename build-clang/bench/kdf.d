build-clang/bench/kdf.o: bench/kdf.c bench/suite.h include/cryptbench.h

bench/suite.h:

include/cryptbench.h:
