# The HTML report in a real browser: Debian's headless Chromium, driven by
# tests/browser/check.js (playwright-core, installed here with `npm ci` the
# first time), at 1280, 420 and 360 px. Screenshots of the index, a benchmark
# page of each sampling mode, two group pages, the pages of threads, of the
# paired gate, of profiles and of memory counts go to
# $BUILD/screenshots/<report>/html for a person to look at.
. tests/e2e/common.bash

SHOTS=$BUILD/screenshots
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

# checks FILE: turns check.js's "PASS|FAIL<tab>what<tab>detail" lines into TAP
checks() {
    local verdict what detail
    while IFS=$'\t' read -r verdict what detail; do
        case "$verdict" in
            PASS) ok "$what" ;;
            FAIL) not_ok "$what" "$detail" ;;
        esac
    done <"$1"
}

if [ ! -x "$CHROMIUM" ] || ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    not_ok "Chromium, node and npm are installed" \
        "missing: $CHROMIUM, node or npm; run ci/install-deps --test (and install Node.js 20)"
    echo "1..$n"
    exit 0
fi

if [ ! -d tests/browser/node_modules/playwright-core ]; then
    run npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
    expect_status "npm ci installs playwright-core into tests/browser/node_modules" 0
fi

# Two short runs, so that there is a change; a sweep (PBKDF2 iterations) and
# two implementations (SHA-256) for the group pages; budgets on the second,
# each a line or, far off, a label at the edge, on both kinds of sampling; a
# benchmark with a secret-dependent branch for the checks' sections (the exact
# check needs valgrind, which cannot run a sanitized build).
pick='^(did/sha256/64/|kdf/pbkdf2-sha256/(1000|10000|100000)/|ct/compare/32/early-exit)'
cat >"$TMP/budgets.json" <<'EOF'
{ "schema_version": 1, "budgets": [
  { "match": "^did/sha256/64/", "statistic": "upper", "max": "1 us" },
  { "match": "^did/sha256/64/", "statistic": "p99", "min": "1 ns", "min_throughput": "1 MiB/s" },
  { "match": "^kdf/pbkdf2-sha256/", "statistic": "p99", "max": "1 s", "min": "100 us" },
  { "match": "^kdf/pbkdf2-sha256/100000/", "statistic": "median", "max": "40 ms" } ] }
EOF
checks="--check timing-leak --leak-measurements 1000 --leak-time 0.5"
case "$BUILD" in *asan*) ;; *) checks="$checks --check constant-time" ;; esac
run "$CB" $SHORT "$pick"
run "$CB" $SHORT --budgets "$TMP/budgets.json" $checks "$pick"
expect_status "a second short run compares with the first" 0
html=$TMP/reports/html
bench=bench-did.sha256.64.openssl.html
flat=bench-kdf.pbkdf2-sha256.100000.openssl.html
checked=bench-ct.compare.32.early-exit.html
if [ -f "$html/$bench" ] && [ -f "$html/$flat" ] && [ -f "$html/group-kdf.html" ] &&
    [ -f "$html/group-did.html" ] && [ -f "$html/$checked" ]; then
    ok "the report has the pages to look at"
else
    not_ok "the report has the pages to look at" "$(ls "$html" 2>&1)"
fi

rm -rf "$SHOTS"
grep -q 'Flat sampling' "$html/$flat" || not_ok "$flat is a page of flat sampling"
grep -q '<text class="budget' "$html/$flat" || not_ok "$flat has budgets on its plots"
pages=()
for p in index.html "$bench" "$flat" "$checked" group-kdf.html group-did.html; do
    pages+=("reports/html/$p")
done

# Measurements on threads: a benchmark's page and its group's table.
run "$CB" $SHORT --reports-dir "$TMP/threads" --threads 2 --exact did/sha256/64/openssl
pages+=(threads/html/bench-did.sha256.64.openssl.threads=3a2.html threads/html/group-did.html)

