# Budgets per operation as a user drives them: a fixture benchmark of tens of
# microseconds a call (svc/login, single calls) and one of nanoseconds
# (svc/hash, samples), budgets a thousand times away from what they measure,
# so that no verdict depends on the machine; the gate's exit statuses and
# rows; JSON, the baseline and the HTML; a malformed budgets file refused.
. tests/e2e/common.bash
B=$BUILD/tests/fixtures/budgeted
R="$TMP/reports"

cat >"$TMP/kept.json" <<'EOF'
{
  "schema_version": 1,
  "comment": "budgets the fixture keeps",
  "budgets": [
    { "match": "^svc/login$", "statistic": "p99", "max": "100 s",
      "comment": "a service owner's P99" },
    { "match": "^svc/login$", "statistic": "median", "min": "1 ns" },
    { "match": "^svc/login$", "statistic": "estimate", "min_throughput": "1 B/s" },
    { "match": "^svc/hash$", "statistic": "upper", "max": "10 ms" },
    { "match": "^svc/hash$", "statistic": "p99", "max": "10 ms" }
  ]
}
EOF
# the same, and one budget each benchmark breaks
sed 's|^  \]$|  , { "match": "^svc/login$", "statistic": "median", "max": "1 ns", "comment": "far too tight" }\n  , { "match": "^svc/hash$", "statistic": "estimate", "min": "100 s" }\n  ]|' \
    "$TMP/kept.json" >"$TMP/broken.json"

run "$B" $SHORT --budgets "$TMP/kept.json" --gate
expect_status "--budgets --gate exits 0 when every budget holds" 0
expect_in "the terminal says each budget held, of single calls for a slow operation" out \
    '^ {24}budget: p99 at most 100 s: held, [0-9.]+ [mu]s \(p99 of [0-9]+ single calls\), 1/[0-9]+ of the maximum$'
expect_in "and of samples for a fast one" out \
    '^ {24}budget: p99 at most 10 ms: held, [0-9.]+ [pn]s \(p99 of 10 samples. per-iteration times\)'
expect_in "percentiles of single calls were timed for the budget, without --calls" out \
    '^ {24}calls: +p50 '
expect_in "the summary counts them" out '^Budgets: 5 held, 0 broken$'
cp "$R/gate.md" "$TMP/gate"
expect_in "gate.md has a Budgets section" gate '^### Budgets: 0 of 5 broken$'
expect_in "with a row per limit: budget, measured (of what), margin, verdict" gate \
    '^\| `svc/login` \| p99 at most 100 s \| [0-9.]+ [mu]s \(p99 of [0-9]+ single calls\) \| 1/[0-9]+ of the maximum \| held \|$'
expect_in "a throughput limit reads as written" gate \
    '^\| `svc/login` \| estimate throughput at least 1 B/s \| [0-9.]+ [KMG]iB/s \(the estimate\) \| [0-9.]+x the minimum \| held \|$'

run "$B" $SHORT --budgets "$TMP/broken.json" --gate
expect_status "--budgets --gate exits 1 on a broken budget" 1
expect_in "the terminal says which broke" out \
    '^ {24}budget: median at most 1 ns: BROKEN, [0-9.]+ [mu]s \(median of [0-9]+ single calls\), [0-9]+x the maximum$'
expect_in "and lists them at the end" out '^Budgets: 5 held, 2 broken$'
expect_in "each with what it measured" out '^  svc/hash: estimate at least 100 s, measured [0-9.]+ [pn]s \(the estimate\)$'
cp "$R/gate.md" "$TMP/gate"
expect_in "gate.md's headline counts them" gate '^## cryptbench: .*, 2 budgets broken$'
expect_in "its rows put the broken first" gate '^\| `svc/(login|hash)` \| [^|]+ \| [^|]+ \| [0-9.]+(x the maximum|% short) \| \*\*broken\*\* \|$'
broken_at=$(grep -n 'broken\*\* |$' "$TMP/gate" | tail -1 | cut -d: -f1)
held_at=$(grep -n '| held |$' "$TMP/gate" | head -1 | cut -d: -f1)
if [ -n "$broken_at" ] && [ -n "$held_at" ] && [ "$broken_at" -lt "$held_at" ]; then
    ok "broken rows come before held ones"
else
    not_ok "broken rows come before held ones" "$(cat "$TMP/gate")"
fi

run "$B" $SHORT --budgets "$TMP/broken.json"
expect_status "without --gate a broken budget is reported, the exit status untouched" 0
expect_in "still BROKEN in the terminal" out 'BROKEN'

run "$B" $SHORT --budgets "$TMP/broken.json" --format json --no-html
expect_in "--format json records each benchmark's outcomes, of calls" out \
    '"name":"svc/login".*"budgets":\[\{"match":"\^svc/login\$","comment":"a service owner.s P99","statistic":"p99","limit":"max","written":"100 s","budget":100000000000(\.0)?,"measured":[0-9.e+]+,"unit":"ns","of":"calls"'
