# --memory as a user drives it, on tests/fixtures/allocating.c, whose
# allocations are known: the counts exact in every output, the same twice
# and with another environment, kept in the baseline and read back, compared
# exactly, on threads; timed processes never carry the counter. Never a
# time: only counts are checked.
. tests/e2e/common.bash
ALLOC=$BUILD/tests/fixtures/allocating
M="$SHORT --no-html --memory"

case "$BUILD" in
*asan*)
    # AddressSanitizer's malloc is not the C library's: there is nothing to count
    run "$ALLOC" --test --memory
    expect_status "a sanitized build refuses --memory" 2
    expect_in "saying why" err 'AddressSanitizer replaces with its own'
    echo "1..$n"
    exit 0
    ;;
esac

# block NAME: the terminal's lines of result NAME, from its name to the next one's
block() {
    awk -v n="$1" '$1 == n { on = 1; print; next } on && /^[^ ]/ { on = 0 } on' "$TMP/out"
}

# memory_of NAME: the "memory" object of NAME in --format json's output,
# without the resident set, which moves by pages with what the kernel does
memory_of() {
    grep "\"name\":\"$1\"" "$TMP/out" | sed -n 's/.*"memory":\({[^}]*}\).*/\1/p' |
        sed 's/,"peak_resident_bytes":[^,}]*//'
}

# expect_memory DESC NAME WANT: memory_of NAME is WANT
expect_memory() {
    local got
    got=$(memory_of "$2")
    if [ "$got" = "$3" ]; then ok "$1"; else not_ok "$1" "got  $got" "want $3"; fi
}

run "$ALLOC" $M --format json --save-baseline one
expect_status "--memory runs" 0
leaky='{"status":"counted","iterations":1,"allocations":3,"frees":2,"bytes":300,"freed_bytes":200,"net_bytes":100,"peak_bytes":300}'
mapped='{"status":"counted","iterations":1,"allocations":1,"frees":1,"bytes":1048576,"freed_bytes":1048576,"net_bytes":0,"peak_bytes":1048576}'
none='{"status":"counted","iterations":1,"allocations":0,"frees":0,"bytes":0,"freed_bytes":0,"net_bytes":0,"peak_bytes":0}'
expect_memory "three allocations of 100 B and two frees an iteration: 100 B kept, a 300 B peak; set-up not counted" \
    mem/leaky "$leaky"
expect_memory "a 1 MiB anonymous mapping an iteration, unmapped: counted as an allocation and a free" \
    mem/mapped "$mapped"
expect_memory "a loop that allocates nothing counts nothing, around a fixture that does" mem/none "$none"
if grep '"name":"mem/mapped"' "$TMP/out" | grep -Eq '"peak_resident_bytes":[0-9]+\}'; then
    ok "the resident set's peak is there too"
else
    not_ok "the resident set's peak is there too" "$(grep '"name":"mem/mapped"' "$TMP/out")"
fi
grep -o '"memory":{[^}]*}' "$TMP/out" | sed 's/,"peak_resident_bytes":[^,}]*//' >"$TMP/first"

# the same build counts the same: again, with a large environment, and with
# almost none (the stack and the environment start elsewhere)
big=$(head -c 100000 /dev/zero | tr '\0' x)
BIG=$big run "$ALLOC" $M --format json --save-baseline two
grep -o '"memory":{[^}]*}' "$TMP/out" | sed 's/,"peak_resident_bytes":[^,}]*//' >"$TMP/second"
env -i PATH="$PATH" "$ALLOC" $M --format json --save-baseline three >"$TMP/out" 2>"$TMP/err"
grep -o '"memory":{[^}]*}' "$TMP/out" | sed 's/,"peak_resident_bytes":[^,}]*//' >"$TMP/third"
if cmp -s "$TMP/first" "$TMP/second" && cmp -s "$TMP/first" "$TMP/third"; then
    ok "counted again, with 100 kB more environment and with almost none: the same counts"
else
    not_ok "counted again, with 100 kB more environment and with almost none: the same counts" \
        "$(diff "$TMP/first" "$TMP/second")" "$(diff "$TMP/first" "$TMP/third")"
fi

run "$ALLOC" $M --save-baseline counted
expect_status "the terminal run exits 0" 0
block mem/leaky >"$TMP/leaky"
expect_in "one line under the time says it, and names the leak" leaky \
    '^ +memory: 3 allocations \(300 B\) and 2 frees per iteration, leaks 100 B per iteration; peak 300 B, resident [0-9.]+ (B|KiB)$'
