# The suite's command line as a user meets it.
. tests/e2e/common.bash

run "$CB" --list
expect_status "--list exits 0" 0
expect_in "--list prints names" out '^did/sha256/64/openssl$'
expect_not_in "--list measures nothing" out 'time:'

run "$CB" --list did/sha256/64/
expect_lines "a plain word filters by substring" out 2
run "$CB" --list 'pbkdf2.*/(1000|10000)/'
expect_lines "a filter is an extended regular expression" out 2
run "$CB" --list --exact did/sha256/64/openssl
expect_lines "--exact matches the whole name" out 1
run "$CB" --list --exact did/sha256
expect_status "--exact with no whole-name match is an error" 2
expect_in "and says which filter matched nothing" err "no benchmark matches exactly 'did/sha256'"
run "$CB" --list 'sha(256'
expect_status "an invalid regular expression exits 2" 2
expect_in "naming the filter" err "filter 'sha\(256': not a valid POSIX extended regular expression"

run "$CB" --help
expect_status "--help exits 0" 0
expect_in "--help lists --measurement-time" out '--measurement-time SECONDS'

for bad in "--sample-size 5" "--warm-up-time -1" "--measure time" "--format yaml" \
           "--color maybe" "--confidence-level 2" "--bogus" "--nresamples"; do
    run "$CB" $bad
    expect_status "'$bad' exits 2" 2
    opt=${bad%% *}
    if [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q -- "$opt" "$TMP/err"; then
        ok "'$bad' gets one line naming $opt"
    else
        not_ok "'$bad' gets one line naming $opt" "$(cat "$TMP/err")"
    fi
done

run "$CB" $SHORT --exact did/sha256/64/openssl
expect_status "a short run exits 0" 0
expect_in "prints Criterion's time line" out '^did/sha256/64/openssl +time: +\[[0-9.]+ [pnum]?s [0-9.]+ [pnum]?s [0-9.]+ [pnum]?s\]$'
expect_in "and the throughput line" out '^ {24}thrpt: +\[[0-9.]+ [KMG]?i?B/s '
expect_not_in "no colour when not on a terminal" out $'\033'
expect_not_in "no progress when not on a terminal" err 'Benchmarking'

run env NO_COLOR=1 "$CB" $SHORT --color always --exact did/sha256/64/openssl
expect_not_in "NO_COLOR wins over --color always" out $'\033'
run "$CB" $SHORT --color always --exact did/sha256/64/openssl
expect_in "--color always colours" out $'\033\\[1m'

run "$CB" $SHORT --format json did/sha256/64/
expect_status "--format json exits 0" 0
expect_lines "one JSON object per benchmark" out 2
expect_in "with the baseline's field names" out '^\{"name": ?"did/sha256/64/libsodium".*"estimates": ?\{.*"slope"'
run "$CB" $SHORT --format csv did/sha256/64/
expect_lines "--format csv: a header and a row per benchmark" out 3
expect_in "the header names the columns" out '^name,status,unit,mode,samples,lower,estimate,upper'
run "$CB" $SHORT --format markdown did/sha256/64/
expect_in "--format markdown prints a table" out '^\| did/sha256/64/openssl \| [0-9.]+ [pnum]?s \['

run "$CB" $SHORT --measure cycles --exact did/sha256/64/openssl
expect_status "--measure cycles works here" 0
expect_in "and says the counter's rate" out 'ticks at [0-9.]+ GHz'
expect_in "cycles per iteration" out '^did/sha256/64/openssl +cycles: \[[0-9.]+ K?cycles'
expect_in "cycles per byte" out '^ {24}cpb: +\[[0-9.]+ [0-9.]+ [0-9.]+\] cycles/byte'

# on a terminal (script(1) gives the run one): progress lines, then the result
run env TERM=xterm script -qec "$CB $SHORT --no-html --exact did/sha256/64/openssl" /dev/null
expect_in "progress while warming up on a terminal" out 'Benchmarking did/sha256/64/openssl: Warming up for 10\.000 ms'
expect_in "while sampling" out 'Benchmarking did/sha256/64/openssl: Collecting 10 samples in estimated'
expect_in "while analysing" out 'Benchmarking did/sha256/64/openssl: Analyzing'
expect_in "each line erased before the result" out $'\033\\[K.*did/sha256/64/openssl.* +time: '
expect_in "colour on a terminal" out $'\033\\[[0-9;]+m'
# a terminal 40 columns wide (script's has no size: COLUMNS says it): no progress
# line wraps, so that the next one overwrites it
run env TERM=xterm COLUMNS=40 script -qec "$CB $SHORT --no-html --exact did/sha256/64/openssl" /dev/null
expect_in "a progress line cut to the width" out $'\033\\[KBenchmarking did/sha256/64/openssl: War\r'
expect_not_in "none longer" out $'\033\\[K[^\r\033]{40}'
# TERM=dumb shows escapes as they are: no progress lines, no colour
run env TERM=dumb script -qec "$CB $SHORT --no-html --exact did/sha256/64/openssl" /dev/null
expect_not_in "TERM=dumb: no progress lines" out 'Benchmarking'
expect_not_in "and no escape at all" out $'\033'
expect_in "the result still printed" out '^did/sha256/64/openssl +time: '

# eBACS's table of cost per message size
run "$CB" $SHORT --measure cycles --format markdown 'did/sha(256|512)/'
expect_in "--format markdown tabulates cycles/byte by message size" out '^\| Primitive \| Library \| 64 B \| 1024 B \| 16384 B \|$'
expect_in "a row per primitive and library" out '^\| did/sha256 \| openssl \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|$'

# --test, the whole suite's known-answer checks: tests/e2e/suite.sh

echo "1..$n"
