# `make install`, then the examples of the README and of docs/writing-benchmarks.md
# built against the installed library with pkg-config, exactly as a user would.
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

# the C examples, verbatim: the README's first benchmark, and those of
# docs/writing-benchmarks.md (its first is the README's again; the others need
# libsodium too)
extract() {
    awk -v dir="$TMP" -v stem="$2" '/^```c$/ { n++; file = dir "/" stem n ".c"; next }
                                    /^```$/ { file = ""; next }
                                    file != "" { print > file }' "$1"
}
extract README.md readme
extract docs/writing-benchmarks.md example
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

echo "1..$n"
