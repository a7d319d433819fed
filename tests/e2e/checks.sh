# The constant-time checks as a user drives them: the exact check's known
# answers on the suite's ct/ group, the same twice; the inlined loop that
# valgrind's guest chasing would misreport; a leak only class 1 reaches; its
# findings, by site, in JSON, the baseline and the HTML report; the gate on a
# second site in a flagged function, against a baseline and an allow-list;
# the suite's own allow-list on the findings it was written for;
# the statistical check's plumbing (never its thresholds: a test must not
# depend on how busy the machine is); what is refused.
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
    '^Timing-leak check \(dudect, \|t\| > 5\): 0 flagged, 0 no leak detected, 1 skipped \(declare no input classes\), 5 inconclusive$'
expect_not_in "no check says \"constant time\"" out 'constant time'
run "$CB" --test --check timing-leak --leak-measurements 30000 --leak-calls 4 --format json \
    ct/compare/32/openssl
expect_in "--leak-calls times several calls a measurement, and says so with dudect's figures" out \
    '"timing_leak":\{.*"tau":[0-9.e+-]+,"measurements_needed":([0-9.e+-]+|null),"median_cycles":\[[0-9.e+-]+,[0-9.e+-]+\],"calls":4,'

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
expect_in "the early-exit comparison has a secret-dependent branch, on inputs of both classes" out \
    '^ +constant-time: secret-dependent branch at 1 site \(memcheck, 32 secret bytes, 4 inputs of each class\)$'
expect_in "at its source line, in early_exit_compare, called by compare_run" out \
    '^ +branch at bench/ct\.c:[0-9]+ in early_exit_compare < compare_run$'
expect_in "the table lookup a secret-dependent memory access, in table_run" out \
    '^ +memory-access at bench/ct\.c:[0-9]+ in table_run$'
expect_lines_matching "sodium_memcmp, CRYPTO_memcmp and crypto_verify_32 have no finding" out \
    '^ +constant-time: no secret-dependent branch or memory access; divisions not checked \(memcheck, 32 secret bytes, 4 inputs of each class\)$' 3
expect_in "a benchmark that declares no secret is skipped, and says so" out \
    '^ +constant-time: skipped: declares no secrets$'
expect_in "and the run tallies them" out \
    '^Constant-time check \(memcheck\): 2 flagged, 3 without findings, 1 skipped \(declare no secrets\)$'
expect_in "the known-answer tests are counted as such" out '^Known-answer checks: 6 passed, 0 failed$'
run "$CB" --test $CHECK ct/ did/sha256/64/openssl
if cmp -s "$TMP/first" "$TMP/out"; then
    ok "a second run finds exactly the same"
else
    not_ok "a second run finds exactly the same" "$(diff "$TMP/first" "$TMP/out" | head -20)"
fi

# The suite's own allow-list: it parses, and holds what it was written for
# (an entry by source line's function, one by libsodium's function, one by
# libcrypto's object and the suite's caller).
run "$CB" --test --gate-constant-time --allow-findings bench/allowed-findings.txt \
    ct/compare/32/early-exit ct/table-lookup/32 master_key/secretbox-decrypt/32/libsodium \
    sign/x25519/openssl
expect_status "the gate passes the suite's known findings with its allow-list" 0
expect_in "accepting each by its entry" out \
    '^Constant-time gate: 4 of 4 sites accepted \(4 by bench/allowed-findings\.txt\)\.$'
expect_in "the X25519 zero check by libcrypto's frames" out \
    '^ +branch at .* < openssl_x25519 < pk_run \(allowed: openssl-x25519-zero-check\)$'

# Valgrind's guest chasing would turn the inlined loop's one branch into
# four findings, two of them memory accesses that are not there.
run "$SECRETS" --test $CHECK secret/leading-zeros secret/error-path
line=$(grep -n 'the one secret-dependent branch' tests/fixtures/secrets.c | cut -d: -f1)
expect_in "an inlined early-exit loop has its one branch" out \
    "^ +branch at tests/fixtures/secrets\.c:$line in leading_zero_bytes < zeros\$"
expect_in "and nothing else" out '^ +constant-time: secret-dependent branch at 1 site '
line=$(grep -n "the error path's secret index" tests/fixtures/secrets.c | cut -d: -f1)
expect_in "a leak only wrong guesses reach is found, with inputs of class 1" out \
    "^ +memory-access at tests/fixtures/secrets\.c:$line in error_path \(class 1 only\)\$"
run "$SECRETS" --test $CHECK --ct-inputs 1 --ct-divisions secret/divide secret/compare
line=$(grep -n '/\* the division \*/' tests/fixtures/secrets.c | cut -d: -f1)
expect_in "a division by the secret passes memcheck" out \
    '^ +constant-time: no secret-dependent branch or memory access; divisions not checked '
expect_in "and --ct-divisions lists it, with where it is and how often it ran" out \
    "^ +division: div at tests/fixtures/secrets\.c:$line in divide, ran 2 times: its time may depend on its operands\$"
expect_in "and says when none ran" out '^ +no division ran \(callgrind\)$'
run "$SECRETS" --test $CHECK --ct-inputs 1 --format json secret/error-path
expect_in "--test --format json is JSON, with the inputs and when memcheck saw it" out \
    '^\{"name":"secret/error-path",.*"inputs":1,.*"first_seen":"class-1","input":0,'