block mem/mapped >"$TMP/mapped"
expect_in "a mapping is an allocation of its length" mapped \
    '^ +memory: 1 allocation \(1 MiB\) and 1 free per iteration, no leak; peak 1 MiB, resident [0-9.]+ (KiB|MiB)$'
block mem/probe >"$TMP/probe"
expect_in "a timed process never carries the counter" probe 'note: the allocation counter is not loaded'
expect_not_in "and a program the benchmark runs is not handed it" out 'LD_PRELOAD names the counter'
expect_in "the run says which benchmark leaks" out '^Memory: 10 benchmarks counted; 1 leaks memory$'
expect_in "and how much" out '^  mem/leaky: leaks 100 B per iteration$'
cp "$TMP/out" "$TMP/measured"

run "$ALLOC" $SHORT --no-html --load-baseline counted
expect_status "--load-baseline re-reports the stored run" 0
grep -E '^ +memory: |^Memory: ' "$TMP/measured" >"$TMP/want"
grep -E '^ +memory: |^Memory: ' "$TMP/out" >"$TMP/got"
if cmp -s "$TMP/want" "$TMP/got"; then ok "with the memory it counted"; else
    not_ok "with the memory it counted" "$(diff "$TMP/want" "$TMP/got")"; fi

run "$ALLOC" $M --exact mem/none mem/mapped --save-baseline clean
expect_in "a run where nothing leaks says so" out \
    '^Memory: 2 benchmarks counted; no leak: every block a loop allocated was freed in it$'

# a change is exact: no interval, no p-value
ALLOCATING_MORE=1 run "$ALLOC" $M --exact mem/leaky --baseline counted
block mem/leaky >"$TMP/leaky"
expect_in "one allocation more is reported as it is" leaky \
    '^ +memory change: \+1 allocation, \+64 B allocated per iteration: more memory \(exact counts\)$'
expect_in "and counted at the end" out 'against the baseline, 1 uses more memory, 0 less'
ALLOCATING_MORE=1 run "$ALLOC" $M --exact mem/leaky --baseline counted --gate
cp "$TMP/reports/gate.md" "$TMP/gate"
expect_in "the gate's summary states the change, exact" gate \
    '^- `mem/leaky`: \+1 allocation, \+64 B allocated per iteration: more memory$'
run "$ALLOC" $M --exact mem/leaky --baseline counted
block mem/leaky >"$TMP/leaky"
expect_in "the same counts are no change" leaky '^ +memory change: no change \(exact counts\)$'
run "$ALLOC" $M --exact mem/leaky --baseline counted --format json
if grep -q '"change":{"verdict":"same","decided_by":"allocations","old":{"allocations":3,' "$TMP/out"; then
    ok "--format json has the change, with the baseline's figures"
else
    not_ok "--format json has the change, with the baseline's figures" "$(head -c 600 "$TMP/out")"
fi

# on threads: each thread's figures
run "$ALLOC" $M --exact mem/leaky --threads 2
block mem/leaky/threads:2 >"$TMP/two"
expect_in "a measurement on threads counts each thread" two \
    '^ +memory: 3 allocations \(300 B\) and 2 frees per iteration, leaks 100 B per iteration; peak 300 B, resident .* \(each of 2 threads; resident: all together\)$'

run "$ALLOC" --test --memory --exact mem/leaky
expect_status "--test --memory counts too" 0
expect_in "under the test's line" out '^    memory: 3 allocations \(300 B\) and 2 frees per iteration'
run "$ALLOC" --test --memory --format json --exact mem/leaky
expect_in "and --test's JSON carries the counts" out \
    '"memory":\{"status":"counted","iterations":[0-9]+,"allocations":3,"frees":2,"bytes":300,'

# every output that has a place for it
run "$ALLOC" $M --exact mem/leaky --format csv --save-baseline csv
expect_in "CSV names the memory columns" out \
    ',failure,allocations,frees,bytes,freed_bytes,net_bytes,peak_bytes,peak_resident_bytes$'
expect_in "and fills them" out '^mem/leaky,ok,.*,3,2,300,200,100,300,[0-9]+$'
run "$ALLOC" $M --exact mem/leaky --format github --save-baseline github
expect_in "github-action-benchmark gets the allocations as a series of their own" out \
    '"name": "mem/leaky \(allocations\)",'
