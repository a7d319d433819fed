# Baselines, change detection and the gate, as a user drives them.
. tests/e2e/common.bash
R="$TMP/reports"  # where $SHORT points too
ONE="--exact did/sha256/64/openssl"

run "$CB" $SHORT --reports-dir "$R" $ONE
expect_status "the first run exits 0" 0
if [ -f "$R/base.json" ]; then ok "the first run saves reports/base.json"; else not_ok "the first run saves reports/base.json"; fi
expect_not_in "and compares with nothing" out 'change:'

run "$CB" $SHORT --reports-dir "$R" $ONE
expect_in "the second run prints the change" out '^ {17}change: \[[-+][0-9.]+% [-+][0-9.]+% [-+][0-9.]+%\] \((p = [0-9.]+ [<>] 0\.05|p < 0\.000001 < 0\.05)\)$'
expect_in "and Criterion's verdict, or unresolved, with what it could see" out '^ {24}(No change in performance detected|Change within noise threshold|Performance has (regressed|improved)|Unresolved: the interval is wider than the resolution|Change within the resolution, not established beyond the noise threshold)\.( Resolved to ±[0-9.e+]+%\.)?$'
if [ "$(ls "$R/history" | grep -c '^[0-9]\{8\}T[0-9]\{6\}Z-[0-9]\{3\}-base\.json$')" -ge 2 ]; then
    ok "each run is kept in reports/history/<time>-<seq>-<name>.json"
else
    not_ok "each run is kept in reports/history/<time>-<seq>-<name>.json" "$(ls "$R/history" 2>&1)"
fi
run "$CB" analyze "$(ls "$R"/history/*.json | head -1)"
expect_status "a history file is a baseline that loads" 0

run "$CB" $SHORT --reports-dir "$R" --save-baseline main $ONE
before=$(cksum <"$R/main.json")
run "$CB" $SHORT --reports-dir "$R" --baseline main $ONE
expect_in "--baseline compares with the named baseline" out 'change:'
if [ "$(cksum <"$R/main.json")" = "$before" ]; then ok "--baseline leaves it untouched"; else not_ok "--baseline leaves it untouched"; fi
run "$CB" $SHORT --reports-dir "$R" --measure cycles --baseline main $ONE
expect_status "a baseline of another measure is refused" 2
expect_in "saying which each holds" err 'main.json holds wall, this run measures cycles: they cannot be compared'

run "$CB" $SHORT --reports-dir "$R" --baseline nosuch $ONE
expect_status "--baseline with a missing baseline exits 2" 2
expect_in "naming the file" err "nosuch.json: No such file or directory"

run "$CB" --reports-dir "$R" --load-baseline main
expect_status "--load-baseline exits 0" 0
expect_in "and reports the stored run" out '^did/sha256/64/openssl +time: '
run "$CB" --reports-dir "$R" --load-baseline main --baseline base
expect_in "--load-baseline with --baseline compares the stored runs" out 'change:'
# base.json holds the second run, compared with the first when it was measured
run "$CB" --reports-dir "$R" --load-baseline base
expect_in "a stored run shows the comparison made when it was measured" out '^ {17}change: '
run "$CB" report --reports-dir "$R"
expect_status "report exits 0" 0
expect_in "report says what the stored run was compared with" reports/html/index.html 'compared with baseline'
expect_not_in "not that there was nothing to compare with" reports/html/index.html 'no baseline to compare with'
run "$CB" report --reports-dir "$R" --baseline base
expect_in "report --baseline base compares the run with itself, and warns" err "^warning: comparing baseline 'base' with itself: every change is 0"

cp "$R/base.json" "$TMP/good.json"
printf '{"schema_version": 1,\n "settings": {"measure": "wall", "unit": 7}}' >"$R/base.json"
cp "$R/base.json" "$TMP/bad.json"
run "$CB" $SHORT --reports-dir "$R" $ONE
expect_status "a malformed base.json stops the run with exit 2" 2
expect_in "naming file, line, column and what was expected" err 'base.json:2:42: settings.unit: expected a string, got a number'
expect_not_in "before measuring anything" out 'time:'
if cmp -s "$R/base.json" "$TMP/bad.json"; then ok "and the bad file is left as it was"; else not_ok "and the bad file is left as it was"; fi
head -c 3000 "$TMP/good.json" >"$R/base.json"
run "$CB" $SHORT --reports-dir "$R" $ONE
expect_status "a truncated base.json exits 2" 2
expect_in "with the place it ends" err 'base.json:[0-9]+:[0-9]+: not valid JSON'
: >"$R/base.json"
run "$CB" $SHORT --reports-dir "$R" $ONE
expect_in "an empty base.json is refused" err 'base.json:1:1: empty file'
cp "$TMP/good.json" "$R/base.json"

