# --measure instructions: exact, repeatable counts of the measured loop alone.
. tests/e2e/common.bash
COUNTED=$BUILD/tests/fixtures/counted

# the slope of a benchmark from --format json (one object per line)
slope() {
    grep -F "\"name\":\"$1\"" "$TMP/out" | sed -n 's/.*"slope":{"point_estimate":\([-0-9.e+]*\).*/\1/p'
}

if [ -n "${ASAN_BUILD:-}" ] || case "$BUILD" in *asan*) true ;; *) false ;; esac; then
    # valgrind cannot run a binary built with AddressSanitizer
    echo "ok 1 # SKIP instruction counts under valgrind need a build without sanitizers"
    echo "1..1"
    exit 0
fi

I="--measure instructions --warm-up-time 0.05 --measurement-time 0.2 --sample-size 10 --nresamples 1000 --no-html --reports-dir $TMP/reports --format json"
run "$COUNTED" $I count/light count/heavy-setup
expect_status "--measure instructions runs (perf_event_open, or callgrind)" 0
# callgrind's counts are exact; a perf counter interrupted can miss or add a few
grind=0
grep -q callgrind "$TMP/err" && grind=1

# same_count DESC A B: A and B are the same count (within 0.01% under perf)
same_count() {
    local tolerance=10000
    [ "$grind" = 1 ] && tolerance=inf
    if [ -n "$2" ] && awk -v a="$2" -v b="$3" -v t="$tolerance" 'BEGIN { exit !(t == "inf" ? a == b : (a - b) ^ 2 <= (a / t) ^ 2) }'; then
        ok "$1 ($2 and $3)"
    else
        not_ok "$1" "$2 vs $3"
    fi
}
light=$(slope count/light)
heavy=$(slope count/heavy-setup)
if [ -n "$light" ] && awk -v a="$light" -v b="$heavy" 'BEGIN { exit !(a > 0 && (a - b) ^ 2 < (a / 10000) ^ 2) }'; then
    ok "set-up and tear-down are not counted ($light vs $heavy instructions per iteration)"
else
    not_ok "set-up and tear-down are not counted" "light $light, heavy-setup $heavy"
fi
if [ -n "$light" ] && awk -v a="$light" 'BEGIN { exit !(a < 20) }'; then
    ok "the loop of a multiply-add counts a handful of instructions ($light)"
else
    not_ok "the loop of a multiply-add counts a handful of instructions" "got $light"
fi

# the iteration counts (iterations) or the counts (values) of a run's samples,
# from --format json
samples() {
    grep -F "\"name\":\"$1\"" "$TMP/out" | sed -n "s/.*\"$2\":\\[\\([^]]*\\)\\].*/\\1/p"
}
run env COUNTED_SLEEP_NS=0 "$COUNTED" $I --exact count/sleepy
quick=$(samples count/sleepy iterations)
quick_counts=$(samples count/sleepy values | tr ',' ' ')
run env COUNTED_SLEEP_NS=10000000 "$COUNTED" $I --exact count/sleepy --warm-up-time 0.2
slow=$(samples count/sleepy iterations)
slow_counts=$(samples count/sleepy values | tr ',' ' ')
if [ -n "$quick" ] && [ "$quick" = "$slow" ]; then
    ok "a loop 10 ms slower, warmed up 4 times longer, runs the same iteration counts"
else
    not_ok "a loop 10 ms slower, warmed up 4 times longer, runs the same iteration counts" \
        "quick: $quick" "slow: $slow"
fi
same_count "and counts the same in its first sample" "${quick_counts%% *}" "${slow_counts%% *}"
same_count "and in its last" "${quick_counts##* }" "${slow_counts##* }"

run "$CB" $I --exact did/sha256/64/openssl
first=$(slope did/sha256/64/openssl)
run "$CB" $I --exact did/sha256/64/openssl
second=$(slope did/sha256/64/openssl)
same_count "two runs count the same" "$first" "$second"

# 24 more bytes of environment moved the stack, and libsodium's AES-256-GCM took
# 7 more instructions per message (where the CPU has AES-NI, so the benchmark)
SENSITIVE=master_key/aes-256-gcm-encrypt-fresh-ctx/32/libsodium
if "$CB" --list --exact "$SENSITIVE" 2>/dev/null | grep -q .; then
    run env PAD= "$CB" $I --exact "$SENSITIVE"
    first=$(slope "$SENSITIVE")
    run env PAD=012345678901234567890123 "$CB" $I --exact "$SENSITIVE"
    second=$(slope "$SENSITIVE")
    same_count "a larger environment does not change the count" "$first" "$second"
else
    ok "# SKIP no AES-NI here, so no libsodium AES-256-GCM benchmark"
fi

run "$CB" --measure instructions --reports-dir "$TMP/reports" --no-html did/sha256/64/openssl
expect_in "the report says instructions" out '^did/sha256/64/openssl +instrs: \[[0-9.]+ K?instructions'
run "$CB" --measure instructions --reports-dir "$TMP/reports" --no-html did/sha256/64/openssl
expect_in "a second run compares exactly" out 'change: .*\(exact counts\)'
expect_in "and finds no change" out 'No change in performance detected\.'
rm -f "$TMP/reports/base.json"
run "$CB" report --measure instructions --reports-dir "$TMP/reports"
expect_status "report --measure instructions reads base-instructions, not base" 0
if grep -q 'instructions' "$TMP/reports/html/index.html" 2>/dev/null; then
    ok "and writes the report of the counts"
else
    not_ok "and writes the report of the counts" "$(ls "$TMP/reports/html" 2>&1)"
fi
run "$CB" trend --measure instructions --reports-dir "$TMP/reports"
expect_in "trend holds counts to their noise threshold" out 'steps of 0\.1% or more'

run "$CB" --test --measure instructions --exact did/sha256/64/openssl
expect_status "--test with --measure instructions runs natively" 0
expect_in "and passes" out '^Testing did/sha256/64/openssl \.\.\. Success$'

expect_child_dies "a killed runner takes its valgrind child with it" "valgrind|callgrind" \
    env TMPDIR="$TMP" "$BUILD/tests/fixtures/faulty" --measure instructions --exact bad/hang --timeout 60
[ "$child_seen" = 1 ] || ok "# SKIP perf_event_open counts here: no valgrind child to outlive the runner"

printf '1,100000\n2,200000\n3,300000\n' >"$TMP/old.csv"
printf '1,100500\n2,201000\n3,301500\n' >"$TMP/new.csv"
run "$CB" compare "$TMP/old.csv" "$TMP/new.csv" --unit instructions --gate --reports-dir "$TMP/reports"
expect_status "a +0.5% change in instruction counts fails the gate (threshold 0.1%)" 1
cp "$TMP/reports/gate.md" "$TMP/gate"
expect_in "whose table states the threshold it used" gate 'exceeds ±0\.1%'

run env PATH=/nonexistent "$CB" --measure instructions --exact did/sha256/64/openssl --reports-dir "$TMP/reports"
if [ "$status" -eq 0 ]; then
    ok "# SKIP perf_event_open counts here, so valgrind is not needed"
else
    expect_status "without perf or valgrind, --measure instructions exits 2" 2
    expect_in "naming what to install" err 'apt-get install valgrind'
fi

echo "1..$n"
