CORE_CFLAGS :=  -pthread
CORE_LIBS := -ljansson  -lm -pthread
SUITE_CFLAGS := 
SUITE_LIBS := -lsodium -lcrypto 
VALGRIND_CFLAGS := -DCB_HAVE_VALGRIND -I/usr/include/valgrind
