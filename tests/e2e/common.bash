# Helpers for the end-to-end tests: each check prints one TAP line.
# Sourced by tests/e2e/*.sh, which run from the repository's root.
BUILD=${BUILD:-build}
CB=$BUILD/cryptbench
FAULTY=$BUILD/tests/fixtures/faulty
MISUSE=$BUILD/tests/fixtures/misuse
TMP=$(mktemp -d)
# Under AddressSanitizer a SIGSEGV would be caught and turned into exit status 1;
# the tests want to see the signal, as a user's plain build does.
export ASAN_OPTIONS="handle_segv=0:${ASAN_OPTIONS:-}"
trap 'rm -rf "$TMP"' EXIT
n=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1))
    echo "not ok $n - $1"
    shift
    # every line of the diagnostics commented, or the runner would count them
    printf '%s\n' "$@" | sed 's/^/# /'
}

# run CMD...: runs it, keeping stdout in $TMP/out, stderr in $TMP/err, status in $status
run() {
    "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
}

# expect_status DESC WANT: the last run exited with WANT; on a failure both
# streams are shown, as a gate's verdict is on stdout
expect_status() {
    if [ "$status" -eq "$2" ]; then ok "$1"; else
        not_ok "$1" "exit status $status, want $2" "stderr: $(head -c 600 "$TMP/err")" \
            "stdout ends: $(tail -c 1200 "$TMP/out")"; fi
}

# expect_in DESC FILE PATTERN: FILE (out or err) has a line matching the ERE
expect_in() {
    if grep -Eq -- "$3" "$TMP/$2"; then ok "$1"; else
        not_ok "$1" "no line matching /$3/ in $2:" "$(head -c 1200 "$TMP/$2")"; fi
}

# expect_not_in DESC FILE PATTERN
expect_not_in() {
    if ! grep -Eq -- "$3" "$TMP/$2"; then ok "$1"; else
        not_ok "$1" "unexpected /$3/ in $2:" "$(grep -E -- "$3" "$TMP/$2" | head -5)"; fi
}

# expect_lines DESC FILE N: FILE has exactly N lines
expect_lines() {
    local got
    got=$(wc -l <"$TMP/$2")
    if [ "$got" -eq "$3" ]; then ok "$1"; else not_ok "$1" "$got lines in $2, want $3"; fi
}

# Short runs: the plumbing is under test here, not the numbers.
# Their baselines go to a scratch directory, never to the checkout's reports/.
SHORT="--warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --nresamples 1000 --reports-dir $TMP/reports"

# alive PID: the process exists and is not a zombie (a killed orphan stays one
# until its new parent reaps it, which some containers' PID 1 never does)
alive() {
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
    [ -n "$state" ] && [ "$state" != Z ]
}

# expect_child_dies DESC PATTERN CMD...: starts CMD, waits (up to 10 s) for a
# child of it whose command line matches PATTERN, kills CMD and expects that
# child to die with it. Sets $child_seen to 0 when no such child appeared.
expect_child_dies() {
    local desc=$1 pattern=$2 runner child= p
    shift 2
    "$@" >"$TMP/child.out" 2>&1 &
    runner=$!
    for _ in $(seq 100); do
        for p in $(awk -v r="$runner" '$4 == r { print $1 }' /proc/[0-9]*/stat 2>/dev/null); do
            if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -Eq -- "$pattern"; then
                child=$p
            fi
        done
        [ -n "$child" ] && break
        sleep 0.1
    done
    kill "$runner" 2>/dev/null
    wait "$runner" 2>/dev/null
    child_seen=1
    if [ -z "$child" ]; then
        child_seen=0
        return
    fi
    for _ in $(seq 100); do
        alive "$child" || break
        sleep 0.1
    done
    if alive "$child"; then
        not_ok "$desc" "process $child ($(tr '\0' ' ' <"/proc/$child/cmdline")) outlived its runner"
        kill -9 "$child" 2>/dev/null
    else
        ok "$desc"
    fi
}
