CORE_CFLAGS := 
CORE_LIBS := -ljansson  -lm
SUITE_CFLAGS := 
SUITE_LIBS := -lsodium -lcrypto 
VALGRIND_CFLAGS := -DCB_HAVE_VALGRIND -I/usr/include/valgrind
