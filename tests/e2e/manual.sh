# The command line's reference agrees with itself: docs/cli.md and the manual
# page are what the runner writes from the tables its --help is made of, and
# list the options --help lists; every command has a --help of its own.
. tests/e2e/common.bash

RUNNER=$BUILD/runner/cryptbench

run "$RUNNER" --manual markdown
if diff -u docs/cli.md "$TMP/out" >"$TMP/diff"; then ok "docs/cli.md is what the runner writes"; else
    not_ok "docs/cli.md is what the runner writes (run make docs)" "$(head -40 "$TMP/diff")"; fi
run "$RUNNER" --manual man
if cmp -s "$BUILD/cryptbench.1" "$TMP/out"; then ok "the manual page is what the runner writes"; else
    not_ok "the manual page is what the runner writes"; fi
cp "$TMP/out" "$TMP/cryptbench.1"
if command -v groff >/dev/null 2>&1; then
    run groff -man -Tutf8 -ww -z "$TMP/cryptbench.1"
    if [ "$status" -eq 0 ] && [ ! -s "$TMP/err" ]; then ok "groff reads the manual page without a warning"; else
        not_ok "groff reads the manual page without a warning" "$(head -10 "$TMP/err")"; fi
    MANWIDTH=100 man -l "$TMP/cryptbench.1" 2>/dev/null >"$TMP/man.txt"
else
    echo "ok $((n += 1)) # SKIP groff is not installed"
fi

# the option names of each source: --help's left column, the man page's
# OPTIONS section as man renders it, docs/cli.md's Options section
run "$CB" --help
cp "$TMP/out" "$TMP/help.txt"
names_help() { grep -E '^  (-h, )?--' "$1" | cut -c1-29 | grep -oE -- '--[a-z][a-z-]*' | sort -u; }
names_help "$TMP/help.txt" >"$TMP/help.names"
sed -n '/^## Options/,/^## Filters/p' docs/cli.md | grep -E '^- `' | cut -d'`' -f2 |
    grep -oE -- '--[a-z][a-z-]*' | sort -u >"$TMP/md.names"
if [ "$(wc -l <"$TMP/help.names")" -gt 40 ]; then ok "--help lists the options ($(wc -l <"$TMP/help.names"))"; else
    not_ok "--help lists the options" "$(cat "$TMP/help.names")"; fi
if diff "$TMP/help.names" "$TMP/md.names" >"$TMP/diff"; then ok "docs/cli.md lists the options --help lists"; else
    not_ok "docs/cli.md lists the options --help lists" "$(cat "$TMP/diff")"; fi
if [ -s "$TMP/man.txt" ]; then
    sed -n '/^OPTIONS/,/^FILTERS/p' "$TMP/man.txt" | grep -E '^ {7}-' |
        grep -oE -- '--[a-z][a-z-]*' | sort -u >"$TMP/man.names"
    if diff "$TMP/help.names" "$TMP/man.names" >"$TMP/diff"; then ok "the manual page lists the options --help lists"; else
        not_ok "the manual page lists the options --help lists" "$(cat "$TMP/diff")"; fi
fi

# each command's own --help: its usage, and only the options it reads
commands=$(sed -n 's/^### `cryptbench \([a-z]*\) .*/\1/p' docs/cli.md)
if [ "$(echo $commands)" = "analyze compare report gate serve calibrate trend" ]; then
    ok "docs/cli.md has a section per command"
else
    not_ok "docs/cli.md has a section per command" "$commands"
fi
for c in $commands; do
    run "$CB" "$c" --help
    expect_status "$c --help exits 0" 0
    expect_in "$c --help is its own usage" out "^Usage: cryptbench $c "
    if cmp -s "$TMP/out" "$TMP/help.txt"; then not_ok "$c --help is not the whole help"; else
        ok "$c --help is not the whole help"; fi
done
run "$CB" calibrate --help
expect_in "calibrate --help has --rounds" out '^  --rounds N'
expect_in "and --replay" out '^  --replay FILE'
expect_not_in "but not --budgets, which only a run reads" out '--budgets'
run "$CB" analyze --help
expect_in "analyze --help has --unit" out '^  --unit '
expect_not_in "but not --threads" out '--threads'
run "$CB" --help
expect_in "the whole help points to each command's" out 'COMMAND --help'
# commands.def names, for each command, the options it reads; docs/cli.md
# lists them under "Options:" in each command's section. Together they must be
# every option but the program's own (--version, --manual).
sed -n '/^## Commands/,/^## Options/p' docs/cli.md |
    awk '/^Options:/ { on = 1 } /^$/ { on = 0 } on' | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$TMP/union.names"
grep -vxE -- '--(version|manual|no-html)' "$TMP/help.names" >"$TMP/want.names"
grep -vxE -- '--(version|manual)' "$TMP/union.names" >"$TMP/got.names"
if diff "$TMP/want.names" "$TMP/got.names" >"$TMP/diff"; then
    ok "every option is read by some command (lib/cli/commands.def)"
else
    not_ok "every option is read by some command (lib/cli/commands.def)" "$(cat "$TMP/diff")"
fi
run "$CB" --manual troff
expect_status "--manual with another format is refused" 2

echo "1..$n"
