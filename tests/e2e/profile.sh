# --profile: where a measured loop's instructions go, in the known proportions
# of tests/fixtures/profiled (f 3 units, g 1), the same in two runs byte for
# byte; g doing double named as what grew, in the terminal, gate.md and the
# HTML; a sweep's icicles side by side; hostile names escaped. And
# --profile-time, which runs a loop and keeps nothing.
. tests/e2e/common.bash
PROFILED=$BUILD/tests/fixtures/profiled

run "$PROFILED" --profile-time 0.2 --exact profiled/f-and-g --reports-dir "$TMP/nothing"
expect_status "--profile-time runs the loop and exits 0" 0
expect_in "saying what it ran" out '^Profiling profiled/f-and-g for 0\.2 s \.\.\. done, .* per iteration'
if [ ! -e "$TMP/nothing" ]; then ok "and saves nothing"; else not_ok "and saves nothing" "$(ls -R "$TMP/nothing")"; fi
run "$PROFILED" --profile-time 0.2 --test
expect_status "--profile-time with --test exits 2" 2
expect_in "naming both" err '--profile-time runs the loops alone: it cannot be combined with --test'
run "$PROFILED" --profile-time 0.2 --budgets "$TMP/none.json"
expect_status "--profile-time with --budgets exits 2" 2
expect_in "saying nothing would be checked" err '--profile-time runs the loops alone: it cannot be combined with --budgets'
run "$PROFILED" --profile --measure wall
expect_status "--profile with --measure wall exits 2" 2
expect_in "saying a profile counts instructions" err '--profile counts instructions under callgrind'

if [ -n "${ASAN_BUILD:-}" ] || case "$BUILD" in *asan*) true ;; *) false ;; esac; then
    echo "ok $((n + 1)) # SKIP profiles run under valgrind, which cannot run a sanitizer build"
    echo "1..$((n + 1))"
    exit 0
fi

P="--profile --warm-up-time 0.05 --measurement-time 0.2 --sample-size 10 --nresamples 1000 --reports-dir $TMP/reports --gate"
stored=$TMP/reports/profiles/base-instructions/profiled.f-and-g.json

# share NAME: the self share (percent) of function NAME in the terminal's profile
share() {
    sed -n "s/^ \{26\} *\([0-9.]*\)% .* $1\$/\1/p" "$TMP/out" | head -1
}

# near DESC GOT WANT: GOT is within one percentage point of WANT
near() {
    if [ -n "$2" ] && awk -v a="$2" -v b="$3" 'BEGIN { exit !((a - b) ^ 2 < 1) }'; then
        ok "$1 ($2%)"
    else
        not_ok "$1" "got '$2', want $3 +- 1" "$(head -c 1500 "$TMP/out")"
    fi
}

run "$PROFILED" $P --exact profiled/f-and-g
expect_status "--profile runs under callgrind and exits 0" 0
expect_in "the terminal lists the top functions" out '^ {24}profile: [0-9.]+ K instructions per iteration; self, inclusive:$'
near "f, three units of work, takes three quarters of the loop" "$(share f)" 75
near "g, one unit, a quarter" "$(share g)" 25
expect_not_in "the harness is left out of the top entries" out ' (cb_state_call|one_sample|main)$'
if [ -s "$stored" ]; then ok "the profile is stored beside the baseline"; else not_ok "the profile is stored beside the baseline" "$(ls -R "$TMP/reports")"; fi
cp "$stored" "$TMP/first.json"

run "$PROFILED" $P --exact profiled/f-and-g
expect_status "a second run exits 0" 0
if cmp -s "$stored" "$TMP/first.json"; then
    ok "two runs give the same profile, byte for byte"
else
    not_ok "two runs give the same profile, byte for byte" "$(diff "$TMP/first.json" "$stored" | head -20)"
fi
expect_in "and the same count" out 'No change in performance detected\.'
expect_not_in "so nothing is named as what grew" out 'what changed'

run env PROFILED_G_UNITS=2 "$PROFILED" $P --exact profiled/f-and-g
expect_status "g doing double fails the gate" 1
expect_in "the terminal says what changed" out '^ {24}what changed, self instructions per iteration:$'
first=$(grep -A1 'what changed' "$TMP/out" | tail -1)
# g does twice the work in each of its calls, called once an iteration as before
if printf '%s\n' "$first" | grep -Eq '^ {26}\+[0-9.]+( K)?  [0-9.]+( K)? -> [0-9.]+( K)?  calls 1\.0000 -> 1\.0000  g \(100% of the change\)$'; then
    ok "g first, old and new per iteration, its calls as many, all of the change"
else
    not_ok "g first, old and new per iteration, its calls as many, all of the change" "got: $first"
fi
cp "$TMP/reports/gate.md" "$TMP/gate"
expect_in "gate.md names g under the regressed row" gate '^\| ↳ in `g`, calls 1\.0000 → 1\.0000 \| [0-9.]+( K)? \| [0-9.]+( K)? \| 100% of the change \|'
page=$TMP/reports/html/bench-profiled.f-and-g.html
cp "$page" "$TMP/page"
expect_in "the page draws the icicle" page 'aria-label="icicle of the measured loop"'
expect_in "and the differential icicle, g grown" page 'class="fl d-up3"[^>]*><title>g: '
expect_in "with f unchanged" page 'class="fl d-same"[^>]*><title>f: '
expect_in "the table of what changed has g's calls" page '<td class="n" data-label="calls">1\.0000 → 1\.0000</td>'

