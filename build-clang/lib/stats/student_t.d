build-clang/lib/stats/student_t.o: lib/stats/student_t.c \
  lib/stats/student_t.h

lib/stats/student_t.h:
