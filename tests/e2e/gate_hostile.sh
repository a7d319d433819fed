# The paired gate against programs that misbehave: every wait on a server is
# bounded, a server that is not one is refused, and nothing passes the gate
# that was not compared. Each run is held to a minute by timeout(1), so that a
# gate that hangs fails here instead of holding the suite.
. tests/e2e/common.bash
SIDES=$BUILD/tests/fixtures/sides
G="$TMP/g"
QUICK="--warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --min-rounds 2 --max-rounds 2 --reports-dir $G"

# script NAME BODY: an executable shell script standing for a benchmark program
script() {
    printf '#!/bin/sh\n%s\n' "$2" >"$TMP/$1"
    chmod +x "$TMP/$1"
}
HELLO='{"protocol":1,"cryptbench":"0.2.0","measure":"wall","unit":"ns","benchmarks":["sides/steady"]}'
script base "CB_FIXTURE_SIDE=base exec $SIDES \"\$@\""

# timed DESC MAX CMD...: runs CMD like run, and checks it ended within MAX seconds
timed() {
    local desc=$1 max=$2 start took
    shift 2
    start=$(date +%s)
    run timeout 60 "$@"
    took=$(( $(date +%s) - start ))
    if [ "$took" -le "$max" ]; then ok "$desc (${took} s)"; else
        not_ok "$desc" "took $took s, want at most $max s"; fi
}

script silent 'exec sleep 600'
timed "a program that never says hello holds the gate no longer than --timeout" 10 \
    "$CB" gate "$TMP/silent" "$SIDES" $QUICK --timeout 2
expect_status "it is an error" 2
expect_in "naming it and the bound" err "silent.* said nothing within 2 s"

script flood 'yes | tr -d "\n"'
timed "a program that floods its output without a line end is cut off" 30 \
    "$CB" gate "$TMP/flood" "$SIDES" $QUICK --timeout 30
expect_status "it is an error" 2
expect_in "saying so" err "flood.* sent a line longer than"

script chatter 'exec yes'
timed "a program that prints lines of garbage is refused at once" 10 \
    "$CB" gate "$TMP/chatter" "$SIDES" $QUICK --timeout 30
expect_status "it is an error" 2
expect_in "saying it does not serve the gate" err "chatter does not serve the paired gate"

script mute "echo '$HELLO'; exec sleep 600"
timed "a server that never answers a measurement is given up on" 15 \
    "$CB" gate "$TMP/mute" "$SIDES" $QUICK --timeout 2 --exact sides/steady
expect_status "it is an error" 2
expect_in "naming the server, the benchmark and the bound" err \
    "mute did not answer for sides/steady within [0-9]+ s \(--timeout 2 s and"

timed "--timeout reaches the servers: a hanging benchmark is given up on" 30 \
    "$CB" gate "$FAULTY" "$FAULTY" $QUICK --timeout 1 --exact bad/hang
expect_status "and fails the gate" 1
cp "$G/gate.md" "$TMP/md" 2>/dev/null || : >"$TMP/md"
expect_in "gate.md says it timed out" md '^- `bad/hang`: timed out after 1 s'

run timeout 60 "$CB" gate "$TMP/base" "$SIDES" $QUICK sides/old-name sides/new-name
expect_status "two programs with no benchmark in common are not a passed gate" 2
expect_in "saying so" err "no benchmark in common"
expect_in "and listing the head's" err "sides/new-name"
expect_in "and the base's" err "sides/old-name"

rm -f "$G/gate.md"
run timeout 60 "$CB" gate "$TMP/base" "$SIDES" $QUICK --exact sides/steady sides/crash-in-base
expect_status "a benchmark the base crashes on fails the gate" 1
cp "$G/gate.md" "$TMP/md" 2>/dev/null || : >"$TMP/md"
expect_in "gate.md names the crash and whose it was" md \
    '^- `sides/crash-in-base`: the base \(.*base\) failed on it: crashed: signal 11'
expect_not_in "not as a benchmark new in the head" md 'Not in the baseline.*crash-in-base'
expect_in "the terminal says so too" out 'sides/crash-in-base +FAILED: the base \(.*\) failed on it: crashed: signal 11'

# cryptbench-ab with a program that is no benchmark program: a repository
# whose "build" leaves a script that prints garbage and exits 0
if git rev-parse --verify -q HEAD >/dev/null 2>&1; then
    P="$TMP/project"
    mkdir -p "$P"
    here=$(pwd)
    printf '#!/bin/sh\necho garbage\n' >"$P/prog"
    chmod +x "$P/prog"
    (cd "$P" && git init -q && git config user.email t@example.com && git config user.name t &&
        git add prog && git commit -qm one) || not_ok "a repository of its own"
    run timeout 60 env -C "$P" AB_BUILD=true AB_PROGRAM=prog AB_DIR="$TMP/ab" \
        "$here/ci/bench-ab" HEAD HEAD
    expect_status "cryptbench-ab with a program that prints garbage and exits 0 does not pass" 2
    expect_in "saying the program is no cryptbench gate" err 'prog.*(no cryptbench|not a cryptbench)'
fi

echo "1..$n"
