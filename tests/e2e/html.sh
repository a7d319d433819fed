# The HTML report: written after every run (unless --no-html) and by
# `cryptbench report`, its pages linked to each other, self-contained, and
# escaping every name, even a hostile baseline's.
. tests/e2e/common.bash

html=$TMP/reports/html
pick='^(did/sha256/64/|kdf/pbkdf2-sha256/(1000|10000|100000)/)'
names="did/sha256/64/libsodium did/sha256/64/openssl kdf/pbkdf2-sha256/1000/openssl
kdf/pbkdf2-sha256/10000/openssl kdf/pbkdf2-sha256/100000/openssl"

# expect_file DESC PATH
expect_file() {
    if [ -s "$2" ]; then ok "$1"; else not_ok "$1" "no file $2" "$(ls "$(dirname "$2")" 2>&1)"; fi
}

# expect_grep DESC FILE PATTERN: FILE (any path) has a match for the fixed string
expect_grep() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1" "no '$3' in $2"; fi
}

# links FILE...: every href of the files, one "FILE<tab>TARGET" a line
links() {
    local f
    for f in "$@"; do
        grep -o 'href="[^"]*"' "$f" | sed -e 's/^href="//' -e 's/"$//' -e "s|^|$f\t|"
    done
}

run "$CB" $SHORT "$pick"
expect_status "a first short run exits 0" 0
expect_file "and writes the report's index" "$html/index.html"
run "$CB" $SHORT "$pick"
expect_status "a second one, compared with the first, exits 0" 0

for name in $names; do
    expect_file "a page for $name" "$html/bench-$(printf '%s' "$name" | tr / .).html"
    expect_grep "the index names $name" "$html/index.html" ">$(printf '%s' "$name" | sed 's|/|/<wbr>|g')</a>"
done
expect_file "a page for the group kdf" "$html/group-kdf.html"
expect_file "a page for the group did" "$html/group-did.html"

