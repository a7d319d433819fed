# The constant-time checks as a user drives them: the exact check's known
# answers on the suite's ct/ group, the same twice; its findings in JSON, the
# baseline and the HTML report; the gate on a new secret-dependent branch; the
# statistical check's plumbing (never its thresholds: a test must not depend
# on how busy the machine is); what is refused.
. tests/e2e/common.bash
SECRETS=$BUILD/tests/fixtures/secrets
CHECK="--check constant-time"

# expect_lines_matching DESC FILE PATTERN N: N lines of FILE match the ERE
expect_lines_matching() {
    local got
    got=$(grep -Ec -- "$3" "$TMP/$2")
    if [ "$got" -eq "$4" ]; then ok "$1"; else not_ok "$1" "$got lines match /$3/, want $4"; fi
}

# --leak-measurements 1000 gives no test enough measurements for a verdict,
# however the calls were timed: this checks the wiring, never the statistics
# (test_dudect does, on simulated timings).
run "$CB" --test --check timing-leak --leak-measurements 1000 ct/ did/sha256/64/openssl
expect_status "--test --check timing-leak runs" 0
expect_in "a benchmark with input classes is timed" out \
    '^ +timing-leak: +inconclusive: 1000 measurements, too few for any test to count$'
expect_in "one without them is skipped, and says so" out \
    '^ +timing-leak: +skipped: declares no input classes \(prepare_input\)$'
expect_in "and the run tallies both" out \
    '^Timing-leak check \(dudect, \|t\| > 5\): 0 flagged, 0 passed, 1 skipped \(declare no input classes\), 5 inconclusive$'
expect_not_in "no check says \"constant time\"" out 'constant time'

case "$BUILD" in
*asan*)
    # valgrind cannot run a binary built with AddressSanitizer
    run "$CB" --test $CHECK ct/
    expect_status "a sanitized build refuses the exact check" 2
    expect_in "saying why" err 'cannot run a program built with AddressSanitizer'
    echo "1..$n"
    exit 0
    ;;
esac

run "$CB" --test $CHECK ct/ did/sha256/64/openssl
expect_status "--test --check constant-time runs" 0
cp "$TMP/out" "$TMP/first"
expect_in "the early-exit comparison has a secret-dependent branch" out \
    '^ +constant-time: secret-dependent branch \(memcheck, 32 secret bytes\)$'
expect_in "in early_exit_compare, called by compare_run" out \
    '^ +branch in early_exit_compare < compare_run$'
expect_in "the table lookup a secret-dependent memory access, in table_run" out \
    '^ +memory-access in table_run$'
expect_lines_matching "sodium_memcmp, CRYPTO_memcmp and crypto_verify_32 pass" out \
    '^ +constant-time: no secret-dependent branch or memory access \(memcheck, 32 secret bytes\)$' 3
expect_in "a benchmark that declares no secret is skipped, and says so" out \
    '^ +constant-time: skipped: declares no secrets$'
expect_in "and the run tallies them" out \
    '^Constant-time check \(memcheck\): 2 flagged, 3 passed, 1 skipped \(declare no secrets\)$'
run "$CB" --test $CHECK ct/ did/sha256/64/openssl
if cmp -s "$TMP/first" "$TMP/out"; then
    ok "a second run finds exactly the same"
else
    not_ok "a second run finds exactly the same" "$(diff "$TMP/first" "$TMP/out" | head -20)"
fi

run "$CB" $SHORT $CHECK --format json ct/compare/32/early-exit ct/compare/32/libsodium
expect_status "a measured run with the check" 0
expect_in "--format json carries the findings" out \
    '"checks":\{"constant_time":\{"status":"leaks","verdict":"secret-dependent branch","secret_bytes":32,"findings":\[\{"kind":"branch","backtrace":\["early_exit_compare","compare_run"\]'
expect_in "and a pass" out '"name":"ct/compare/32/libsodium".*"constant_time":\{"status":"passed"'
cp "$TMP/reports/base.json" "$TMP/out"
expect_in "so does the baseline" out '"kind": "branch"'
cp "$TMP/reports/html/index.html" "$TMP/out"
expect_in "the HTML index lists the verdict next to the speed" out \
    '<td class="failed" data-label="constant-time">secret-dependent branch</td>'
cp "$TMP/reports/html/bench-ct.compare.32.early-exit.html" "$TMP/out"
expect_in "and the benchmark's page its backtrace" out 'early_exit_compare<br>compare_run'
run "$CB" --load-baseline base --reports-dir "$TMP/reports" --no-html ct/
expect_in "a stored run is reported with its checks" out '^ +branch in early_exit_compare < compare_run$'

G="--warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --nresamples 1000 --no-html --reports-dir $TMP/gate"
run "$SECRETS" $G --gate-constant-time
expect_status "--gate-constant-time passes code without secret-dependent branches" 0
run env SECRETS_LEAKY=1 "$SECRETS" $G --gate-constant-time
expect_status "and fails a new one" 1
expect_in "naming it as new" out '^ +branch in early_exit_differ < compare \(new\)$'
expect_in "and counting it" out '^1 secret-dependent finding the baseline did not have\.$'
run env SECRETS_LEAKY=1 "$SECRETS" $G --gate-constant-time
expect_status "a finding the baseline has is not new" 0
run env SECRETS_LEAKY=1 "$SECRETS" $G $CHECK
expect_status "without --gate-constant-time a finding fails nothing" 0

run env PATH=/nonexistent "$CB" $SHORT $CHECK ct/
expect_status "without valgrind, --check constant-time exits 2" 2
expect_in "naming what to install" err 'apt-get install valgrind'
expect_not_in "before measuring anything" out 'time:'

run "$CB" --check everything ct/
expect_status "an unknown check is refused" 2
expect_in "naming the choices" err "--check: expected constant-time\|timing-leak, got 'everything'"

echo "1..$n"