run "$CB" $SHORT $CHECK --format json ct/compare/32/early-exit ct/compare/32/libsodium
expect_status "a measured run with the check" 0
expect_in "--format json carries the findings, by site" out \
    '"checks":\{"constant_time":\{"status":"leaks","verdict":"secret-dependent branch at 1 site","secret_bytes":32,"inputs":4,"findings":\[\{"kind":"branch","location":"bench/ct\.c:[0-9]+","site":0,"backtrace":\[\{"function":"early_exit_compare","file":"bench/ct\.c","line":[0-9]+,"object":"cryptbench","offset":null\},\{"function":"compare_run"'
expect_in "and a pass" out '"name":"ct/compare/32/libsodium".*"constant_time":\{"status":"passed"'
cp "$TMP/reports/base.json" "$TMP/out"
expect_in "so does the baseline" out '"kind": "branch"'
cp "$TMP/reports/html/index.html" "$TMP/out"
expect_in "the HTML index lists the verdict next to the speed" out \
    '<td class="failed" data-label="constant-time">secret-dependent branch at 1 site</td>'
cp "$TMP/reports/html/bench-ct.compare.32.early-exit.html" "$TMP/out"
expect_in "and the benchmark's page its site and backtrace" out \
    'bench/ct\.c:[0-9]+</td><td class="name" data-label="in">early_exit_compare<br>compare_run'
run "$CB" --load-baseline base --reports-dir "$TMP/reports" --no-html ct/
expect_in "a stored run is reported with its checks" out \
    '^ +branch at bench/ct\.c:[0-9]+ in early_exit_compare < compare_run$'

# The gate, on secret/compare: site A, and with SECRETS_LEAKY=2 also site B
# in the same function.
G="--warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --nresamples 1000 --no-html --reports-dir $TMP/gate"
A=$(grep -n '/\* site A \*/' tests/fixtures/secrets.c | cut -d: -f1)
B=$(grep -n '/\* site B \*/' tests/fixtures/secrets.c | cut -d: -f1)
run "$SECRETS" $G --gate-constant-time secret/compare
expect_status "--gate-constant-time passes code without secret-dependent branches" 0
run env SECRETS_LEAKY=1 "$SECRETS" $G --gate-constant-time secret/compare
expect_status "without a baseline or an allow-list, it fails on any finding" 1
expect_in "saying why" out \
    '^Constant-time gate: 0 of 1 site accepted; 1 not accepted: no allow-list \(--allow-findings\) and no baseline named with --baseline'
run env SECRETS_LEAKY=1 "$SECRETS" $G --gate-constant-time secret/compare
expect_status "and again: what the last run saved is not accepted" 1
run env SECRETS_LEAKY=1 "$SECRETS" $G $CHECK --save-baseline ct-main secret/compare
expect_status "without --gate-constant-time a finding fails nothing" 0
run env SECRETS_LEAKY=1 "$SECRETS" $G --gate-constant-time --baseline ct-main secret/compare
expect_status "a site the baseline named with --baseline has is accepted" 0
run env SECRETS_LEAKY=2 "$SECRETS" $G --gate-constant-time --baseline ct-main secret/compare
expect_status "a second site in the same function fails the gate" 1
expect_in "named as new" out "^ +branch at tests/fixtures/secrets\.c:$B in early_exit_differ < compare \(new\)\$"
expect_in "beside the first, which is not" out "^ +branch at tests/fixtures/secrets\.c:$A in early_exit_differ < compare\$"
expect_in "and counted" out '^1 secret-dependent site the baseline did not have\.$'

printf '# reviewed\n{\n  site-a\n  reason: the known answer of the test\n  ...\n  src:secrets.c:%s\n}\n' "$A" >"$TMP/allowed"
run env SECRETS_LEAKY=1 "$SECRETS" $G --gate-constant-time --allow-findings "$TMP/allowed" secret/compare
expect_status "a site the allow-list holds is accepted" 0
expect_in "and says by which entry" out "^ +branch at tests/fixtures/secrets\.c:$A in early_exit_differ < compare \(allowed: site-a\)\$"
expect_in "and the run says what it accepted" out "^Constant-time gate: 1 of 1 site accepted \(1 by $TMP/allowed\)\.\$"
run env SECRETS_LEAKY=2 "$SECRETS" $G --gate-constant-time --allow-findings "$TMP/allowed" \
    --allow-template "$TMP/template" secret/compare
expect_status "a new site in the allowed function is not" 1
expect_in "the template has an entry for it" template "^   src:tests/fixtures/secrets\.c:$B\$"
sed 's/^   # reason.*/   reason: reviewed/' "$TMP/template" >"$TMP/reviewed"
run env SECRETS_LEAKY=2 "$SECRETS" $G --gate-constant-time --allow-findings "$TMP/reviewed" \
    --baseline ct-main secret/compare
expect_status "which, with its reason, the gate accepts" 0
run env SECRETS_LEAKY=2 "$SECRETS" $G --gate-constant-time --allow-findings "$TMP/template" secret/compare
expect_status "and without one refuses" 2
expect_in "naming the entry" err "template:[0-9]+:1: entry 'secret/compare: branch at tests/fixtures/secrets\.c:$B' \(line [0-9]+\) has no 'reason:'"
expect_not_in "before measuring anything" out 'time:'

run env PATH=/nonexistent "$CB" $SHORT $CHECK ct/
expect_status "without valgrind, --check constant-time exits 2" 2
expect_in "naming what to install" err 'apt-get install valgrind'
expect_not_in "before measuring anything" out 'time:'

run "$CB" --check everything ct/
expect_status "an unknown check is refused" 2
expect_in "naming the choices" err "--check: expected constant-time\|timing-leak, got 'everything'"

echo "1..$n"