# The paired gate's page: its forest plot and a strip of rounds a benchmark.
run "$CB" gate "$CB" "$CB" did/sha256/64 --min-rounds 3 --max-rounds 3 --warm-up-time 0.01 \
    --measurement-time 0.02 --sample-size 10 --noise-threshold 10 --reports-dir "$TMP/gate"
expect_status "a short gate passes" 0
if grep -q 'class="gate-bench"' "$TMP/gate/html/gate.html" 2>/dev/null; then
    ok "the gate writes its page, a section a benchmark"
else
    not_ok "the gate writes its page, a section a benchmark" "$(ls "$TMP/gate/html" 2>&1)"
fi
pages+=(gate/html/gate.html)

# Profiles: an icicle and a differential one, a sweep's side by side (under
# valgrind, which cannot run a sanitizer build).
case "$BUILD" in *asan*) ;; *)
    PROFILED=$BUILD/tests/fixtures/profiled
    P="--profile --warm-up-time 0.05 --measurement-time 0.2 --sample-size 10 --nresamples 1000 --reports-dir $TMP/profiles"
    run "$PROFILED" $P --exact profiled/f-and-g
    run env PROFILED_G_UNITS=2 "$PROFILED" $P
    pages+=(profiles/html/bench-profiled.f-and-g.html profiles/html/group-profiled.html) ;;
esac

# Memory counts (--memory): the index, a benchmark's page with its change, a
# group's page with the peak of a sweep (AddressSanitizer's malloc cannot be
# counted).
case "$BUILD" in *asan*) ;; *)
    ALLOC=$BUILD/tests/fixtures/allocating
    run "$ALLOC" $SHORT --memory --reports-dir "$TMP/memory" mem/leaky mem/block
    ALLOCATING_MORE=1 run "$ALLOC" $SHORT --memory --reports-dir "$TMP/memory" mem/leaky mem/block
    if grep -q 'id="memory"' "$TMP/memory/html/index.html" &&
        grep -q 'figure class="memory"' "$TMP/memory/html/group-mem.html"; then
        ok "the report of a run with --memory has its sections"
    else
        not_ok "the report of a run with --memory has its sections"
    fi
    pages+=(memory/html/index.html memory/html/bench-mem.leaky.html memory/html/group-mem.html) ;;
esac

# A real change: the same loop, then 2 ms slower; the verdict block lists the
# regression, the density plot keeps both runs in view, the history is
# drawn on a stated scale. The same run as a busy runner records it: flagged
# on every page, a banner on the index.
COUNTED=$BUILD/tests/fixtures/counted
for sleep in 0 0 2000000; do
    run env COUNTED_SLEEP_NS=$sleep "$COUNTED" $SHORT --reports-dir "$TMP/step" --exact count/sleepy
done
mkdir -p "$TMP/busy"
sed -E 's/"loadavg_start": [0-9.e+-]+/"loadavg_start": 64/' "$TMP/step/base.json" >"$TMP/busy/busy.json"
run "$CB" report --load-baseline busy --reports-dir "$TMP/busy"
expect_status "report of a run on a busy machine" 0
pages+=(step/html/index.html step/html/bench-count.sleepy.html
        busy/html/index.html busy/html/bench-count.sleepy.html)

# one Chromium for every page: starting it is most of a page's time
node tests/browser/check.js "$TMP" "$SHOTS" "${pages[@]}" >"$TMP/checks" 2>"$TMP/err"
status=$?
checks "$TMP/checks"
expect_status "Chromium rendered every page" 0

if grep -q '<li><span class="regressed">regressed</span>' "$TMP/step/html/index.html"; then
    ok "the verdict block lists the regression"
else
    not_ok "the verdict block lists the regression" "$(grep -o '<section class="verdict-block.\{0,600\}' "$TMP/step/html/index.html")"
fi
if grep -q 'class="warn flag busy-machine"' "$TMP/busy/html/index.html" &&
    grep -q '<li class="flag busy-machine">' "$TMP/busy/html/bench-count.sleepy.html"; then
    ok "a busy run is flagged on the index and its page"
else
    not_ok "a busy run is flagged on the index and its page" "$(grep -c flag "$TMP/busy/html/index.html")"
fi

echo "1..$n"
