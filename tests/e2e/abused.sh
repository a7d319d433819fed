# A misused API and a hostile reports directory: each is said, before anything
# is measured where it can be, and nothing a run writes locks the next out.
. tests/e2e/common.bash
ABUSED=$BUILD/tests/fixtures/abused
R="$TMP/reports"

# the timing-leak check on benchmarks it skips or that fail it writes what
# the next run reads
run "$ABUSED" $SHORT --no-html --check timing-leak --leak-measurements 1000 \
    abused/no-classes abused/cannot-prepare
expect_in "a benchmark without input classes skips the timing-leak check" out \
    'timing-leak: +skipped'
run "$CB" analyze "$R/base.json"
expect_status "and the baseline it saved loads" 0
run "$ABUSED" $SHORT --no-html abused/no-classes
expect_status "so does the next run, compared with it" 0

# cb_secret() misused is a failure of the benchmark, never a pass
run "$ABUSED" $SHORT --no-html --reports-dir "$TMP/secrets" --exact abused/null-secret
expect_status "a secret declared at NULL fails the run" 1
expect_in "saying so" out '^abused/null-secret +FAILED: cb_secret: a NULL pointer for 32 bytes$'
run "$ABUSED" $SHORT --no-html --reports-dir "$TMP/secrets" --exact abused/huge-secret
expect_status "a secret of SIZE_MAX bytes fails the run" 1
expect_in "saying so" out '^abused/huge-secret +FAILED: cb_secret: 18446744073709551615 bytes'

# the reports directory's lock file: a directory, a link
mkdir -p "$TMP/locked/.base.json.lock"
run "$ABUSED" $SHORT --no-html --reports-dir "$TMP/locked" abused/no-classes
expect_status "a directory where the lock file goes is refused" 2
expect_in "naming it" err 'locked/\.base\.json\.lock.* is a directory'
expect_not_in "before anything is measured" out 'time:'
mkdir -p "$TMP/linked"
ln -s "$TMP/outside" "$TMP/linked/.base.json.lock"
run "$ABUSED" $SHORT --no-html --reports-dir "$TMP/linked" abused/no-classes
expect_status "a symbolic link where the lock file goes is refused" 2
expect_in "naming it" err 'linked/\.base\.json\.lock.* is a symbolic link'
if [ -e "$TMP/outside" ]; then not_ok "and what it points to is not created"; else
    ok "and what it points to is not created"; fi

# a benchmark's own processes end with it
run env ABUSED_PIDFILE="$TMP/pids" "$ABUSED" $SHORT --no-html --reports-dir "$TMP/forks" --exact abused/forks
expect_status "a benchmark that forks is measured" 0
sleep 0.5
left=
for pid in $(cat "$TMP/pids" 2>/dev/null); do
    alive "$pid" && left="$left $pid"
done
if [ -s "$TMP/pids" ] && [ -z "$left" ]; then ok "and the processes it forked do not outlive it"; else
    not_ok "and the processes it forked do not outlive it" "still running:$left"
    [ -n "$left" ] && kill $left 2>/dev/null
fi

case "$BUILD" in *asan*)
    echo "1..$n"
    exit 0 ;;
esac

run env TMPDIR="$TMP/no/such/dir" "$ABUSED" $SHORT --no-html --reports-dir "$TMP/tmpdir" \
    --check constant-time abused/no-classes
expect_status "a TMPDIR that does not exist is refused with --check constant-time" 2
expect_in "naming it" err "$TMP/no/such/dir"
expect_not_in "before anything is measured" out 'time:'

# interrupted while memcheck runs: nothing of the check's is left in TMPDIR
mkdir -p "$TMP/scratch"
TMPDIR="$TMP/scratch" "$ABUSED" --test --check constant-time --exact abused/slow-secret \
    >"$TMP/out" 2>"$TMP/err" &
runner=$!
for _ in $(seq 300); do
    pgrep -f 'memcheck.*abused' >/dev/null && ls "$TMP/scratch" | grep -q . && break
    sleep 0.1
done
sleep 1
kill -TERM "$runner"
for _ in $(seq 100); do
    alive "$runner" || break
    sleep 0.1
done
if alive "$runner"; then not_ok "SIGTERM ends a run under memcheck"; kill -9 "$runner"; else
    ok "SIGTERM ends a run under memcheck"; fi
wait "$runner" 2>/dev/null
status=$?
expect_status "with the signal's status" 143
sleep 0.5
if [ -z "$(ls -A "$TMP/scratch")" ]; then ok "leaving nothing in TMPDIR"; else
    not_ok "leaving nothing in TMPDIR" "$(ls -A "$TMP/scratch")"; fi
if pgrep -f 'memcheck.*abused' >/dev/null; then
    not_ok "and no valgrind running" "$(pgrep -af 'memcheck.*abused')"
    pkill -f 'memcheck.*abused/slow'
else
    ok "and no valgrind running"
fi

echo "1..$n"
