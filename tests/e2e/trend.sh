# The history and `cryptbench trend`: every run kept under a name of its own,
# the oldest pruned beyond --history-limit, a corrupt file skipped with a
# warning, and a deliberate step found where it began.
. tests/e2e/common.bash

COUNTED=$BUILD/tests/fixtures/counted
R=$TMP/reports
ONE="--exact did/sha256/64/openssl"

run "$CB" trend --reports-dir "$R"
expect_status "trend without a history exits 2" 2
expect_in "and says there is none" err "holds no run of 'base'"

# six short runs, most within one second of another: six files
for _ in 1 2 3 4 5 6; do
    "$CB" $SHORT --no-html $ONE >/dev/null 2>&1
done
count=$(ls "$R/history" | grep -c '^[0-9]\{8\}T[0-9]\{6\}Z-[0-9]\{3\}-base\.json$')
if [ "$count" -eq 6 ]; then ok "six runs, six history files"; else
    not_ok "six runs, six history files" "$(ls "$R/history")"; fi

run "$CB" trend --reports-dir "$R"
expect_status "trend exits 0" 0
expect_in "it names the history" out "^History of 'base' in .*/history: 6 runs, oldest first$"
expect_in "each benchmark" out '^did/sha256/64/openssl$'
expect_lines_matching() {
    local got
    got=$(grep -Ec -- "$2" "$TMP/out")
    if [ "$got" -eq "$3" ]; then ok "$1"; else not_ok "$1" "$got lines match /$2/, want $3"; fi
}
expect_lines_matching "each run with its time, commit and interval" \
    '^ +[1-6]  20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z  ([0-9a-f]{12}|unknown {5})  \[[0-9.]+ [nu]s [0-9.]+ [nu]s [0-9.]+ [nu]s\]$' 6
expect_in "and its change points, or that there are none" out \
    '^  (no change point|change point at run)'

run "$CB" trend --reports-dir "$R" nosuch
expect_status "a filter that matches nothing exits 2" 2

# a corrupt file among them is skipped, said, and the rest is read
printf '{"schema_version": 2, "trunc' >"$R/history/20200101T000000Z-001-base.json"
run "$CB" trend --reports-dir "$R"
expect_status "a corrupt history file is not fatal" 0
expect_in "it is skipped with a warning naming it" err \
    '^warning: skipping a history file: .*/20200101T000000Z-001-base.json:1:'
expect_in "and the other runs are read" out ": 6 runs, oldest first$"
run "$CB" $SHORT $ONE
expect_status "a run whose history has a corrupt file exits 0" 0
expect_in "and warns about it too" err 'skipping a history file: .*20200101T000000Z-001-base.json'

# the retention bound: a run removes the oldest files beyond it
run "$CB" $SHORT --no-html --history-limit 4 $ONE
count=$(ls "$R/history" | grep -c 'base\.json$')
if [ "$count" -eq 4 ]; then ok "--history-limit 4 keeps the newest four"; else
    not_ok "--history-limit 4 keeps the newest four" "$(ls "$R/history")"; fi
if [ ! -e "$R/history/20200101T000000Z-001-base.json" ]; then ok "the oldest went first"; else
    not_ok "the oldest went first" "$(ls "$R/history")"; fi

# a deliberate step: six runs of a loop, then six with 2 ms of sleep added to it
S=$TMP/step
for sleep in 0 0 0 0 0 0 2000000 2000000 2000000 2000000 2000000 2000000; do
    COUNTED_SLEEP_NS=$sleep "$COUNTED" $SHORT --reports-dir "$S" --exact count/sleepy \
        >/dev/null 2>&1
done
run "$CB" trend --reports-dir "$S" count/sleepy
expect_status "trend of the stepped history exits 0" 0
expect_lines_matching "one change point, where the sleep began" \
    '^  change point at run 7, .*: \+[0-9.]+% \([0-9.]+ [nu]s -> [0-9.]+ ms\), p = 0\.0[01][0-9]*$' 1
expect_lines_matching "and no other" '^  change point at' 1
page=$S/html/bench-count.sleepy.html
if grep -q '<h2>History</h2>' "$page" && grep -q 'from run 7, ' "$page"; then
    ok "the benchmark's page shows the history and the change point"
else
    not_ok "the benchmark's page shows the history and the change point" \
        "$(grep -o '<h2>History</h2>.\{0,400\}' "$page")"
fi

echo "1..$n"
