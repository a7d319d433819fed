# What a run measured is kept whatever happens to its output or its history,
# and what a user types cannot make it hang or reach the terminal raw.
. tests/e2e/common.bash
ONE="--exact did/sha256/64/openssl"
export LC_ALL=C

# a reader that closes the pipe at once: the run goes on, saves, and says so
R="$TMP/pipe"
"$CB" $SHORT --reports-dir "$R" --no-html $ONE 2>"$TMP/err" | true
status=${PIPESTATUS[0]}
expect_status "a closed pipe on standard output exits 2, not of SIGPIPE" 2
expect_in "saying the output was cut short and the files written" err \
    "writing standard output failed.*cut short, the files were written"
if [ -f "$R/base.json" ] && ls "$R/history/"*-base.json >/dev/null 2>&1; then
    ok "the baseline and the history are written"; else
    not_ok "the baseline and the history are written" "$(ls -R "$R" 2>&1)"; fi
R="$TMP/pipe-gate"
"$CB" $SHORT --reports-dir "$R" --no-html --format json --gate $ONE 2>"$TMP/err" | true
status=${PIPESTATUS[0]}
expect_status "and so does --format json --gate" 2
if [ -f "$R/gate.md" ] && [ -f "$R/base.json" ]; then ok "writing gate.md and the baseline"; else
    not_ok "writing gate.md and the baseline" "$(ls -R "$R" 2>&1)"; fi

if [ -w /dev/full ]; then
    "$CB" $SHORT --reports-dir "$TMP/full" --no-html $ONE >/dev/full 2>"$TMP/err"
    status=$?
    expect_status "output to /dev/full exits 2" 2
    expect_in "saying so" err "writing standard output failed.*cut short, the files were written"
fi

# a history file dated in the future is not the newest run for ever
R="$TMP/future"
run "$CB" $SHORT --reports-dir "$R" --no-html $ONE
cp "$R"/history/*-base.json "$R/history/20990101T000000Z-001-base.json"
run "$CB" $SHORT --reports-dir "$R" --no-html --history-limit 1 $ONE
expect_status "a run with a history file dated 2099 and --history-limit 1" 0
left=$(ls "$R/history")
if [ "$(echo "$left" | wc -l)" -eq 1 ] && ! echo "$left" | grep -q '^2099'; then
    ok "keeps the run it just measured, not the file from the future"; else
    not_ok "keeps the run it just measured, not the file from the future" "$left"; fi
cp "$R"/history/*-base.json "$R/history/20990101T000000Z-001-base.json"
run "$CB" trend --reports-dir "$R"
expect_in "trend skips a file from the future, saying why" err \
    'skipping a history file dated more than a day ahead.*20990101T000000Z-001-base.json'
expect_in "and shows the run" out '^History of .base. in .*: 1 run, oldest first$'

# names and patterns from the command line
run "$CB" trend --reports-dir "$R" --baseline $'x\e]0;pwned\a'
expect_status "a baseline name with an escape sequence is refused" 2
expect_in "saying why" err 'expected a name without control characters'
if grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$TMP/err" "$TMP/out"; then
    not_ok "and nothing of it reaches the terminal raw" "$(cat -v "$TMP/err")"; else
    ok "and nothing of it reaches the terminal raw"; fi
run "$CB" $SHORT --save-baseline $'two\nlines' $ONE
expect_status "a name with a line end is refused too" 2
start=$(date +%s)
run timeout 60 "$CB" --list '((a{1,100}){1,100}){1,100}'
took=$(( $(date +%s) - start ))
expect_status "a filter whose repetitions would compile to a million copies is refused" 2
if [ "$took" -le 5 ]; then ok "at once (${took} s)"; else not_ok "at once" "took $took s"; fi
expect_in "saying why" err "filter '\(\(a\{1,100\}\)\{1,100\}\)\{1,100\}': its repetitions.*more than 4096 elements"
run "$CB" --list '(a*)\1'
expect_status "a back-reference is refused" 2

echo "1..$n"
