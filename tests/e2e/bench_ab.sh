# ci/bench-ab end to end, as CI runs it: two worktrees of one revision, the
# gate's servers, its rounds and its verdicts. Kept to one benchmark and a few
# rounds: this checks the plumbing; docs/gate.md has the figures.
. tests/e2e/common.bash

if ! git rev-parse --verify -q HEAD >/dev/null 2>&1; then
    echo "ok 1 # SKIP not in a git checkout with a commit"
    echo "1..1"
    exit 0
fi

# the worktrees are built by the default AB_BUILD, as a user's run builds them:
# the flags of a calling make (make asan) are not for a benchmark build. Without
# optimisation, as the build is most of this script's time and the gate's
# plumbing, not the speed of what it measures, is under test.
unset CFLAGS CPPFLAGS LDFLAGS
export CFLAGS=-O0

GATE="--exact did/sha256/64/openssl --warm-up-time 0.01 --measurement-time 0.02 --sample-size 10"
# Three rounds of short measurements of the same code can differ by more than any
# real threshold: the gate may fail here only on a change beyond +1000%, which
# no noise makes. The plumbing is what is tested; the gate's rates are
# tests/test_sequential.c's and docs/gate.md's.
run env AB_MIN_ROUNDS=3 AB_MAX_ROUNDS=3 AB_DIR="$TMP/ab" AB_REPORTS="$TMP/abr" \
    AB_NOISE_THRESHOLD=10 ci/bench-ab HEAD HEAD $GATE
expect_status "ci/bench-ab HEAD HEAD passes its gate" 0
expect_in "building both revisions in worktrees" out '^ci/bench-ab: building a = [0-9a-f]+ in '
expect_in "measuring in rounds" err '^gate: round 3, 0 benchmarks not yet settled$'
expect_in "comparing them in pairs" out '\((p = [0-9.]+ [<>]|p < 0\.000001 <) 0\.[0-9]+, paired rounds\)$'
expect_not_in "the p-value one way: never a level printed as a bound" out '[<>] <0'

if [ -f "$TMP/abr/gate.md" ]; then ok "writing the gate's table"; else not_ok "writing the gate's table"; fi
cp "$TMP/abr/gate.md" "$TMP/abr_gate" 2>/dev/null
expect_in "the gate naming its revisions" abr_gate '^1 benchmark of `[0-9a-f]+ .*` \(head\) compared with `[0-9a-f]+ .*` \(base\)'
if [ -f "$TMP/abr/gate-rounds.json" ]; then ok "and its rounds"; else not_ok "and its rounds"; fi
if git worktree list | grep -q "$TMP/ab"; then not_ok "and removing its worktrees"; else ok "and removing its worktrees"; fi

run env AB_DIR="$TMP/ab" ci/bench-ab HEAD no-such-revision $GATE
expect_status "an unknown revision exits 2" 2
expect_in "naming it" err "unknown revision 'no-such-revision'"
# its own settings checked before anything is built
for bad in AB_MIN_ROUNDS=six AB_MAX_ROUNDS=-1 AB_TIME_BUDGET=8m AB_NOISE_THRESHOLD=1%; do
    run env AB_DIR="$TMP/ab" AB_BUILD=true "$bad" ci/bench-ab HEAD HEAD $GATE
    expect_status "$bad exits 2" 2
    expect_in "naming it" err "^ci/bench-ab: ${bad%%=*}: expected .*, got '${bad#*=}'\$"
    expect_not_in "before anything is built" out 'building'
done
# and the gate's options and filters, by the cryptbench installed beside it,
# as make install lays them out
mkdir -p "$TMP/bin" "$TMP/lone"
cp ci/bench-ab "$TMP/bin/cryptbench-ab"
ln -s "$(cd "$(dirname "$CB")" && pwd)/cryptbench" "$TMP/bin/cryptbench"
while IFS='|' read -r bad why; do
    # shellcheck disable=SC2086 # each case is several words
    run env AB_DIR="$TMP/ab" AB_BUILD=true "$TMP/bin/cryptbench-ab" HEAD HEAD $bad </dev/null
    expect_status "gate option(s) '$bad' exit 2" 2
    expect_in "saying why" err "$why"
    expect_not_in "before anything is built" out 'building'
done <<'CASES'
--min-rounds x|^cryptbench: --min-rounds: expected a whole number
--min-rounds 4 --max-rounds 2|^cryptbench: gate: --min-rounds 4 is above --max-rounds 2$
--measure furlongs|^cryptbench: --measure: expected
--no-such-option|^cryptbench: unknown option '--no-such-option'
(a|^cryptbench: filter '\(a': not a valid POSIX extended regular expression
CASES
# with no such cryptbench to ask, what the built program checks, and a note saying so
cp ci/bench-ab "$TMP/lone/cryptbench-ab"
run env PATH=/usr/bin:/bin AB_DIR="$TMP/ab" AB_BUILD=true AB_PROGRAM=build/no-such-program \
    "$TMP/lone/cryptbench-ab" HEAD HEAD --min-rounds x
expect_in "without a cryptbench to check the gate's options, a note says so" err \
    "^ci/bench-ab: note: no cryptbench with gate --check-options .*checked once both revisions are built\$"
expect_in "and the revisions are built" out '^ci/bench-ab: building a '
# a build that succeeds without making the program: no need to compile anything
run env AB_DIR="$TMP/ab" AB_BUILD=true AB_PROGRAM=build/no-such-program ci/bench-ab HEAD HEAD $GATE
expect_status "a build without the program exits 2" 2
expect_in "saying what to set" err "made no build/no-such-program \(set AB_PROGRAM\)"

# the gate itself, on two programs, without git
run "$CB" gate "$CB" "$CB" $GATE --min-rounds 4 --max-rounds 2 --reports-dir "$TMP/g"
expect_status "--min-rounds above --max-rounds is refused" 2
run "$CB" gate "$CB" /no/such/program $GATE --reports-dir "$TMP/g"
expect_status "a program that cannot run is an error, not a verdict" 2
expect_in "naming it" err "/no/such/program"
run "$CB" gate "$CB" "$CB" 'no-such-benchmark' --reports-dir "$TMP/g"
expect_status "filters that select nothing on either side are refused" 2

echo "1..$n"