run "$PROFILED" $P profiled/keyed
expect_status "a sweep profiles each parameter" 0
cp "$TMP/reports/html/group-profiled.html" "$TMP/group"
expect_in "its group page sets their icicles side by side" group '<h2>Profiles across parameters</h2>'
icicles=$(grep -o 'aria-label="icicle of the measured loop"' "$TMP/group" | wc -l)
if [ "$icicles" -eq 3 ]; then ok "one icicle per parameter"; else not_ok "one icicle per parameter" "$icicles"; fi
shares=$(grep -E '  key_setup$' "$TMP/out" | sed 's/^ *\([0-9.]*\)%.*/\1/' | tr '\n' ' ')
if awk -v s="$shares" 'BEGIN { split(s, a, " "); exit !((a[1] - 66.7)^2 < 1 && (a[2] - 33.3)^2 < 1 && (a[3] - 11.1)^2 < 1) }'; then
    ok "the set-up's share falls as the work grows ($shares)"
else
    not_ok "the set-up's share falls as the work grows" "$shares"
fi

# a hostile profile in the reports directory: its names are escaped
cat >"$stored" <<'EOF'
{"schema_version": 1, "name": "profiled/f-and-g", "unit": "instructions", "samples": 1,
 "iterations": 1, "nodes": [
 {"name": "<img src=x onerror=alert(1)>", "object": "\"><script>", "parent": -1, "self": 1},
 {"name": "f", "object": "profiled", "parent": 0, "self": 3}]}
EOF
run "$PROFILED" report --load-baseline base-instructions --reports-dir "$TMP/reports"
expect_status "report draws a stored profile" 0
cp "$page" "$TMP/page"
expect_not_in "its names escaped" page '<img src=x|<script>'
expect_in "and shown" page '&lt;img src=x onerror=alert\(1\)&gt;'
echo '{"schema_version": 1, "name": "profiled/f-and-g", "nodes": 3}' >"$stored"
run "$PROFILED" report --load-baseline base-instructions --reports-dir "$TMP/reports"
expect_status "a malformed profile exits 2" 2
expect_in "naming the file and where" err 'profiled\.f-and-g\.json:1:[0-9]+: '

# A stripped library: its hot function is static, so callgrind knows only its
# address; the profile names it under the exported function the user called
cat >"$TMP/hot.c" <<'EOF2'
__attribute__((noinline)) static unsigned hot_mix(unsigned x)
{
    unsigned i;

    for (i = 0; i < 2000; i++) {
        x = x * 2654435761u + i;
    }
    return x;
}

unsigned stripped_entry(unsigned x)
{
    return hot_mix(x) ^ 1u;
}
EOF2
cat >"$TMP/user.c" <<'EOF2'
#include <cryptbench.h>

unsigned stripped_entry(unsigned x);

static int call(cb_state *s)
{
    unsigned x = 1;

    CB_LOOP(s) {
        x = stripped_entry(x);
        cb_black_box(&x);
    }
    return 0;
}

int main(int argc, char **argv)
{
    cb_register(&(cb_bench){ .name = "stripped/entry", .run = call });
    return cb_main(argc, argv);
}
EOF2
if cc -O2 -fPIC -shared -o "$TMP/libhot.so" "$TMP/hot.c" && strip --strip-unneeded "$TMP/libhot.so" &&
    cc -O2 -Iinclude -o "$TMP/user" "$TMP/user.c" "$BUILD/libcryptbench.a" -L"$TMP" -lhot \
        -Wl,-rpath,"$TMP" $(pkg-config --libs jansson) -lm -pthread; then
    ok "a benchmark against a stripped library builds"
else
    not_ok "a benchmark against a stripped library builds"
fi
if nm "$TMP/libhot.so" 2>&1 | grep -q 'no symbols' && nm -D "$TMP/libhot.so" | grep -q ' T stripped_entry$'; then
    ok "the library keeps only its exported symbols"
else
    not_ok "the library keeps only its exported symbols" "$(nm "$TMP/libhot.so" 2>&1 | head -5)"
fi
run "$TMP/user" --profile --warm-up-time 0.05 --measurement-time 0.2 --sample-size 10 \
    --nresamples 1000 --reports-dir "$TMP/stripped"
expect_status "its profile runs" 0
expect_in "the hot frame is named under the function the user called" out \
    '^ {26} *[0-9.]+% .* 0x[0-9a-f]+ under stripped_entry \(libhot\.so\)$'
expect_not_in "never by a bare address" out '^ {26} *[0-9.]+% .* 0x[0-9a-f]+ \(libhot\.so\)$'
if grep -q '0x[0-9a-f]* under stripped_entry' "$TMP/stripped/html/bench-stripped.entry.html"; then
    ok "and so is it on its page"
else
    not_ok "and so is it on its page"
fi

echo "1..$n"
