# `make install`, then the README's example benchmark built against the installed
# library with pkg-config, exactly as a user would.
. tests/e2e/common.bash

case "$BUILD" in *asan*)
    echo "ok 1 # SKIP a sanitizer build installs a library that needs the sanitizer runtime"
    echo "1..1"
    exit 0 ;;
esac

PREFIX="$TMP/prefix"
run make -s install BUILD="$BUILD" PREFIX="$PREFIX"
expect_status "make install exits 0" 0
for f in lib/libcryptbench.a include/cryptbench.h lib/pkgconfig/cryptbench.pc bin/cryptbench; do
    if [ -f "$PREFIX/$f" ]; then ok "installs $f"; else not_ok "installs $f"; fi
done
run make -s install BUILD="$BUILD" PREFIX=/usr DESTDIR="$TMP/stage"
if [ -f "$TMP/stage/usr/include/cryptbench.h" ]; then ok "DESTDIR stages the install"; else not_ok "DESTDIR stages the install"; fi

# the README's C example, verbatim
sed -n '/^```c$/,/^```$/p' README.md | sed '1d;$d' >"$TMP/my_bench.c"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
run pkg-config --modversion cryptbench
expect_in "pkg-config knows cryptbench" out '^[0-9]+\.[0-9]+\.[0-9]+$'
run sh -c "cc -O2 -std=c11 -Wall -Wextra -Wpedantic '$TMP/my_bench.c' \$(pkg-config --cflags --libs cryptbench) -o '$TMP/my_bench'"
expect_status "the README example builds with pkg-config --cflags --libs cryptbench" 0
expect_not_in "without a warning" err 'warning'
run sh -c "cc -O2 -std=c11 -I'$PREFIX/include' '$TMP/my_bench.c' -L'$PREFIX/lib' -lcryptbench -ljansson -lm -pthread -o '$TMP/my_bench_plain'"
expect_status "and with -lcryptbench -ljansson -lm -pthread alone: the core needs no crypto library" 0
run "$TMP/my_bench" $SHORT --no-html
expect_status "and runs" 0
expect_in "with the same runner and report" out '^hash/fnv1a/16384 +time: '
expect_in "parameters and throughput" out '^ {24}thrpt: '
run "$TMP/my_bench" --list
expect_lines "and the same options" out 3

echo "1..$n"
