# --threads: a benchmark on N threads at once, checked by the structure of
# what a user sees and what the baseline keeps, never by its timings: one
# thread always measured for the scaling, more threads than cores allowed and
# said, each count compared only with its own.
. tests/e2e/common.bash

name=did/sha256/64/openssl
cores=$(nproc)
over=$((cores + 1))
T="$SHORT --no-html --exact $name"

# block NAME: the terminal's lines of result NAME, from its name to the next one's
block() {
    awk -v n="$1" '$1 == n { on = 1; print; next } on && /^[^ ]/ { on = 0 } on' "$TMP/out"
}

run "$CB" $T --threads "2,$over"
expect_status "--threads 2,$over exits 0" 0
expect_in "the benchmark is measured as always" out "^$name +time: "
for k in 1 2 "$over"; do
    expect_in "and on $k thread(s) at once" out "^$name/threads:$k\$"
done
block "$name/threads:2" >"$TMP/two"
expect_in "with its aggregate operations per second and its scaling" two '^ +ops/s: +\[[0-9.]+( K| M)? [0-9.]+( K| M)? [0-9.]+( K| M)?\] on 2 threads, scaling [0-9]+% \[[0-9]+% [0-9]+%\] of 2 x one thread$'
block "$name/threads:$over" >"$TMP/over"
expect_in "more threads than cores is allowed, and said" over "note: $over threads on $cores cores?: oversubscribed"
expect_in "each a flat sampling" two '^ +flat sampling: 10 samples of [0-9]+ iterations$'

base=$TMP/reports/base.json
cp "$base" "$TMP/base"
expect_in "the baseline keeps each count's result" base "\"name\": \"$name/threads:$over\""
expect_in "with its count" base '"n": 2,'
expect_in "and the cores it had" base "\"cores\": $cores,"

run "$CB" $T --threads 2
expect_status "a second run with --threads 2 exits 0" 0
block "$name/threads:2" >"$TMP/two"
expect_in "compares 2 threads with the baseline's 2" two '^ +change: '
more=$((over + 1))
run "$CB" $T --threads "$more" --baseline base --save-baseline other
block "$name/threads:$more" >"$TMP/four"
expect_not_in "and a count the baseline lacks with nothing" four 'change: '
block "$name/threads:1" >"$TMP/one"
expect_in "while one thread still compares with one" one '^ +change: '

run "$CB" $T --test --threads 2
expect_status "--test runs each count once" 0
expect_in "on its threads" out "^Testing $name/threads:2 \.\.\. Success\$"

# a budget is of one caller's calls, far out of reach here: the ordinary
# result is held to it, its measurements on threads are not
printf '{ "schema_version": 1, "budgets": [ { "match": "^%s", "statistic": "estimate", "max": "1 ns" } ] }\n' \
    "$name" >"$TMP/budgets.json"
run "$CB" $T --threads 2 --budgets "$TMP/budgets.json" --save-baseline budgeted
block "$name" >"$TMP/one"
expect_in "a budget holds the ordinary result" one 'budget: estimate at most 1 ns: .*BROKEN'
block "$name/threads:2" >"$TMP/two"
expect_not_in "but not its measurement on threads" two 'budget:'

for bad in "--threads 0" "--threads 2,x" "--threads 2000" "--threads ,"; do
    run "$CB" $bad
    expect_status "'$bad' exits 2" 2
done
expect_in "naming the option and its limits" err "^cryptbench: --threads: expected thread counts from 1 to 1024, at most 16 of them, comma-separated, got ','\$"
run "$CB" --threads 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17
expect_status "17 thread counts exit 2" 2
expect_in "saying at most 16" err "at most 16 of them"
run "$CB" --threads 2 --measure instructions
expect_status "--threads with --measure instructions exits 2" 2
expect_in "saying threads measure wall time" err '--threads measures wall time'

echo "1..$n"