expect_in "and of samples" out '"name":"svc/hash".*"statistic":"p99","limit":"max","written":"10 ms".*"of":"samples","n":10,'
expect_in "with the verdict" out '"written":"1 ns","budget":1(\.0)?,"measured":[0-9.e+]+,"unit":"ns","of":"calls","n":[0-9]+,"margin":-[0-9.e+]+,"held":false'

if grep -q '"budgets": \[' "$R/base.json"; then ok "the baseline records them"; else
    not_ok "the baseline records them" "$(head -c 600 "$R/base.json")"; fi
run "$B" --reports-dir "$R" --load-baseline base --gate --no-html
expect_status "a stored run's outcomes are re-reported, and gated" 1
expect_in "as they were stored" out 'budget: median at most 1 ns: BROKEN'
run "$B" --reports-dir "$R" --load-baseline base --baseline base --budgets "$TMP/kept.json" --gate --resolution 10 --no-html
expect_status "--budgets on a stored run checks it anew" 0
expect_not_in "against the file given" out 'BROKEN'

html="$R/html/bench-svc.login.html"
run "$B" $SHORT --budgets "$TMP/broken.json"
if grep -q '<line class="budget c-broken"' "$html" && grep -q '<line class="budget c-budget"' "$html"; then
    ok "the HTML draws the budgets as lines, held and broken"
else
    not_ok "the HTML draws the budgets as lines, held and broken" "$(grep -c budget "$html")"
fi
if grep -q '<text class="budget c-broken"[^>]*>median ≤ 1 ns' "$html"; then
    ok "each labelled"
else
    not_ok "each labelled" "$(grep -o '<text class="budget[^<]*' "$html" | head -5)"
fi
if grep -q '<h2>Budgets</h2>' "$html" && grep -q 'far too tight' "$html"; then
    ok "the benchmark page has a Budgets table with the budget's comment"
else
    not_ok "the benchmark page has a Budgets table with the budget's comment"
fi
if grep -q 'single calls, each timed on its own' "$html"; then
    ok "and the percentiles of its single calls"
else
    not_ok "and the percentiles of its single calls"
fi

# A bad budgets file stops the run before anything is measured or written.
rm -rf "$R"
printf '{"schema_version": 1, "budgets": [\n  {"match": "^svc/", "statistic": "p99", "max": "1"}]}\n' \
    >"$TMP/bad.json"
run "$B" $SHORT --budgets "$TMP/bad.json" --gate
expect_status "a malformed budgets file exits 2" 2
expect_in "naming file, line, column and what was expected" err \
    'bad.json:2:49: budgets\[0\]\.max: expected a unit such as "250 ms" after the number, got "1"'
expect_not_in "before measuring anything" out 'time:'
if [ ! -e "$R/base.json" ] && [ ! -e "$R/gate.md" ]; then ok "and writing nothing"; else
    not_ok "and writing nothing" "$(ls -R "$R")"; fi
printf '{"schema_version": 1, "budgets": [\n  {"match": "^svc/", "statistic": "p99", "max": "1 s",\n   "max_throughput": "1 B/s"}]}\n' \
    >"$TMP/bad.json"
run "$B" $SHORT --budgets "$TMP/bad.json"
expect_in "an unknown field is refused, not ignored" err \
    'bad.json:3:22: budgets\[0\]\.max_throughput: unknown field'
printf '{"schema_version": 1, "budgets": [\n  {"match": "^svc/logn$", "statistic": "p99", "max": "1 s"}]}\n' \
    >"$TMP/bad.json"
run "$B" $SHORT --budgets "$TMP/bad.json"
expect_status "a budget that matches no benchmark exits 2" 2
expect_in "so that a typo holds nothing silently" err \
    "bad.json:2:13: budgets\[0\]\.match: '\^svc/logn\\$' matches none of the 2 benchmarks"
printf '{"schema_version": 1, "budgets": [\n  {"match": "hash", "statistic": "p99", "min_throughput": "1 B/s"}]}\n' \
    >"$TMP/bad.json"
run "$B" $SHORT --budgets "$TMP/bad.json"
expect_in "a throughput budget on a benchmark without one is refused" err \
    'budgets\[0\]\.min_throughput: svc/hash declares no throughput'
run "$B" $SHORT --budgets "$TMP/kept.json" --measure cycles
expect_status "budgets with --measure cycles exit 2" 2
expect_in "saying why" err 'budgets are times and rates, and this run counts cycles'
run "$B" $SHORT --budgets "$TMP/missing.json"
expect_status "a missing budgets file exits 2" 2
run "$CB" compare tests/data/change_aa_same_old.csv tests/data/change_aa_same_new.csv \
    --budgets "$TMP/kept.json" --gate
expect_status "another command refuses --budgets rather than ignore it" 2
expect_in "saying only a run checks them" err "only a run of the benchmarks checks budgets, not 'compare'"

# The suite's own file: read, and every budget matches a benchmark of the suite.
run "$CB" --test --budgets bench/budgets.json kdf/hkdf
expect_status "bench/budgets.json is valid and each budget matches a suite benchmark" 0

echo "1..$n"
