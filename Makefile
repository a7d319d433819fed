# cryptbench: make (library + suite), make bench, make test, make install, make clean.
#
# The user owns CFLAGS, CPPFLAGS and LDFLAGS; the project appends what it needs.
# Quiet by default; V=1 shows every command.

PREFIX     ?= /usr/local
EXEC_PREFIX ?= $(PREFIX)
LIBDIR     ?= $(EXEC_PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR     ?= $(EXEC_PREFIX)/bin
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

CC       ?= cc
AR       ?= ar
CFLAGS   ?= -O2 -g
BUILD    ?= build
ARGS     ?=

VERSION  := $(shell sed -n 's/^\#define CB_VERSION_STRING "\(.*\)"/\1/p' include/cryptbench.h)
# The library needs jansson, libm and POSIX threads (--threads); only the crypto suite
# needs the crypto libraries.
CORE_DEPS  := jansson
SUITE_DEPS := libsodium libcrypto
DEPS       := $(CORE_DEPS) $(SUITE_DEPS)
TEST_DEPS  := cmocka

WARNINGS := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ALL_CPPFLAGS = -Iinclude -D_POSIX_C_SOURCE=200809L $(CPPFLAGS)
ALL_CFLAGS   = $(WARNINGS) $(CFLAGS)

ifeq ($(V),1)
Q :=
say :=
else
Q := @
say = @printf '  %-6s %s\n' $(1) $(2);
endif

LIB_SRCS   := $(sort $(wildcard lib/*/*.c))
BENCH_SRCS := $(sort $(wildcard bench/*.c))
SELF_SRCS  := $(sort $(wildcard bench/self/*.c))
TEST_SRCS  := $(sort $(wildcard tests/test_*.c))
TEST_SUPPORT := $(BUILD)/tests/support.o
FIXTURE_SRCS := $(sort $(wildcard tests/fixtures/*.c))

LIB_OBJS   := $(LIB_SRCS:%.c=$(BUILD)/%.o)
BENCH_OBJS := $(BENCH_SRCS:%.c=$(BUILD)/%.o)
SELF_OBJS  := $(SELF_SRCS:%.c=$(BUILD)/%.o)
TEST_BINS  := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
FIXTURE_BINS := $(FIXTURE_SRCS:tests/fixtures/%.c=$(BUILD)/tests/fixtures/%)
LIB        := $(BUILD)/libcryptbench.a
SUITE      := $(BUILD)/cryptbench
SELF       := $(BUILD)/cryptbench-self

.PHONY: all bench bench-self speed-check test asan fuzz install uninstall clean
.DELETE_ON_ERROR:

all: $(LIB) $(SUITE)

# Dependencies: pkg-config finds them; when it cannot, ci/install-deps installs the
# Debian packages (or says which command to run) and the build goes on.
# The flags are computed once into $(BUILD)/deps.mk, which make then re-reads.
NO_DEPS_GOALS := clean uninstall
ifeq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
-include $(BUILD)/deps.mk
# Objects remember the flags they were built with: a build directory reused with
# another CC, CFLAGS or LDFLAGS (make asan's, a user's -O3) is rebuilt whole,
# never linked from a mix of objects. make install takes the build as it is
# (sudo clears CFLAGS: it would rebuild as root, with other flags).
BUILD_FLAGS := $(strip $(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS))
ifeq ($(and $(filter install uninstall,$(MAKECMDGOALS)),$(wildcard $(BUILD)/flags)),)
ifneq ($(strip $(file <$(BUILD)/flags)),$(BUILD_FLAGS))
$(shell mkdir -p $(BUILD))
$(file >$(BUILD)/flags,$(BUILD_FLAGS))
endif
endif
endif

$(BUILD)/deps.mk: ci/install-deps Makefile $(BUILD)/flags
	@mkdir -p $(@D)
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists $(DEPS); then \
	    echo "pkg-config cannot find $(DEPS): running ci/install-deps"; \
	    ci/install-deps || exit 1; \
	fi
	@{ echo "CORE_CFLAGS := $$(pkg-config --cflags $(CORE_DEPS)) -pthread"; \
	   echo "CORE_LIBS := $$(pkg-config --libs $(CORE_DEPS)) -lm -pthread"; \
	   echo "SUITE_CFLAGS := $$(pkg-config --cflags $(SUITE_DEPS))"; \
	   echo "SUITE_LIBS := $$(pkg-config --libs $(SUITE_DEPS))"; \
	   echo "VALGRIND_CFLAGS := $$(pkg-config --exists valgrind && echo -DCB_HAVE_VALGRIND $$(pkg-config --cflags valgrind))"; \
	   } > $@.tmp && mv $@.tmp $@

$(BUILD)/test-deps.mk: $(BUILD)/deps.mk ci/install-deps Makefile
	@if ! pkg-config --exists $(TEST_DEPS) || ! command -v valgrind >/dev/null 2>&1 || \
	    ! command -v chromium >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
	    echo "test dependencies missing: running ci/install-deps --test"; \
	    ci/install-deps --test || exit 1; \
	fi
	@{ echo "TEST_CFLAGS := $$(pkg-config --cflags $(TEST_DEPS))"; \
	   echo "TEST_LIBS := $$(pkg-config --libs $(TEST_DEPS))"; } > $@.tmp && mv $@.tmp $@

ifneq ($(filter test asan $(TEST_BINS) $(FIXTURE_BINS),$(MAKECMDGOALS)),)
-include $(BUILD)/test-deps.mk
endif

# lib/ includes its private headers by folder, "stats/bootstrap.h"; bench/ sees only include/
$(BUILD)/lib/%.o: ALL_CPPFLAGS += -Ilib

# valgrind's client requests, when its headers are here: instruction counts
# under callgrind
$(BUILD)/lib/measure/%.o: ALL_CPPFLAGS += $(VALGRIND_CFLAGS)

$(BUILD)/lib/measure/sysinfo.o: ALL_CPPFLAGS += -DCB_BUILD_CFLAGS='"$(CFLAGS)"'

# Only the suite sees the crypto libraries' headers.
$(BUILD)/bench/%.o: ALL_CPPFLAGS += $(SUITE_CFLAGS)

$(BUILD)/%.o: %.c $(BUILD)/deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(CORE_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJS)
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(SUITE): $(BENCH_OBJS) $(LIB)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(BENCH_OBJS) $(LIB) $(SUITE_LIBS) $(CORE_LIBS) -o $@

bench: $(SUITE)
	$(SUITE) $(ARGS)

# The suite held against `openssl speed`, round after round (ci/speed-check:
# its settings, SPEED_ROUNDS=3 and the like, are in its header; ARGS picks pairs).
speed-check: $(SUITE)
	@SPEED_PROGRAM=$(SUITE) ci/speed-check $(ARGS)

# The harness measuring itself: its per-iteration overhead, the analysis cost.
$(BUILD)/bench/self/%.o: ALL_CPPFLAGS += -Ilib

$(SELF): $(SELF_OBJS) $(LIB)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(SELF_OBJS) $(LIB) $(CORE_LIBS) -o $@

bench-self: $(SELF)
	$(SELF) $(ARGS)

# ---- tests -------------------------------------------------------------------

$(TEST_SUPPORT): tests/support.c tests/support.h $(BUILD)/test-deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Ilib $(CORE_CFLAGS) $(TEST_CFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/test_%: tests/test_%.c $(TEST_SUPPORT) $(LIB) $(BUILD)/test-deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Ilib -Itests $(CORE_CFLAGS) $(TEST_CFLAGS) $(ALL_CFLAGS) \
	    $(LDFLAGS) $< $(TEST_SUPPORT) $(LIB) $(TEST_LIBS) $(CORE_LIBS) -o $@

# Tests of the suite's own helpers (hex, base58btc) link them too.
$(BUILD)/tests/test_suite_%: tests/test_suite_%.c $(BUILD)/bench/suite.o $(TEST_SUPPORT) $(LIB) $(BUILD)/test-deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Ilib -Itests -Ibench $(CORE_CFLAGS) $(SUITE_CFLAGS) $(TEST_CFLAGS) \
	    $(ALL_CFLAGS) $(LDFLAGS) $< $(BUILD)/bench/suite.o $(TEST_SUPPORT) $(LIB) $(TEST_LIBS) \
	    $(SUITE_LIBS) $(CORE_LIBS) -o $@

$(BUILD)/tests/fixtures/%: tests/fixtures/%.c $(LIB)
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(CORE_CFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $< $(LIB) $(CORE_LIBS) -o $@

test: $(TEST_BINS) $(FIXTURE_BINS) $(SUITE)
	@BUILD=$(BUILD) tests/run

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer, in a
# build directory of their own so that the normal build is left as it is.
asan:
	$(Q)$(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test

# libFuzzer targets (clang) for the two parsers of files a user may hand us,
# the baseline loader and the CSV reader: FUZZ_SECONDS in all, shared between
# them, each from its seed corpus tests/fuzz/<target>_corpus; what they learn
# and find lands in $(BUILD)/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_TARGETS := baseline samples_csv
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRCS) $(wildcard lib/*/*.h lib/*/*.def) $(BUILD)/deps.mk
	@mkdir -p $(@D)/$*_corpus
	$(call say,FUZZ,$@)
	$(Q)$(FUZZ_CC) $(ALL_CPPFLAGS) -Ilib $(CORE_CFLAGS) -std=c11 -g -O1 \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    $< $(LIB_SRCS) $(CORE_LIBS) -o $@

# max_total_time=0 would mean "for ever": each target gets at least a second
fuzz: $(FUZZ_BINS)
	$(Q)for t in $(FUZZ_TARGETS); do \
	    echo "fuzz_$$t: $$(( ($(FUZZ_SECONDS) + 1) / 2 )) s"; \
	    $(BUILD)/fuzz/fuzz_$$t -max_total_time=$$(( ($(FUZZ_SECONDS) + 1) / 2 )) \
	        -max_len=65536 -print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/$$t- \
	        $(BUILD)/fuzz/$${t}_corpus tests/fuzz/$${t}_corpus || exit 1; \
	done

# ---- install -----------------------------------------------------------------

# The .pc is generated at install time: it holds PREFIX, which may differ each time.
install: $(LIB) $(SUITE) cryptbench.pc.in
	$(call say,INSTALL,$(DESTDIR)$(PREFIX))
	$(Q)install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(BINDIR)
	$(Q)install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libcryptbench.a
	$(Q)install -m 644 include/cryptbench.h $(DESTDIR)$(INCLUDEDIR)/cryptbench.h
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' cryptbench.pc.in \
	    > $(DESTDIR)$(PKGCONFIGDIR)/cryptbench.pc
	$(Q)install -m 755 $(SUITE) $(DESTDIR)$(BINDIR)/cryptbench
	$(Q)install -m 755 ci/bench-ab $(DESTDIR)$(BINDIR)/cryptbench-ab

uninstall:
	$(Q)rm -f $(DESTDIR)$(LIBDIR)/libcryptbench.a $(DESTDIR)$(INCLUDEDIR)/cryptbench.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/cryptbench.pc $(DESTDIR)$(BINDIR)/cryptbench \
	    $(DESTDIR)$(BINDIR)/cryptbench-ab

clean:
	$(Q)rm -rf $(BUILD)

-include $(LIB_OBJS:.o=.d) $(BENCH_OBJS:.o=.d) $(SELF_OBJS:.o=.d)
