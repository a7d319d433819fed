# The gate on a project of its own, as a team adopting cryptbench would run
# it: a tiny benchmark program in a git repository of its own, built by its own
# Makefile against this build of the library, the code it measures in a git
# submodule; two commits, the second moving the submodule to a commit that
# does one benchmark's work twice. ci/bench-ab with AB_BUILD and AB_PROGRAM
# must build each revision with its own submodule and fail the gate on that
# benchmark and on no other.
. tests/e2e/common.bash

case "$BUILD" in *asan*)
    echo "ok 1 # SKIP a sanitizer build's library needs the sanitizer runtime to link"
    echo "1..1"
    exit 0 ;;
esac

here=$(pwd)
P="$TMP/project"
W="$TMP/work"
mkdir -p "$P" "$W"
cat >"$P/Makefile" <<MAKE
build/my_bench: my_bench.c vendor/work/work.c vendor/work/work.h
	mkdir -p build
	cc -O2 -std=c11 -I$here/include -Ivendor/work my_bench.c vendor/work/work.c $here/$BUILD/libcryptbench.a -ljansson -lm -o \$@
MAKE
cat >"$W/work.h" <<'C'
#include <stdint.h>
uint64_t mix(uint64_t x, unsigned rounds);
uint64_t slow_path(uint64_t x);
C
cat >"$W/work.c" <<'C'
#include "work.h"

uint64_t mix(uint64_t x, unsigned rounds)
{
    while (rounds-- > 0) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdu;
        x ^= x >> 29;
    }
    return x;
}

uint64_t slow_path(uint64_t x)
{
    return mix(x, 2000);
}
C
cat >"$P/my_bench.c" <<'C'
#include <cryptbench.h>
#include "work.h"

static int bench_mix(cb_state *s)
{
    uint64_t x = 1;

    CB_LOOP(s) {
        x = mix(x, 2000);
        cb_black_box(&x);
    }
    return 0;
}

static int bench_slow(cb_state *s)
{
    uint64_t x = 1;

    CB_LOOP(s) {
        x = slow_path(x);
        cb_black_box(&x);
    }
    return 0;
}

int main(int argc, char **argv)
{
    cb_register(&(cb_bench){ .name = "work/mix", .run = bench_mix });
    cb_register(&(cb_bench){ .name = "work/slow-path", .run = bench_slow });
    return cb_main(argc, argv);
}
C
# git clones a submodule from a local path only when told it may
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=protocol.file.allow GIT_CONFIG_VALUE_0=always
if (
    cd "$W" && git init -q && git config user.email t@example.com && git config user.name t &&
    git add . && git commit -qm one &&
    sed -i 's/return mix(x, 2000);/return mix(mix(x, 2000), 2000);/' work.c &&
    git commit -qam "the slow path does its work twice" &&
    cd "$P" && git init -q && git config user.email t@example.com && git config user.name t &&
    git submodule add -q "$W" vendor/work && git -C vendor/work checkout -q HEAD~1 &&
    git add . && git commit -qm one &&
    git -C vendor/work checkout -q "$(git -C "$W" rev-parse HEAD)" &&
    git add vendor/work && git commit -qm "the slow path does its work twice"
) >"$TMP/setup.log" 2>&1; then
    ok "a project in a git repository of its own, its code in a submodule"
else
    not_ok "a project in a git repository of its own, its code in a submodule" "$(cat "$TMP/setup.log")"
fi

start=$(date +%s)
run env -C "$P" AB_BUILD="make -s" AB_PROGRAM=build/my_bench AB_MIN_ROUNDS=4 AB_MAX_ROUNDS=15 \
    "$here/ci/bench-ab" HEAD~1 HEAD --warm-up-time 0.01 --measurement-time 0.03 \
    --noise-threshold 0.05
took=$(( $(date +%s) - start ))
expect_in "each revision is built with its submodule" out 'building b = '
expect_not_in "whose initialisation did not fail" err 'submodules of'

expect_status "the gate fails the pull request that slowed a benchmark" 1
cp "$P/reports/gate.md" "$TMP/gate" 2>/dev/null
expect_in "naming the slow benchmark regressed" gate '^\| `work/slow-path` \| .* \| \*\*regressed\*\* \|$'
# The loop runs twice as long; wall time on a loaded 2-core runner read +77%
# (a landing beside five builds), so the band only catches a change of the
# wrong sign or scale.
expect_in "slower by a factor near two (+40% to +199%: wall time on a shared machine)" gate '^\| `work/slow-path` \| [0-9.]+ us \| [0-9.]+ us \| \+([4-9][0-9]|1[0-9][0-9])\.[0-9]+% '
expect_not_in "and no other" gate '^\| `work/mix` .*\*\*regressed\*\*'
expect_in "naming both revisions, not a scratch path" gate '^2 benchmarks of `[0-9a-f]+ the slow path does its work twice` \(head\) compared with `[0-9a-f]+ one` \(base\)'
expect_not_in "nor the worktrees" gate 'build/ab/'
expect_in "ending the terminal with one line: counts, the exit status, where the reports are" out '^gate: 1 regressed, 0 improved, [01] unresolved, [01] no change .* of 2 compared; exit 1: a benchmark regressed or failed; .*/gate\.md, .*/html/gate\.html$'
expect_in "linking its HTML page" gate '\[html/gate\.html\]\(html/gate\.html\)'
if [ -s "$P/reports/html/gate.html" ]; then ok "writing the gate's HTML page"; else not_ok "writing the gate's HTML page"; fi
awk -f tests/e2e/gate_columns.awk "$P/reports/gate.md" >"$TMP/columns"
expect_in "every row's New / Old - 1 is its Change, to the digits printed" columns '^rows [1-9][0-9]* bad 0$'
printf '| `x` | 19.200 ns | 12.900 ns | -12.00%% [-13.00%%, -11.00%%] | 0.001 | **improved** |\n' >"$TMP/contradiction.md"
awk -f tests/e2e/gate_columns.awk "$TMP/contradiction.md" >"$TMP/columns"
expect_in "and the check finds a row that contradicts itself" columns '^rows 1 bad 1$'
echo "# the project's gate took $took s"

run "$here/ci/bench-ab" --help
expect_status "cryptbench-ab --help exits 0" 0
expect_in "and prints its usage" out '^Usage: cryptbench-ab BASE_REV HEAD_REV'
expect_in "and its settings" out '^  AB_BUILD '
expect_not_in "not the script's internals" out 'set -euo|MAKEFLAGS'
run "$here/ci/bench-ab" HEAD
expect_status "one revision is a usage error" 2
expect_in "with the usage on stderr" err '^Usage: cryptbench-ab'

echo "1..$n"