sed 's/"cpu": "[^"]*"/"cpu": "Imaginary CPU 9000"/' "$TMP/good.json" >"$R/other.json"
run "$CB" $SHORT --reports-dir "$R" --baseline other $ONE
expect_in "another machine's baseline is compared with a warning naming the difference" err "warning: baseline 'other' was measured on another machine or build: CPU 'Imaginary CPU 9000' vs"
expect_in "and still compared" out 'change:'

run "$CB" $SHORT --reports-dir "$R" --save-baseline fresh did/sha256
run "$CB" $SHORT --reports-dir "$R" --baseline fresh did/
expect_in "a filtered run updates only its own benchmarks" out 'did/sha256/64/libsodium'

# The gate on fixed data: the reference change sets, so the verdicts are known.
D=tests/data
run "$CB" compare $D/change_regressed_10pct_old.csv $D/change_regressed_10pct_new.csv --gate --reports-dir "$R"
expect_status "compare --gate exits 1 on a regression" 1
expect_in "and says so" out 'Performance has regressed\.'
cp "$R/gate.md" "$TMP/gate"; expect_in "writing the gate's markdown table" gate '^\| `tests/data/change_regressed_10pct_new\.csv` \| [0-9.]+ [nu]s \| [0-9.]+ [nu]s \| \+9\.87% \[\+[0-9.]+%, \+[0-9.]+%\] \| (0|<0\.000001) \| \*\*regressed\*\* \|$'
run "$CB" compare $D/change_aa_same_old.csv $D/change_aa_same_new.csv --gate --reports-dir "$R"
expect_status "compare --gate exits 0 with no change" 0
expect_in "No change" out 'No change in performance detected\.'
run "$CB" compare $D/change_within_noise_1pct_old.csv $D/change_within_noise_1pct_new.csv --gate --reports-dir "$R"
expect_status "a change inside the noise threshold passes the gate" 0
expect_in "and is called so" out 'Change within noise threshold\.'
run "$CB" compare $D/change_improved_8pct_old.csv $D/change_improved_8pct_new.csv --gate --reports-dir "$R"
expect_status "an improvement passes the gate" 0
run "$CB" compare $D/change_regressed_10pct_old.csv $D/change_regressed_10pct_new.csv --noise-threshold 0.2
expect_in "--noise-threshold widens the noise band" out 'Change within noise threshold\.'
run "$CB" compare $D/change_regressed_10pct_old.csv "$TMP/missing.csv" --gate
expect_status "compare with a missing file exits 2" 2
run "$CB" compare "$R/main.json" "$R/base.json" --gate --reports-dir "$R"
expect_in "compare works on two baselines" out '^did/sha256/64/openssl +time: '
run "$CB" compare "$R/main.json" "$R/../reports/main.json"
expect_in "compare warns when both sides are the same file" err 'main.json are the same file: every change is 0$'

# The paired gate, both sides this build: rounds, a paired test, its table.
run "$CB" gate "$CB" "$CB" did/sha256/64 --min-rounds 3 --max-rounds 3 \
    --warm-up-time 0.01 --measurement-time 0.02 --sample-size 10 --reports-dir "$R" \
    --noise-threshold 10
# a gate that only a change beyond +1000% fails: three short rounds of the same
# code can differ by more than any real threshold, and this checks the plumbing
expect_status "gate on three rounds of identical code passes a +1000% gate" 0
expect_in "with a paired test across rounds" out '^ {17}change: \[[-+][0-9.]+% [-+][0-9.]+% [-+][0-9.]+%\] \((p = [0-9.]+ [<>]|p < 0\.000001 <) 0\.[0-9]+, paired rounds\)$'
expect_in "for each benchmark" out '^did/sha256/64/libsodium '
cp "$R/gate.md" "$TMP/gate"; expect_in "and a table that says it is paired" gate 'Paired over up to 3 rounds, each measuring both builds back to back'
run "$CB" gate "$CB"
expect_status "gate needs two programs" 2
expect_in "and says so" err 'gate BASE_PROGRAM HEAD_PROGRAM \[FILTER...\]: expected 2 operands, got 1'

# Formats other tools read.
run "$CB" --reports-dir "$R" --load-baseline main --format bencher
expect_in "--format bencher prints libtest's header" out '^running 1 test$'
# github-action-benchmark's cargo parser: whole numbers with ',' only
expect_in "libtest's lines" out '^test did/sha256/64/openssl \.\.\. bench: +[0-9,]+\.[0-9]+ ns/iter \(\+/- [0-9,]+\.[0-9]+\)$'
expect_in "and libtest's footer" out '^test result: ok\. 0 passed; 0 failed; 0 ignored; 1 measured; 0 filtered out$'
run "$CB" --reports-dir "$R" --load-baseline main --format github
expect_in "--format github prints customSmallerIsBetter entries" out '"name": "did/sha256/64/openssl"'
expect_in "with unit, value and range, as the action writes it" out '"range": "± [0-9]+(\.[0-9]+)?"'

echo "1..$n"
