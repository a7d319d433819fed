# ci/bench-ab end to end, as CI runs it: two worktrees of one revision, rounds
# of one benchmark, the paired comparison and the gate. Kept to one benchmark
# and two rounds: this checks the plumbing; README.md has the figures.
. tests/e2e/common.bash

if ! git rev-parse --verify -q HEAD >/dev/null 2>&1; then
    echo "ok 1 # SKIP not in a git checkout with a commit"
    echo "1..1"
    exit 0
fi

# the worktrees are built as a user's run builds them: the flags of a calling
# make (make asan) are not for a benchmark build; the comparison is this
# build's (under make asan, with the sanitizers)
unset CFLAGS CPPFLAGS LDFLAGS
export AB_CRYPTBENCH=$CB

AB="--exact did/sha256/64/openssl --warm-up-time 0.01 --measurement-time 0.02 --sample-size 10"
# Two rounds give the paired t-test one degree of freedom: on identical code it
# finds p < 0.05 one time in twenty, as it should, and half of those are slower
# by more than a 1% threshold on short runs. The gate may then fail only on a
# change beyond +1000%, which no noise makes; the plumbing is what is tested.
run env AB_ROUNDS=2 AB_DIR="$TMP/ab" AB_REPORTS="$TMP/abr" AB_NOISE_THRESHOLD=10 ci/bench-ab HEAD HEAD $AB
expect_status "ci/bench-ab HEAD HEAD passes its gate" 0
expect_in "building both revisions in worktrees" out '^ci/bench-ab: building a = [0-9a-f]+ in '
expect_in "running rounds" out '^ci/bench-ab: round 2/2, 1 benchmarks$'
expect_in "comparing them in pairs" out '\(p = (<)?[0-9.]+ [<>] 0\.0?[0-9]+, paired rounds\)$'
if [ -f "$TMP/abr/gate.md" ]; then ok "writing the gate's table"; else not_ok "writing the gate's table"; fi
if git worktree list | grep -q "$TMP/ab"; then not_ok "and removing its worktrees"; else ok "and removing its worktrees"; fi

run env AB_ROUNDS=2 AB_DIR="$TMP/ab" ci/bench-ab HEAD no-such-revision $AB
expect_status "an unknown revision exits 2" 2
expect_in "naming it" err "unknown revision 'no-such-revision'"
run env AB_ROUNDS=1 ci/bench-ab HEAD HEAD
expect_status "fewer than two rounds exits 2" 2

echo "1..$n"
