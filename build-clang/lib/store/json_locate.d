build-clang/lib/store/json_locate.o: lib/store/json_locate.c \
  lib/store/json_locate.h

lib/store/json_locate.h:
