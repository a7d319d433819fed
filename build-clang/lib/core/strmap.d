build-clang/lib/core/strmap.o: lib/core/strmap.c lib/core/strmap.h

lib/core/strmap.h:
