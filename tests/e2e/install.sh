# `make install`, the library alone, as a user's machine would run it: in a
# build directory of its own, without the crypto suite's development packages
# (hidden in a mount namespace where the test may make one, else hidden from
# pkg-config), checking from the make log that nothing of bench/ was compiled
# or linked. Then the examples of the README and docs/writing-benchmarks.md
# built against the installed library with pkg-config, and a user project
# built with CMake's find_package(cryptbench), exactly as a user would.
. tests/e2e/common.bash

case "$BUILD" in *asan*)
    echo "ok 1 # SKIP a sanitizer build installs a library that needs the sanitizer runtime"
    echo "1..1"
    exit 0 ;;
esac

# the make of `make test` hands its own variables down; a user's make has none
unset MAKEFLAGS MFLAGS MAKELEVEL
PREFIX="$TMP/prefix"
LIBBUILD="$TMP/build-lib"

# The development packages of the suite's crypto libraries, hidden: every file
# they install (headers, .pc files, static libraries, the .so links' targets)
# bound to /dev/null, so that an #include, a pkg-config query or a -lsodium
# would fail. Needs root and unshare(1); else pkg-config alone is kept from them.
cat >"$TMP/hidden.sh" <<'EOF'
set -e
for f in $(dpkg -L libsodium-dev libssl-dev 2>/dev/null | grep -v '^/usr/share/'); do
    if [ -L "$f" ]; then
        mount --bind /dev/null "$(readlink -f "$f")"
    elif [ -f "$f" ]; then
        mount --bind /dev/null "$f"
    fi
done
[ "$(wc -c </usr/include/sodium.h)" -eq 0 ]
! pkg-config --exists libsodium
! pkg-config --exists libcrypto
exec "$@"
EOF
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 &&
    unshare -m --propagation private bash "$TMP/hidden.sh" true 2>/dev/null; then
    hide=(unshare -m --propagation private bash "$TMP/hidden.sh")
    how="libsodium-dev and libssl-dev hidden in a mount namespace"
else
    mkdir -p "$TMP/pc"
    ln -s "$(pkg-config --variable=pcfiledir jansson)/jansson.pc" "$TMP/pc/"
    hide=(env PKG_CONFIG_LIBDIR="$TMP/pc" PKG_CONFIG_PATH=)
    how="libsodium and libcrypto hidden from pkg-config (no mount namespace here)"
fi
run "${hide[@]}" make -j2 V=1 install BUILD="$LIBBUILD" PREFIX="$PREFIX"
cp "$TMP/out" "$TMP/make.log"
expect_status "make install builds and installs the library alone, $how" 0
expect_not_in "nothing of bench/ is compiled or linked" out '(^| |/)bench/'
expect_not_in "nothing links a crypto library" out '-l(sodium|crypto|ssl)( |$)'
expect_not_in "and ci/install-deps is not asked for the suite's packages" out 'install-deps$|libsodium'
if [ ! -e "$LIBBUILD/bench" ] && [ ! -e "$LIBBUILD/suite-deps.mk" ]; then
    ok "the build directory holds nothing of the suite"
else
    not_ok "the build directory holds nothing of the suite" "$(ls "$LIBBUILD")"
fi
if grep -rlE '#include <(sodium|openssl)' lib include >"$TMP/crypto_includes"; then
    not_ok "no file of lib/ or include/ includes a crypto header" "$(cat "$TMP/crypto_includes")"
else
    ok "no file of lib/ or include/ includes a crypto header"
fi
for f in lib/libcryptbench.a include/cryptbench.h lib/pkgconfig/cryptbench.pc \
         lib/cmake/cryptbench/cryptbench-config.cmake \
         lib/cmake/cryptbench/cryptbench-config-version.cmake \
         bin/cryptbench bin/cryptbench-ab share/man/man1/cryptbench.1; do
    if [ -f "$PREFIX/$f" ]; then ok "installs $f"; else not_ok "installs $f"; fi
done

# The API and nothing else: the installed library's global names are the
# functions its header declares, as the compiler reads it (gcc -aux-info lists
# every prototype of a translation unit).
gcc -fsyntax-only -aux-info "$TMP/aux" -x c "$PREFIX/include/cryptbench.h"
awk '/cryptbench\.h:[0-9]+:[A-Z]+ \*\/ extern / && match($0, /[A-Za-z_][A-Za-z0-9_]* \(/) {
        print substr($0, RSTART, RLENGTH - 2) }' "$TMP/aux" | sort >"$TMP/api"
global_names() { nm "$@" | awk 'NF == 3 && $2 ~ /^[A-Z]$/ && $2 != "U" { print $3 }' | sort; }
global_names -g --defined-only "$PREFIX/lib/libcryptbench.a" >"$TMP/exported"
if [ "$(wc -l <"$TMP/api")" -ge 20 ] && cmp -s "$TMP/api" "$TMP/exported"; then
    ok "the installed libcryptbench.a's global names are the $(wc -l <"$TMP/api") functions cryptbench.h declares"
else
    not_ok "the installed libcryptbench.a's global names are the functions cryptbench.h declares" \
        "$(diff "$TMP/api" "$TMP/exported" | head -20)"
fi
# a user's function named as one of the library's own, now local, links beside it
internal=$(nm "$PREFIX/lib/libcryptbench.a" | awk '$2 == "t" && $3 ~ /^cb_/ { print $3; exit }')
printf '#include <cryptbench.h>\nint %s(void);\nint %s(void) { return 0; }\nint main(int argc, char **argv) { return %s() + cb_main(argc, argv); }\n' \
    "$internal" "$internal" "$internal" >"$TMP/clash.c"
run cc -std=c11 -I"$PREFIX/include" "$TMP/clash.c" -L"$PREFIX/lib" -lcryptbench -ljansson -lm -pthread -o "$TMP/clash"
expect_status "a program defining $internal, an internal name of the library, links with it" 0
run "$TMP/clash" --version
expect_in "and runs" out "^clash [0-9]"

run "$PREFIX/bin/cryptbench" --version
expect_in "the installed runner runs" out '^cryptbench [0-9]+\.[0-9]+\.[0-9]+$'
printf 'iterations,total\n1,100\n1,102\n1,99\n1,101\n1,100\n1,98\n1,103\n1,100\n1,101\n1,99\n' \
    >"$TMP/samples.csv"
run "$PREFIX/bin/cryptbench" analyze "$TMP/samples.csv" --nresamples 1000
expect_in "and analyses samples, a benchmark of its own needing none" out 'time: +\['
run "$PREFIX/bin/cryptbench" --reports-dir "$TMP/empty-reports"
expect_status "run with no benchmark registered, it refuses" 2
expect_in "saying why" err 'no benchmark is registered'
if [ ! -e "$TMP/empty-reports/base.json" ]; then ok "and saves no empty baseline"; else
    not_ok "and saves no empty baseline"; fi

# the C examples, verbatim: the README's first benchmark, and those of
# docs/writing-benchmarks.md (its first is the README's again; the others need
# libsodium too)
extract() {
    awk -v dir="$TMP" -v stem="$2" -v lang="$3" \
        '$0 == "```" lang { n++; file = dir "/" stem n "." lang; next }
         /^```$/ { file = ""; next }
         file != "" { print > file }' "$1"
}
extract README.md readme c
extract docs/writing-benchmarks.md example c

run make -s install BUILD="$LIBBUILD" PREFIX=/usr DESTDIR="$TMP/stage" SHARED=1
if [ -f "$TMP/stage/usr/include/cryptbench.h" ] && grep -q '/usr/lib/libcryptbench.a' \
    "$TMP/stage/usr/lib/cmake/cryptbench/cryptbench-config.cmake"; then
    ok "DESTDIR stages the install, the CMake file naming the final paths"
else
    not_ok "DESTDIR stages the install, the CMake file naming the final paths"
fi

# SHARED=1: the shared library besides, under its soname, exporting the API alone
stage_lib="$TMP/stage/usr/lib"
soname=$(readelf -d "$stage_lib/libcryptbench.so" 2>/dev/null | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
version=$(sed -n 's/^#define CB_VERSION_STRING "\(.*\)"/\1/p' include/cryptbench.h)
if [ "$soname" = "libcryptbench.so.${version%.*}" ] && [ -L "$stage_lib/$soname" ] &&
    [ "$(readlink "$stage_lib/libcryptbench.so")" = "$soname" ] &&
    [ "$(readlink "$stage_lib/$soname")" = "libcryptbench.so.$version" ] &&
    [ -f "$stage_lib/libcryptbench.so.$version" ]; then
    ok "SHARED=1 installs libcryptbench.so.$version, its soname $soname and the link to it"
else
    not_ok "SHARED=1 installs libcryptbench.so.$version, its soname and the link to it" \
        "soname: '$soname'" "$(ls -l "$stage_lib")"
fi
global_names -D --defined-only "$stage_lib/libcryptbench.so" >"$TMP/exported_so"
if cmp -s "$TMP/api" "$TMP/exported_so"; then
    ok "whose exported names are the functions cryptbench.h declares"
else
    not_ok "whose exported names are the functions cryptbench.h declares" \
        "$(diff "$TMP/api" "$TMP/exported_so" | head -20)"
fi
run cc -O2 -std=c11 -I"$TMP/stage/usr/include" "$TMP/readme1.c" -L"$stage_lib" -lcryptbench \
    -o "$TMP/my_bench_shared"
expect_status "the README example links with -lcryptbench alone against it" 0
run env LD_LIBRARY_PATH="$stage_lib" "$TMP/my_bench_shared" --list
expect_lines "and runs" out 3
run make -s uninstall PREFIX=/usr DESTDIR="$TMP/stage"
if [ -z "$(find "$TMP/stage" ! -type d)" ]; then ok "make uninstall removes every file"; else
    not_ok "make uninstall removes every file" "$(find "$TMP/stage" ! -type d)"; fi

if cmp -s "$TMP/readme1.c" "$TMP/example1.c"; then ok "the README's first benchmark is docs/writing-benchmarks.md's"; else
    not_ok "the README's first benchmark is docs/writing-benchmarks.md's" "$(diff "$TMP/readme1.c" "$TMP/example1.c" | head -20)"; fi
cp "$TMP/readme1.c" "$TMP/my_bench.c"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
run pkg-config --modversion cryptbench
expect_in "pkg-config knows cryptbench" out '^[0-9]+\.[0-9]+\.[0-9]+$'
run sh -c "cc -O2 -std=c11 -Wall -Wextra -Wpedantic '$TMP/my_bench.c' \$(pkg-config --cflags --libs cryptbench) -o '$TMP/my_bench'"
expect_status "the README example builds with pkg-config --cflags --libs cryptbench" 0
expect_not_in "without a warning" err 'warning'
run sh -c "cc -O2 -std=c11 -I'$PREFIX/include' '$TMP/my_bench.c' -L'$PREFIX/lib' -lcryptbench -ljansson -lm -pthread -o '$TMP/my_bench_plain'"
expect_status "and with -lcryptbench -ljansson -lm -pthread alone: the core needs no crypto library" 0
for k in 2 3 4; do
    what=$(sed -n "$k"p <<'WHAT'
x
the fresh-nonce AEAD (batches, a fixture, context)
the 2-D Argon2id sweep (named axes, configure)
the counter
WHAT
)
    run sh -c "cc -O2 -std=c11 -Wall -Wextra -Wpedantic '$TMP/example$k.c' \$(pkg-config --cflags --libs cryptbench libsodium) -o '$TMP/example$k'"
    expect_status "docs/writing-benchmarks.md's example $k, $what, builds" 0
    expect_not_in "without a warning" err 'warning'
    run "$TMP/example$k" --test
    expect_status "and passes --test" 0
done
run "$TMP/example2" $SHORT --no-html
expect_in "the AEAD's context is kept" out '^aead/xchacha20poly1305-seal/libsodium'
run "$TMP/example3" --list
expect_lines "the sweep registers its six points" out 6
expect_in "named by their axes" out '^kdf/argon2id/mem_kib=19456/passes=1/libsodium$'
run "$TMP/example4" $SHORT --no-html
expect_in "the counter is reported" out 'blocks: 65 per iteration, '
run "$TMP/my_bench" $SHORT --no-html
expect_status "and runs" 0
expect_in "with the same runner and report" out '^hash/fnv1a/16384 +time: '
expect_in "parameters and throughput" out '^ {24}thrpt: '
run "$TMP/my_bench" --list
expect_lines "and the same options" out 3

# CMake: the README's CMakeLists.txt, verbatim, finds the installed package
# and builds the README's benchmark
extract README.md readme cmake
mkdir -p "$TMP/cmake-project"
cp "$TMP/readme1.cmake" "$TMP/cmake-project/CMakeLists.txt"
cp "$TMP/my_bench.c" "$TMP/cmake-project/"
run cmake -S "$TMP/cmake-project" -B "$TMP/cmake-build" -DCMAKE_PREFIX_PATH="$PREFIX"
expect_status "CMake's find_package(cryptbench) finds the installed package" 0
run cmake --build "$TMP/cmake-build"
expect_status "and builds the user's project against cryptbench::cryptbench" 0
run "$TMP/cmake-build/my_bench" --list
expect_lines "whose benchmark program runs" out 3
sed 's/find_package(cryptbench [0-9.]*/find_package(cryptbench 0.9/' "$TMP/readme1.cmake" \
    >"$TMP/cmake-project/CMakeLists.txt"
run cmake -S "$TMP/cmake-project" -B "$TMP/cmake-build-0.9" -DCMAKE_PREFIX_PATH="$PREFIX"
expect_status "a version the package does not provide is refused" 1
expect_in "naming the version installed" err 'cryptbench-config.cmake, version: [0-9]'

echo "1..$n"
