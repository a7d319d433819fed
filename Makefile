# cryptbench: make (library + suite), make bench, make test, make install (the library
# alone: it needs jansson and a compiler, not the suite's crypto libraries), make clean.
#
# The user owns CFLAGS, CPPFLAGS and LDFLAGS; the project appends what it needs.
# Quiet by default; V=1 shows every command.

# lib/'s folders form a pipeline, bottom first: a file includes and calls its own
# folder and the folders of earlier layers, never a later layer nor a neighbour on
# its own (tests/e2e/layers.sh holds lib/ to it, and to no circle between files).
# profile sits below measure, which builds a profile from callgrind's output.
LAYERS := core | stats profile | measure | store | check report | html | cli

PREFIX     ?= /usr/local
EXEC_PREFIX ?= $(PREFIX)
LIBDIR     ?= $(EXEC_PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR     ?= $(EXEC_PREFIX)/bin
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
CMAKEDIR   ?= $(LIBDIR)/cmake/cryptbench
MANDIR     ?= $(PREFIX)/share/man

CC       ?= cc
AR       ?= ar
OBJCOPY  ?= objcopy
CFLAGS   ?= -O2 -g
BUILD    ?= build
ARGS     ?=

VERSION  := $(shell sed -n 's/^\#define CB_VERSION_STRING "\(.*\)"/\1/p' include/cryptbench.h)
VERSION_MAJOR := $(word 1,$(subst ., ,$(VERSION)))
VERSION_MINOR := $(word 2,$(subst ., ,$(VERSION)))
# The shared library's ABI: before 1.0 each minor version may break it.
SONAME   := libcryptbench.so.$(if $(filter 0,$(VERSION_MAJOR)),0.$(VERSION_MINOR),$(VERSION_MAJOR))
# The library needs jansson, libm and POSIX threads (--threads); only the crypto suite
# needs the crypto libraries.
CORE_DEPS  := jansson
SUITE_DEPS := libsodium libcrypto
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

# lib/cli/cryptbench.c is the installed runner's main(), not part of the library
RUNNER_SRC := lib/cli/cryptbench.c
LIB_SRCS   := $(filter-out $(RUNNER_SRC),$(sort $(wildcard lib/*/*.c)))
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
# What a user links holds the API alone; the tests and the harness's
# self-benchmark, which reach into lib/, link every object by its own names.
LIB        := $(BUILD)/libcryptbench.a
LIB_SO     := $(BUILD)/libcryptbench.so.$(VERSION)
LIB_INTERNAL := $(BUILD)/lib/libcryptbench-internal.a
SUITE      := $(BUILD)/cryptbench
SELF       := $(BUILD)/cryptbench-self
# the runner that `make install` installs as cryptbench: the library's main,
# no benchmark of its own (analyze, compare, report, trend, gate of two programs)
RUNNER     := $(BUILD)/runner/cryptbench
MAN        := $(BUILD)/cryptbench.1

.PHONY: all lib shared bench bench-self speed-check test asan fuzz docs install uninstall clean
.DELETE_ON_ERROR:

all: $(LIB) $(LIB_SO) $(SUITE) $(RUNNER) $(MAN)

# The library alone, and what `make install` installs with it.
lib: $(LIB) $(RUNNER) $(MAN)

# Dependencies: pkg-config finds them; when it cannot, ci/install-deps installs the
# Debian packages (or says which command to run) and the build goes on.
# The flags are computed once into $(BUILD)/deps.mk (the library's) and
# $(BUILD)/suite-deps.mk (the crypto suite's), which make then re-reads; goals
# that build the library alone never look for the suite's.
NO_DEPS_GOALS := clean uninstall
LIB_GOALS     := lib shared install docs $(LIB) $(LIB_SO) $(RUNNER) $(MAN)
ifeq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
-include $(BUILD)/deps.mk
ifneq ($(filter-out $(NO_DEPS_GOALS) $(LIB_GOALS),$(or $(MAKECMDGOALS),all)),)
-include $(BUILD)/suite-deps.mk
endif
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
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists $(CORE_DEPS); then \
	    echo "pkg-config cannot find $(CORE_DEPS): running ci/install-deps --lib"; \
	    ci/install-deps --lib || exit 1; \
	fi
	@{ echo "CORE_CFLAGS := $$(pkg-config --cflags $(CORE_DEPS)) -pthread"; \
	   echo "CORE_LIBS := $$(pkg-config --libs $(CORE_DEPS)) -lm -pthread"; \
	   echo "VALGRIND_CFLAGS := $$(pkg-config --exists valgrind && echo -DCB_HAVE_VALGRIND $$(pkg-config --cflags valgrind))"; \
	   } > $@.tmp && mv $@.tmp $@

$(BUILD)/suite-deps.mk: $(BUILD)/deps.mk
	@if ! pkg-config --exists $(SUITE_DEPS); then \
	    echo "pkg-config cannot find $(SUITE_DEPS): running ci/install-deps"; \
	    ci/install-deps || exit 1; \
	fi
	@{ echo "SUITE_CFLAGS := $$(pkg-config --cflags $(SUITE_DEPS))"; \
	   echo "SUITE_LIBS := $$(pkg-config --libs $(SUITE_DEPS))"; \
	   } > $@.tmp && mv $@.tmp $@

$(BUILD)/test-deps.mk: $(BUILD)/suite-deps.mk ci/install-deps Makefile
	@if ! pkg-config --exists $(TEST_DEPS) || ! command -v valgrind >/dev/null 2>&1 || \
	    ! command -v chromium >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 || \
	    ! command -v cmake >/dev/null 2>&1 || ! python3 -c 'import yaml' >/dev/null 2>&1; then \
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

# Every name of the library is hidden but the API's, which include/cryptbench.h
# makes visible. Position-independent for the shared library: on x86-64 the
# static one's code is the same, its hidden names reached directly.
$(BUILD)/lib/%.o: ALL_CFLAGS += -fPIC -fvisibility=hidden

# valgrind's client requests, when its headers are here: instruction counts
# under callgrind
$(BUILD)/lib/measure/%.o: ALL_CPPFLAGS += $(VALGRIND_CFLAGS)

# The allocation counter behind --memory: a shared object of its own, never
# part of the library (it defines malloc), whose bytes the library embeds
# (lib/measure/memory_count.c). Built without the sanitizers, whose own malloc it
# could not count.
COUNTER_SO  := $(BUILD)/lib/measure/memory_counter.so
NO_SANITIZE  = $(filter-out -fsanitize=% -fno-sanitize%,$(1))

$(COUNTER_SO): lib/measure/preload/memory_counter.c lib/measure/memory_counter.h $(BUILD)/deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Ilib $(WARNINGS) $(call NO_SANITIZE,$(CFLAGS)) -fPIC -shared \
	    -fvisibility=hidden $(call NO_SANITIZE,$(LDFLAGS)) -s $< -o $@

$(COUNTER_SO).inc: $(COUNTER_SO)
	$(Q)od -An -v -tx1 $< | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/measure/memory_count.o: $(COUNTER_SO).inc
$(BUILD)/lib/measure/memory_count.o: ALL_CPPFLAGS += -I$(BUILD)/lib/measure

$(BUILD)/lib/measure/sysinfo.o: ALL_CPPFLAGS += -DCB_BUILD_CFLAGS='"$(CFLAGS)"'

# Only the suite sees the crypto libraries' headers.
$(BUILD)/bench/%.o: ALL_CPPFLAGS += $(SUITE_CFLAGS)
$(BUILD)/bench/%.o: $(BUILD)/suite-deps.mk

$(BUILD)/%.o: %.c $(BUILD)/deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(CORE_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB_INTERNAL): $(LIB_OBJS)
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# The static library: the objects joined into one (ld -r), whose hidden names
# objcopy then makes local, so that a user's program sees the API alone and
# may name its own functions as it likes.
$(BUILD)/libcryptbench.o: $(LIB_OBJS)
	$(call say,LD,$@)
	$(Q)$(CC) -r -nostdlib $^ -o $@ && $(OBJCOPY) --localize-hidden $@

$(LIB): $(BUILD)/libcryptbench.o
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $<

# The shared library, exporting the API alone as the static one does.
$(LIB_SO): $(LIB_OBJS)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) $^ $(CORE_LIBS) -o $@

shared: $(LIB_SO)

$(SUITE): $(BENCH_OBJS) $(LIB)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(BENCH_OBJS) $(LIB) $(SUITE_LIBS) $(CORE_LIBS) -o $@

bench: $(SUITE)
	$(SUITE) $(ARGS)

# The suite held against `openssl speed`, round after round (ci/speed-check:
# its settings, SPEED_ROUNDS=3 and the like, are in its header; ARGS picks pairs).
speed-check: $(SUITE)
	@SPEED_PROGRAM=$(SUITE) ci/speed-check $(ARGS)

$(RUNNER): $(BUILD)/$(RUNNER_SRC:.c=.o) $(LIB)
	@mkdir -p $(@D)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) $< $(LIB) $(CORE_LIBS) -o $@

# The manual page and docs/cli.md are the runner's own manual, made from the
# tables its --help is made of (lib/cli/commands.def, options.def).
$(MAN): $(RUNNER)
	$(call say,GEN,$@)
	$(Q)$(RUNNER) --manual man > $@

docs: $(RUNNER)
	$(Q)$(RUNNER) --manual markdown > docs/cli.md.tmp && mv docs/cli.md.tmp docs/cli.md

# The harness measuring itself: its per-iteration overhead, the analysis cost.
$(BUILD)/bench/self/%.o: ALL_CPPFLAGS += -Ilib

$(SELF): $(SELF_OBJS) $(LIB_INTERNAL)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(SELF_OBJS) $(LIB_INTERNAL) $(CORE_LIBS) -o $@

bench-self: $(SELF)
	$(SELF) $(ARGS)

# ---- tests -------------------------------------------------------------------

$(TEST_SUPPORT): tests/support.c tests/support.h $(BUILD)/test-deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Ilib $(CORE_CFLAGS) $(TEST_CFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/test_%: tests/test_%.c $(TEST_SUPPORT) $(LIB_INTERNAL) $(BUILD)/test-deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Ilib -Itests $(CORE_CFLAGS) $(TEST_CFLAGS) $(ALL_CFLAGS) \
	    $(LDFLAGS) $< $(TEST_SUPPORT) $(LIB_INTERNAL) $(TEST_LIBS) $(CORE_LIBS) -o $@

# Tests of the suite's own helpers (hex, base58btc) link them too.
$(BUILD)/tests/test_suite_%: tests/test_suite_%.c $(BUILD)/bench/suite.o $(TEST_SUPPORT) $(LIB_INTERNAL) $(BUILD)/test-deps.mk
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Ilib -Itests -Ibench $(CORE_CFLAGS) $(SUITE_CFLAGS) $(TEST_CFLAGS) \
	    $(ALL_CFLAGS) $(LDFLAGS) $< $(BUILD)/bench/suite.o $(TEST_SUPPORT) $(LIB_INTERNAL) $(TEST_LIBS) \
	    $(SUITE_LIBS) $(CORE_LIBS) -o $@

$(BUILD)/tests/fixtures/%: tests/fixtures/%.c $(LIB)
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(CORE_CFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $< $(LIB) $(CORE_LIBS) -o $@

# The programs and scripts run side by side, one per core (TEST_JOBS=N to
# choose), each reported with its time, the slowest started first.
test: $(TEST_BINS) $(FIXTURE_BINS) $(SUITE) $(RUNNER) $(MAN)
	@BUILD=$(BUILD) tests/run

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer, in a
# build directory of their own so that the normal build is left as it is.
asan:
	$(Q)$(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test

# libFuzzer targets (clang) for the parsers of files a user may hand us or a
# run may have left: the baseline loader, the CSV reader, the budgets file and
# the history reader (with the change points of what it reads). FUZZ_SECONDS
# in all, shared between them, each from its seed corpus
# tests/fuzz/<target>_corpus; what they learn and find lands in $(BUILD)/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_TARGETS := baseline samples_csv budgets history
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)

# The fuzzers compile the library's sources themselves, memory_count.c with them:
# it embeds the allocation counter's bytes, generated like any object's.
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRCS) $(wildcard lib/*/*.h lib/*/*.def) \
                      $(COUNTER_SO).inc $(BUILD)/deps.mk
	@mkdir -p $(@D)/$*_corpus
	$(call say,FUZZ,$@)
	$(Q)$(FUZZ_CC) $(ALL_CPPFLAGS) -Ilib -I$(BUILD)/lib/measure $(CORE_CFLAGS) -std=c11 -g -O1 \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    $< $(LIB_SRCS) $(CORE_LIBS) -o $@

# max_total_time=0 would mean "for ever": each target gets at least a second
FUZZ_EACH = $$(( ($(FUZZ_SECONDS) + $(words $(FUZZ_TARGETS)) - 1) / $(words $(FUZZ_TARGETS)) ))
fuzz: $(FUZZ_BINS)
	$(Q)for t in $(FUZZ_TARGETS); do \
	    echo "fuzz_$$t: $(FUZZ_EACH) s"; \
	    $(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_EACH) \
	        -max_len=65536 -print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/$$t- \
	        $(BUILD)/fuzz/$${t}_corpus tests/fuzz/$${t}_corpus || exit 1; \
	done

# ---- install -----------------------------------------------------------------

# The library alone: it builds and installs nothing of bench/, so it needs only
# jansson (and libm, pthreads) and a compiler. The .pc and the CMake files are
# generated at install time: they hold the paths, which may differ each time.
install: $(LIB) $(RUNNER) $(MAN) $(if $(filter 1,$(SHARED)),$(LIB_SO)) cryptbench.pc.in cryptbench-config.cmake.in cryptbench-config-version.cmake.in
	$(call say,INSTALL,$(DESTDIR)$(PREFIX))
	$(Q)install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
	    $(DESTDIR)$(CMAKEDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	$(Q)install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libcryptbench.a
	$(Q)install -m 644 include/cryptbench.h $(DESTDIR)$(INCLUDEDIR)/cryptbench.h
	$(Q)for f in cryptbench.pc cryptbench-config.cmake cryptbench-config-version.cmake; do \
	    case $$f in *.pc) dir=$(DESTDIR)$(PKGCONFIGDIR) ;; *) dir=$(DESTDIR)$(CMAKEDIR) ;; esac; \
	    sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	        -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' -e 's|@VERSION@|$(VERSION)|g' $$f.in > $$dir/$$f || exit 1; \
	done
	$(Q)install -m 755 $(RUNNER) $(DESTDIR)$(BINDIR)/cryptbench
	$(Q)install -m 755 ci/bench-ab $(DESTDIR)$(BINDIR)/cryptbench-ab
	$(Q)install -m 644 $(MAN) $(DESTDIR)$(MANDIR)/man1/cryptbench.1
ifeq ($(SHARED),1)
	$(Q)install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/libcryptbench.so.$(VERSION)
	$(Q)ln -sf libcryptbench.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	$(Q)ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcryptbench.so
endif

uninstall:
	$(Q)rm -f $(DESTDIR)$(LIBDIR)/libcryptbench.a $(DESTDIR)$(INCLUDEDIR)/cryptbench.h \
	    $(DESTDIR)$(LIBDIR)/libcryptbench.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libcryptbench.so \
	    $(DESTDIR)$(PKGCONFIGDIR)/cryptbench.pc $(DESTDIR)$(BINDIR)/cryptbench \
	    $(DESTDIR)$(BINDIR)/cryptbench-ab $(DESTDIR)$(MANDIR)/man1/cryptbench.1 \
	    $(DESTDIR)$(CMAKEDIR)/cryptbench-config.cmake \
	    $(DESTDIR)$(CMAKEDIR)/cryptbench-config-version.cmake
	$(Q)rmdir $(DESTDIR)$(CMAKEDIR) 2>/dev/null || true

clean:
	$(Q)rm -rf $(BUILD)

-include $(LIB_OBJS:.o=.d) $(BENCH_OBJS:.o=.d) $(SELF_OBJS:.o=.d) $(BUILD)/$(RUNNER_SRC:.c=.d)