broken=$(links "$html"/*.html | while IFS=$'\t' read -r from to; do
    [ -f "$html/$to" ] || echo "$(basename "$from") -> $to"; done)
if [ -z "$broken" ]; then ok "every link leads to a page of the report"; else
    not_ok "every link leads to a page of the report" "$broken"; fi
page=$html/bench-did.sha256.64.openssl.html
expect_grep "a benchmark's page links back to the index" "$page" 'href="index.html"'
expect_grep "and to its group's page" "$page" 'href="group-did.html"'
expect_grep "the index links to the group pages" "$html/index.html" 'href="group-kdf.html"'
expect_grep "the index shows the change and the verdict" "$html/index.html" '<th class="n">Change</th>'
expect_grep "the index opens with the change summary" "$html/index.html" '<h2>Changes</h2>'
expect_grep "and a sparkline of each benchmark's history" "$html/index.html" '<svg class="plot spark"'
expect_grep "a benchmark's page has the density plot" "$page" 'probability density'
expect_grep "the baseline's density over it" "$page" '<title>baseline base</title>'
expect_grep "the change table" "$page" 'Change against baseline base'
expect_grep "the percentiles" "$page" '<dt>p99</dt>'
expect_grep "the history of the benchmark" "$page" '2 runs of baseline <b>base</b>, oldest first; the last is this run'
expect_grep "the machine" "$page" '<th>libsodium</th>'
expect_grep "the group page has the sweep and its fit" "$html/group-kdf.html" ' fixed, R'
# ten short samples a side (slower still under AddressSanitizer) may leave the
# ratio's interval holding 1: either sentence compares the implementations
if grep -qE 'faster than|no measurable difference between' "$html/group-did.html"; then
    ok "and the implementations side by side"
else
    not_ok "and the implementations side by side" "no ratio in $html/group-did.html"
fi

# A filtered run: the index still lists every benchmark of the baseline, and
# every page it links to is there
rm -rf "$html"
run "$CB" $SHORT --exact did/sha256/64/openssl
expect_status "a filtered run exits 0" 0
for name in $names; do
    expect_grep "after it the index still names $name" "$html/index.html" \
        ">$(printf '%s' "$name" | sed 's|/|/<wbr>|g')</a>"
done
expect_grep "the others under their own heading" "$html/index.html" '<h2>Not measured in this run</h2>'
broken=$(links "$html"/*.html | while IFS=$'\t' read -r from to; do
    [ -f "$html/$to" ] || echo "$(basename "$from") -> $to"; done)
if [ -z "$broken" ]; then ok "and every link of the filtered run's report leads to a page"; else
    not_ok "and every link of the filtered run's report leads to a page" "$broken"; fi

# A sweep of two points: drawn, not fitted (two points fit any line)
run "$CB" $SHORT --reports-dir "$TMP/reports/two" '^did/sha256/(64|1024)/openssl'
expect_grep "a two-point sweep gets its chart" "$TMP/reports/two/html/group-did.html" \
    "aria-label=\"each series&#39; estimate against its bytes\""
expect_grep "and says why it has no fit" "$TMP/reports/two/html/group-did.html" 'too few for a fit'
rm -rf "$TMP/reports/two"

found=$(grep -liE 'http|<script|<link|url\(|@import' "$html"/*.html)
if [ -z "$found" ]; then ok "no page refers to anything outside itself"; else
    not_ok "no page refers to anything outside itself" "$found"; fi

# `report` measures nothing: the stored run, rendered again
before=$(cksum <"$TMP/reports/base.json")
rm -rf "$html"
run "$CB" report --reports-dir "$TMP/reports"
expect_status "report exits 0" 0
expect_in "and says where the report is" out "^Wrote $html/index.html$"
expect_not_in "measuring nothing" out 'time:'
expect_file "report rewrites the index" "$html/index.html"
expect_file "and the pages" "$html/bench-did.sha256.64.openssl.html"
if [ "$(cksum <"$TMP/reports/base.json")" = "$before" ]; then ok "report leaves the baseline alone"; else
    not_ok "report leaves the baseline alone"; fi
run "$CB" report --baseline base --reports-dir "$TMP/reports"
expect_status "report --baseline exits 0" 0
expect_grep "and compares with it" "$html/index.html" 'compared with baseline <b>base</b>'

rm -rf "$TMP/quiet"
run "$CB" $SHORT --reports-dir "$TMP/quiet" --no-html --exact did/sha256/64/openssl
if [ -e "$TMP/quiet/html" ]; then not_ok "--no-html writes no report"; else ok "--no-html writes no report"; fi

# A hostile baseline: names that are markup, or paths out of the report
run "$CB" $SHORT --save-baseline x "$pick"
sed -e 's|"did/sha256/64/openssl"|"<img src=x onerror=alert(1)>"|' \
    -e 's|"did/sha256/64/libsodium"|"../../etc/passwd"|' \
    "$TMP/reports/x.json" >"$TMP/reports/evil.json"
rm -rf "$html"
run "$CB" report --load-baseline evil --reports-dir "$TMP/reports"
expect_status "a hostile baseline's report exits 0" 0
expect_grep "a name that is markup is shown escaped" "$html/index.html" '&lt;img src=x onerror=alert(1)&gt;'
found=$(grep -l '<img' "$html"/*.html)
if [ -z "$found" ]; then ok "and never raw, on any page"; else
    not_ok "and never raw, on any page" "$found"; fi
expect_file "its page gets a safe name" "$html/bench-=3cimg=20src=3dx=20onerror=3dalert=281=29=3e.html"
expect_file "a name with ../ stays in the report's directory" "$html/bench-=2e=2e.=2e=2e.etc.passwd.html"
outside=$(find "$TMP" -name '*.html' ! -path "$html/*")
if [ -z "$outside" ]; then ok "no page is written outside it"; else
    not_ok "no page is written outside it" "$outside"; fi

echo "1..$n"
