# Text from a benchmark (its note, its failure) reaches every output clean:
# no control character, valid UTF-8, cut between characters; and the run is
# kept whatever the text was.
. tests/e2e/common.bash
HOSTILE=$BUILD/tests/fixtures/hostile
R="$TMP/reports"
export LC_ALL=C # byte patterns below

# no_controls DESC FILE: FILE has no control character but the line feed
no_controls() {
    if ! grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$TMP/$2" && ! grep -q $'\xc2[\x80-\x9f]' "$TMP/$2"; then
        ok "$1"
    else
        not_ok "$1" "$(grep -n $'[\x01-\x09\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$TMP/$2" | cat -v | head -5)"
    fi
}

# valid_utf8 DESC FILE
valid_utf8() {
    if iconv -f UTF-8 -t UTF-8 "$TMP/$2" >/dev/null 2>&1; then ok "$1"; else
        not_ok "$1" "$(iconv -f UTF-8 -t UTF-8 "$TMP/$2" 2>&1 >/dev/null)"; fi
}

run "$HOSTILE" $SHORT
expect_status "invalid UTF-8 in a note or failure keeps the run: it exits 1 for its failures" 1
if "$CB" analyze "$R/base.json" >/dev/null 2>&1; then ok "and saves a baseline that loads"; else
    not_ok "and saves a baseline that loads" "$(cat "$TMP/err")"; fi
expect_not_in "no false 'out of memory'" err 'out of memory'
no_controls "the terminal gets no control character" out
valid_utf8 "and valid UTF-8" out
expect_in "a newline in a failure reason becomes a space" out '^hostile/forge +FAILED: boom test forged \.\.\. bench:'
expect_in "an escape sequence is shown as U+FFFD" out $'note: \xef\xbf\xbd\\[2J\xef\xbf\xbd\\]0;pwned\xef\xbf\xbd \xef\xbf\xbd31m red$'
expect_in "invalid UTF-8 is shown as U+FFFD" out $'note: note \xef\xbf\xbd\xef\xbf\xbd end$'
expect_in "a long note is cut between characters" out $'note: (\xc3\xa9){127}$'

for format in json csv markdown bencher github; do
    run "$HOSTILE" $SHORT --no-html --format $format
    no_controls "--format $format gets no control character" out
    valid_utf8 "--format $format is valid UTF-8" out
    expect_not_in "--format $format has no forged line" out '^test forged'
done
# the cargo parsers take any line "test NAME ... bench: N ns/iter (+/- M)"
run "$HOSTILE" $SHORT --no-html --format bencher
expect_not_in "--format bencher: no line the cargo parsers read names a failed benchmark" out \
    '^test hostile/(forge|invalid-failure).* bench: '
expect_in "a failed benchmark is FAILED, as in libtest" out '^test hostile/forge +\.\.\. FAILED$'
expect_in "its reason below, indented" out '^    boom test forged \.\.\. bench:'

# an error message quotes what it read: clean too
printf '1,100\n2,\033]0;pwned\007\n' >"$TMP/escape.csv"
run "$CB" analyze "$TMP/escape.csv"
expect_status "a CSV with an escape sequence in a field is refused" 2
no_controls "and the message quoting it carries no control character" err

echo "1..$n"
