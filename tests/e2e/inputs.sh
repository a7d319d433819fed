# Input files that are not what they seem: a FIFO, a device, a file of
# millions of lines. Each is refused at once with what is wrong and the limit,
# by every entry point, and nothing is measured or written.
. tests/e2e/common.bash
R="$TMP/reports"
ONE="--exact did/sha256/64/openssl"
# a guard only: before, a FIFO hung every entry point for ever
GUARD="timeout 120"

mkdir -p "$R"
mkfifo "$R/base.json"
run $GUARD "$CB" $SHORT $ONE
expect_status "a FIFO as the baseline stops the run with exit 2, not a hang" 2
expect_in "saying what it is" err 'base.json: a FIFO, not a regular file: cryptbench reads only regular files'
expect_not_in "before measuring anything" out 'time:'
run $GUARD "$CB" report --reports-dir "$R"
expect_status "report refuses it too" 2
run $GUARD "$CB" analyze "$R/base.json"
expect_status "analyze refuses a FIFO" 2
run $GUARD "$CB" compare "$R/base.json" tests/data/change_aa_same_old.csv
expect_status "compare refuses a FIFO" 2
expect_in "naming it" err 'base.json: a FIFO, not a regular file'
rm "$R/base.json"

ln -s /dev/zero "$R/base.json"
run $GUARD "$CB" $SHORT $ONE
expect_status "a baseline linked to /dev/zero is refused, not read for ever" 2
expect_in "as a device" err 'base.json: a character device, not a regular file'
run $GUARD "$CB" analyze "$R/base.json"
expect_status "analyze refuses it too" 2
rm "$R/base.json"

run "$CB" analyze "$R"
expect_status "a directory is refused" 2
expect_in "as one" err 'reports: a directory, not a regular file'

# ten million lines: refused at the first sample beyond the bound
yes 1,100 | head -n 10000000 >"$TMP/huge.csv"
run $GUARD "$CB" analyze "$TMP/huge.csv"
expect_status "a 10-million-line CSV is refused" 2
expect_in "at the first sample beyond the bound, naming it" err 'huge.csv:10001: more than 10000 samples, the most cryptbench analyses'
rm "$TMP/huge.csv"

printf '1,100\n2,2\0000\n3,300\n' >"$TMP/nul.csv"
run "$CB" analyze "$TMP/nul.csv"
expect_status "a NUL byte in a CSV line is refused" 2
expect_in "with its line and column" err "nul.csv:2:4: a NUL byte"

# huge but finite: the variance would overflow, and "no change" would pass a gate
awk -F, 'NR == 1 { print; next } { printf "%s,%.17g\n", $1, $2 * 1e152 }' \
    tests/data/change_aa_same_new.csv >"$TMP/huge-new.csv"
run "$CB" compare tests/data/change_aa_same_old.csv "$TMP/huge-new.csv" --gate --reports-dir "$R"
expect_status "samples x1e152 are refused: the gate does not pass" 2
expect_in "naming the value and the range" err "huge-new.csv:2:[0-9]+: total: '[0-9.e+]+' is beyond what cryptbench analyses, 1e-30 to 1e\\+30"
expect_not_in "and nothing reaches stdout" out '.'
printf '1,1e160\n2,2e160\n' >"$TMP/1e160.csv"
run "$CB" analyze "$TMP/1e160.csv" --format json
expect_status "a total of 1e160 is refused" 2
expect_not_in "no null or NaN in the output" out 'null|nan|inf'

echo "1..$n"
