# What github-action-benchmark reads from --format bencher and --format github,
# with its own regular expressions, verbatim from dist/src/extract.js and
# dist/src/extractRangeInfo.js of three releases, run by node as the action
# runs them: v1.20.1 (2024-04-02, whole nanoseconds only), v1.20.4
# (2024-10-23, fractions of nanoseconds) and v1.22.0 (2026-03-31, any unit).
# A sub-nanosecond time must read as itself, never 0; counts must never read as
# nanoseconds. docs/formats.md states these outcomes.
. tests/e2e/common.bash

RUNNER=$BUILD/runner/cryptbench
if ! command -v node >/dev/null 2>&1; then
    echo "ok 1 # SKIP node is not installed (ci/install-deps --test installs it)"
    echo "1..1"
    exit 0
fi

# 0.35 ns an iteration, and 2,835 cycles one
{ echo iterations,total; for i in 1 2 3 4 5 6 7 8 9 10; do echo "1000000,$((350000 + i * 100))"; done; } \
    >"$TMP/fast.csv"
{ echo iterations,total; for i in 1 2 3 4 5 6 7 8 9 10; do echo "1,$((2830 + i))"; done; } >"$TMP/cmov.csv"
run env -C "$TMP" "$PWD/$RUNNER" analyze fast.csv --format bencher --nresamples 1000
cp "$TMP/out" "$TMP/fast.txt"
expect_in "a sub-nanosecond time is written with its digits" out '^test fast\.csv \.\.\. bench: +0\.35[0-9] ns/iter \(\+/- 0\.000[0-9]+\)$'
run env -C "$TMP" "$PWD/$RUNNER" analyze cmov.csv --unit cycles --format bencher --nresamples 1000
cp "$TMP/out" "$TMP/cmov.txt"
run env -C "$TMP" "$PWD/$RUNNER" analyze fast.csv --format github --nresamples 1000
cp "$TMP/out" "$TMP/fast.json"

cat >"$TMP/parse.js" <<'JS'
const fs = require('fs');
// extractCargoResult's expression and number parsing, per release
const cargo = {
    'v1.20.1': { re: /^test (.+)\s+\.\.\. bench:\s+([0-9,]+) ns\/iter \(\+\/- ([0-9,]+)\)$/,
                 value: m => parseInt(m[2].replace(/,/g, ''), 10), unit: m => 'ns/iter' },
    'v1.20.4': { re: /^test (.+)\s+\.\.\. bench:\s+([0-9,.]+) ns\/iter \(\+\/- ([0-9,.]+)\)$/,
                 value: m => parseFloat(m[2].replace(/,/g, '')), unit: m => 'ns/iter' },
    'v1.22.0': { re: /^test (.+)\s+\.\.\. bench:\s+([0-9,.]+) (\w+\/\w+) \(\+\/- ([0-9,.]+)\)$/,
                 value: m => parseFloat(m[2].replace(/,/g, '')), unit: m => m[3].trim() },
};
const [kind, file, version] = process.argv.slice(2);
const output = fs.readFileSync(file, 'utf8');
if (kind === 'cargo') {
    const p = cargo[version], benches = [];
    for (const line of output.split(/\r?\n/g)) {
        const m = line.match(p.re);
        if (m !== null) benches.push(`${m[1].trim()} ${p.value(m)} ${p.unit(m)}`);
    }
    // extractResult: "if (benches.length === 0) throw new Error(`No benchmark result was found ..."
    console.log(benches.length === 0 ? 'No benchmark result was found' : benches.join('\n'));
} else {
    // customSmallerIsBetter: JSON.parse, then v1.22.0's extractRangeInfo on each range
    for (const b of JSON.parse(output)) {
        const r = b.range.match(/(?<prefix>(\+-|±)\s*)(?<value>\d.*)/);
        console.log(`${b.name} ${Number(b.value)} ${b.unit} range ${r ? Number(r.groups.value) : 'none'}`);
    }
}
JS
parse() { run node "$TMP/parse.js" "$@"; }
parse cargo "$TMP/fast.txt" v1.22.0
expect_in "v1.22.0 reads a sub-nanosecond time as itself" out '^fast\.csv 0\.35[0-9]* ns/iter$'
parse cargo "$TMP/fast.txt" v1.20.4
expect_in "so does v1.20.4" out '^fast\.csv 0\.35[0-9]* ns/iter$'
parse cargo "$TMP/fast.txt" v1.20.1
expect_in "v1.20.1 reads whole nanoseconds only: no result, as for today's cargo bench" out '^No benchmark result was found$'
parse cargo "$TMP/cmov.txt" v1.22.0
expect_in "v1.22.0 reads cycles as cycles" out '^cmov\.csv 283[0-9]\.[0-9]+ cycles/iter$'
parse cargo "$TMP/cmov.txt" v1.20.4
expect_in "v1.20.4 skips them, and a file of counts alone fails" out '^No benchmark result was found$'
parse cargo "$TMP/cmov.txt" v1.20.1
expect_in "as v1.20.1 does" out '^No benchmark result was found$'
parse custom "$TMP/fast.json"
expect_in "--format github: the value in ns, the range a plain number" out '^fast\.csv 0\.35[0-9]* ns range 0\.0000?[1-9][0-9]*$'
# a slow, spread-out one: the half-width of its interval is hundreds of
# thousands of nanoseconds, written in three significant digits all the same
{ echo iterations,total; for i in 1 2 3 4 5 6 7 8 9 10; do echo "1,$((1000000000 + i * i * 97531))"; done; } \
    >"$TMP/slow.csv"
run env -C "$TMP" "$PWD/$RUNNER" analyze slow.csv --format github --nresamples 1000
cp "$TMP/out" "$TMP/slow.json"
for f in fast slow; do
    run node -e '
        for (const b of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) {
            const digits = b.range.replace(/^± /, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
            console.log(`${b.range} ${/^± [0-9.]+$/.test(b.range) && digits.length <= 3 ? "ok" : "bad"}`);
        }' "$TMP/$f.json"
    expect_in "--format github's range of $f.csv in three significant digits, no exponent" out '^± [0-9.]+ ok$'
done
echo "1..$n"