expect_in "per iteration" out '"unit": "allocations/iter",'
expect_in "and the peak" out '"name": "mem/leaky \(peak\)",'
run "$ALLOC" $M --exact mem/leaky mem/none --format markdown --save-baseline markdown
expect_in "markdown adds a table of the counts" out \
    '^\| mem/leaky \| 3 \| 300 B \| 2 \| 200 B \| 100 B \| 300 B \| [0-9.]+ (B|KiB) \|$'

# a sweep's peak against its parameter, a variant's extra allocation
run "$ALLOC" $M mem/block
expect_in "a sweep's peak is fitted against its parameter" out \
    '^  mem/block/\*: peak 1 B per byte \+ 0 B fixed$'
expect_in "and a variant's extra allocation stated" out \
    '^  mem/block-scratch/1024: a scratch block adds 1 allocation \(64 B\) per iteration to mem/block/1024$'

# budgets on memory: held and broken, and the gate fails on a broken one
printf '%s\n' '{ "schema_version": 1, "budgets": [' \
    '  { "match": "^mem/none$", "statistic": "allocations", "max": "0",' \
    '    "comment": "no allocation in the hot path" },' \
    '  { "match": "^mem/mapped$", "statistic": "peak_bytes", "min": "1 MiB" },' \
    '  { "match": "^mem/leaky$", "statistic": "net_bytes", "max": "0 B" } ] }' >"$TMP/budgets.json"
run "$ALLOC" $SHORT --no-html --exact mem/none mem/mapped mem/probe --budgets "$TMP/budgets.json" --gate
expect_status "memory budgets that hold pass the gate" 0
expect_in "a budget of no allocation is held" out \
    '^ +budget: allocations at most 0: held, 0 \(per iteration, counted by --memory\), none allowed$'
expect_in "a floor on the peak is held" out \
    '^ +budget: peak at least 1 MiB: held, 1 MiB \(during one iteration, counted by --memory\), 0% to spare$'
block mem/probe >"$TMP/probe"
expect_not_in "a benchmark no memory budget matches is not counted" probe 'memory:'
run "$ALLOC" $SHORT --no-html --exact mem/leaky --budgets "$TMP/budgets.json" --gate
expect_status "a broken one fails the gate" 1
expect_in "saying which, and by how much" out \
    '^ +budget: bytes leaked at most 0 B: BROKEN, 100 B \(per iteration, counted by --memory\), over a limit of none$'
printf '%s\n' '{ "schema_version": 1, "budgets": [ { "match": "^mem/none$",' \
    '"statistic": "allocations", "min_throughput": "1 MB/s" } ] }' >"$TMP/bad.json"
run "$ALLOC" $SHORT --no-html --budgets "$TMP/bad.json"
expect_status "a throughput limit on a count is refused" 2
expect_in "by file, line and column" err \
    'bad.json:2:[0-9]+: budgets\[0\]\.min_throughput: allocations is counted, not timed'

# the HTML report, compared with a first run
H="--warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --nresamples 1000 --memory"
run "$ALLOC" $H --reports-dir "$TMP/html" mem/leaky mem/block
ALLOCATING_MORE=1 run "$ALLOC" $H --reports-dir "$TMP/html" mem/leaky mem/block
html=$TMP/html/html
in_page() { if grep -Eq -- "$3" "$2"; then ok "$1"; else not_ok "$1" "no /$3/ in $2"; fi; }
in_page "the index has a memory section" "$html/index.html" '<h2 id="memory">Memory</h2>'
in_page "which names the leak" "$html/index.html" '1 leaks memory'
in_page "a benchmark's page says it under the time" "$html/bench-mem.leaky.html" \
    '<th>memory</th><td class="n regressed" id="memory-line">4 allocations \(364 B\)'
in_page "with the change against the baseline" "$html/bench-mem.leaky.html" \
    '\+1 allocation, \+64 B allocated per iteration: more memory'
in_page "and a table of every figure, before and after" "$html/bench-mem.leaky.html" \
    '<th>Allocations per iteration</th><td class="n" data-label="this run">4</td><td class="n" data-label="baseline">3</td><td class="n chg" data-label="change">\+1</td>'
in_page "a group's page draws a sweep's peak against its parameter" "$html/group-mem.html" \
    '<figure class="memory"><svg class="plot wide"'
in_page "with its fit in the key" "$html/group-mem.html" 'mem/block/\*: peak 1 B per byte'

echo "1..$n"
